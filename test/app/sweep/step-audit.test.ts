import type { AppDeps } from '../../../src/app/deps';
import type { AuditEntry } from '../../../src/app/shared/audit-log';
import type { SweepContext } from '../../../src/app/sweep/sweep-context';
import { auditAction, auditSweep, stepCode } from '../../../src/app/sweep/step-audit';
import type { TimerStep } from '../../../src/domain/timers/timer-schedule';
import { cfg, now } from './sweep-fakes';

/** A sweep context whose audit log keeps its entries (or throws `fails`) and whose logger keeps its errors. */
function auditContext(fails?: unknown) {
  const entries: AuditEntry[] = [];
  const errors: [string, Record<string, unknown>][] = [];
  const deps = {
    audit: {
      append: (entry: AuditEntry): Promise<void> => {
        // The audit log may reject with something that is not an Error; the sweep then logs it as `unknown`.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        if (fails !== undefined) return Promise.reject(fails);
        entries.push(entry);
        return Promise.resolve();
      },
    },
    log: {
      warn: () => undefined,
      info: () => undefined,
      error: (event: string, data: Record<string, unknown>) => errors.push([event, data]),
    },
  } as unknown as AppDeps;
  const ctx = { deps, cfg, now, dryRun: false } as unknown as SweepContext;
  return { ctx, entries, errors };
}

const ticket = { id: '10001', key: 'SUP-1' };

describe('the audit names of the timer steps', () => {
  const cases: [TimerStep, string, string][] = [
    [{ kind: 'reminder', number: 2 }, 'reminder', 'reminder2'],
    [{ kind: 'close' }, 'close', 'close'],
    [{ kind: 'expiryNotice' }, 'expiryNotice', 'expiryNotice'],
    [{ kind: 'expire' }, 'expire', 'expire'],
  ];
  it.each(cases)('%j: action %s, detail %s', (step, action, code) => {
    expect(auditAction(step)).toBe(action);
    expect(stepCode(step)).toBe(code);
  });
});

describe('auditSweep', () => {
  it('records the outcome at the run’s moment for the ticket and project, as the sweep’s', async () => {
    const { ctx, entries } = auditContext();
    await auditSweep(ctx, ticket, {
      action: 'close',
      outcome: 'done',
      detail: 'close',
      idempotencyKey: 'k1',
    });
    expect(entries).toEqual([
      {
        at: now.toISOString(),
        projectKey: cfg.projectKey,
        issueKey: 'SUP-1',
        issueId: '10001',
        source: 'sweep',
        action: 'close',
        outcome: 'done',
        detail: 'close',
        idempotencyKey: 'k1',
      },
    ]);
  });

  it.each([
    ['an error', new TypeError('refused'), 'TypeError'],
    ['anything else', 'refused', 'unknown'],
  ])('logs a failed audit write (%s) by its name only and does not throw', async (_, thrown, name) => {
    const { ctx, errors } = auditContext(thrown);
    await expect(auditSweep(ctx, ticket, { action: 'reminder', outcome: 'done' })).resolves.toBeUndefined();
    expect(errors).toEqual([['sweep.auditFailed', { issueId: '10001', action: 'reminder', error: name }]]);
  });
});

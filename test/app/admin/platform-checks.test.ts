import { NotJiraAdminError } from '../../../src/app/admin/admin-access';
import { runPlatformChecks } from '../../../src/app/admin/platform-checks';
import type { PlatformProbe } from '../../../src/app/ports';
import { AUTOMATION_HOLD_KEY } from '../../../src/app/shared/automation-hold';
import { sweepContextFor } from '../../../src/app/sweep/sweep-setup';
import { defaultConfig } from '../../../src/domain/config';
import { SHIPPED_EXPRESSIONS } from '../../../src/domain/workflows/rule-expressions';
import { adminDeps } from './admin-fixture';

/** A probe answering like Jira's analyse endpoint: every expression valid, or the given ones rejected. */
function probe(rejected: Record<number, string> = {}): PlatformProbe & { calls: number } {
  const p = {
    calls: 0,
    analyseExpressions(expressions: string[]) {
      p.calls++;
      return Promise.resolve(
        expressions.map((_e, i) =>
          rejected[i] === undefined
            ? { valid: true, errors: [] }
            : { valid: false, errors: [rejected[i] ?? ''] },
        ),
      );
    },
  };
  return p;
}

describe('platform checks (admin page, Health tab)', () => {
  it('refuses a non-admin before checking anything', async () => {
    const { deps, store } = adminDeps({ admin: false });
    const p = probe();
    await expect(runPlatformChecks({}, { admin: deps, probe: p })).rejects.toBeInstanceOf(NotJiraAdminError);
    expect(p.calls).toBe(0);
    expect(await store.get(AUTOMATION_HOLD_KEY)).toBeUndefined();
  });

  it('passes on a site that behaves as documented, stating each check’s cost, and lifts an earlier hold', async () => {
    const { deps, store } = adminDeps();
    await store.set(AUTOMATION_HOLD_KEY, { since: deps.now.toISOString(), failed: ['expressions'] });
    const view = await runPlatformChecks({}, { admin: deps, probe: probe() });
    expect(view.automationHeld).toBe(false);
    expect(view.results.map((r) => [r.id, r.passed, r.costPoints])).toEqual([
      ['expressions', true, 1],
      ['kvsConflict', true, 0],
    ]);
    expect(view.results[0]?.detail.de).toContain(String(Object.keys(SHIPPED_EXPRESSIONS).length));
    expect(await store.get(AUTOMATION_HOLD_KEY)).toBeUndefined();
    expect((await store.list('platform-checks:kvs:')).entries).toEqual([]);
  });

  it('a rejected expression fails in words, holds automation in dry run and is logged', async () => {
    const { deps, store } = adminDeps();
    const view = await runPlatformChecks(
      {},
      { admin: deps, probe: probe({ 2: 'Jira expression is too long (1040), limit: 1000 characters' }) },
    );
    const [expressions] = view.results;
    expect(expressions).toMatchObject({ id: 'expressions', passed: false });
    expect(expressions?.detail.en).toContain(
      'process-reclassification-validator: Jira expression is too long',
    );
    expect(expressions?.detail.de).toContain('blockieren jeden Übergang');
    expect(view.automationHeld).toBe(true);
    expect(await store.get(AUTOMATION_HOLD_KEY)).toEqual({
      since: deps.now.toISOString(),
      failed: ['expressions'],
    });
    const logged = await deps.app.audit.forProject('');
    expect(logged.entries.map((e) => [e.action, e.outcome, e.detail])).toEqual([
      ['platformCheckFailed', 'failed', 'expressions'],
    ]);
  });

  it('a conditional write that does not conflict fails the KVS check', async () => {
    const { deps, store } = adminDeps();
    store.setIfAbsent = () => Promise.resolve(true);
    const view = await runPlatformChecks({}, { admin: deps, probe: probe() });
    expect(view.results[1]).toMatchObject({ id: 'kvsConflict', passed: false });
    expect(view.results[1]?.detail.en).toContain('first: true, second: true');
    expect(view.automationHeld).toBe(true);
  });

  it('the sweep honours the hold: dry run while a check fails', async () => {
    const { deps, store } = adminDeps();
    const config = { ...defaultConfig, projects: ['SUP'] };
    expect((await sweepContextFor(deps.app, config, 'SUP', deps.now))?.dryRun).toBe(false);
    await store.set(AUTOMATION_HOLD_KEY, { since: deps.now.toISOString(), failed: ['kvsConflict'] });
    expect((await sweepContextFor(deps.app, config, 'SUP', deps.now))?.dryRun).toBe(true);
  });
});

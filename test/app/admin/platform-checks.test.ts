import { NotJiraAdminError } from '../../../src/app/admin/admin-access';
import { InvalidPayloadError } from '../../../src/app/admin/invalid-payload-error';
import { runPlatformChecks } from '../../../src/app/admin/platform-checks';
import type { PlatformProbe } from '../../../src/app/ports';
import { AUTOMATION_HOLD_KEY } from '../../../src/app/shared/automation-hold';
import { sweepContextFor } from '../../../src/app/sweep/sweep-setup';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import { SHIPPED_EXPRESSIONS } from '../../../src/domain/workflows/rule-expressions';
import { adminDeps } from './admin-fixture';
import { CONFIG_KEY, ConfigRepository } from '../../../src/app/shared/config-repository';
import { recordOnCallAnswer } from '../../../src/app/shared/platform-observations';
import { initialState } from '../../../src/domain/process-state';
import { publishRulesItem } from '../../../src/app/rules/rules-work';
import type { WorkItem } from '../../../src/app/ports';

const STATE = { ...initialState(new Date('2026-11-20T09:00:00Z'), '3'), nextDueAt: '2026-11-30T09:00:00Z' };

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

/** A site where no ticket has a due time yet: the due-query check cannot be tried. */
const NO_DUE_TICKET: NonNullable<NonNullable<Parameters<typeof adminDeps>[0]>['table']>[number] = [
  'POST',
  /^\/rest\/api\/3\/search\/jql/,
  { status: 200, body: { issues: [], isLast: true } },
];

describe('platform checks (admin page, Health tab)', () => {
  it('refuses a non-admin before checking anything', async () => {
    const { deps, store } = adminDeps({ admin: false, table: [NO_DUE_TICKET] });
    const p = probe();
    await expect(runPlatformChecks({}, { admin: deps, probe: p })).rejects.toBeInstanceOf(NotJiraAdminError);
    expect(p.calls).toBe(0);
    expect(await store.get(AUTOMATION_HOLD_KEY)).toBeUndefined();
  });

  it('passes on a site that behaves as documented, stating each check’s cost, and lifts an earlier hold', async () => {
    const { deps, store } = adminDeps({ table: [NO_DUE_TICKET] });
    await store.set(AUTOMATION_HOLD_KEY, { since: deps.now.toISOString(), failed: ['expressions'] });
    const view = await runPlatformChecks({}, { admin: deps, probe: probe() });
    expect(view.automationHeld).toBe(false);
    expect(view.results.map((r) => [r.id, r.passed, r.costPoints])).toEqual([
      ['expressions', true, 1],
      ['dueQuery', true, 2],
      ['kvsConflict', true, 0],
      ['commentEvents', true, 0],
      ['onCall', true, 0],
      ['rateLimitHeaders', true, 0],
    ]);
    expect(view.results[0]?.detail.de).toContain(String(Object.keys(SHIPPED_EXPRESSIONS).length));
    expect(await store.get(AUTOMATION_HOLD_KEY)).toBeUndefined();
    expect((await store.list('platform-checks:kvs:')).entries).toEqual([]);
  });

  it('a rejected expression fails in words, holds automation in dry run and is logged', async () => {
    const { deps, store } = adminDeps({ table: [NO_DUE_TICKET] });
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
    const { deps, store } = adminDeps({ table: [NO_DUE_TICKET] });
    store.setIfAbsent = () => Promise.resolve(true);
    const view = await runPlatformChecks({}, { admin: deps, probe: probe() });
    const kvs = view.results.find((r) => r.id === 'kvsConflict');
    expect(kvs).toMatchObject({ passed: false });
    expect(kvs?.detail.en).toContain('first: true, second: true');
    expect(view.automationHeld).toBe(true);
  });

  it.each([
    ['finds the due time by date', [{ id: '1', properties: { 'jsm-process-state': STATE } }], true],
    ['does not find it', [], false],
  ])('the due-query check passes when JQL %s, and fails otherwise', async (_name, second, passed) => {
    let searches = 0;
    const { deps } = adminDeps({
      table: [
        [
          'POST',
          /^\/rest\/api\/3\/search\/jql/,
          () => {
            searches++;
            const issues =
              searches === 1 ? [{ id: '1', properties: { 'jsm-process-state': STATE } }] : second;
            return { status: 200, body: { issues, isLast: true } };
          },
        ],
      ],
    });
    const view = await runPlatformChecks({}, { admin: deps, probe: probe() });
    const due = view.results.find((r) => r.id === 'dueQuery');
    expect(due).toMatchObject({ passed, costPoints: passed ? 4 : 3 });
    expect(due?.detail.en).toContain('2026-11-30T09:00:00Z');
    expect(view.automationHeld).toBe(!passed);
  });

  it('a refused on-call alert fails the on-call check; none sent yet passes', async () => {
    const { deps, store } = adminDeps({ table: [NO_DUE_TICKET] });
    await store.set(CONFIG_KEY, {
      version: 1,
      input: { onCall: { mode: 'webhook', target: 'https://oncall.example.com/alert' } },
    });
    const untried = await runPlatformChecks({}, { admin: deps, probe: probe() });
    expect(untried.results.find((r) => r.id === 'onCall')).toMatchObject({ passed: true });
    await recordOnCallAnswer(store, false, 'on-call alert answered HTTP 503', deps.now);
    const refused = await runPlatformChecks(
      {},
      { admin: { ...deps, app: { ...deps.app, config: new ConfigRepository(store) } }, probe: probe() },
    );
    const onCall = refused.results.find((r) => r.id === 'onCall');
    expect(onCall).toMatchObject({ passed: false });
    expect(onCall?.detail.de).toContain('HTTP 503');
    expect(refused.automationHeld).toBe(true);
  });

  it.each([
    ['no payload', undefined],
    ['an empty payload', {}],
  ])('runs with %s', async (_name, payload) => {
    const { deps } = adminDeps({ table: [NO_DUE_TICKET] });
    await expect(runPlatformChecks(payload, { admin: deps, probe: probe() })).resolves.toMatchObject({
      automationHeld: false,
    });
  });

  it.each([
    ['a parameter', { projectKey: 'SUP' }],
    ['a value that is not a record', 'all'],
  ])('refuses a payload with %s', async (_name, payload) => {
    const { deps } = adminDeps({ table: [NO_DUE_TICKET] });
    const p = probe();
    await expect(runPlatformChecks(payload, { admin: deps, probe: p })).rejects.toBeInstanceOf(
      InvalidPayloadError,
    );
    expect(p.calls).toBe(0);
  });

  it('queues the publication of the expression tables when the hold starts and when it ends, not while it lasts', async () => {
    const { deps, store } = adminDeps({ table: [NO_DUE_TICKET] });
    const pushed: WorkItem[][] = [];
    const admin = {
      ...deps,
      app: { ...deps.app, queue: { push: async (items: WorkItem[]) => void pushed.push(items) } },
    };
    const failing = probe({ 0: 'syntax error' });
    await runPlatformChecks({}, { admin, probe: failing });
    expect(pushed).toEqual([[publishRulesItem()]]);
    await runPlatformChecks({}, { admin, probe: failing });
    expect(pushed).toHaveLength(1);
    await runPlatformChecks({}, { admin, probe: probe() });
    expect(pushed).toEqual([[publishRulesItem()], [publishRulesItem()]]);
    await runPlatformChecks({}, { admin, probe: probe() });
    expect(pushed).toHaveLength(2);
    expect(await store.get(AUTOMATION_HOLD_KEY)).toBeUndefined();
  });

  it('keeps the start of a hold that goes on, naming the checks failing now, each logged once per run', async () => {
    const { deps, store } = adminDeps({ table: [NO_DUE_TICKET] });
    await store.set(AUTOMATION_HOLD_KEY, { since: '2026-11-01T00:00:00.000Z', failed: ['kvsConflict'] });
    await runPlatformChecks({}, { admin: deps, probe: probe({ 1: 'too long' }) });
    expect(await store.get(AUTOMATION_HOLD_KEY)).toEqual({
      since: '2026-11-01T00:00:00.000Z',
      failed: ['expressions'],
    });
    const logged = await deps.app.audit.forProject('');
    expect(logged.entries).toEqual([
      expect.objectContaining({
        at: deps.now.toISOString(),
        action: 'platformCheckFailed',
        source: 'admin',
        detail: 'expressions',
        idempotencyKey: `platform-check:expressions:${deps.now.getTime()}`,
      }),
    ]);
  });

  it('names an expression Jira gave no answer for', async () => {
    const { deps } = adminDeps({ table: [NO_DUE_TICKET] });
    const silent: PlatformProbe = { analyseExpressions: () => Promise.resolve([]) };
    const view = await runPlatformChecks({}, { admin: deps, probe: silent });
    const [expressions] = view.results;
    expect(expressions).toMatchObject({ id: 'expressions', passed: false });
    expect(expressions?.detail.en).toContain(`${Object.keys(SHIPPED_EXPRESSIONS)[0]}: no answer`);
  });

  it.each([
    ['an error', Object.assign(new Error('KVS down'), { name: 'KvsError' }), 'KvsError'],
    ['a value that is not an error', 'down', 'error'],
  ])(
    'a conditional write that throws %s fails the KVS check by its name, and the scratch key is removed',
    async (_name, thrown, named) => {
      const { deps, store } = adminDeps({ table: [NO_DUE_TICKET] });
      const real = store.setIfAbsent.bind(store);
      store.setIfAbsent = async (key: string, value: unknown) => {
        await real(key, value);
        // A store client may reject with something other than an Error.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        return Promise.reject(thrown);
      };
      const view = await runPlatformChecks({}, { admin: deps, probe: probe() });
      const kvs = view.results.find((r) => r.id === 'kvsConflict');
      expect(kvs).toMatchObject({ passed: false });
      expect(kvs?.detail.en).toContain(`first: ${named}, second: ${named}`);
      expect((await store.list('platform-checks:kvs:')).entries).toEqual([]);
    },
  );

  it('a conditional write refused the first time fails the KVS check', async () => {
    const { deps, store } = adminDeps({ table: [NO_DUE_TICKET] });
    store.setIfAbsent = () => Promise.resolve(false);
    const view = await runPlatformChecks({}, { admin: deps, probe: probe() });
    expect(view.results.find((r) => r.id === 'kvsConflict')).toMatchObject({ passed: false });
    expect(view.automationHeld).toBe(true);
  });

  it('an advisory failure is reported without holding automation', async () => {
    const { deps, store } = adminDeps({ table: [NO_DUE_TICKET] });
    await store.set(CONFIG_KEY, {
      version: 1,
      input: { onCall: { mode: 'webhook', target: 'http://oncall.example.com/alert' } },
    });
    const view = await runPlatformChecks({}, { admin: deps, probe: probe() });
    expect(view.results.find((r) => r.id === 'onCall')).toMatchObject({ passed: false, advisory: true });
    expect(view.automationHeld).toBe(false);
    expect(await store.get(AUTOMATION_HOLD_KEY)).toBeUndefined();
  });

  it('names every rejected expression with all of its errors, in both languages', async () => {
    const { deps } = adminDeps({ table: [NO_DUE_TICKET] });
    const twice: PlatformProbe = {
      analyseExpressions: (expressions) =>
        Promise.resolve(
          expressions.map((_e, i) =>
            i < 2 ? { valid: false, errors: ['e1', 'e2'] } : { valid: true, errors: [] },
          ),
        ),
    };
    const view = await runPlatformChecks({}, { admin: deps, probe: twice });
    const [first, second] = Object.keys(SHIPPED_EXPRESSIONS);
    const reasons = `${first}: e1; e2 | ${second}: e1; e2`;
    expect(view.results[0]?.detail.en).toContain(`(${reasons})`);
    expect(view.results[0]?.detail.de).toContain(`(${reasons})`);
  });

  it('says in both languages what passed and what failed', async () => {
    const { deps, store } = adminDeps({ table: [NO_DUE_TICKET] });
    const passed = await runPlatformChecks({}, { admin: deps, probe: probe() });
    const count = String(Object.keys(SHIPPED_EXPRESSIONS).length);
    expect(passed.results[0]?.detail.en).toContain(count);
    const kvs = passed.results.find((r) => r.id === 'kvsConflict');
    expect(kvs?.detail.en).toMatch(/refused/);
    expect(kvs?.detail.de).toMatch(/abgelehnt/);
    store.setIfAbsent = () => Promise.resolve(true);
    const failed = await runPlatformChecks({}, { admin: deps, probe: probe() });
    expect(failed.results.find((r) => r.id === 'kvsConflict')?.detail.de).toContain(
      'erster: true, zweiter: true',
    );
  });

  it('writes its scratch keys to expire within a day, in case removing them fails', async () => {
    const { deps, store } = adminDeps({ table: [NO_DUE_TICKET] });
    const writes: [string, unknown, unknown][] = [];
    const real = store.setIfAbsent.bind(store);
    store.setIfAbsent = (key: string, value: unknown, options?: unknown) => {
      writes.push([key, value, options]);
      return real(key, value);
    };
    await runPlatformChecks({}, { admin: deps, probe: probe() });
    const key = `platform-checks:kvs:${deps.now.getTime()}`;
    expect(writes).toEqual([
      [key, { probe: 1 }, { ttlDays: 1 }],
      [key, { probe: 2 }, { ttlDays: 1 }],
    ]);
  });

  it('logs a failure as a site-wide entry and says why a payload is refused', async () => {
    const { deps } = adminDeps({ table: [NO_DUE_TICKET] });
    await runPlatformChecks({}, { admin: deps, probe: probe({ 0: 'bad' }) });
    const logged = await deps.app.audit.forProject('');
    expect(logged.entries[0]).toMatchObject({ projectKey: '', issueKey: '', issueId: '' });
    await expect(runPlatformChecks({ x: 1 }, { admin: deps, probe: probe() })).rejects.toMatchObject({
      message: expect.stringContaining('runPlatformChecks takes no parameters'),
    });
  });

  it('the sweep honours the hold: dry run while a check fails', async () => {
    const { deps, store } = adminDeps({ table: [NO_DUE_TICKET] });
    const config = { ...defaultConfig, projects: ['SUP'] };
    expect((await sweepContextFor(deps.app, config, 'SUP', deps.now))?.dryRun).toBe(false);
    await store.set(AUTOMATION_HOLD_KEY, { since: deps.now.toISOString(), failed: ['kvsConflict'] });
    expect((await sweepContextFor(deps.app, config, 'SUP', deps.now))?.dryRun).toBe(true);
  });
});

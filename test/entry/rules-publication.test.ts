import { ActAsError } from '../../sandbox/jira/act-as';
import { REQUEST_TYPE } from '../../sandbox/jira/seed/demo-ids';
import { RECLASSIFICATION_RULES_KEY, transitionRulesKey } from '../../src/domain/workflows/published-rules';
import type { PlatformChecksView } from '../../src/contract/platform-checks';
import type { SaveSettingsResult, SettingsView } from '../../src/contract/settings';
import { asAdmin, type LocalSite, STATUS, USER, startEventsSite } from '../support/local-site';
import { invokeThroughPage } from '../../sandbox/forge/page-view';

/**
 * The app publishes the tables its Jira expressions look up (Forge app property, project property) on install,
 * upgrade and every settings save; the local site evaluates the manifest's expressions on its transitions and
 * type changes against them. Real handlers, real Forge SDKs, strict site.
 */
describe('published expression tables on the local site', () => {
  let s: LocalSite;
  beforeEach(async () => {
    s = await startEventsSite(undefined, { workflowRules: true });
  });
  afterEach(() => {
    expect(s.failedInvocations()).toEqual([]);
    s.close();
  });

  const supportRequest = () =>
    s.agent.createIssue({
      project: 'SD',
      issueType: 'Support Request',
      summary: 'Password reset',
      requestTypeId: REQUEST_TYPE.request,
    });

  /** Target status names of the transitions Jira offers the agent. */
  async function offered(key: string): Promise<string[]> {
    const res = await s.site.handle({
      method: 'GET',
      path: `/rest/api/3/issue/${key}/transitions`,
      headers: {},
      principal: { kind: 'user', accountId: USER.agentDach },
    });
    return (JSON.parse(res.body) as { transitions: { to: { name: string } }[] }).transitions.map(
      (t) => t.to.name,
    );
  }

  const admin = <T>(functionKey: string, payload: unknown) => asAdmin<T>(s, functionKey, payload);

  it('fails open before the first publication; install publishes and the process is enforced up front', async () => {
    const early = await supportRequest();
    await s.agent.transition(early, { status: 'In Progress' });
    expect(s.status(early)).toBe('In Progress'); // left to the event rule
    await s.settle();

    s.host.lifecycle('avi:forge:installed:app', USER.admin);
    await s.settle();
    expect(s.site.store.appProperties.has(transitionRulesKey('SD'))).toBe(true);
    const projectId = s.site.store.projectByKeyOrId('SD')?.id ?? '';
    expect(s.site.store.projectProperties.get(projectId)?.has(RECLASSIFICATION_RULES_KEY)).toBe(true);

    const key = await supportRequest();
    await expect(s.agent.transition(key, { status: 'In Progress' })).rejects.toBeInstanceOf(ActAsError);
    await s.agent.transition(key, { status: 'Clarification required / On hold' });
    await expect(s.agent.transition(key, { status: 'Resolved' })).rejects.toBeInstanceOf(ActAsError);
    await s.agent.transition(key, { status: 'Open' });
    expect(s.status(key)).toBe('Open');

    const incident = await s.agent.createIssue({
      project: 'SD',
      issueType: 'Incident',
      summary: 'Outage',
      requestTypeId: REQUEST_TYPE.incident,
    });
    await expect(s.agent.edit(incident, { issuetype: { name: 'Suggestion' } })).rejects.toMatchObject({
      status: 400,
    });
    await s.agent.edit(incident, { issuetype: { name: 'Software Defect' } });
    await s.settle();
    expect(s.typeName(incident)).toBe('Software Defect');
  });

  it('a settings save re-publishes: a status renamed in Jira and in the settings is enforced without a redeploy', async () => {
    s.host.lifecycle('avi:forge:upgraded:app', USER.admin);
    await s.settle();
    const status = s.site.store.statuses.get(STATUS.inProgress);
    if (!status) throw new Error('no In Progress');
    status.name = 'In Arbeit';
    const key = await supportRequest();
    // Stale table (still "In Progress"): the renamed status is not held back, the event rule reverts it.
    expect(await offered(key)).toContain('In Arbeit');

    const view = await admin<SettingsView>('getSettings', {});
    const names = view.site.names;
    const saved = await admin<SaveSettingsResult>('saveSettings', {
      scope: 'site',
      settings: {
        ...view.site,
        names: { ...names, statuses: { ...names.statuses, inProgress: 'In Arbeit' } },
      },
      managedProjects: view.projects.filter((p) => p.managed).map((p) => p.key),
      expectedVersion: view.version,
    });
    expect(saved).toMatchObject({ ok: true });
    await s.settle();
    expect(await offered(key)).not.toContain('In Arbeit');
    await expect(s.agent.transition(key, { status: 'In Arbeit' })).rejects.toBeInstanceOf(ActAsError);
  });

  it('dry run withdraws the tables, so nothing is refused that the app would not act on', async () => {
    s.host.lifecycle('avi:forge:installed:app', USER.admin);
    await s.settle();
    const view = await admin<SettingsView>('getSettings', {});
    await admin<SaveSettingsResult>('saveSettings', {
      scope: 'site',
      settings: { ...view.site, dryRun: true },
      managedProjects: view.projects.filter((p) => p.managed).map((p) => p.key),
      expectedVersion: view.version,
    });
    await s.settle();
    expect(s.site.store.appProperties.has(transitionRulesKey('SD'))).toBe(false);
    const key = await supportRequest();
    await s.agent.transition(key, { status: 'In Progress' });
    expect(s.status(key)).toBe('In Progress');
  });

  it('a failed platform check withdraws the tables while it holds automation; passing checks publish them again', async () => {
    s.host.lifecycle('avi:forge:installed:app', USER.admin);
    await s.settle();
    expect(s.site.store.appProperties.has(transitionRulesKey('SD'))).toBe(true);
    // A failed run leaves this hold: automation in dry run, and a re-publication (here: an upgrade) withdraws.
    const at = Date.now();
    const hold = { since: s.clock.now().toISOString(), failed: ['dueQuery'] };
    s.host.kvs.put('kvs', 'platform-checks:hold', { value: hold, createdAt: at, updatedAt: at });
    s.host.lifecycle('avi:forge:upgraded:app', USER.admin);
    await s.settle();
    expect(s.site.store.appProperties.has(transitionRulesKey('SD'))).toBe(false);
    const key = await supportRequest();
    await s.agent.transition(key, { status: 'In Progress' });
    expect(s.status(key)).toBe('In Progress');
    // The checks pass again: the hold ends and the tables are back without a settings save.
    const view = await admin<PlatformChecksView>('runPlatformChecks', {});
    expect(view.automationHeld).toBe(false);
    await s.settle();
    expect(s.site.store.appProperties.has(transitionRulesKey('SD'))).toBe(true);
  });

  it('platform checks pass on the local site for an admin and are refused to an agent', async () => {
    const before = await admin<PlatformChecksView>('runPlatformChecks', {});
    expect(before.results.find((r) => r.id === 'dueQuery')?.detail.en).toContain(
      'No ticket has a due time yet',
    );
    // A ticket waiting for the customer has a due time; once search has indexed it, the due query finds it.
    const key = await supportRequest();
    await s.settle();
    await s.agent.transition(key, { status: 'Clarification required / On hold' });
    await s.agent.comment(key, 'Which version do you run?');
    await s.settle();
    s.clock.advance(60_000);
    const view = await admin<PlatformChecksView>('runPlatformChecks', {});
    expect(view.results.map((r) => [r.id, r.passed, r.costPoints])).toEqual([
      ['expressions', true, 1],
      ['dueQuery', true, 4],
      ['kvsConflict', true, 0],
      ['commentEvents', true, 0],
      ['onCall', true, 0],
      ['rateLimitHeaders', true, 0],
    ]);
    const detail = (id: string) => view.results.find((r) => r.id === id)?.detail;
    expect(detail('dueQuery')?.en).toContain('the due-ticket query finds it');
    expect(detail('commentEvents')?.de).toContain('nennen die Sichtbarkeit nicht');
    expect(detail('rateLimitHeaders')?.en).toContain('X-RateLimit-Remaining');
    expect(view.automationHeld).toBe(false);
    const refused = await invokeThroughPage(s.host, s.site, {
      moduleKey: 'process-admin',
      functionKey: 'runPlatformChecks',
      payload: {},
      accountId: USER.agentDach,
      extension: { type: 'jira:adminPage' },
    });
    expect(refused).toMatchObject({ ok: true, value: { error: { code: 'FORBIDDEN' } } });
  });
});

import { ISSUE_TYPE, REQUEST_TYPE, STATUS, USER } from '../../../sandbox/jira/seed/demo-ids';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import { KINDS, type Kind } from '../../../src/domain/kinds';
import {
  RECLASSIFICATION_RULES_KEY,
  reclassificationRules,
  transitionRules,
  transitionRulesKey,
} from '../../../src/domain/workflows/published-rules';
import {
  RECLASSIFICATION_REFUSED_MESSAGE,
  TRANSITION_REFUSED_MESSAGE,
} from '../../../src/domain/workflows/rule-expressions';
import { APP, asUser, harness } from './site-harness';

const AGENT = asUser(USER.agentDach);
const TYPE_IDS = Object.fromEntries(KINDS.map((kind) => [kind, [ISSUE_TYPE[kind]]])) as Record<
  Kind,
  string[]
>;

describe("the app's Jira expressions on the local site's transitions and type changes", () => {
  const h = harness({ seed: { seed: 7 }, attachWorkflowRules: true });

  async function publish(names = defaultConfig.names) {
    expect(
      (
        await h.call(
          'PUT',
          `/rest/forge/1/app/properties/${transitionRulesKey('SD')}`,
          transitionRules(names, USER.app),
        )
      ).status,
    ).toBeLessThan(300);
    const reclassification = reclassificationRules(names, TYPE_IDS, USER.app);
    expect(
      (
        await h.call(
          'PUT',
          `/rest/api/3/project/SD/properties/${RECLASSIFICATION_RULES_KEY}`,
          reclassification,
        )
      ).status,
    ).toBeLessThan(300);
  }

  async function unpublish() {
    await h.call('DELETE', `/rest/forge/1/app/properties/${transitionRulesKey('SD')}`);
    await h.call('DELETE', `/rest/api/3/project/SD/properties/${RECLASSIFICATION_RULES_KEY}`);
  }

  const ticket = (type: 'Support Request' | 'Incident') =>
    h.site.actAs(USER.agentDach).createIssue({
      project: 'SD',
      issueType: type,
      summary: 'Printer',
      requestTypeId: type === 'Incident' ? REQUEST_TYPE.incident : REQUEST_TYPE.request,
    });

  const offered = async (key: string, principal = AGENT) =>
    (
      (await h.call('GET', `/rest/api/3/issue/${key}/transitions`, undefined, principal)).json as {
        transitions: { id: string; to: { name: string } }[];
      }
    ).transitions;

  const transitionTo = async (key: string, status: string, principal = AGENT) => {
    const id = h.site.store.projects
      .get(h.site.store.issue(key)?.projectId ?? '')
      ?.workflows[h.site.store.issue(key)?.issueTypeId ?? '']?.transitions.find(
        (t) => t.to === status && t.from.includes(h.site.store.issue(key)?.statusId ?? ''),
      )?.id;
    return h.call('POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id } }, principal);
  };

  afterEach(unpublish);

  test('without published tables every transition is offered and allowed (fail open)', async () => {
    const key = await ticket('Support Request');
    expect((await offered(key)).map((t) => t.to.name)).toContain('In Progress');
    expect((await transitionTo(key, STATUS.inProgress)).status).toBe(204);
  });

  test('with the tables the condition hides a forbidden transition and the validator refuses it', async () => {
    await publish();
    const key = await ticket('Support Request');
    const names = (await offered(key)).map((t) => t.to.name);
    expect(names).toContain('Resolved');
    expect(names).not.toContain('In Progress');
    // Jira refuses a transition its conditions hide; with the condition detached, the validator refuses it.
    expect((await transitionTo(key, STATUS.inProgress)).status).toBe(400);
    h.site.store.attachedWorkflowRules.delete('process-transition-condition');
    try {
      const refused = await transitionTo(key, STATUS.inProgress);
      expect(refused.status).toBe(400);
      expect(refused.json.errorMessages).toEqual([TRANSITION_REFUSED_MESSAGE]);
      expect(h.site.store.issue(key)?.statusId).toBe(STATUS.open);
    } finally {
      h.site.store.attachedWorkflowRules.add('process-transition-condition');
    }
    expect((await transitionTo(key, STATUS.resolved)).status).toBe(204);
  });

  test('the app itself is not held back (its reverts), and renamed statuses follow a re-publication', async () => {
    await publish();
    const key = await ticket('Support Request');
    expect((await offered(key, APP)).map((t) => t.to.name)).toContain('In Progress');
    // The admin renames "In Progress" in Jira and in the settings; the expression follows the new table.
    const status = h.site.store.statuses.get(STATUS.inProgress);
    if (!status) throw new Error('seed has no In Progress');
    status.name = 'In Arbeit';
    try {
      await publish({
        ...defaultConfig.names,
        statuses: { ...defaultConfig.names.statuses, inProgress: 'In Arbeit' },
      });
      expect((await offered(key)).map((t) => t.to.name)).not.toContain('In Arbeit');
      const incident = await ticket('Incident');
      expect((await offered(incident)).map((t) => t.to.name)).not.toContain('In Arbeit');
    } finally {
      status.name = 'In Progress';
    }
  });

  test('an expression that fails to evaluate blocks the transition', async () => {
    const key = await ticket('Support Request');
    await h.call('PUT', `/rest/forge/1/app/properties/${transitionRulesKey('SD')}`, { s: 'not a table' });
    expect(await offered(key)).toEqual([]);
    h.site.store.attachedWorkflowRules.delete('process-transition-condition');
    try {
      expect((await transitionTo(key, STATUS.clarification)).status).toBe(400);
    } finally {
      h.site.store.attachedWorkflowRules.add('process-transition-condition');
    }
  });

  test('the action validator refuses a reclassification outside §2 before it happens, and only then', async () => {
    const key = await ticket('Incident');
    const suggestion = { fields: { issuetype: { id: ISSUE_TYPE.suggestion } } };
    await publish();
    const refused = await h.call('PUT', `/rest/api/3/issue/${key}`, suggestion, AGENT);
    expect(refused.status).toBe(400);
    expect(refused.json.errorMessages).toEqual([RECLASSIFICATION_REFUSED_MESSAGE]);
    expect(h.site.store.issue(key)?.issueTypeId).toBe(ISSUE_TYPE.incident);
    const allowed = await h.call(
      'PUT',
      `/rest/api/3/issue/${key}`,
      { fields: { issuetype: { id: ISSUE_TYPE.softwareDefect } } },
      AGENT,
    );
    expect(allowed.status).toBe(204);
    await unpublish();
    const other = await ticket('Incident');
    expect((await h.call('PUT', `/rest/api/3/issue/${other}`, suggestion, AGENT)).status).toBe(204);
  });

  test('a type-change expression that fails to evaluate blocks the change', async () => {
    const key = await ticket('Incident');
    await h.call('PUT', `/rest/api/3/project/SD/properties/${RECLASSIFICATION_RULES_KEY}`, { k: [] });
    const res = await h.call(
      'PUT',
      `/rest/api/3/issue/${key}`,
      { fields: { issuetype: { id: ISSUE_TYPE.softwareDefect } } },
      AGENT,
    );
    expect(res.status).toBe(400);
    expect(h.site.store.issue(key)?.issueTypeId).toBe(ISSUE_TYPE.incident);
  });
});

describe('Forge app properties and the analyse endpoint', () => {
  const h = harness();

  test('app properties: asApp only, created then updated, listed, read, deleted; documented limits', async () => {
    const key = 'jsm-test';
    expect((await h.call('PUT', `/rest/forge/1/app/properties/${key}`, { a: 1 }, AGENT)).status).toBe(403);
    expect((await h.call('PUT', `/rest/forge/1/app/properties/${key}`, { a: 1 })).json).toEqual({
      message: 'Property created.',
      statusCode: 201,
    });
    expect((await h.call('PUT', `/rest/forge/1/app/properties/${key}`, { a: 2 })).status).toBe(200);
    expect((await h.call('GET', `/rest/forge/1/app/properties/${key}`)).json).toEqual({
      key,
      value: { a: 2 },
    });
    expect(
      (await h.call('GET', '/rest/forge/1/app/properties')).json.keys.map((k: { key: string }) => k.key),
    ).toEqual([key]);
    expect((await h.call('PUT', `/rest/forge/1/app/properties/${'k'.repeat(128)}`, { a: 1 })).status).toBe(
      400,
    );
    expect(
      (await h.call('PUT', `/rest/forge/1/app/properties/${key}`, { a: 'x'.repeat(32_770) })).status,
    ).toBe(400);
    expect((await h.call('DELETE', `/rest/forge/1/app/properties/${key}`)).status).toBe(204);
    expect((await h.call('GET', `/rest/forge/1/app/properties/${key}`)).json).toEqual({
      message: 'Property with key not found.',
      statusCode: 404,
    });
  });

  test('project properties: the app writes, agents may read but not write', async () => {
    const path = '/rest/api/3/project/SD/properties/jsm-test';
    expect((await h.call('PUT', path, { a: 1 })).status).toBe(201);
    expect((await h.call('GET', path, undefined, AGENT)).json).toEqual({ key: 'jsm-test', value: { a: 1 } });
    expect((await h.call('PUT', path, { a: 2 }, AGENT)).status).toBe(403);
  });

  test('analyse reports syntax errors with their position, the length and leaf limits, and unsupported constructs', async () => {
    const long = `issue.key == "${'x'.repeat(1000)}"`;
    const leafy = Array.from({ length: 51 }, (_, i) => `issue.key == "${i}"`).join(' || ');
    const res = await h.call('POST', '/rest/api/3/expression/analyse?check=syntax', {
      expressions: [
        'issue.status.name == "Open"',
        'issue.key ==',
        long,
        leafy,
        'issue.key === "A"',
        '(() => true)()',
      ],
    });
    expect(res.status).toBe(200);
    const [ok, broken, tooLong, tooLeafy, strict, arrow] = res.json.results as {
      valid: boolean;
      errors?: { type: string; message: string; line?: number }[];
    }[];
    expect(ok).toEqual({ expression: 'issue.status.name == "Open"', valid: true });
    expect(broken?.valid).toBe(false);
    expect(broken?.errors?.[0]).toMatchObject({ type: 'syntax', line: 1 });
    expect(tooLong?.errors).toContainEqual({
      type: 'other',
      message: 'Jira expression is too long (1015), limit: 1000 characters',
    });
    expect(tooLeafy?.errors?.map((e) => e.message)).toContainEqual(
      expect.stringMatching(/^Jira expression has too many nodes \(\d+\), limit: 100 leaves$/),
    );
    expect(strict?.valid).toBe(false);
    expect(arrow?.valid).toBe(false);
  });
});

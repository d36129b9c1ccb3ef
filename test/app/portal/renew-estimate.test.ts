import { InvalidPayloadError } from '../../../src/app/admin/invalid-payload-error';
import { NotVisibleToUserError } from '../../../src/app/portal/not-visible-error';
import type { PortalDeps } from '../../../src/app/portal/portal-deps';
import { renewEstimate } from '../../../src/app/portal/renew-estimate';
import { ActionLedger } from '../../../src/app/shared/action-ledger';
import { configForProject } from '../../../src/domain/config';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import { CUSTOMER_STATE_KEY, type CustomerState } from '../../../src/domain/service/customer-state';
import { startTimer } from '../../../src/domain/timers';
import {
  ACME,
  ago,
  CUSTOMER,
  DAY,
  GLOBEX,
  issueBean,
  KEY,
  NOW,
  ORGANIZATIONS_FIELD,
  portalSite,
  type IssueSpec,
  type PortalSiteOptions,
} from './portal-fakes';

const ID = '7000';
const OCCURRENCE = `${ID}:estimateRenewal`;
const ORIGIN = 'jsm-process-origin';
const cfg = configForProject(defaultConfig, 'SUP');

const estimate = (daysAgo: number) =>
  startTimer(
    'customisation',
    'estimationAvailable',
    new Date(NOW.getTime() - daysAgo * DAY),
    { statusId: '6' },
    cfg,
  );

/** A Customisation whose estimate of 16 weeks expired 8 days ago. */
const EXPIRED: IssueSpec = {
  type: 'Customisation',
  status: 'Estimation available',
  summary: 'Export to SAP',
  state: estimate(120),
};

const NOTE_CONFIG = {
  projects: ['SUP'],
  timers: { estimate: { renewal: { mode: 'accountManagerNote', accountManagers: ['am-1', 'am-2'] } } },
};

function site(spec: IssueSpec = EXPIRED, options: PortalSiteOptions = {}) {
  return portalSite({ issues: [issueBean(spec)], ...options });
}

describe('renewEstimate', () => {
  it('refuses a payload with anything in it before asking JSM', async () => {
    const s = await site();
    await expect(renewEstimate({ issueKey: 'SUP-8' }, s.context, s.deps)).rejects.toBeInstanceOf(
      InvalidPayloadError,
    );
    expect(s.asked).toEqual([]);
  });

  it.each([
    ['no payload', undefined],
    ['a null payload', null],
  ])('accepts %s', async (_, payload) => {
    const s = await site();
    await expect(renewEstimate(payload, s.context, s.deps)).resolves.toMatchObject({ outcome: 'requested' });
  });

  it('refuses a user JSM does not show the request to', async () => {
    const s = await site(EXPIRED, { visible: {} });
    await expect(renewEstimate({}, s.context, s.deps)).rejects.toBeInstanceOf(NotVisibleToUserError);
    expect(s.created).toEqual([]);
  });

  it.each<[string, IssueSpec, unknown]>([
    ['a request of a project the app does not manage', EXPIRED, { projects: ['OPS'] }],
    ['a request of a type the process does not know', { ...EXPIRED, type: 'Task' }, { projects: ['SUP'] }],
    ['an estimate still valid', { ...EXPIRED, state: estimate(100) }, { projects: ['SUP'] }],
    ['a Support Request', { ...EXPIRED, type: 'Support Request' }, { projects: ['SUP'] }],
  ])('answers "not expired" on %s, writing nothing', async (_, spec, config) => {
    const s = await site(spec, { config });
    await expect(renewEstimate({}, s.context, s.deps)).resolves.toEqual({ outcome: 'notExpired' });
    expect(s.calls.filter((c) => !c.startsWith('fields') && !c.startsWith('issue'))).toEqual([]);
  });

  it('raises a Request for the customer, shared with the organization, linked to the expired ticket', async () => {
    const s = await site({ ...EXPIRED, organizations: [ACME, GLOBEX] });
    const result = await renewEstimate({}, s.context, s.deps);

    expect(s.created).toEqual([
      {
        key: 'SUP-100',
        fields: {
          project: { key: 'SUP' },
          issuetype: { name: 'Request' },
          summary: 'New estimate: Export to SAP',
          reporter: { accountId: CUSTOMER },
          description: {
            plain:
              'Der Kunde bittet um eine neue Aufwandsschätzung für SUP-7 (Export to SAP); die bisherige ist abgelaufen.',
          },
          [ORGANIZATIONS_FIELD]: [1, 2],
        },
        extras: {
          links: [{ typeName: 'Relates', outwardKey: KEY }],
          properties: [{ key: ORIGIN, value: { occurrence: OCCURRENCE } }],
        },
      },
    ]);
    const renewal = { at: NOW.toISOString(), mode: 'newRequest', requestKey: 'SUP-100' };
    expect(s.property(KEY)).toEqual({ v: 1, escalations: [], renewal });
    expect(result).toEqual({
      outcome: 'requested',
      renewal: { requestedAt: NOW.toISOString(), requestKey: 'SUP-100' },
    });
    expect(await s.audit.forIssue(ID)).toEqual([
      {
        at: NOW.toISOString(),
        projectKey: 'SUP',
        issueKey: KEY,
        issueId: ID,
        action: 'newEstimateRequested',
        outcome: 'done',
        source: 'portal',
        detail: 'newRequest',
        idempotencyKey: OCCURRENCE,
      },
    ]);
  });

  it('names the Request in German for a German customer, cut to the 255 characters Jira allows', async () => {
    const s = await site({ ...EXPIRED, summary: 'x'.repeat(300) }, { context: { locale: 'de-DE' } });
    await renewEstimate({}, s.context, s.deps);
    const summary = s.created[0]?.fields.summary;
    expect(summary).toBe(`Neue Aufwandsschätzung: ${'x'.repeat(255 - 'Neue Aufwandsschätzung: '.length)}`);
  });

  it("raises the Request with the site's names of its type and link, shared with no organization when the ticket has none", async () => {
    const s = await site(
      { ...EXPIRED, organizations: [] },
      {
        config: {
          projects: ['SUP'],
          names: { kinds: { request: 'Service Request' } },
          timers: { estimate: { renewal: { linkType: 'Cloners' } } },
        },
      },
    );
    await renewEstimate({}, s.context, s.deps);
    expect(s.created[0]?.fields).not.toHaveProperty(ORGANIZATIONS_FIELD);
    expect(s.created[0]?.fields.issuetype).toEqual({ name: 'Service Request' });
    expect(s.created[0]?.extras).toMatchObject({ links: [{ typeName: 'Cloners', outwardKey: KEY }] });
  });

  it('asks for a new estimate on a ticket closed when its estimate expired', async () => {
    const closed = { ...estimate(120), done: [`${ID}:estimate:1:expire`] };
    const s = await site({ ...EXPIRED, status: 'Closed', state: closed });
    await expect(renewEstimate({}, s.context, s.deps)).resolves.toMatchObject({ outcome: 'requested' });
  });

  it('mentions the account managers in an internal note that carries the request, where the site asks for a note', async () => {
    const s = await site(EXPIRED, { config: NOTE_CONFIG });
    const result = await renewEstimate({}, s.context, s.deps);
    expect(s.created).toEqual([]);
    expect(s.edits).toEqual([
      {
        key: KEY,
        comment: {
          body: {
            plain:
              'Der Kunde bittet um eine neue Aufwandsschätzung für SUP-7 (Export to SAP); die bisherige ist abgelaufen.',
            mentions: ['am-1', 'am-2'],
          },
          internal: true,
          occurrence: OCCURRENCE,
        },
      },
    ]);
    expect(s.property(KEY)).toEqual({
      v: 1,
      escalations: [],
      renewal: { at: NOW.toISOString(), mode: 'accountManagerNote' },
    });
    expect(result).toEqual({
      outcome: 'requested',
      renewal: { requestedAt: NOW.toISOString(), requestKey: null },
    });
    expect((await s.audit.forIssue(ID))[0]).toMatchObject({ detail: 'accountManagerNote', outcome: 'done' });
  });

  it('keeps the escalations when it records the request', async () => {
    const customer: CustomerState = {
      v: 1,
      escalations: [{ level: 1, reason: 'handling', at: ago(DAY), group: 'dach', repliedAt: ago(DAY) }],
    };
    for (const config of [{ projects: ['SUP'] }, NOTE_CONFIG]) {
      const s = await site({ ...EXPIRED, customer }, { config });
      await renewEstimate({}, s.context, s.deps);
      expect(s.property(KEY)).toMatchObject({
        escalations: customer.escalations,
        renewal: { at: NOW.toISOString() },
      });
    }
  });

  it('asks once: a second click answers with the first request', async () => {
    const s = await site();
    await renewEstimate({}, s.context, s.deps);
    await expect(renewEstimate({}, s.context, s.deps)).resolves.toEqual({
      outcome: 'alreadyRequested',
      renewal: { requestedAt: NOW.toISOString(), requestKey: 'SUP-100' },
    });
    expect(s.created).toHaveLength(1);
  });

  it('answers with the request the customer state records, whatever the ledger still knows', async () => {
    const customer: CustomerState = {
      v: 1,
      escalations: [],
      renewal: { at: ago(300 * DAY), mode: 'newRequest', requestKey: 'SUP-50' },
    };
    const s = await site({ ...EXPIRED, customer });
    await expect(renewEstimate({}, s.context, s.deps)).resolves.toEqual({
      outcome: 'alreadyRequested',
      renewal: { requestedAt: ago(300 * DAY), requestKey: 'SUP-50' },
    });
    expect(s.created).toEqual([]);
  });

  describe('while or after another run holds the claim', () => {
    const claim = async (store: PortalDeps['store'], minutesAgo: number, done = false) => {
      const ledger = new ActionLedger(store);
      const at = new Date(NOW.getTime() - minutesAgo * 60_000);
      await ledger.claim(OCCURRENCE, at);
      if (done) await ledger.complete(OCCURRENCE, at);
    };
    const recorded: CustomerState = {
      v: 1,
      escalations: [],
      renewal: { at: ago(60_000), mode: 'newRequest', requestKey: 'SUP-50' },
    };
    /** The request as an older read shows it: before the renewal was recorded. */
    const olderRead = (deps: PortalDeps): PortalDeps['issues'] => ({
      getIssue: async (key, read) => {
        const bean = await deps.jira.getIssue(key, read);
        return { ...bean, properties: { ...bean.properties, [CUSTOMER_STATE_KEY]: undefined } };
      },
    });

    it('answers with the request the property records, writing nothing', async () => {
      const s = await site({ ...EXPIRED, customer: recorded });
      await claim(s.store, 1, true);
      await expect(renewEstimate({}, s.context, { ...s.deps, issues: olderRead(s.deps) })).resolves.toEqual({
        outcome: 'alreadyRequested',
        renewal: { requestedAt: ago(60_000), requestKey: 'SUP-50' },
      });
      expect(s.created).toEqual([]);
      // The ledger still says when the request was made.
      await expect(new ActionLedger(s.store).claim(OCCURRENCE, NOW)).resolves.toEqual({
        kind: 'done',
        at: ago(60_000),
      });
    });

    it('writes nothing while another run is at it', async () => {
      const s = await site();
      await claim(s.store, 1);
      await expect(renewEstimate({}, s.context, s.deps)).resolves.toEqual({
        outcome: 'alreadyRequested',
        renewal: { requestedAt: null, requestKey: null },
      });
      expect(s.created).toEqual([]);
      expect(s.property(KEY)).toBeUndefined();
    });

    it('closes the claim of a dead run that recorded the request, writing nothing', async () => {
      const s = await site({ ...EXPIRED, customer: recorded });
      await claim(s.store, 11);
      await expect(
        renewEstimate({}, s.context, { ...s.deps, issues: olderRead(s.deps) }),
      ).resolves.toMatchObject({
        outcome: 'alreadyRequested',
      });
      expect(s.created).toEqual([]);
      await expect(new ActionLedger(s.store).claim(OCCURRENCE, NOW)).resolves.toMatchObject({ kind: 'done' });
    });

    it('records the Request a dead run raised instead of raising a second', async () => {
      const s = await portalSite({
        issues: [
          issueBean({
            ...EXPIRED,
            links: [
              { type: 'Relates', inwardKey: 'SUP-48' },
              { type: 'Cloners', inwardKey: 'SUP-49' },
              { type: 'Relates', inwardKey: 'SUP-50' },
            ],
          }),
          issueBean({ key: 'SUP-48', type: 'Request', properties: { [ORIGIN]: { occurrence: 'other' } } }),
          issueBean({ key: 'SUP-49', type: 'Request', properties: { [ORIGIN]: { occurrence: OCCURRENCE } } }),
          issueBean({ key: 'SUP-50', type: 'Request', properties: { [ORIGIN]: { occurrence: OCCURRENCE } } }),
        ],
      });
      await claim(s.store, 11);
      await expect(renewEstimate({}, s.context, s.deps)).resolves.toEqual({
        outcome: 'requested',
        renewal: { requestedAt: NOW.toISOString(), requestKey: 'SUP-50' },
      });
      expect(s.created).toEqual([]);
      expect(s.property(KEY)).toMatchObject({ renewal: { requestKey: 'SUP-50' } });
      await expect(new ActionLedger(s.store).claim(OCCURRENCE, NOW)).resolves.toMatchObject({ kind: 'done' });
    });

    it('raises the Request for a dead run that raised none', async () => {
      const s = await portalSite({
        issues: [
          issueBean({ ...EXPIRED, links: [{ type: 'Relates', inwardKey: 'SUP-48' }] }),
          issueBean({ key: 'SUP-48', type: 'Request', properties: { [ORIGIN]: 'not a record' } }),
        ],
      });
      await claim(s.store, 11);
      await expect(renewEstimate({}, s.context, s.deps)).resolves.toMatchObject({ outcome: 'requested' });
      expect(s.created.map((c) => c.key)).toEqual(['SUP-100']);
    });

    it('looks for an earlier Request only after a dead run', async () => {
      const s = await portalSite({
        issues: [
          issueBean({ ...EXPIRED, links: [{ type: 'Relates', inwardKey: 'SUP-50' }] }),
          issueBean({ key: 'SUP-50', type: 'Request', properties: { [ORIGIN]: { occurrence: OCCURRENCE } } }),
        ],
      });
      await renewEstimate({}, s.context, s.deps);
      expect(s.created.map((c) => c.key)).toEqual(['SUP-100']);
      expect(s.calls).not.toContain(`getProperty SUP-50 ${ORIGIN}`);
    });

    it('writes the note again for a dead run, under the same occurrence', async () => {
      const s = await site(EXPIRED, { config: NOTE_CONFIG });
      await claim(s.store, 11);
      await expect(renewEstimate({}, s.context, s.deps)).resolves.toMatchObject({ outcome: 'requested' });
      expect(s.edits.map((e) => e.comment?.occurrence)).toEqual([OCCURRENCE]);
    });
  });
});

import { InvalidPayloadError } from '../../../src/app/admin/invalid-payload-error';
import { escalate } from '../../../src/app/portal/escalate';
import { NotVisibleToUserError } from '../../../src/app/portal/not-visible-error';
import type { PortalDeps } from '../../../src/app/portal/portal-deps';
import { ActionLedger } from '../../../src/app/shared/action-ledger';
import { CUSTOMER_STATE_KEY, type CustomerState } from '../../../src/domain/service/customer-state';
import {
  ago,
  CUSTOMER,
  DAY,
  GLOBEX,
  HOUR,
  issueBean,
  KEY,
  NOW,
  portalSite,
  type IssueSpec,
  type PortalSiteOptions,
} from './portal-fakes';

const ID = '7000';
const OCCURRENCE = (level: number) => `${ID}:escalation:${level}`;

/** A ladder with people on the first three levels and a team lead per region group on level 2. */
const CONFIG = {
  projects: ['SUP'],
  regions: { organizations: { 'Globex Ltd': 'sibiu' } },
  escalation: {
    levels: [
      {
        level: 1,
        label: { de: 'Ansprechpartner', en: 'Support contact' },
        people: ['contact-1', 'contact-2'],
      },
      {
        level: 2,
        label: { de: 'Teamleitung', en: 'Team lead' },
        people: ['lead'],
        byGroup: {
          dach: { label: { de: 'Teamleitung DACH', en: 'Team lead DACH' }, people: ['lead-dach'] },
          international: {
            label: { de: 'Teamleitung International', en: 'Team lead International' },
            people: [],
          },
        },
      },
      { level: 3, label: { de: 'Leitung Support', en: 'Head of Support' }, people: ['head'] },
    ],
  },
};

const NAMES = {
  'contact-1': 'Carla Contact',
  'contact-2': 'Chris Contact',
  'lead-dach': 'Lena Lead',
  lead: 'Leo Lead',
};

const PAYLOAD = { targetLevel: 1, reason: 'handling', text: 'Nobody answers.' };

function record(level: number, hoursAgo: number, replied = true, group: 'dach' | 'international' = 'dach') {
  return {
    level,
    reason: 'handling' as const,
    at: ago(hoursAgo * HOUR),
    group,
    ...(replied ? { repliedAt: ago(hoursAgo * HOUR) } : {}),
  };
}

const state = (...escalations: CustomerState['escalations']): CustomerState => ({ v: 1, escalations });

function site(spec: IssueSpec = {}, options: PortalSiteOptions = {}) {
  return portalSite({ config: CONFIG, names: NAMES, issues: [issueBean(spec)], ...options });
}

describe('escalate', () => {
  it.each([
    ['no payload', undefined],
    ['a level below the ladder', { ...PAYLOAD, targetLevel: 0 }],
    ['a level above the ladder', { ...PAYLOAD, targetLevel: 6 }],
    ['a level that is no whole number', { ...PAYLOAD, targetLevel: 1.5 }],
    ['an unknown reason', { ...PAYLOAD, reason: 'anger' }],
    ['a blank text', { ...PAYLOAD, text: '   ' }],
    ['a text over 1,000 characters', { ...PAYLOAD, text: 'x'.repeat(1001) }],
    ['an unknown key', { ...PAYLOAD, issueKey: 'SUP-8' }],
  ])('refuses %s before asking JSM anything', async (_, payload) => {
    const s = await site();
    await expect(escalate(payload, s.context, s.deps)).rejects.toBeInstanceOf(InvalidPayloadError);
    expect(s.asked).toEqual([]);
  });

  it('accepts a text of 1,000 characters, trimmed', async () => {
    const s = await site();
    const text = ` ${'x'.repeat(1000)} `;
    await expect(escalate({ ...PAYLOAD, text }, s.context, s.deps)).resolves.toMatchObject({
      outcome: 'escalated',
    });
    expect(JSON.stringify(s.edits[0]?.comment?.body)).toContain(`: ${'x'.repeat(1000)}"`);
  });

  it('refuses a user JSM does not show the request to', async () => {
    const s = await site({}, { visible: {} });
    await expect(escalate(PAYLOAD, s.context, s.deps)).rejects.toBeInstanceOf(NotVisibleToUserError);
    expect(s.edits).toEqual([]);
  });

  it.each([
    ['a project the app does not manage', {}, { ...CONFIG, projects: ['OPS'] }],
    ['a type the process does not know', { type: 'Task' }, CONFIG],
  ])('refuses a request of %s', async (_, spec, config) => {
    const s = await site(spec, { config });
    await expect(escalate(PAYLOAD, s.context, s.deps)).rejects.toMatchObject({
      problems: [expect.stringMatching(/^request: \S/)],
    });
    expect(s.edits).toEqual([]);
  });

  it("raises the request one level: a note to the level's people, then a reply naming them to the customer", async () => {
    const s = await site();
    const result = await escalate(PAYLOAD, s.context, s.deps);

    expect(s.calls).toEqual(['fields', `issue ${KEY}`, `edit ${KEY}`, `edit ${KEY}`]);
    const escalated = {
      level: 1,
      reason: 'handling',
      at: NOW.toISOString(),
      group: 'dach',
      by: CUSTOMER,
    } as const;
    expect(s.edits).toEqual([
      {
        key: KEY,
        comment: {
          body: {
            plain:
              'Der Kunde hat SUP-7 auf Stufe 1 eskaliert (Ansprechpartner). Grund: Bearbeitung eines Tickets.\n\n' +
              'Nachricht des Kunden: Nobody answers.',
            mentions: ['contact-1', 'contact-2'],
          },
          internal: true,
          occurrence: `${OCCURRENCE(1)}:note`,
        },
      },
      {
        key: KEY,
        comment: {
          body: {
            plain:
              'Hello,\n\nwe have received your escalation. Your request is now at level 1 with: Support contact ' +
              '(Carla Contact, Chris Contact). We will get back to you here.\n\nKind regards\nYour Service Desk team',
          },
          internal: false,
          occurrence: `${OCCURRENCE(1)}:reply`,
        },
      },
    ]);
    expect(s.property(KEY)).toEqual(state({ ...escalated, repliedAt: NOW.toISOString() }));
    expect(result).toEqual({
      outcome: 'escalated',
      escalation: {
        currentLevel: 1,
        currentLevelName: 'Support contact',
        nextLevel: 2,
        nextLevelName: 'Team lead DACH',
        allowedFrom: new Date(NOW.getTime() + DAY).toISOString(),
        history: [{ level: 1, levelName: 'Support contact', reason: 'handling', at: NOW.toISOString() }],
      },
    });
    expect(await s.audit.forIssue(ID)).toEqual([
      {
        at: NOW.toISOString(),
        projectKey: 'SUP',
        issueKey: KEY,
        issueId: ID,
        action: 'escalated',
        outcome: 'done',
        source: 'portal',
        detail: 'level1:handling:dach',
        idempotencyKey: OCCURRENCE(1),
      },
    ]);
  });

  it('records the level with the note, before the reply', async () => {
    const s = await site();
    const seen: unknown[] = [];
    const jira: PortalDeps['jira'] = {
      ...s.deps.jira,
      editIssue: async (key, edit) => {
        seen.push(edit.properties?.find((p) => p.key === CUSTOMER_STATE_KEY)?.value);
        await s.deps.jira.editIssue(key, edit);
      },
    };
    await escalate(PAYLOAD, s.context, { ...s.deps, jira });
    expect(seen).toEqual([
      state({ level: 1, reason: 'handling', at: NOW.toISOString(), group: 'dach', by: CUSTOMER }),
      state({
        level: 1,
        reason: 'handling',
        at: NOW.toISOString(),
        group: 'dach',
        by: CUSTOMER,
        repliedAt: NOW.toISOString(),
      }),
    ]);
  });

  it("names the level's own people for a group without any, and its label for people without names", async () => {
    const s = await site({ organizations: [GLOBEX], customer: state(record(1, 48)) }, { names: {} });
    const result = await escalate({ ...PAYLOAD, targetLevel: 2 }, s.context, s.deps);
    expect(result.outcome).toBe('escalated');
    expect(s.edits[0]?.comment?.body).toMatchObject({ mentions: ['lead'] });
    expect(s.edits[1]?.comment?.body).toEqual({
      plain: expect.stringContaining('at level 2 with: Team lead International (Team lead International).'),
    });
    expect((await s.audit.forIssue(ID))[0]?.detail).toBe('level2:handling:international');
  });

  it('leaves out the people whose names are unknown', async () => {
    const s = await site({}, { names: { 'contact-2': 'Chris Contact' } });
    await escalate(PAYLOAD, s.context, s.deps);
    expect(s.edits[1]?.comment?.body).toEqual({
      plain: expect.stringContaining('with: Support contact (Chris Contact).'),
    });
  });

  it('writes the note in German and the reply in the language of a German customer', async () => {
    const s = await site({}, { context: { locale: 'de-DE' } });
    await escalate(PAYLOAD, s.context, s.deps);
    expect(s.edits[1]?.comment?.body).toEqual({
      plain: expect.stringContaining(
        'Ihre Anfrage liegt jetzt auf Stufe 1 bei: Ansprechpartner (Carla Contact, Chris Contact).',
      ),
    });
  });

  it('writes the note in the English site language', async () => {
    const s = await site({}, { config: { ...CONFIG, defaultLanguage: 'en' } });
    await escalate({ ...PAYLOAD, reason: 'productQuality' }, s.context, s.deps);
    expect(s.edits[0]?.comment?.body).toMatchObject({
      plain: expect.stringMatching(
        /^The customer escalated SUP-7 to level 1 \(Support contact\)\. Reason: Product quality\./,
      ),
    });
  });

  it.each<[string, CustomerState, number, IssueSpec, string, number | null]>([
    ['a level that is not the next', state(), 2, {}, 'notNext', 1],
    ['the next level before the wait is over', state(record(1, 23)), 2, {}, 'tooEarly', 2],
    [
      'past the top of the ladder',
      state(record(1, 72), record(2, 48), record(3, 25)),
      4,
      {},
      'topReached',
      null,
    ],
    ['a closed request', state(), 1, { status: 'Closed' }, 'closed', null],
  ])('refuses %s, writing nothing', async (_, customer, targetLevel, spec, reason, nextLevel) => {
    const s = await site({ ...spec, customer });
    const result = await escalate({ ...PAYLOAD, targetLevel }, s.context, s.deps);
    expect(result).toMatchObject({
      outcome: 'refused',
      reason,
      escalation: { currentLevel: customer.escalations.length, nextLevel },
    });
    expect(s.edits).toEqual([]);
    expect(await s.audit.forIssue(ID)).toEqual([]);
  });

  it('answers a repeated click on a level the customer was told about with that escalation, writing nothing', async () => {
    const s = await site({ customer: state(record(1, 1)) });
    await expect(escalate(PAYLOAD, s.context, s.deps)).resolves.toMatchObject({
      outcome: 'alreadyDone',
      escalation: { currentLevel: 1, nextLevel: 2 },
    });
    expect(s.edits).toEqual([]);
  });

  it('escalates once for two clicks', async () => {
    const s = await site();
    await escalate(PAYLOAD, s.context, s.deps);
    await expect(escalate(PAYLOAD, s.context, s.deps)).resolves.toMatchObject({ outcome: 'alreadyDone' });
    expect(s.edits).toHaveLength(2);
  });

  it('writes nothing in dry run, and records that it would have escalated', async () => {
    const s = await site({}, { config: { ...CONFIG, automation: { dryRun: true } } });
    await expect(escalate(PAYLOAD, s.context, s.deps)).resolves.toMatchObject({
      outcome: 'refused',
      reason: 'dryRun',
      escalation: { currentLevel: 0, nextLevel: 1 },
    });
    expect(s.edits).toEqual([]);
    expect(await s.audit.forIssue(ID)).toEqual([
      {
        at: NOW.toISOString(),
        projectKey: 'SUP',
        issueKey: KEY,
        issueId: ID,
        action: 'escalated',
        outcome: 'dryRun',
        source: 'portal',
        detail: 'level1:handling:dach',
      },
    ]);
    await expect(new ActionLedger(s.store).claim(OCCURRENCE(1), NOW)).resolves.toEqual({ kind: 'claimed' });
  });

  it('answers "in progress" while another click holds the level, writing nothing', async () => {
    const s = await site();
    await new ActionLedger(s.store).claim(OCCURRENCE(1), new Date(NOW.getTime() - 60_000));
    await expect(escalate(PAYLOAD, s.context, s.deps)).resolves.toMatchObject({
      outcome: 'inProgress',
      escalation: { currentLevel: 0 },
    });
    expect(s.edits).toEqual([]);
  });

  describe('after a run that stopped', () => {
    /** The ledger's claim of level 1 made `minutesAgo` before now, and completed when `done`. */
    async function claimed(store: PortalDeps['store'], minutesAgo: number, done = false) {
      const ledger = new ActionLedger(store);
      const at = new Date(NOW.getTime() - minutesAgo * 60_000);
      await ledger.claim(OCCURRENCE(1), at);
      if (done) await ledger.complete(OCCURRENCE(1), at);
    }

    /** The request as an older read shows it (the app's copy): before the escalation. */
    const olderRead = (s: Awaited<ReturnType<typeof site>>): PortalDeps['issues'] => ({
      getIssue: async (key, read) => ({
        ...(await s.deps.jira.getIssue(key, read)),
        properties: {},
      }),
    });

    it('only replies when the level was recorded but the customer not told', async () => {
      const s = await site({ customer: state(record(1, 0, false)) });
      await claimed(s.store, 11);
      const result = await escalate(PAYLOAD, s.context, s.deps);
      expect(result.outcome).toBe('escalated');
      expect(s.edits.map((e) => e.comment?.occurrence)).toEqual([`${OCCURRENCE(1)}:reply`]);
      expect(s.property(KEY)).toEqual(state({ ...record(1, 0, false), repliedAt: NOW.toISOString() }));
      await expect(new ActionLedger(s.store).claim(OCCURRENCE(1), NOW)).resolves.toMatchObject({
        kind: 'done',
      });
    });

    it('replies without a second note when the read shows the level recorded but the customer not told', async () => {
      const s = await site({ customer: state(record(1, 0, false)) });
      const result = await escalate(PAYLOAD, s.context, s.deps);
      expect(result.outcome).toBe('escalated');
      expect(s.edits.map((e) => e.comment?.occurrence)).toEqual([`${OCCURRENCE(1)}:reply`]);
      expect(s.property(KEY)).toMatchObject({ escalations: [{ repliedAt: NOW.toISOString() }] });
    });

    it('finishes a dead run the read did not see yet from the property, strongly consistent', async () => {
      const s = await site({ customer: state(record(1, 0, false)) });
      await claimed(s.store, 11);
      const result = await escalate(PAYLOAD, s.context, { ...s.deps, issues: olderRead(s) });
      expect(result.outcome).toBe('escalated');
      expect(s.edits.map((e) => e.comment?.occurrence)).toEqual([`${OCCURRENCE(1)}:reply`]);
    });

    it('escalates for a dead run that wrote nothing', async () => {
      const s = await site();
      await claimed(s.store, 11);
      await expect(escalate(PAYLOAD, s.context, s.deps)).resolves.toMatchObject({ outcome: 'escalated' });
      expect(s.edits.map((e) => e.comment?.occurrence)).toEqual([
        `${OCCURRENCE(1)}:note`,
        `${OCCURRENCE(1)}:reply`,
      ]);
    });

    it('closes the claim of a dead run that finished its writes, writing nothing', async () => {
      const s = await site({ customer: state(record(1, 0)) });
      await claimed(s.store, 11);
      await expect(escalate(PAYLOAD, s.context, { ...s.deps, issues: olderRead(s) })).resolves.toMatchObject({
        outcome: 'alreadyDone',
        escalation: { currentLevel: 1 },
      });
      expect(s.edits).toEqual([]);
      await expect(new ActionLedger(s.store).claim(OCCURRENCE(1), NOW)).resolves.toMatchObject({
        kind: 'done',
      });
    });

    it('answers from the property when another run completed the level the read does not show yet', async () => {
      const s = await site({ customer: state(record(1, 0)) });
      await claimed(s.store, 1, true);
      await expect(escalate(PAYLOAD, s.context, { ...s.deps, issues: olderRead(s) })).resolves.toMatchObject({
        outcome: 'alreadyDone',
        escalation: { currentLevel: 1, history: [{ level: 1 }] },
      });
      expect(s.edits).toEqual([]);
      // The ledger still says when the escalation was done.
      await expect(new ActionLedger(s.store).claim(OCCURRENCE(1), NOW)).resolves.toEqual({
        kind: 'done',
        at: new Date(NOW.getTime() - 60_000).toISOString(),
      });
    });

    it('writes nothing when the ledger says done but the property does not show the level yet', async () => {
      const s = await site();
      await claimed(s.store, 1, true);
      await expect(escalate(PAYLOAD, s.context, s.deps)).resolves.toMatchObject({
        outcome: 'inProgress',
        escalation: { currentLevel: 0 },
      });
      expect(s.edits).toEqual([]);
    });
  });
});

import { decideConfidentiality } from '../../../src/domain/events/confidentiality-rule';
import { initialState } from '../../../src/domain/process-state';
import { event, input, NOW, projectConfig, ticket } from './rule-fixtures';

const STATE = initialState(NOW, 's-open');
const CREATED = event({ kind: 'created', items: [] });
const answered = (to: string) =>
  event({
    changelogId: '7',
    items: [{ field: 'Confidential', fieldId: 'cf-conf', fromString: '', toString: to }],
  });
const OTHER_CHANGE = event({
  changelogId: '8',
  items: [{ field: 'summary', fieldId: 'summary', toString: 'New' }],
});

type Row = [
  name: string,
  answer: string | undefined,
  ev: ReturnType<typeof event>,
  organization: string,
  currentLevel: string | undefined,
  liftOnNo: boolean,
  expected: string[],
];

/** Expected by hand from PROCESS.md §7: action type, then the level or message it names. */
const TABLE: Row[] = [
  [
    'Yes at creation, mapped org',
    'Yes',
    CREATED,
    'ACME',
    undefined,
    true,
    ['setSecurityLevel Support Graz', 'comment confidentialityApplied'],
  ],
  [
    'Yes later, mapped org',
    'Yes',
    answered('Yes'),
    'ACME',
    undefined,
    true,
    ['setSecurityLevel Support Graz', 'comment confidentialityApplied'],
  ],
  [
    'Yes, unmapped org: fails closed',
    'Yes',
    CREATED,
    'Globex',
    undefined,
    true,
    ['setSecurityLevel Support restricted', 'comment confidentialityFallback', 'audit securityFallback'],
  ],
  ['Yes, level already set', 'Yes', answered('Yes'), 'ACME', 'Support Graz', true, []],
  ['Yes, but the field did not change', 'Yes', OTHER_CHANGE, 'ACME', undefined, true, []],
  [
    "No lifts the app's own level",
    'No',
    answered('No'),
    'ACME',
    'Support Graz',
    true,
    ['setSecurityLevel none', 'comment confidentialityLifted'],
  ],
  [
    'No lifts the fallback level',
    'No',
    answered('No'),
    'Globex',
    'Support restricted',
    true,
    ['setSecurityLevel none', 'comment confidentialityLifted'],
  ],
  ['No keeps a level the app did not set', 'No', answered('No'), 'ACME', 'Board only', true, []],
  ['No with liftRestrictionOnNo off', 'No', answered('No'), 'ACME', 'Support Graz', false, []],
  ['No without any level', 'No', answered('No'), 'ACME', undefined, true, []],
  ['no answer', undefined, CREATED, 'ACME', undefined, true, []],
];

describe('decideConfidentiality (PROCESS.md §7)', () => {
  it.each(TABLE)('%s', (_name, answer, ev, organization, currentLevel, liftOnNo, expected) => {
    const config = projectConfig({
      regions: { organizations: { ACME: 'graz' }, liftRestrictionOnNo: liftOnNo },
    });
    const t = ticket({
      ...(answer !== undefined ? { confidential: answer } : {}),
      organizations: [{ id: '1', name: organization }],
      ...(currentLevel !== undefined ? { securityLevel: { id: 'l1', name: currentLevel } } : {}),
    });
    const result = decideConfidentiality({ ...input(t, ev), config }, STATE);
    const described = result.actions.map((a) =>
      a.type === 'setSecurityLevel'
        ? `${a.type} ${a.level ?? 'none'}`
        : a.type === 'comment'
          ? `${a.type} ${a.messageKey}`
          : a.type === 'audit'
            ? `${a.type} ${a.entry.action}`
            : a.type,
    );
    expect(described).toStrictEqual(expected);
    expect(result.state).toBe(STATE);
  });

  it('ignores Delivery tickets and sites without the field', () => {
    const t = ticket({ confidential: 'Yes', kind: 'delivery' });
    expect(decideConfidentiality(input(t, CREATED), STATE).actions).toEqual([]);
    const noField = { ...input(ticket({ confidential: 'Yes' }), CREATED), fieldIds: {} };
    expect(decideConfidentiality(noField, STATE).actions).toEqual([]);
  });
});

describe('decideConfidentiality: the actions it returns, exactly', () => {
  const config = (liftRestrictionOnNo = true) =>
    projectConfig({ regions: { organizations: { ACME: 'graz' }, liftRestrictionOnNo } });
  const decide = (t: ReturnType<typeof ticket>, ev: ReturnType<typeof event>, liftOnNo = true) =>
    decideConfidentiality({ ...input(t, ev), config: config(liftOnNo) }, STATE);
  const acme = [{ id: '1', name: 'ACME' }];

  it("a mapped organization: the region's level and a note, each keyed by the answer's change", () => {
    expect(decide(ticket({ confidential: 'Yes', organizations: acme }), answered('Yes'))).toStrictEqual({
      state: STATE,
      actions: [
        { type: 'setSecurityLevel', level: 'Support Graz', idempotencyKey: '10001:security:Support Graz:h7' },
        {
          type: 'comment',
          visibility: 'internal',
          messageKey: 'confidentialityApplied',
          params: { ticketKey: 'SD-1', securityLevel: 'Support Graz' },
          idempotencyKey: '10001:security:Support Graz:h7:note',
        },
      ],
    });
  });

  it.each([
    ['an unmapped organization', [{ id: '2', name: 'Globex' }], 'Globex'],
    ['no organization at all', [], '—'],
  ])('%s: the fallback level, a note naming the organization, an audit entry', (_, organizations, named) => {
    expect(decide(ticket({ confidential: 'Yes', organizations }), CREATED)).toStrictEqual({
      state: STATE,
      actions: [
        {
          type: 'setSecurityLevel',
          level: 'Support restricted',
          idempotencyKey: '10001:security:Support restricted:hh1',
        },
        {
          type: 'comment',
          visibility: 'internal',
          messageKey: 'confidentialityFallback',
          params: { ticketKey: 'SD-1', securityLevel: 'Support restricted', organization: named },
          idempotencyKey: '10001:security:Support restricted:hh1:note',
        },
        {
          type: 'audit',
          entry: {
            action: 'securityFallback',
            outcome: 'done',
            detail: 'noRegionForOrganization',
            idempotencyKey: '10001:security:Support restricted:hh1',
          },
        },
      ],
    });
  });

  it('No lifts the level with a note, keyed by the change', () => {
    const t = ticket({
      confidential: 'No',
      organizations: acme,
      securityLevel: { id: 'l1', name: 'Support Graz' },
    });
    expect(decide(t, answered('No'))).toStrictEqual({
      state: STATE,
      actions: [
        { type: 'setSecurityLevel', level: null, idempotencyKey: '10001:security:none:h7' },
        {
          type: 'comment',
          visibility: 'internal',
          messageKey: 'confidentialityLifted',
          params: { ticketKey: 'SD-1' },
          idempotencyKey: '10001:security:none:h7:note',
        },
      ],
    });
  });

  it('no answer lifts nothing, even on a level the app sets', () => {
    const t = ticket({ organizations: acme, securityLevel: { id: 'l1', name: 'Support Graz' } });
    expect(decide(t, OTHER_CHANGE).actions).toStrictEqual([]);
    expect(decide(t, CREATED).actions).toStrictEqual([]);
  });

  describe('a Yes taken back, read only after the No', () => {
    const yesThenNo = event({
      changelogId: '9',
      items: [{ field: 'Confidential', fieldId: 'cf-conf', fromString: 'Yes', toString: 'No' }],
    });
    const now = ticket({ confidential: 'No', organizations: acme });
    it('with the restriction locked, still restricts (the ticket held confidential data)', () => {
      expect(decide(now, yesThenNo, false).actions.map((a) => a.type)).toStrictEqual([
        'setSecurityLevel',
        'comment',
      ]);
    });
    it('with No lifting the restriction, restricts nothing', () => {
      expect(decide(now, yesThenNo, true).actions).toStrictEqual([]);
    });
    it('locked, a change that never was Yes restricts nothing; nor does the creation', () => {
      expect(decide(now, answered('No'), false).actions).toStrictEqual([]);
      expect(decide(now, CREATED, false).actions).toStrictEqual([]);
    });
  });
});

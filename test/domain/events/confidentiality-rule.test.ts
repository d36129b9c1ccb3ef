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
    expect(described).toEqual(expected);
    expect(result.state).toBe(STATE);
  });

  it('ignores Delivery tickets and sites without the field', () => {
    const t = ticket({ confidential: 'Yes', kind: 'delivery' });
    expect(decideConfidentiality(input(t, CREATED), STATE).actions).toEqual([]);
    const noField = { ...input(ticket({ confidential: 'Yes' }), CREATED), fieldIds: {} };
    expect(decideConfidentiality(noField, STATE).actions).toEqual([]);
  });
});

import { countLeaves, parseExpression } from '../../../sandbox/jira/expressions/parse-expression';
import { evaluateExpression } from '../../../sandbox/jira/expressions/evaluate-expression';
import { defaultConfig } from '../../../src/domain/config/app-config-schema';
import { KINDS, type Kind } from '../../../src/domain/kinds';
import { STATUSES, type StatusKey } from '../../../src/domain/statuses';
import { checkReclassification, checkStatusChange, hasStatus } from '../../../src/domain/workflows';
import { workingStatuses } from '../../../src/domain/workflows/workflow-table';
import {
  RECLASSIFICATION_RULES_KEY,
  reclassificationRules,
  transitionRules,
  transitionRulesKey,
  type RuleNames,
} from '../../../src/domain/workflows/published-rules';
import {
  RECLASSIFICATION_RULE_EXPRESSION,
  SHIPPED_EXPRESSIONS,
  TRANSITION_RULE_EXPRESSION,
} from '../../../src/domain/workflows/rule-expressions';
import { typeChangeWorld, workflowWorld, type ExpressionWorld } from '../../support/expression-context';

const APP_ACCOUNT = 'app-account';
const DEFAULT_NAMES: RuleNames = defaultConfig.names;
/** Every status and type renamed, as an admin would after renaming them in Jira. */
const RENAMED: RuleNames = {
  kinds: Object.fromEntries(KINDS.map((k) => [k, `Typ ${k}`])) as RuleNames['kinds'],
  statuses: Object.fromEntries(STATUSES.map((s) => [s, `Status ${s}`])) as RuleNames['statuses'],
};
const TYPE_IDS = Object.fromEntries(KINDS.map((k, i) => [k, [String(20000 + i)]])) as Record<Kind, string[]>;

/** What the event rule accepts: a move out of a status the kind lacks is a repair; otherwise the domain rule. */
function expectedMove(kind: Kind, from: StatusKey, to: StatusKey, origin?: StatusKey): boolean {
  if (!hasStatus(kind, from)) return true;
  return checkStatusChange(kind, from, to, origin ? { previousWorkingStatus: origin } : {}).allowed;
}

function move(
  names: RuleNames,
  kind: Kind,
  from: StatusKey,
  to: StatusKey,
  extra: Partial<ExpressionWorld> = {},
): boolean {
  const world: ExpressionWorld = {
    projectKey: 'SUP',
    typeName: names.kinds[kind],
    statusName: names.statuses[from],
    appProperties: { [transitionRulesKey('SUP')]: transitionRules(names, APP_ACCOUNT) },
    ...extra,
  };
  const result = evaluateExpression(TRANSITION_RULE_EXPRESSION, workflowWorld(world, names.statuses[to]));
  if (!result.ok) throw new Error(result.error);
  return result.value === true;
}

describe('the shipped Jira expressions', () => {
  it('fit the documented limits with margin: ≤ 700 of 1,000 characters, ≤ 70 of 100 leaves', () => {
    for (const [key, expression] of Object.entries(SHIPPED_EXPRESSIONS)) {
      const parsed = parseExpression(expression);
      if (!parsed.ok) throw new Error(`${key}: ${parsed.problems.map((p) => p.message).join('; ')}`);
      expect({ key, length: expression.length <= 700, leaves: parsed.leaves <= 70 }).toEqual({
        key,
        length: true,
        leaves: true,
      });
      expect(countLeaves(parsed.program)).toBe(parsed.leaves);
    }
  });

  it('the tables they read stay far below the 32,768 characters of an app property', () => {
    expect(JSON.stringify(transitionRules(DEFAULT_NAMES, APP_ACCOUNT)).length).toBeLessThan(8_000);
    expect(JSON.stringify(reclassificationRules(DEFAULT_NAMES, TYPE_IDS, APP_ACCOUNT)).length).toBeLessThan(
      16_000,
    );
  });
});

describe('the transition expression on every kind × status pair', () => {
  it.each([
    ['default names', DEFAULT_NAMES],
    ['renamed types and statuses', RENAMED],
  ])('allows exactly what the event rule accepts (%s)', (_label, names) => {
    let allowed = 0;
    let refused = 0;
    for (const kind of KINDS) {
      for (const from of STATUSES) {
        for (const to of STATUSES) {
          const expected = expectedMove(kind, from, to);
          expect({ kind, from, to, allowed: move(names, kind, from, to) }).toEqual({
            kind,
            from,
            to,
            allowed: expected,
          });
          if (expected) allowed++;
          else refused++;
        }
      }
    }
    expect(allowed).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
  });

  it('narrows a return from Clarification to the stored origin, In Progress or Closed (§3)', () => {
    for (const kind of KINDS.filter((k) => hasStatus(k, 'clarification'))) {
      for (const origin of STATUSES) {
        for (const to of STATUSES) {
          const issueProperties = { 'jsm-process-state': { returnStatus: origin } };
          const actual = move(RENAMED, kind, 'clarification', to, { issueProperties });
          const known = workingStatuses(kind).includes(origin) ? origin : undefined;
          expect({ kind, origin, to, actual }).toEqual({
            kind,
            origin,
            to,
            actual: expectedMove(kind, 'clarification', to, known),
          });
        }
      }
    }
    expect(
      move(DEFAULT_NAMES, 'softwareDefect', 'clarification', 'deliveryPending', {
        issueProperties: { 'jsm-process-state': { returnStatus: 'open' } },
      }),
    ).toBe(false);
  });

  it('follows a rename once the table is re-published, and fails open while it is stale', () => {
    const renamedResolved = { ...DEFAULT_NAMES.statuses, resolved: 'Gelöst' };
    const renamed: RuleNames = { ...DEFAULT_NAMES, statuses: renamedResolved };
    // Stale: the site says "Gelöst", the table still says "Resolved": the renamed status is not blocked.
    const stale = { appProperties: { [transitionRulesKey('SUP')]: transitionRules(DEFAULT_NAMES, 'x') } };
    expect(move(renamed, 'supportRequest', 'open', 'resolved', stale)).toBe(true);
    expect(move(renamed, 'supportRequest', 'resolved', 'open', stale)).toBe(true);
    expect(move(renamed, 'supportRequest', 'open', 'inProgress', stale)).toBe(false);
    // Re-published in the new names: the rule applies again.
    expect(move(renamed, 'supportRequest', 'open', 'resolved')).toBe(true);
    expect(move(renamed, 'supportRequest', 'resolved', 'open')).toBe(false);
  });

  it("allows everything without a table, under another format's key, in another project, or for the app itself", () => {
    const forbidden: [Kind, StatusKey, StatusKey] = ['supportRequest', 'open', 'inProgress'];
    expect(move(DEFAULT_NAMES, ...forbidden)).toBe(false);
    expect(move(DEFAULT_NAMES, ...forbidden, { appProperties: {} })).toBe(true);
    const otherFormat = { 'jsm-process-rules.v0.SUP': transitionRules(DEFAULT_NAMES, APP_ACCOUNT) };
    expect(move(DEFAULT_NAMES, ...forbidden, { appProperties: otherFormat })).toBe(true);
    expect(move(DEFAULT_NAMES, ...forbidden, { projectKey: 'OTHER' })).toBe(true);
    expect(move(DEFAULT_NAMES, ...forbidden, { accountId: APP_ACCOUNT })).toBe(true);
  });
});

describe('the reclassification expression on every kind × kind × status', () => {
  function retype(
    names: RuleNames,
    from: Kind,
    to: Kind,
    status: StatusKey,
    extra: Partial<ExpressionWorld> = {},
  ) {
    const world: ExpressionWorld = {
      projectKey: 'SUP',
      typeId: TYPE_IDS[from][0],
      typeName: names.kinds[from],
      statusName: names.statuses[status],
      projectProperties: {
        [RECLASSIFICATION_RULES_KEY]: reclassificationRules(names, TYPE_IDS, APP_ACCOUNT),
      },
      ...extra,
    };
    const result = evaluateExpression(
      RECLASSIFICATION_RULE_EXPRESSION,
      typeChangeWorld(world, TYPE_IDS[to][0] ?? ''),
    );
    if (!result.ok) throw new Error(result.error);
    return result.value === true;
  }

  it.each([
    ['default names', DEFAULT_NAMES],
    ['renamed types and statuses', RENAMED],
  ])('allows exactly checkReclassification (%s)', (_label, names) => {
    let refused = 0;
    for (const from of KINDS) {
      for (const to of KINDS.filter((k) => k !== from)) {
        for (const status of STATUSES) {
          const expected = checkReclassification(from, to, status).allowed;
          expect({ from, to, status, allowed: retype(names, from, to, status) }).toEqual({
            from,
            to,
            status,
            allowed: expected,
          });
          if (!expected) refused++;
        }
      }
    }
    expect(refused).toBeGreaterThan(500);
  });

  it('allows a change to a type outside the process, without a table, and for the app itself', () => {
    expect(retype(DEFAULT_NAMES, 'incident', 'suggestion', 'open')).toBe(false);
    expect(retype(DEFAULT_NAMES, 'incident', 'suggestion', 'open', { projectProperties: {} })).toBe(true);
    expect(retype(DEFAULT_NAMES, 'incident', 'suggestion', 'open', { accountId: APP_ACCOUNT })).toBe(true);
    const world: ExpressionWorld = {
      projectKey: 'SUP',
      typeName: 'Incident',
      statusName: 'Open',
      projectProperties: {
        [RECLASSIFICATION_RULES_KEY]: reclassificationRules(DEFAULT_NAMES, TYPE_IDS, APP_ACCOUNT),
      },
    };
    expect(evaluateExpression(RECLASSIFICATION_RULE_EXPRESSION, typeChangeWorld(world, '99999'))).toEqual({
      ok: true,
      value: true,
    });
  });
});

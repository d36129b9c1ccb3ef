import { compileJql, JqlEvaluationError, type CompiledJql } from '../../../../sandbox/jira/jql';
import { ctx, ISSUES } from './jql-fixtures';

function compiled(jql: string): CompiledJql {
  const result = compileJql(jql);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.query;
}

const keysMatching = (jql: string): string[] => {
  const query = compiled(jql);
  return ISSUES.filter((i) => query.matches(i, ctx)).map((i) => i.key);
};

describe('JQL matching', () => {
  it.each<[string, string[]]>([
    ['project = SD', ['SD-1', 'SD-2', 'SD-10']],
    ['project = sd', ['SD-1', 'SD-2', 'SD-10']],
    ['project = 10001', ['DEV-5']],
    ['project = "Service Desk" AND issuetype = Incident', ['SD-2', 'SD-10']],
    ['status = "waiting FOR customer"', ['SD-1', 'SD-10']],
    ['status != "Waiting for customer"', ['SD-2', 'DEV-5']],
    ['status in ("In Progress", Done)', ['SD-2', 'DEV-5']],
    ['status NOT IN ("In Progress", Done)', ['SD-1', 'SD-10']],
    ['project = SD AND (status = Done OR type = Incident)', ['SD-2', 'SD-10']],
    ['NOT project = SD', ['DEV-5']],
    ['project = SD AND NOT (status = "In Progress")', ['SD-1', 'SD-10']],
    // Empty values: IS EMPTY / IS NULL / = EMPTY, and != never matches an empty field (Jira quirk).
    ['assignee IS EMPTY', ['SD-2', 'DEV-5']],
    ['assignee is null', ['SD-2', 'DEV-5']],
    ['assignee IS NOT EMPTY', ['SD-1', 'SD-10']],
    ['assignee != acc-agent-1', ['SD-10']],
    ['assignee in (EMPTY, acc-agent-2)', ['SD-2', 'SD-10', 'DEV-5']],
    ['assignee = currentUser()', ['SD-1']],
    ['labels = printer', ['SD-1', 'DEV-5']],
    ['labels is EMPTY', ['SD-2']],
    ['summary ~ PRINTER', ['SD-1', 'DEV-5']],
    ['summary ~ "print*"', ['SD-1', 'DEV-5']],
    ['summary !~ printer', ['SD-2', 'SD-10']],
    ['"Delivery version" ~ "2.4"', ['DEV-5']],
    ['cf[10100] = "2.4.1"', ['DEV-5']],
    ['key > SD-2', ['SD-10']],
    ['issuekey in (SD-1, DEV-5)', ['SD-1', 'DEV-5']],
    // Dates: relative values, absolute values (UTC), functions; now = 2026-11-27 10:00 UTC.
    ['updated <= -14d', ['SD-1', 'DEV-5']],
    ['updated <= -2w', ['SD-1', 'DEV-5']],
    ['updated <= -16d', ['SD-1']],
    ['created >= -1d', ['SD-10']],
    ['created >= "-1d 2h"', ['SD-10']],
    ['created > -4h', ['SD-10']],
    ['created > -3h', []],
    ['created >= -3h', ['SD-10']],
    ['created >= "2026-11-20"', ['SD-2', 'SD-10']],
    ['created < "2026/11/20 08:31"', ['SD-1', 'SD-2', 'DEV-5']],
    ['created >= startOfDay()', ['SD-10']],
    ['created >= startOfDay(-7)', ['SD-2', 'SD-10']],
    ['created >= startOfMonth()', ['SD-1', 'SD-2', 'SD-10']],
    ['duedate <= endOfDay("+1")', ['SD-2']],
    ['updated > now()', []],
    // Entity properties, by path and by searchAlias, typed by the index definition.
    ['issue.property[jsm-process-state].nextDueAt <= now()', ['SD-1']],
    ['issue.property["jsm-process-state"].nextDueAt <= endOfDay()', ['SD-1']],
    ['processNextDue < "2026-11-28 10:00"', ['SD-1', 'SD-2']],
    ['processNextDue is EMPTY', ['SD-10', 'DEV-5']],
    ['issue.property[jsm-process-state].remindersSent >= 1', ['SD-1']],
    ['issue.property[jsm-process-state].remindersSent < 10', ['SD-1', 'SD-2']],
    ['processPhase = REMINDED', ['SD-1']],
    ['', ['SD-1', 'SD-2', 'SD-10', 'DEV-5']],
  ])('%s', (jql, expected) => {
    expect(keysMatching(jql)).toEqual(expected);
  });
});

describe('ORDER BY', () => {
  const sorted = (jql: string): string[] => {
    const query = compiled(jql);
    return [...ISSUES].sort((a, b) => query.compare(a, b, ctx)).map((i) => i.key);
  };

  it('sorts issue keys by project then number', () => {
    expect(sorted('ORDER BY key ASC')).toEqual(['DEV-5', 'SD-1', 'SD-2', 'SD-10']);
    expect(sorted('ORDER BY key DESC')).toEqual(['SD-10', 'SD-2', 'SD-1', 'DEV-5']);
  });

  it('sorts by several fields, dates as instants', () => {
    expect(sorted('project = SD ORDER BY status ASC, created DESC')).toEqual([
      'DEV-5',
      'SD-2',
      'SD-10',
      'SD-1',
    ]);
    expect(sorted('project = SD ORDER BY status DESC, created ASC')).toEqual([
      'SD-1',
      'SD-10',
      'SD-2',
      'DEV-5',
    ]);
  });

  it('puts empty values last ascending and first descending', () => {
    expect(sorted('ORDER BY processNextDue')).toEqual(['SD-1', 'SD-2', 'SD-10', 'DEV-5']);
    expect(sorted('ORDER BY duedate DESC, key')).toEqual(['DEV-5', 'SD-1', 'SD-10', 'SD-2']);
  });

  it('returns 0 without ORDER BY', () => {
    expect(compiled('project = SD').compare(ISSUES[0], ISSUES[1], ctx)).toBe(0);
  });
});

describe('compileJql', () => {
  it('reports boundedness and the field names handed to resolveField', () => {
    const query = compiled(
      'project = SD AND "Delivery version" ~ x AND cf[10100] = y AND issue.property[jsm-process-state].nextDueAt < now() AND processNextDue is empty ORDER BY key, project',
    );
    expect(query.isBounded).toBe(true);
    expect(query.fieldNames).toEqual([
      'project',
      'Delivery version',
      'cf[10100]',
      'issue.property[jsm-process-state].nextDueAt',
      'processNextDue',
      'key',
    ]);
    expect(compiled('ORDER BY key DESC').isBounded).toBe(false);
    expect(compiled('').isBounded).toBe(false);
  });

  it.each([
    [
      'project = ',
      "Error in the JQL Query: mismatched input '<EOF>' expecting {EMPTY, POSNUMBER, NEGNUMBER, STRING, QUOTE_STRING, SQUOTE_STRING} (line 1, character 11)",
    ],
    [
      'status = = open',
      "Error in the JQL Query: extraneous input '=' expecting {EMPTY, POSNUMBER, NEGNUMBER, STRING, QUOTE_STRING, SQUOTE_STRING} (line 1, character 10)",
    ],
    ['(project = SD', "Error in the JQL Query: missing ')' at '<EOF>' (line 1, character 14)"],
    [
      'project = SD order by',
      "Error in the JQL Query: mismatched input '<EOF>' expecting {POSNUMBER, NEGNUMBER, CUSTOMFIELD, STRING, QUOTE_STRING, SQUOTE_STRING} (line 1, character 22)",
    ],
  ])('rejects %j with the parser error', (jql, error) => {
    expect(compileJql(jql)).toEqual({ ok: false, errors: [error] });
  });

  it('rejects unknown functions, history operators and more than 7 ORDER BY fields', () => {
    expect(compileJql('assignee in membersOf("agents")')).toEqual({
      ok: false,
      errors: ["Unable to find JQL function 'membersOf()'."],
    });
    expect(compileJql('status WAS Done')).toEqual({
      ok: false,
      errors: ["The operator 'WAS' is not supported by the local Jira site (field 'status')."],
    });
    expect(compileJql('project = SD ORDER BY a, b, c, d, e, f, g, h')).toEqual({
      ok: false,
      errors: ['Error in the JQL Query: the ORDER BY clause may contain at most 7 fields.'],
    });
  });

  it('reports unknown fields with Jira’s 400 text', () => {
    const query = compiled('project = SD AND nosuchfield = 1 ORDER BY alsoMissing');
    expect(query.checkFields(ctx)).toEqual([
      "Field 'nosuchfield' does not exist or you do not have permission to view it.",
      "Field 'alsoMissing' does not exist or you do not have permission to view it.",
    ]);
    expect(() => ISSUES.filter((i) => query.matches(i, ctx))).toThrow(JqlEvaluationError);
  });
});

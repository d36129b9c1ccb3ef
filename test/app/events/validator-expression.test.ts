import { workflowValidatorExpression } from '../../../src/app/events/validator-expression';
import { allowedTargets } from '../../../src/domain/workflows';
import { projectConfig } from './rule-fixtures';

/** Evaluates the generated expression as JavaScript (Jira expressions are a JS subset for these constructs). */
function evaluate(
  expression: string,
  type: string,
  from: string,
  to: string,
  properties: Record<string, unknown> = {},
): boolean {
  const body = expression.replace(/^let (\w+) = /gm, 'const $1 = ').replace(/\n(?!const)/g, ' ');
  const lines = body.split(';').map((l) => l.trim());
  const last = lines.pop() ?? '';
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluating the generated expression is the point of this test
  const fn = new Function('issue', 'transition', `${lines.join(';\n')};\nreturn ${last};`) as (
    i: unknown,
    t: unknown,
  ) => boolean;
  // Jira reads a missing entity property or key as null.
  const props = new Proxy(properties, { get: (target, key: string) => target[key] ?? null });
  return fn({ issueType: { name: type }, status: { name: from }, properties: props }, { to: { name: to } });
}

describe('workflowValidatorExpression', () => {
  const cfg = projectConfig();
  const expression = workflowValidatorExpression(cfg);

  it('allows exactly the moves of the domain table', () => {
    expect(evaluate(expression, 'Support Request', 'Open', 'Resolved')).toBe(true);
    expect(evaluate(expression, 'Support Request', 'Open', 'In Progress')).toBe(false);
    expect(evaluate(expression, 'Customisation', 'Estimation available', 'Closed')).toBe(true);
    expect(evaluate(expression, 'Unmanaged type', 'Open', 'Closed')).toBe(true);
  });

  it('is generated from the table for every kind and status', () => {
    const s = cfg.names.statuses;
    for (const target of allowedTargets('softwareDefect', 'inProgress')) {
      expect(evaluate(expression, 'Software Defect', s.inProgress, s[target])).toBe(true);
    }
    expect(evaluate(expression, 'Software Defect', s.inProgress, s.open)).toBe(false);
  });

  it('uses the configured names', () => {
    const renamed = workflowValidatorExpression(
      projectConfig({ names: { statuses: { resolved: 'Gelöst' } } }),
    );
    expect(evaluate(renamed, 'Support Request', 'Open', 'Gelöst')).toBe(true);
    expect(renamed).not.toContain('"Resolved"');
  });

  describe('returns from Clarification (PROCESS.md §3)', () => {
    const s = cfg.names.statuses;
    const stored = (returnStatus?: string) => ({
      'jsm-process-state': new Proxy(returnStatus ? { returnStatus } : {}, {
        get: (target: Record<string, unknown>, key: string) => target[key] ?? null,
      }),
    });

    it('allows only the stored return status, In Progress or Closed', () => {
      const from = stored('ordered');
      const back = (to: string) => evaluate(expression, 'Customisation', s.clarification, to, from);
      expect(back(s.ordered)).toBe(true);
      expect(back(s.inProgress)).toBe(true);
      expect(back(s.closed)).toBe(true);
      expect(back(s.open)).toBe(false);
      expect(back(s.estimationAvailable)).toBe(false);
    });

    it('falls back to the table without the property, without the key, or with an origin the type lacks', () => {
      const toOpen = (props: Record<string, unknown>) =>
        evaluate(expression, 'Software Defect', s.clarification, s.open, props);
      expect(toOpen({})).toBe(true);
      expect(toOpen(stored())).toBe(true);
      expect(toOpen(stored('estimationAvailable'))).toBe(true);
      expect(toOpen(stored('inProgress'))).toBe(false);
    });

    it('leaves other moves alone whatever the property holds', () => {
      const props = stored('inProgress');
      expect(evaluate(expression, 'Software Defect', s.open, s.resolved, props)).toBe(true);
      expect(evaluate(expression, 'Software Defect', s.inProgress, s.open, props)).toBe(false);
    });

    it('reads the property the app writes', () => {
      expect(expression).toContain(`issue.properties["jsm-process-state"]`);
    });
  });
});

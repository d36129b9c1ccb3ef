import { workflowValidatorExpression } from '../../../src/app/events/validator-expression';
import { allowedTargets } from '../../../src/domain/workflows';
import { projectConfig } from './rule-fixtures';

/** Evaluates the generated expression as JavaScript (Jira expressions are a JS subset for these constructs). */
function evaluate(expression: string, type: string, from: string, to: string): boolean {
  const body = expression.replace(/^let (\w+) = /gm, 'const $1 = ').replace(/\n(?!const)/g, ' ');
  const lines = body.split(';').map((l) => l.trim());
  const last = lines.pop() ?? '';
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluating the generated expression is the point of this test
  const fn = new Function('issue', 'transition', `${lines.join(';\n')};\nreturn ${last};`) as (
    i: unknown,
    t: unknown,
  ) => boolean;
  return fn({ issueType: { name: type }, status: { name: from } }, { to: { name: to } });
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
});

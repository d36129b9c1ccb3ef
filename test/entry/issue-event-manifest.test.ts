import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  RECLASSIFICATION_REFUSED_MESSAGE,
  RECLASSIFICATION_RULE_EXPRESSION,
  SHIPPED_EXPRESSIONS,
  TRANSITION_REFUSED_MESSAGE,
  TRANSITION_RULE_EXPRESSION,
} from '../../src/domain/workflows/rule-expressions';
import { ON_CALL_WEBHOOK_EGRESS } from '../../src/domain/service/on-call-webhook';

const ROOT = join(__dirname, '..', '..');

interface ExpressionModule {
  key: string;
  expression: string;
  errorMessage?: string;
  action?: string;
}

interface Manifest {
  modules?: Record<string, ExpressionModule[] | undefined>;
  permissions?: { external?: { fetch?: { backend?: (string | { address: string })[] } } };
}

const manifest = parse(readFileSync(join(ROOT, 'manifest.yml'), 'utf8')) as Manifest;
const moduleOf = (type: string, key: string) => manifest.modules?.[type]?.find((m) => m.key === key);

describe('the expression modules in the manifest (decision 0011)', () => {
  it('carry the expressions of src/domain/workflows/rule-expressions.ts', () => {
    expect(moduleOf('jira:workflowValidator', 'process-transition-validator')?.expression).toBe(
      TRANSITION_RULE_EXPRESSION,
    );
    expect(moduleOf('jira:workflowCondition', 'process-transition-condition')?.expression).toBe(
      TRANSITION_RULE_EXPRESSION,
    );
    const action = moduleOf('jira:actionValidator', 'process-reclassification-validator');
    expect(action?.action).toBe('workItemTypeChanged');
    expect(action?.expression).toBe(RECLASSIFICATION_RULE_EXPRESSION);
  });

  it('show the bilingual messages and ship exactly the listed expressions', () => {
    const squash = (text = '') => text.replace(/\s+/g, ' ').trim();
    expect(squash(moduleOf('jira:workflowValidator', 'process-transition-validator')?.errorMessage)).toBe(
      TRANSITION_REFUSED_MESSAGE,
    );
    expect(squash(moduleOf('jira:actionValidator', 'process-reclassification-validator')?.errorMessage)).toBe(
      RECLASSIFICATION_REFUSED_MESSAGE,
    );
    const shipped = ['jira:workflowValidator', 'jira:workflowCondition', 'jira:actionValidator'].flatMap(
      (type) => (manifest.modules?.[type] ?? []).map((m) => [m.key, m.expression]),
    );
    expect(Object.fromEntries(shipped)).toEqual(SHIPPED_EXPRESSIONS);
  });
});

describe('the backend egress in the manifest (decision 0016)', () => {
  it('declares as backend egress exactly the on-call webhook hosts the settings accept', () => {
    const backends = manifest.permissions?.external?.fetch?.backend ?? [];
    const hosts = backends.map((entry) => (typeof entry === 'string' ? entry : entry.address));
    expect(hosts).toEqual([...ON_CALL_WEBHOOK_EGRESS]);
    // Object entries: plain strings are deprecated egress entries.
    expect(backends.every((entry) => typeof entry === 'object')).toBe(true);
  });
});

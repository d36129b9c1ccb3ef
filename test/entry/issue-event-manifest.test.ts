import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { workflowValidatorExpression } from '../../src/app/events/validator-expression';
import { defaultConfig } from '../../src/domain/config';

const ROOT = join(__dirname, '..', '..');

interface Manifest {
  modules?: { 'jira:workflowValidator'?: { key: string; expression: string }[] };
  permissions?: { external?: { fetch?: { backend?: (string | { address: string })[] } } };
}

const read = (file: string) => parse(readFileSync(join(ROOT, file), 'utf8')) as Manifest;

describe('the workflow validator in the manifest (ADR 0005)', () => {
  it('carries exactly the expression generated from the domain table', () => {
    const validator = read('manifest.yml').modules?.['jira:workflowValidator']?.find(
      (v) => v.key === 'process-transition-validator',
    );
    expect(validator?.expression).toBe(workflowValidatorExpression(defaultConfig));
  });

  it('the script prints the same expression', () => {
    const printed = execFileSync(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [join(ROOT, 'scripts', 'print-validator-expression.ts')],
      { encoding: 'utf8' },
    );
    expect(printed.trimEnd()).toBe(workflowValidatorExpression(defaultConfig));
  });

  it('declares no placeholder egress: webhook hosts are added by the admin who deploys', () => {
    const backends = read('manifest.yml').permissions?.external?.fetch?.backend ?? [];
    expect(backends).toEqual([]);
  });
});

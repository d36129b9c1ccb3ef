/**
 * Writes the Jira expressions of `src/domain/workflows/rule-expressions.ts` into the expression modules of
 * manifest.yml (`npx tsx scripts/sync-manifest-expressions.ts`). test/entry/issue-event-manifest.test.ts fails
 * when they differ. The expressions hold no site names: those live in the tables the app publishes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { REPO_MANIFEST } from '../sandbox/manifest-path';
import { SHIPPED_EXPRESSIONS } from '../src/domain/workflows/rule-expressions';

const path = REPO_MANIFEST;
let text = readFileSync(path, 'utf8');
for (const [key, expression] of Object.entries(SHIPPED_EXPRESSIONS)) {
  const block = new RegExp(
    `(- key: ${key}\\n(?:      .*\\n)*?      expression: \\|-\\n)((?:        .*\\n)+)`,
  );
  if (!block.test(text)) throw new Error(`manifest.yml has no expression block for ${key}`);
  const body = expression
    .split('\n')
    .map((line) => `        ${line}\n`)
    .join('');
  text = text.replace(block, (_all, head: string) => `${head}${body}`);
}
writeFileSync(path, text);

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { specFile, specsDir, type ApiName } from '../../../../sandbox/jira/spec';

/** The rows of the table in `sandbox/specs/README.md`: file name → sha256. */
function recordedHashes(): Map<string, string> {
  const readme = readFileSync(path.join(specsDir(), 'README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| `([^`]+\.json)` \|.*\| `([0-9a-f]{64})` \|$/gm)];
  return new Map(rows.map((m) => [m[1] ?? '', m[2] ?? '']));
}

describe('the OpenAPI specs travel with the repository', () => {
  it('reads them from sandbox/specs, inside the repository', () => {
    const repo = path.resolve(__dirname, '../../../..');
    expect(path.relative(repo, specsDir())).toBe(path.join('sandbox', 'specs'));
  });

  it.each<ApiName>(['platform', 'servicedesk'])('the %s spec has the sha256 its README records', (api) => {
    const file = specFile(api);
    const recorded = recordedHashes().get(path.basename(file));
    expect(recorded).toMatch(/^[0-9a-f]{64}$/);
    const actual = createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(actual).toBe(recorded);
  });

  it('names the source URL of each spec', () => {
    const readme = readFileSync(path.join(specsDir(), 'README.md'), 'utf8');
    expect(readme).toContain('https://dac-static.atlassian.com/cloud/jira/platform/swagger-v3.v3.json');
    expect(readme).toContain('https://dac-static.atlassian.com/cloud/jira/service-desk/swagger.v3.json');
  });
});

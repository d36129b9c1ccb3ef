import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The installed tree satisfies every peer range its packages declare (React and the Atlaskit packages agree),
 * so `npm ci` prints no page of peer-dependency warnings. `npm ls` lists each unmet or conflicting range under
 * `problems` and exits non-zero.
 */
test('every declared peer dependency is met by the installed tree', () => {
  let output: string;
  try {
    output = execFileSync('npm', ['ls', '--all', '--json'], {
      cwd: join(__dirname, '..'),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (error) {
    output = (error as { stdout?: string }).stdout ?? '{}';
  }
  const tree = JSON.parse(output) as { problems?: string[] };
  expect(tree.problems ?? []).toEqual([]);
});

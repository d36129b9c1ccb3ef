import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../src/domain');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Pure libraries: schemas, dates, holidays, and the ADF node builders (plain objects, no I/O). */
const ALLOWED_PACKAGES = [
  'zod',
  'date-fns',
  'date-fns/locale',
  '@date-fns/tz',
  'date-holidays',
  '@atlaskit/adf-utils/builders',
];

/** STYLE.md §1, §3: the domain imports only pure libraries and reads no clock (eslint enforces the same). */
describe('src/domain is pure', () => {
  const files = sourceFiles(root);

  it.each(files.map((f) => [f.slice(root.length + 1), f]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? '');
    const external = imports.filter((i) => !i.startsWith('.'));
    expect(external.filter((i) => !ALLOWED_PACKAGES.includes(i))).toEqual([]);
    expect(imports.filter((i) => /(adapters|app|entry|sandbox)(\/|$)/.test(i))).toEqual([]);
    expect(text).not.toMatch(/Date\.now\(|new Date\(\)/);
    expect(text.split('\n').length).toBeLessThan(300);
  });
});

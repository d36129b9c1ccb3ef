import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Permissions } from '@forge/manifest';
import { parse } from 'yaml';
import { contentPolicy } from '../../../sandbox/web/content-policy';
import { REPO_MANIFEST } from '../../../sandbox/manifest-path';

const ORIGIN = 'http://127.0.0.1:8080';
const PAGE =
  '<!doctype html><html><head></head><body><script type="module" src="./index.js"></script></body></html>';
const declared = (parse(readFileSync(REPO_MANIFEST, 'utf8')) as { permissions: Permissions }).permissions;

/** The policy as directive name → its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split('; ').map((directive) => {
      const [name = '', ...sources] = directive.split(' ');
      return [name, sources];
    }),
  );
}

describe('the content security policy of a Custom UI page', () => {
  const policy = directives(contentPolicy(PAGE, declared, ORIGIN));

  test('allows scripts from the page itself only: no inline script, no eval', () => {
    const scripts = policy.get('script-src') ?? [];
    expect(scripts[0]).toBe("'self'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
  });

  test("allows inline styles because the manifest declares them (Atlaskit's styles are inline)", () => {
    expect(policy.get('style-src')).toContain("'unsafe-inline'");
    const undeclared = directives(contentPolicy(PAGE, { ...declared, content: {} }, ORIGIN));
    expect(undeclared.get('style-src')).not.toContain("'unsafe-inline'");
  });

  test('sandboxes the page: scripts and same origin, never navigation of the top window', () => {
    const sandbox = policy.get('sandbox') ?? [];
    expect(sandbox).toEqual(expect.arrayContaining(['allow-scripts', 'allow-same-origin']));
    expect(sandbox.filter((flag) => flag.startsWith('allow-top-navigation'))).toEqual([]);
  });

  test('names the site for images and requests, and reports nothing away from the local site', () => {
    expect(policy.get('img-src')).toContain(ORIGIN);
    expect(policy.get('connect-src')).toContain(ORIGIN);
    expect(policy.has('report-uri')).toBe(false);
  });

  test('allows an inline script the app ships by its hash, and no other', () => {
    const inline = 'window.shipped = true;';
    const shipped = PAGE.replace('<head>', `<head><script>${inline}</script>`);
    const hash = createHash('sha256').update(inline).digest('base64');
    expect(directives(contentPolicy(shipped, declared, ORIGIN)).get('script-src')).toContain(
      `'sha256-${hash}'`,
    );
    expect(policy.get('script-src')?.some((source) => source.startsWith("'sha256-"))).toBe(false);
  });

  test('is computed from each built app page without error', () => {
    for (const app of ['panel', 'admin', 'portal']) {
      const html = readFileSync(
        join(__dirname, '..', '..', '..', 'static', app, 'build', 'index.html'),
        'utf8',
      );
      expect(directives(contentPolicy(html, declared, ORIGIN)).get('default-src')?.[0]).toBe("'self'");
    }
  });
});

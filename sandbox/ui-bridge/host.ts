/**
 * Node-side helpers for the local server that embeds the built Custom UI apps: build the bridge shim once and
 * inject it, with its configuration, into an app's `index.html` (served from `static/<app>/build/`).
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { SHIM_CONFIG_ID, type ShimConfig } from './shim-config';

export type { ShimConfig } from './shim-config';

/** The default URL the server serves {@link buildShimScript}'s output at. */
export const SHIM_URL = '/forge-bridge-shim.js';

/** Bundle `shim.ts` (with the Atlaskit theme CSS it injects) into one classic script. Takes ~100 ms. */
export async function buildShimScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(__dirname, 'shim.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no shim output');
  return output.text;
}

/** JSON safe to place inside a `<script>` element (no `</script>` or `<!--` breakout). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Return `indexHtml` with the shim configuration and the shim script as the first elements of `<head>`, so
 * `window.__bridge` exists before the app's module bundle runs. The configuration is a JSON data block, not a
 * script: the page's content security policy (as Forge computes it from the app's own `index.html`) allows no
 * inline script the app did not ship.
 */
export function injectShim(indexHtml: string, config: ShimConfig, shimUrl: string = SHIM_URL): string {
  const tags =
    `<script type="application/json" id="${SHIM_CONFIG_ID}">${scriptJson(config)}</script>` +
    `<script src="${shimUrl}"></script>`;
  if (!/<head[^>]*>/i.test(indexHtml)) throw new Error('index.html has no <head>');
  return indexHtml.replace(/<head[^>]*>/i, (head) => `${head}${tags}`);
}

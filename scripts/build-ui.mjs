// Bundles every Custom UI app `static/<app>/src/index.tsx` into `static/<app>/build/` (the manifest's resource
// paths) with esbuild: minified, production React, ES2020, an index.html that loads the bundle by RELATIVE path
// (Forge serves each resource from its own sub-path), the app's icon, and meta.json with the initial JS size
// (raw and gzip) that the bench reports. Exits non-zero on any error.
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = join(import.meta.dirname, '..');
const staticDir = join(root, 'static');

/** Page titles per app (the Forge frame shows the module title; this one is for the browser tab). */
const titles = { panel: 'Support process', admin: 'Support process automation', portal: 'What happens next' };

/**
 * Atlaskit components ask `@atlaskit/feature-gate-js-client` (Statsig, ~100 KB) for their rollout flags. Inside a
 * Forge iframe that client is never initialised, so every gate answers "off" and every experiment its default.
 * This stub gives exactly those answers without shipping the client.
 */
const featureGatesStub = {
  name: 'feature-gates-stub',
  setup(b) {
    b.onResolve({ filter: /^@atlaskit\/feature-gate-js-client(\/.*)?$/ }, (args) => ({
      path: args.path,
      namespace: 'feature-gates-stub',
    }));
    b.onLoad({ filter: /.*/, namespace: 'feature-gates-stub' }, () => ({
      loader: 'js',
      contents: `const gates = {
        initializeCompleted: () => false,
        checkGate: () => false,
        getExperimentValue: (_name, _param, defaultValue) => defaultValue,
        getExperiment: () => undefined,
        hasCheckGateErrorOccurred: () => false,
        hasGetExperimentValueErrorOccurred: () => false,
        getDefaultPerimeter: () => undefined,
      };
      export default gates;
      export const FeatureGates = gates;`,
    }));
  },
};

/** Apps are the folders of static/ that have a src/index.tsx (static/shared holds common code only). */
async function listApps() {
  const entries = await readdir(staticDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && existsSync(join(staticDir, e.name, 'src', 'index.tsx')))
    .map((e) => e.name)
    .sort();
}

function html(app, hasCss) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${titles[app] ?? app}</title>
${hasCss ? '    <link rel="stylesheet" href="./index.css" />\n' : ''}  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="./index.js"></script>
  </body>
</html>
`;
}

/**
 * The JS the browser must load before the app renders: the entry plus every chunk it imports statically
 * (transitively). Lazily imported chunks are not counted.
 */
async function initialJs(metafile, outdir) {
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((k) => join(root, k) === join(outdir, 'index.js'));
  if (!entry) throw new Error('no JS entry in the esbuild output');
  const seen = new Set();
  const visit = (k) => {
    if (seen.has(k)) return;
    seen.add(k);
    for (const i of outputs[k]?.imports ?? [])
      if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(entry);
  const contents = await Promise.all([...seen].map((k) => readFile(join(root, k))));
  const all = Buffer.concat(contents);
  const files = [...seen].map((k) => relative(outdir, join(root, k)));
  return {
    files,
    bytes: all.length,
    gzipBytes: contents.reduce((n, c) => n + gzipSync(c, { level: 9 }).length, 0),
  };
}

async function buildApp(app) {
  const outdir = join(staticDir, app, 'build');
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const result = await build({
    entryPoints: { index: join(staticDir, app, 'src', 'index.tsx') },
    outdir,
    absWorkingDir: root, // metafile paths are relative to this
    bundle: true,
    minify: true,
    // ES modules with code splitting: what Atlaskit loads lazily (theme CSS, custom themes, the ADF renderer's
    // iframe-resizer) stays in separate chunks fetched only when used, by relative URL.
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [featureGatesStub],
    platform: 'browser',
    target: 'es2020',
    jsx: 'automatic',
    legalComments: 'none',
    sourcemap: false,
    metafile: true,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.svg': 'file', '.png': 'file', '.woff': 'file', '.woff2': 'file' },
  });
  const hasCss = existsSync(join(outdir, 'index.css'));
  await writeFile(join(outdir, 'index.html'), html(app, hasCss));
  const icon = join(staticDir, app, 'icon.svg');
  if (existsSync(icon)) await copyFile(icon, join(outdir, 'icon.svg'));

  const initial = await initialJs(result.metafile, outdir);
  const meta = {
    app,
    builtAt: new Date().toISOString(),
    initialJs: initial,
    css: hasCss ? { bytes: (await stat(join(outdir, 'index.css'))).size } : null,
    inputs: Object.keys(result.metafile.inputs).length,
  };
  await writeFile(join(outdir, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
  return meta;
}

const started = Date.now();
try {
  const apps = await listApps();
  if (apps.length === 0) throw new Error('no static/<app>/src/index.tsx found');
  const metas = await Promise.all(apps.map(buildApp));
  for (const m of metas) {
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`build-ui: ${m.app}: ${kb(m.initialJs.bytes)} JS, ${kb(m.initialJs.gzipBytes)} gzipped`);
  }
  console.log(`build-ui: done in ${Date.now() - started} ms`);
} catch (error) {
  // esbuild has already printed its diagnostics; keep the summary short.
  console.error(`build-ui: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

/**
 * The direction of dependencies (README "Where things live"): domain ← app ← adapters and entries.
 * - src/domain is pure: it imports only other domain modules and pure libraries.
 * - src/app orchestrates through the ports in src/app/ports: it imports no adapter, entry or Forge SDK.
 * - src/adapters implement the ports; src/entry wires adapters to use cases; src/index.ts re-exports the handlers.
 * - The local site (sandbox/) runs the app only through the manifest's handlers (src/index.ts); it keeps its own
 *   seams (sandbox/contract.ts, sandbox/clock.ts) and imports nothing else from src/.
 * - The Custom UI (static/) shares only types with the backend, by `import type` from src/contract.
 * Runs in `npm run lint` (and so in `npm test`).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'src/domain imports only src/domain and pure libraries: no app, adapter, entry, contract or Forge SDK.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        pathNot: '^src/domain/',
        dependencyTypesNot: ['npm', 'npm-dev', 'core'],
      },
    },
    {
      name: 'domain-no-forge',
      comment: 'src/domain never imports a Forge SDK.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^node_modules/@forge/' },
    },
    {
      name: 'app-through-ports',
      comment:
        'src/app orchestrates through src/app/ports: it imports no adapter, entry handler or Forge SDK.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: ['^src/adapters/', '^src/entry/', '^src/index\\.ts$', '^node_modules/@forge/'] },
    },
    {
      name: 'adapters-not-entries',
      comment: 'Adapters implement ports; they do not call entry handlers.',
      severity: 'error',
      from: { path: '^src/adapters/' },
      to: { path: ['^src/entry/', '^src/index\\.ts$'] },
    },
    {
      name: 'src-not-sandbox',
      comment: 'The app never depends on the local site or on tests.',
      severity: 'error',
      from: { path: '^(src|static)/' },
      to: { path: '^(sandbox|test|bench|scripts)/' },
    },
    {
      name: 'sandbox-through-manifest',
      comment: 'The local site runs the app only through the manifest handlers (src/index.ts).',
      severity: 'error',
      from: { path: '^sandbox/' },
      to: { path: '^src/', pathNot: '^src/index\\.ts$' },
    },
    {
      name: 'static-types-from-contract',
      comment: 'The Custom UI imports from src/ only types, only from src/contract.',
      severity: 'error',
      from: { path: '^static/' },
      to: { path: '^src/', pathNot: '^src/contract/' },
    },
    {
      name: 'static-contract-type-only',
      comment: 'The Custom UI imports src/contract with `import type` only, so no backend code is bundled.',
      severity: 'error',
      from: { path: '^static/' },
      to: { path: '^src/contract/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      comment: 'Modules of the app form no cycles at run time (type-only imports erase at compile time).',
      severity: 'error',
      from: { path: '^(src|static)/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: ['^static/[^/]+/build/', '^node_modules/'] },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};

// ESLint flat config: typescript-eslint with type information, plus the layer rule from STYLE.md:
// src/domain imports nothing from @forge/*, adapters, app, entry or the sandbox; src/app never imports
// @forge/* directly (adapters are injected); nothing in src/ or static/ reaches into sandbox/.
import tseslint from 'typescript-eslint';

const forge = { group: ['@forge/*'], message: 'Only src/adapters and src/entry may import the Forge SDKs.' };
const sandbox = {
  group: ['**/sandbox/**', '**/sandbox'],
  message: 'The local site is a test/dev tool; the app must not depend on it.',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'static/*/build/**',
      'coverage/**',
      'test-artifacts/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
      '.local-site/**',
      // StrykerJS's sandboxes (copies of the project with mutants), present while a run is going.
      '.stryker-tmp*/**',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Functions short enough to read at once; a longer one is split by what its parts decide. Tests are exempt:
    // a describe block holds all of its cases.
    files: ['src/**/*.ts', 'sandbox/**/*.ts', 'static/**/*.ts', 'static/**/*.tsx', 'bench/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forge,
            sandbox,
            {
              group: ['**/adapters/**', '**/app/**', '**/entry/**', '../adapters*', '../app*', '../entry*'],
              message: 'src/domain is pure: it imports only other domain modules and pure libraries.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Time is an input in src/domain.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time is an input in src/domain.',
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forge,
            sandbox,
            { group: ['**/entry/**', '../entry*'], message: 'Use cases do not import entry handlers.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/adapters/**/*.ts', 'src/entry/**/*.ts', 'src/contract/**/*.ts', 'src/index.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sandbox] }] },
  },
  {
    files: ['static/**/*.ts', 'static/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            sandbox,
            {
              group: ['**/src/domain/**', '**/src/app/**', '**/src/adapters/**', '**/src/entry/**'],
              message: 'The UI shares only types with the backend, through src/contract (import type).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx', 'bench/**/*.ts', 'sandbox/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
);

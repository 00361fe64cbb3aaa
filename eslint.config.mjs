// Lint configuration: typescript-eslint's recommended rules over the TypeScript sources, plus the
// project's own limits (no `any` without a reason, no floating promises in the server and client).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', '**/node_modules/**', 'tools/**', 'schemas/**', 'examples/**', 'test/fixtures/**', '.bench/**', 'bench/corpus/**', '.vscode-test/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-constant-condition': ['error', { checkLoops: false }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // In the bundles, yaml's guards imported from 'yaml' are getter calls: see yamlGuards.ts.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/engine/document/yamlGuards.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'yaml', importNames: ['isAlias', 'isMap', 'isPair', 'isScalar', 'isSeq', 'isNode', 'isCollection', 'isDocument'], message: 'Import the guards from engine/document/yamlGuards (plain bindings in the bundle).' }],
      }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly',
        URL: 'readonly', URLSearchParams: 'readonly', fetch: 'readonly', window: 'readonly', document: 'readonly', setImmediate: 'readonly', AbortController: 'readonly',
        performance: 'readonly', structuredClone: 'readonly', exports: 'writable', TextEncoder: 'readonly', TextDecoder: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);

// ESLint 9 flat config: typescript-eslint's recommended rules over the app, emulator, second-screen,
// tests and scripts (no type-aware rules: `npm run typecheck` is the type gate and this stays fast).
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const nodeGlobals = {
  require: 'readonly',
  module: 'writable',
  process: 'readonly',
  __dirname: 'readonly',
  console: 'readonly',
};

module.exports = tseslint.config(
  {
    ignores: [
      'node_modules/',
      'build/',
      'dist/',
      '**/dist/',
      'coverage/',
      'test-results/',
      '.tmp/',
      'emulator/media/',
      '**/*.min.js',
      'static/vendor/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Lightning's tag() returns T | undefined for refs the template guarantees.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      // Lightning templates/signals use empty handlers on purpose (e.g. swallow pointer clicks).
      '@typescript-eslint/no-empty-function': 'off',
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: nodeGlobals },
  },
);

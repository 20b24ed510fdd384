// ESLint 9 flat config: typescript-eslint's recommended rules over the app, emulator, second-screen,
// tests and scripts (no type-aware rules: `npm run typecheck` is the type gate and this stays fast).
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const boundaries = require('./eslint-rules/boundaries');

// The design's dependency rules (docs/architecture.md, "Folder ownership and dependency rules").
// Paths are repo folders; relative imports are resolved before they are compared.
const LAYERS = [
  {
    name: 'pass',
    from: ['src/pass'],
    allow: ['src/pass'],
    packages: ['@lightningjs/*', '@firebolt-js/*'],
    message: 'src/pass imports nothing of the app (only its own files and axios)',
  },
  {
    name: 'flows',
    from: ['src/flows'],
    allow: ['src/flows', 'src/pass'],
    packages: ['@lightningjs/*', '@firebolt-js/*', 'axios'],
    message: 'src/flows imports only src/pass and its own ports: no Lightning, no platform, no axios',
  },
  {
    name: 'views',
    from: ['src/pages', 'src/components', 'src/controllers'],
    forbid: ['src/pass'],
    packages: ['axios'],
    message: 'pages, components and controllers reach Adobe Pass through src/flows only (never src/pass or axios)',
  },
  {
    name: 'controllers',
    from: ['src/controllers'],
    packages: ['@lightningjs/*'],
    message: 'controllers are plain TypeScript: no Lightning',
  },
  {
    name: 'platform-apis',
    from: ['src'],
    except: ['src/platform'],
    packages: ['@firebolt-js/*'],
    message: 'platform SDKs (Firebolt, tizen, webOS) are used in src/platform only',
  },
  {
    name: 'lib',
    from: ['src/lib'],
    forbid: ['src/platform'],
    message: 'src/lib is below src/platform: it never imports it',
  },
  { name: 'platform', from: ['src/platform'], forbid: ['src/lib'], message: 'src/platform never imports src/lib' },
  {
    name: 'app-vs-emulator',
    from: ['src'],
    forbid: ['emulator', 'second-screen'],
    message: 'the TV app never imports the emulator or the second screen',
  },
  {
    name: 'emulator',
    from: ['emulator'],
    forbid: ['src', 'second-screen'],
    message: 'the emulator stands alone: it never imports src/ or second-screen/',
  },
  {
    name: 'second-screen',
    from: ['second-screen'],
    allow: ['second-screen', 'src/pass', 'src/flows'],
    packages: ['@lightningjs/*'],
    message: 'the second screen may use src/pass and src/flows, nothing else of the TV app',
  },
];

const PLATFORM_GLOBALS = ['tizen', 'webOS', 'webapis', 'PalmSystem'];
const PLATFORM_ONLY = 'platform APIs (tizen, webOS, webapis, PalmSystem, Firebolt) are used in src/platform only';

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
    files: ['src/**/*.ts', 'emulator/**/*.ts', 'second-screen/**/*.ts'],
    plugins: { local: { rules: { boundaries } } },
    rules: { 'local/boundaries': ['error', LAYERS] },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/platform/**'],
    // Any identifier of that name: the bare global, `window.tizen`, `declare const tizen`, `{ webOS }`.
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: `Identifier[name=/^(${PLATFORM_GLOBALS.join('|')})$/]`, message: PLATFORM_ONLY },
      ],
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

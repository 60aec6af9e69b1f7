// Lint is a gate: every rule is an error. The import rules below enforce the architecture:
// dependencies point one way, product code never imports the emulator, and only the config
// module reads environment variables.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const layer = (name) => ({ regex: `(^|/)${name}(/|$)` });
const forbid = (names, message) => names.map((n) => ({ ...layer(n), message }));
const botAndTabPatterns = [
  ...forbid(['server', 'emulator', 'cli'], 'bot/ and tab/ receive their dependencies from server/; they never import it or the emulator.'),
  // Their test kits (bot/testing) are used by test/, so the dependency must not point back.
  ...forbid(['test'], 'bot/ and tab/ (test kits included) never import test/; test/ imports them.'),
];
const nodeBuiltins = { regex: '^(node:|fs$|path$|http$|https$|net$|child_process$|os$|crypto$)', message: 'diagnosis/ is pure and runs in the browser: no Node APIs, no I/O.' };

const ONLY_CONFIG_READS_ENV = 'Only server/config reads environment variables; receive settings as arguments.';
const PROCESS_MODULE = '/^(node:)?process$/';
const processImports = [
  `ImportDeclaration[source.value=${PROCESS_MODULE}]`,
  `ImportExpression[source.value=${PROCESS_MODULE}]`,
  `CallExpression[callee.name='require'][arguments.0.value=${PROCESS_MODULE}]`,
  "MemberExpression[object.name='globalThis'][property.name='process']",
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'build/', 'coverage/', 'reports/', 'data/', 'appPackage/build/', 'devTools/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
      eqeqeq: ['error', 'smart'],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: ONLY_CONFIG_READS_ENV }],
      // process.env by another road: import { env } from 'node:process', import process from 'process', globalThis.process.
      'no-restricted-syntax': ['error', ...processImports.map((selector) => ({ selector, message: ONLY_CONFIG_READS_ENV }))],
    },
  },
  {
    files: ['diagnosis/**/*.ts'],
    ignores: ['diagnosis/**/*.test.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [nodeBuiltins, ...forbid(['graph', 'bot', 'tab', 'server', 'emulator', 'cli'], 'diagnosis/ knows nothing of the other layers.')] }],
    },
  },
  {
    files: ['graph/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: forbid(['bot', 'tab', 'server', 'emulator', 'cli'], 'graph/ knows nothing of the bot, the tab, the server or the emulator.') }],
    },
  },
  {
    files: ['bot/**/*.ts', 'tab/**/*.ts', 'tab/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: botAndTabPatterns,
        },
      ],
    },
  },
  {
    // The browser UI takes its words and judgements from diagnosis/, so no bot code ships to the browser.
    files: ['tab/ui/**/*.ts', 'tab/ui/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // A later block's no-restricted-imports replaces an earlier one's, so bot/ and tab/'s rules are repeated here.
          patterns: [...botAndTabPatterns, ...forbid(['bot'], 'tab/ui/ runs in the browser: it takes wording and judgements from diagnosis/, never from bot/.')],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    ignores: ['server/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: forbid(['emulator'], 'Product code never imports the emulator; demo mode runs it as a separate program.') }],
    },
  },
  {
    // server/ is the composition root: it wires bot/ through its public surface, never its internals.
    files: ['server/**/*.ts'],
    ignores: ['server/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbid(['emulator'], 'Product code never imports the emulator; demo mode runs it as a separate program.'),
            { regex: '(^|/)bot/(?!index\\.js$)', message: 'server/ imports bot/ only through bot/index.js.' },
          ],
        },
      ],
    },
  },
  {
    // Command-line entry points use the pure layers; they are not part of the bot, tab or server.
    files: ['cli/**/*.ts'],
    ignores: ['cli/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: forbid(['bot', 'tab', 'server', 'emulator'], 'cli/ runs diagnosis/ (and graph/) on files; it never imports the bot, the tab, the server or the emulator.') }],
    },
  },
  {
    files: ['emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: forbid(['graph', 'bot', 'tab', 'server', 'diagnosis', 'cli'], 'The emulator is a separate program: it shares no code with the product, so it cannot hide the product\'s bugs.') }],
    },
  },
  {
    // The config module is the one place that reads the environment; tooling configs and CI scripts are not product code.
    files: ['server/config/**/*.ts', 'vitest.config.ts', 'scripts/**'],
    rules: { 'no-restricted-properties': 'off', 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);

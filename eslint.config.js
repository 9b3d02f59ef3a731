// Lint rules, including the layer boundaries of DESIGN.md §1 as errors.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'worker_threads',
];

const noNode = nodeBuiltins.map((name) => ({
  group: [name],
  message: 'Node built-ins are not allowed in this layer.',
}));

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      'coverage',
      'data',
      'bench/results',
      'test-results',
      'server/data',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // Every promise is awaited (the caller waits and sees its error) or handed off with
    // `void` where its errors are handled inside; a promise never goes where a value is due.
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        // The tsconfig.json references find each file's project; the browser e2e files and
        // the release-0.1.0 fixture writer are in none, so they get the default options.
        projectService: {
          allowDefaultProject: [
            'test/e2e/browser-*.ts',
            'server/test/fixtures/release-0.1.0/write-office.ts',
          ],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // The bench's browser pages have their own project, which no tsconfig.json names.
    files: ['bench/**/*.web.ts'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: './bench/tsconfig.web.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // shared/ is the pure domain: no Electron, Node, DOM, React or RxDB.
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noNode,
            { group: ['electron', 'electron/*'], message: 'shared/ must not import Electron.' },
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
              message: 'shared/ must not import React.',
            },
            {
              group: ['rxdb', 'rxdb/*', 'rxjs', 'rxjs/*', 'dexie'],
              message: 'shared/ must not import RxDB.',
            },
            {
              group: ['**/renderer/**', '**/electron/**', '**/server/**'],
              message: 'shared/ must not import app layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'indexedDB',
        'process',
      ],
    },
  },
  {
    // renderer/ runs in a sandboxed page: no Node, no Electron main-process code.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noNode,
            {
              group: ['electron', 'electron/*', '**/electron/**'],
              message: 'renderer/ must not import Electron code.',
            },
            { group: ['**/server/**'], message: 'renderer/ talks to the server over HTTP only.' },
          ],
        },
      ],
    },
  },
  {
    // Screens reach the store through the app's services or the data layer's public index
    // (renderer/data/index.ts), never its internals or RxDB itself; types may be imported.
    files: ['renderer/features/**/*.{ts,tsx}', 'renderer/ui/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['rxdb', 'rxdb/*', 'dexie'],
              message: 'Screens do not touch RxDB: use the app services.',
            },
            {
              group: ['**/data/*', '!**/data/index'],
              allowTypeImports: true,
              message: 'Screens use renderer/data/index.ts, not the store internals.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*', '**/electron/**'],
              message: 'renderer/ must not import Electron code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**'], message: 'electron/ must not import renderer code.' },
            { group: ['**/server/**'], message: 'electron/ must not import server code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '**/electron/**'],
              message: 'server/ must not import app code.',
            },
            {
              group: ['electron', 'react', 'rxdb', 'rxdb/*'],
              message: 'server/ must not import client libraries.',
            },
          ],
        },
      ],
    },
  },
);

// Lint configuration: typescript-eslint's recommended rules over every TypeScript file.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'reports/**', 'reference-target/public/vendor/**', '**/*.min.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Playwright fixtures take `{}` when they depend on nothing (its documented pattern).
    files: ['fixtures/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // The oracle never shares code with what it checks: nothing under fixtures/oracle reaches
    // outside it (node built-ins aside), and no oracle spec imports the reference target.
    files: ['fixtures/oracle/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*', '**/reference-target/**'],
              message:
                'The oracle computes expected values on its own: import nothing from outside fixtures/oracle (an oracle that shares code with what it checks proves nothing).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/oracle-*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/reference-target/**'],
              message: "An oracle spec reads the store through fixtures/oracle, never the reference target's code.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['*.mjs', '*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // Browser-side scripts served by the reference target (service worker, dashboard code).
    files: ['reference-target/public/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        self: 'readonly',
        caches: 'readonly',
        fetch: 'readonly',
        Response: 'readonly',
        URL: 'readonly',
        window: 'readonly',
        document: 'readonly',
        Chart: 'readonly',
        $: 'readonly',
        jQuery: 'readonly',
        navigator: 'readonly',
        console: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setTimeout: 'readonly',
        Promise: 'readonly',
        Request: 'readonly',
        Headers: 'readonly',
        location: 'readonly',
        clients: 'readonly',
        encodeURIComponent: 'readonly',
        URLSearchParams: 'readonly',
      },
    },
  },
);

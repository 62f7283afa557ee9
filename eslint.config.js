// Lint rules for the whole tree (`npm run lint`, part of `npm test`). Formatting is prettier's job
// (`npm run format`); these rules catch what a formatter cannot.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');

module.exports = tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/__generated__/**', 'test-output/**', 'schema/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // tsc's noUnusedLocals already reports these; `_`-prefixed parameters are deliberate.
      // Rest siblings are how a field is left out of a copy (`const { seq, ...rest } = event`), as tsc allows.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // One entity-manager type across the tree: @mikro-orm/postgresql's (it has execute, getKnex, createQueryBuilder).
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@mikro-orm/core',
              importNames: ['EntityManager'],
              message: "Import EntityManager from '@mikro-orm/postgresql': one entity-manager type across the tree.",
            },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression > TSNeverKeyword',
          message: 'Do not cast to never: type the value (for em.create, declare [OptionalProps] on the entity).',
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

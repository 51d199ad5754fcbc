// ESLint (flat config): JavaScript's recommended rules and typescript-eslint's for the TypeScript sources,
// tests and scripts. Formatting is Prettier's (npm run format:check), not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'relay/dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'fixtures/*.js', 'demo/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // TypeScript checks names itself; browser and Node globals would otherwise need listing.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Node scripts and the sandboxed GTM template code: their globals are the runtime's.
    files: ['**/*.mjs', 'gtm-template/src/**/*.js'],
    rules: { 'no-undef': 'off' },
  },
  {
    // Sandboxed JavaScript gets its APIs through GTM's own require().
    files: ['gtm-template/src/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

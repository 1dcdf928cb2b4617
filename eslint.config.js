import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const pageGlobals = ['document', 'window', 'browser', 'chrome'].map((name) => ({
  name,
  message: 'lib/ is the pure core: take the document, window or browser API as an argument.',
}));

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'demo-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        queueMicrotask: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    ignores: ['lib/cli/**'],
    rules: { 'no-restricted-globals': ['error', ...pageGlobals] },
  },
  {
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text; never insert page-derived HTML.' },
        { property: 'outerHTML', message: 'Render text; never insert page-derived HTML.' },
        { property: 'insertAdjacentHTML', message: 'Render text; never insert page-derived HTML.' },
      ],
    },
  },
);

import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import tseslint from 'typescript-eslint'

import newsroom from './scripts/lint/boundaries.js'

export default tseslint.config(
  {
    ignores: [
      '.next/',
      '.cache/',
      'data/',
      'media/',
      'migrations/',
      'node_modules/',
      'next-env.d.ts',
      'src/host/payload-types.ts',
      'src/app/(payload)/admin/importMap.js',
      'dist/',
      'test-results/',
      // Payload's website template, vendored as it ships (its own lint config is not ours).
      'test/website-host/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The plugin never imports the app, and the app imports the plugin only by package name.
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { newsroom },
    rules: { 'newsroom/boundaries': 'error' },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Test assertions read untyped JSON responses.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  prettier,
)

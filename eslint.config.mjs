// Lint: typescript-eslint's recommended rules plus the layering of STYLE.md, enforced
// per folder so a wrong import fails CI instead of relying on memory.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const electron = { name: 'electron', message: 'Only src/main/shell and src/main/index.ts may import electron.' }
const noMainOrPreload = {
  group: ['**/main/**', '**/preload/**', '**/server/**'],
  message: 'The renderer talks to the engine only through src/renderer/src/lib/api.ts.'
}
const noNode = { group: ['node:*'], message: 'src/shared is pure TypeScript: no Node modules.' }

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': ['error', { paths: [electron], patterns: [noMainOrPreload] }]
    }
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electron], patterns: [noNode, { group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/server/**'], message: 'src/shared depends on nothing else in src.' }] }] }
  },
  {
    files: ['src/main/core/**/*.ts', 'src/server/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electron], patterns: [{ group: ['**/shell/**', '**/renderer/**', '**/preload/**'], message: 'The engine, the server and the command line never depend on the Electron shell or the UI.' }] }]
    }
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/main/**', '**/renderer/**', 'zod'], message: 'The sandboxed preload imports only electron and src/shared/ipc/channels.' }] }] }
  }
)

// Test projects split by environment, as STYLE.md asks: node (shared, engine, server),
// jsdom (renderer), smoke (the built Electron main bundle with a stubbed electron) and
// e2e (the browser-mode app driven in Chromium), crash (kill -9 rounds against the
// browser-mode server). Smoke, e2e and crash need `npm run build` first.
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const report = process.env['SOURCEBENCH_TEST_REPORT']

export default defineConfig({
  test: {
    reporters: report === undefined ? ['default'] : ['default', ['json', { outputFile: report }]],
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          // A busy 2-core machine can take several times as long as an idle one; tests that take
          // seconds even when idle say their own, longer timeout.
          testTimeout: 15_000,
          include: ['tests/shared/**/*.test.ts', 'tests/main/**/*.test.ts', 'tests/server/**/*.test.ts', 'tests/cli/**/*.test.ts']
        }
      },
      {
        plugins: [react()],
        test: { name: 'jsdom', environment: 'jsdom', include: ['tests/renderer/**/*.test.{ts,tsx}'], testTimeout: 15_000 }
      },
      { test: { name: 'smoke', environment: 'node', include: ['tests/smoke/**/*.test.ts'], testTimeout: 15_000 } },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false
        }
      },
      {
        // kill -9 rounds against the built browser-mode server (CRASH_ROUNDS, default 6).
        test: { name: 'crash', environment: 'node', include: ['tests/crash/**/*.test.ts'], hookTimeout: 60_000 }
      }
    ]
  }
})

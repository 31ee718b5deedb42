import { defineConfig } from 'vitest/config'

// One vitest run over every package; browser tests are Playwright's (tests/e2e), not vitest's.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'shared',
          root: 'packages/shared',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'server',
          root: 'apps/server',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      'apps/web/vitest.config.ts',
      {
        test: {
          name: 'bench',
          root: 'bench',
          include: ['**/*.test.ts'],
          exclude: ['node_modules/**', 'results/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          root: 'tests',
          include: ['integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
    ],
  },
})

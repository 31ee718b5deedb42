import { defineConfig } from '@playwright/test'

// Browser tests against the real built app and the real server; each test starts its own server
// (tests/support/server-process.ts). Chromium comes from CHROMIUM_PATH (set by `pnpm test`).
export default defineConfig({
  testDir: './e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  outputDir: '../.tmp/playwright-results',
  use: {
    viewport: { width: 1280, height: 800 },
    // Each new browser context would install the service worker and precache the whole app again:
    // only the specs about it (offline, update, security) allow it, with `test.use`.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
})

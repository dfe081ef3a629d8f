import { defineConfig, devices } from '@playwright/test';

const port = process.env.E2E_PORT ?? '3100';

/** Browser tests in Debian's Chromium against a server with the demo city on a fresh database. */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Each spec walks a whole workflow with axe on every page: minutes, not seconds, on a busy 2-core machine.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['json']],
  outputDir: '../test-results',
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'zh-CN',
    // Far from the bureau's UTC+8 on purpose: for 18 hours of every day the browser's date is not the
    // bureau's, so a page that takes "today" from the browser instead of the bureau's calendar fails.
    timezoneId: 'Pacific/Honolulu',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: `node --import tsx e2e/server.ts`,
    cwd: '..',
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { E2E_PORT: port },
  },
});

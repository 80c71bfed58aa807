/**
 * End-to-end tests of the real renderer in Debian's Chromium (engineering §6): the built renderer
 * (`npm run -s build:renderer` → dist/renderer, or RENDERER_OUT_DIR) is served on 127.0.0.1 by a small static
 * server and opened with `page.goto`. Never `playwright install`.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './electron/main/services/export/pdfOptions.js';

const port = Number(process.env.E2E_PORT ?? 4317);
const dist = process.env.RENDERER_OUT_DIR ?? 'dist/renderer';

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: process.env.CI ? 1 : 2,
  fullyParallel: false,
  retries: 0,
  outputDir: 'test-results/playwright',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    },
    trace: 'off',
  },
  webServer: {
    command: `npx tsx test/e2e/support/serve.ts ${JSON.stringify(dist)} ${port}`,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});

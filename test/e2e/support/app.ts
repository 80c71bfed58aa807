/** The whole app through the test host: one fresh host per test, the page started and ready. */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createTestHost, type TestHost } from './testHost.js';

/** Registers a fresh test host for every test of the file; call the returned function inside a test. */
export function useTestHost(): () => TestHost {
  let host: TestHost | undefined;
  test.beforeEach(async () => {
    host = await createTestHost();
  });
  test.afterEach(async () => {
    await host?.dispose();
    host = undefined;
  });
  return () => {
    if (!host) throw new Error('no test host outside a test');
    return host;
  };
}

/** Open the app with the host attached and wait until the form and the file toolbar are there. */
export async function startApp(page: Page, host: TestHost): Promise<void> {
  await host.attach(page);
  await page.goto('index.html');
  await expect(page.locator('html[data-editor-ready]')).toHaveCount(1);
  await expect(fileToolbar(page)).toBeVisible();
}

export const fileToolbar = (page: Page): Locator => page.getByRole('toolbar', { name: '文件' });

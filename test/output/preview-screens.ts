/**
 * Screenshots of the paged preview in the real renderer (browser host, Debian Chromium), for looking at by eye:
 * the window with the preview beside the form after the clerk filled a long report, and each previewed sheet at
 * full size (the preview frame's own document, loaded on its own). Printed, not asserted.
 *
 *   npx tsx test/output/preview-screens.ts [--out <folder>]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../electron/main/services/export/pdfOptions.js';
import { serverPort, startServer } from '../e2e/support/serve.js';
import { longReport } from './sample.js';
import { FONTCONFIG_FILE, tempDir } from './tools.js';

async function main(): Promise<void> {
  const outAt = process.argv.indexOf('--out');
  const dir = outAt > 0 && process.argv[outAt + 1] ? process.argv[outAt + 1]! : tempDir('preview-screens');
  mkdirSync(dir, { recursive: true });
  const built = join(dir, 'renderer');
  const build = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'error'], { stdio: 'inherit', env: { ...process.env, RENDERER_OUT_DIR: built } });
  if (build.status !== 0) throw new Error('renderer build failed');
  const server = await startServer(built, 0);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], env: { ...(process.env as Record<string, string>), FONTCONFIG_FILE } });
  try {
    const context = await browser.newContext({ viewport: { width: 1500, height: 950 }, locale: 'zh-CN' });
    await context.addInitScript(() => localStorage.setItem('gkbg.preview', '1'));
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${serverPort(server)}/index.html`);
    await page.waitForSelector('html[data-editor-ready]');
    await page.getByRole('button', { name: '全部空格填0' }).click();
    // 「全部空格填0」 asks first, naming the tables: its confirming button is the notice's first
    await page.getByTestId('notice').getByRole('button').first().click();
    const sections = longReport(2).sections ?? {};
    for (const [k, text] of Object.entries(sections)) {
      const area = page.locator(`textarea[data-section="${k}"]`);
      if ((await area.count()) > 0 && text) await area.fill(text);
    }
    const preview = page.locator('[data-testid="report-preview"][data-pending="false"]');
    await preview.waitFor({ timeout: 30_000 });
    const pages = Number(await preview.getAttribute('data-pages'));
    await page.screenshot({ path: join(dir, 'app-with-preview.png') });
    // the previewed document itself, at full size: each sheet as it is shown (before scaling to the column)
    const html = await page.locator('iframe[title="报告预览"]').getAttribute('srcdoc');
    const sheetPage = await context.newPage();
    await sheetPage.setViewportSize({ width: 840, height: 1200 });
    await sheetPage.setContent(html ?? '');
    await sheetPage.evaluate(() => document.fonts.ready);
    const sheets = sheetPage.locator('section.sheet');
    for (let i = 0; i < (await sheets.count()); i++) await sheets.nth(i).screenshot({ path: join(dir, `sheet-${i + 1}.png`) });
    console.log(`${pages} previewed pages; screenshots in ${dir}`);
  } finally {
    await browser.close();
    server.close();
  }
}

await main();

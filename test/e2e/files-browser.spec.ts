/**
 * The browser host (no shell: `window.reportHost` absent): open through a file input, save as a download, autosave and
 * recovery in localStorage, the document title with the unsaved mark.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { flattenCells, nestCells } from '../../shared/report/model.js';
import { newDraft, parseDraftText, serializeDraft } from '../../shared/schema/draft.js';

let dir: string;
test.beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkbg-browser-'));
});
test.afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const button = (page: Page, name: string) => page.getByRole('toolbar', { name: '文件' }).getByRole('button', { name, exact: true });

async function start(page: Page) {
  await page.goto('index.html');
  await expect(page.locator('html[data-editor-ready]')).toHaveCount(1);
}

test('open with the file input, edit, save downloads the draft; the tab title shows 「*」', async ({ page }) => {
  const d = newDraft({ year: 2024, organ: '某县' });
  d.cells = nestCells({ 'apply.new.natural': 9 });
  const file = join(dir, '某县2024.gkbg');
  await writeFile(file, serializeDraft(d));
  await start(page);
  expect(await page.evaluate(() => 'reportHost' in window)).toBe(false);

  const chooser = page.waitForEvent('filechooser');
  await button(page, '打开').click();
  await (await chooser).setFiles(file);
  await expect(page.getByTestId('document-name')).toHaveText('某县2024.gkbg');
  await expect(page.locator('[data-cell="apply.new.natural"]')).toHaveValue('9');
  await expect(page).toHaveTitle('某县2024.gkbg - 政府信息公开年度报告');

  await page.locator('[data-cell="apply.new.natural"]').fill('10');
  await expect(page).toHaveTitle('*某县2024.gkbg - 政府信息公开年度报告');
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  const dl = await download;
  expect(dl.suggestedFilename()).toBe('某县2024.gkbg');
  const saved = parseDraftText(await readFile((await dl.path()) ?? '', 'utf8'));
  expect(saved.ok && flattenCells(saved.draft.cells)['apply.new.natural']).toBe(10);
  await expect(page).toHaveTitle('某县2024.gkbg - 政府信息公开年度报告');
});

test('autosave to localStorage is offered again after the tab was closed uncleanly', async ({ page, context }) => {
  await start(page);
  await page.locator('[name="meta.organ"]').fill('浏览器里的机关');
  await page.locator('[data-cell="apply.new.natural"]').fill('21');
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('gkbg-recovery:')).length), { timeout: 10_000 })
    .toBe(1);
  await page.close({ runBeforeUnload: false });
  const page2 = await context.newPage();
  await start(page2);
  const dialog = page2.getByRole('dialog', { name: '发现未保存的报告' });
  await dialog.getByRole('button', { name: '恢复' }).click();
  await expect(page2.locator('[data-cell="apply.new.natural"]')).toHaveValue('21');
  await expect(page2.locator('[name="meta.organ"]')).toHaveValue('浏览器里的机关');
});

/**
 * Two hosts, both honest — the browser host (no shell): a save is a download and says so (「已下载」, never
 * 「已保存到」); the 审核单 is written in the page (the DOCX writer is shared code); a published report's text file
 * imports in the page, and the dialog offers only what the page can read.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { expect, test, type Page } from '@playwright/test';

const published = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'published');
const toolbar = (page: Page) => page.getByRole('toolbar', { name: '文件' });

async function start(page: Page) {
  await page.goto('index.html');
  await expect(page.locator('html[data-editor-ready]')).toHaveCount(1);
  expect(await page.evaluate(() => 'reportHost' in window)).toBe(false);
}

test('a save in the browser is a download and the notice says 「已下载」', async ({ page }) => {
  await start(page);
  await page.locator('[name="meta.organ"]').fill('某县人民政府');
  const download = page.waitForEvent('download');
  await toolbar(page).getByRole('button', { name: '保存', exact: true }).click();
  await download;
  await expect(page.getByTestId('file-notice')).toContainText('已下载');
  await expect(page.getByTestId('file-notice')).not.toContainText('已保存到');
});

test('the 审核单 is written in the page: a Word document listing the findings with the clerk\'s explanation', async ({ page }) => {
  await start(page);
  await page.locator('[name="meta.organ"]').fill('某县人民政府');
  // a warning accepted with an explanation (the report's title is not the standard one)
  await page.locator('[name="meta.title"]').fill('某县人民政府政务公开年报');
  const item = page.getByTestId('issues').locator('[data-rule="F-TITLE"]').first();
  await item.getByRole('button', { name: '接受并说明…' }).click();
  await item.getByRole('textbox').fill('按本县惯例的标题');
  await item.getByRole('button', { name: '确定' }).click();
  const download = page.waitForEvent('download');
  await toolbar(page).getByRole('button', { name: '导出' }).click();
  await page.getByRole('menuitem', { name: /审核单/ }).click();
  const dl = await download;
  expect(dl.suggestedFilename()).toMatch(/审核单）\.docx$/);
  const zip = await JSZip.loadAsync(await readFile((await dl.path()) ?? ''));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  expect(xml).toContain('审核单');
  expect(xml).toContain('按本县惯例的标题');
  await expect(page.getByTestId('file-notice')).toContainText('已下载');
});

test('a published report\'s text file imports in the page; the dialog offers text files, not Word or PDF', async ({ page }) => {
  await start(page);
  await toolbar(page).getByRole('button', { name: '导入已发布的报告…' }).click();
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByRole('button', { name: '选择文件…', exact: true })).toHaveCount(0);
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: '选择文本文件（.txt）…' }).click();
  const fc = await chooser;
  expect(await fc.element().getAttribute('accept')).toBe('.txt,text/plain');
  await fc.setFiles(join(published, 'xinxiang-county-office-2024.txt'));
  await expect(dialog.getByTestId('import-result')).toContainText('N-APP');
  await dialog.getByRole('button', { name: '作为草稿打开' }).click();
  await expect(page.locator('[data-cell="apply.new.natural"]')).toHaveValue('16');
});

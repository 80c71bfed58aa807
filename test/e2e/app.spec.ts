/**
 * The pieces App.tsx puts together, end to end through the test host (real Node services): importing a published
 * report (file or paste) as a draft or as last year's report, and the check before export.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { cellBox } from './support/editor.js';
import { fileToolbar, startApp, useTestHost } from './support/app.js';
import type { TestHost } from './support/testHost.js';

const published = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'published');

const currentHost = useTestHost();
let host: TestHost;
test.beforeEach(() => {
  host = currentHost();
});

const start = (page: Page) => startApp(page, host);
const toolbar = fileToolbar;
const cell = (page: Page, key: string) => page.locator(`[data-cell="${key}"]`);

/** 导入已发布的报告… with a file of test/fixtures/published chosen: the dialog showing what was read. */
async function chooseImport(page: Page, name: string): Promise<Locator> {
  host.answers.import.push(join(published, name));
  await toolbar(page).getByRole('button', { name: '导入已发布的报告…' }).click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByRole('button', { name: '选择文件…' }).click();
  return dialog;
}

test('a published DOCX-less report (text file) imports as a draft: figures in the form, source check shown', async ({ page }) => {
  await start(page);
  const dialog = await chooseImport(page, 'xinxiang-county-office-2024.txt');
  // the source check names the narrative contradiction of this sample (受理 21 件 vs table 16)
  await expect(dialog.getByTestId('import-result')).toContainText('N-APP');
  await dialog.getByRole('button', { name: '作为草稿打开' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(cell(page, 'apply.new.natural')).toHaveValue('16');
  await expect(cell(page, 'apply.new.total')).toHaveText('16'); // computed, not imported
  await expect(cell(page, 'active.normative.in_force')).toHaveValue('4');
  await expect(page.locator('[name="meta.organ"]')).toHaveValue('新乡县人民政府办公室');
  await expect(page.getByTestId('file-notice')).toContainText('已导入');
  await expect(page.getByTestId('document-name')).toHaveText(/^\*/);
  // what the importer doubted is on the review list (kept in the draft until confirmed)
  await expect(page.getByTestId('review-list')).toContainText('落款');
});

test('a blank cell: 「填写中」 says 错误 0, the gate says 1 error, and 「定稿检查」 says what the gate says', async ({ page }) => {
  await start(page);
  const dialog = await chooseImport(page, 'xinxiang-county-office-2024.txt');
  await dialog.getByRole('button', { name: '作为草稿打开' }).click();
  await page.locator('[name="meta.signatureDate"]').fill('2025-01-20');
  await cell(page, 'apply.granted.natural').fill('');
  const issues = page.getByTestId('issues');
  const count = async (where: Locator, which: string) => Number(((await where.locator(`[data-count="${which}"]`).textContent()) ?? '').replace(/\D/g, ''));
  await expect(issues.locator('li[data-rule="V-BLANK"]')).toHaveAttribute('data-severity', 'warning');
  const drafting = { errors: await count(issues, 'errors'), warnings: await count(issues, 'warnings') };
  expect(drafting.errors).toBe(0);

  await toolbar(page).getByRole('button', { name: '导出', exact: true }).click();
  await page.getByRole('menuitem', { name: /Word/ }).click();
  const gate = page.getByTestId('export-gate');
  await expect(gate.locator('li[data-rule="V-BLANK"]')).toHaveAttribute('data-severity', 'error');
  const atGate = { errors: await count(gate, 'errors'), warnings: await count(gate, 'warnings') };
  expect(atGate.errors).toBe(drafting.errors + 1);
  await gate.getByRole('button', { name: '返回修改' }).click();

  await issues.getByRole('radio', { name: '定稿检查' }).click();
  await expect(issues.locator('li[data-rule="V-BLANK"]')).toHaveAttribute('data-severity', 'error');
  expect({ errors: await count(issues, 'errors'), warnings: await count(issues, 'warnings') }).toEqual(atGate);
  await issues.getByRole('radio', { name: '填写中' }).click();
  await expect(issues.locator('li[data-rule="V-BLANK"]')).toHaveAttribute('data-severity', 'warning');
  expect(await count(issues, 'errors')).toBe(drafting.errors);
});

test('pasted text imports as last year\'s report: next year\'s draft with carried-over figures and last year beside the cells', async ({ page }) => {
  await start(page);
  const text = await readFile(join(published, 'xinxiang-county-office-2024.txt'), 'utf8');
  await toolbar(page).getByRole('button', { name: '导入已发布的报告…' }).click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.locator('textarea').fill(text);
  await dialog.getByRole('button', { name: '导入粘贴的文本' }).click();
  await dialog.getByRole('button', { name: '作为上年报告，创建本年度报告' }).click();
  await expect(page.locator('[name="meta.year"]')).toHaveValue('2025');
  // xinxiang carried 2 applications (自然人) forward into 2025
  await expect(cell(page, 'apply.carried_over.natural')).toHaveValue('2');
  await expect(cellBox(page, 'apply.new.natural').locator('.prev')).toHaveText('上年 16');
  await expect(page.getByTestId('file-notice')).toContainText('为上年报告创建2025年度报告');
});

test('export asks first while errors remain: 返回修改 writes nothing, the list names the rules', async ({ page }) => {
  await start(page);
  // 自然人 column: 5 + 0 received, 3 + 9 accounted for (every other cell 0)
  await page.getByRole('button', { name: '全部空格填0' }).click();
  await page.getByTestId('notice').getByRole('button', { name: '确认全部填0' }).click();
  await cell(page, 'apply.new.natural').fill('5');
  await cell(page, 'apply.granted.natural').fill('3');
  await cell(page, 'apply.carried_forward.natural').fill('9');
  await toolbar(page).getByRole('button', { name: '导出', exact: true }).click();
  await page.getByRole('menuitem', { name: 'PDF' }).click();
  const gate = page.getByTestId('export-gate');
  await expect(gate).toBeVisible();
  await expect(gate.locator('[data-rule="T3-BAL"]')).toContainText('相差 7');
  // sections not written yet are errors in a finished report (only to-dos while drafting)
  await expect(gate.locator('[data-rule="F-SECTIONS"]').first()).toContainText('正文为空');
  await gate.getByRole('button', { name: '返回修改' }).click();
  await expect(gate).toHaveCount(0);
  expect(host.calls.some((c) => c.method === 'exportDocument')).toBe(false);

  // 打印 is gated the same way
  await toolbar(page).getByRole('button', { name: '打印' }).click();
  await expect(page.getByTestId('export-gate')).toContainText('打印前的检查');
  await page.getByTestId('export-gate').getByRole('button', { name: '仍然打印' }).click();
  await expect.poll(() => host.calls.some((c) => c.method === 'print')).toBe(true);
});

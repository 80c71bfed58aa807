/**
 * The editor with drafts opened through the test host (real file services): last year's figures beside the cells
 * and the cross-year rules; an accepted warning saved in the file; format-2019 drafts and 2021 drafts that print the
 * single （六）其他处理 row show their own tables.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { nestCells } from '../../shared/report/model.js';
import { newDraft, parseDraftText, serializeDraft, type DraftFile } from '../../shared/schema/draft.js';
import { cell, cellBox, counts, panel, typeCell } from './support/editor.js';
import { createTestHost, type TestHost } from './support/testHost.js';

let host: TestHost;
test.beforeEach(async () => {
  host = await createTestHost();
});
test.afterEach(async () => {
  await host.dispose();
});

async function openDraft(page: Page, draft: DraftFile, name: string): Promise<string> {
  const path = join(host.dir, name);
  await writeFile(path, serializeDraft(draft), 'utf8');
  await host.attach(page);
  await page.goto('index.html');
  await expect(page.locator('html[data-editor-ready]')).toHaveCount(1);
  host.answers.open.push(path);
  await page.getByRole('toolbar', { name: '文件' }).getByRole('button', { name: '打开', exact: true }).click();
  await expect(page.getByTestId('document-name')).toContainText(name);
  return path;
}

test("last year's figures sit quietly beside each cell; cross-year rules in the panel; an accepted warning is saved", async ({ page }) => {
  const d = newDraft({ year: 2025, organ: '某县人民政府办公室', level: 'department' });
  d.cells = nestCells({ 'apply.new.natural': 14, 'apply.carried_over.natural': 1, 'apply.granted.natural': 12, 'apply.carried_forward.natural': 3, 'active.normative.in_force': 30 });
  d.previous = {
    year: 2024,
    cells: nestCells({ 'apply.new.natural': 12, 'apply.new.commercial': 3, 'apply.granted.natural': 9, 'apply.carried_forward.natural': 3, 'active.normative.in_force': 25 }),
  };
  const path = await openDraft(page, d, '本年.gkbg');

  await expect(cellBox(page, 'apply.new.natural').locator('.prev')).toHaveText('上年 12');
  await expect(cellBox(page, 'apply.new.total').locator('.prev')).toHaveText('上年 15'); // computed from last year's cells
  await expect(cellBox(page, 'apply.new.research').locator('.prev')).toHaveCount(0); // last year blank: nothing shown
  await expect(cell(page, 'apply.new.natural')).toHaveValue('14');

  // 上年结转 1 ≠ last year's 结转下年度 3
  const carry = panel(page).locator('[data-rule="XY-CARRY"]');
  await expect(carry).toHaveCount(1);
  await expect(carry).toContainText('3');
  await cell(page, 'apply.carried_over.natural').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/editor-previous-year.png' });
  await expect(cell(page, 'apply.carried_over.natural')).toHaveAttribute('data-severity', 'warning');
  await typeCell(page, 'apply.carried_over.natural', '3');
  await expect(carry).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(carry).toHaveCount(1);

  // accept it with an explanation; it is stored in the draft file
  const warningsBefore = (await counts(page)).warnings;
  await carry.getByRole('button', { name: '接受并说明…' }).click();
  await carry.getByLabel('接受此提示的说明').fill('上年报告结转数有误，已更正');
  await carry.getByRole('button', { name: '确定' }).click();
  await expect(panel(page).locator('.issue.warning[data-rule="XY-CARRY"]')).toHaveCount(0);
  expect((await counts(page)).warnings).toBe(warningsBefore - 1);
  await expect(cell(page, 'apply.carried_over.natural')).not.toHaveAttribute('data-severity', 'warning');
  await page.getByRole('toolbar', { name: '文件' }).getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByTestId('document-name')).not.toContainText('*');
  const saved = parseDraftText(await readFile(path, 'utf8'));
  expect(saved.ok).toBe(true);
  if (!saved.ok) return;
  expect(saved.draft.acceptedWarnings).toEqual([
    expect.objectContaining({ rule: 'XY-CARRY', target: 'apply.carried_over.natural', explanation: '上年报告结转数有误，已更正' }),
  ]);
});

test('a format-2019 draft opens with its own tables and labels', async ({ page }) => {
  const d = newDraft({ year: 2020, format: '2019', organ: '某县人民政府' });
  d.cells = nestCells({ 'active2019.licensing.change': -14, 'apply.other.natural': 2 });
  await openDraft(page, d, '2020.gkbg');
  await expect(page.locator('.format-tag')).toHaveText('2019年格式');
  await page.locator('#sec-active').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/editor-2019.png' });
  const active = page.locator('table[data-table="active"]');
  await expect(active).toContainText('本年新制作数量');
  await expect(active.getByRole('rowheader', { name: '规范性文件', exact: true })).toHaveCount(1);
  await expect(active).toContainText('第二十条第（九）项');
  await expect(cell(page, 'active2019.licensing.change')).toHaveValue('-14');
  await expect(cell(page, 'active.normative.issued')).toHaveCount(0);
  await expect(cell(page, 'apply.other.natural')).toHaveValue('2');
  await expect(cell(page, 'apply.other_1.natural')).toHaveCount(0);
  await typeCell(page, 'active2019.procurement.amount', '3979.5 万元');
  await typeCell(page, 'active2019.fees.change', '-3');
  await expect(panel(page).locator('[data-rule="V-NUM"]')).toHaveCount(0);
  // navigation runs through the single （六） row
  await cell(page, 'apply.refused_5.natural').click();
  await page.keyboard.press('ArrowDown');
  await expect(cell(page, 'apply.other.natural')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(cell(page, 'apply.carried_forward.natural')).toBeFocused();
});

test('a 2021-format draft that prints the single （六）其他处理 row keeps it (never split) and is flagged', async ({ page }) => {
  const d = newDraft({ year: 2023, organ: '某县人民政府' });
  d.cells = nestCells({ 'apply.other.natural': 2, 'apply.new.natural': 2 });
  await openDraft(page, d, '2023.gkbg');
  await expect(cell(page, 'apply.other.natural')).toHaveValue('2');
  await expect(cell(page, 'apply.other_1.natural')).toHaveCount(0);
  await expect(cell(page, 'active.normative.issued')).toHaveCount(1);
  await expect(cell(page, 'apply.processed_total.natural')).toHaveText('2');
  await expect(panel(page).locator('[data-rule="F-OLD"]')).not.toHaveCount(0);
});

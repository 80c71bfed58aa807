/**
 * The office above in the window (issue 12), through the test host's real services and worker pool:
 * 文件 → 汇总下级单位报告… on a folder of units (with a roster) — counted units, left-out files, the roster's gaps,
 * sums with contributions, cells left for entry, rolled up again when a unit's file changes — opened as a draft; and 文件 → 批量核查… on a folder with a broken
 * file — a row per file, a unit's findings opened, the review table saved as .xlsx. Screenshots in test-results/screens.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { unitDraftText, unitPublishedText, unitReport } from '../office/support/units.js';
import { fileToolbar, startApp, useTestHost } from './support/app.js';

const SCREENS = 'test-results/screens';
/** the first job starts the worker threads, which load the parsers: generous on a busy machine */
const WORK = { timeout: 60_000 };
const currentHost = useTestHost();

function unitsFolder(dir: string): string {
  const folder = join(dir, '各单位报告');
  mkdirSync(folder, { recursive: true });
  const files: Record<string, string> = {
    '01-教育局.gkbg': unitDraftText(unitReport('县教育局', { 'apply.new.natural': 3, 'apply.granted.natural': 3, 'active.fees.amount': 0.1, 'active.normative.issued': 2 })),
    '02-卫健委.txt': unitPublishedText('县卫生健康委员会', 2024, 6),
    '03-民政局.json': JSON.stringify(unitReport('县民政局', { 'apply.new.natural': 4, 'apply.granted.natural': 3, 'active.fees.amount': 0.2 })),
    '04-交通局.gkbg': unitDraftText(unitReport('县交通运输局', { 'apply.new.natural': 9, 'apply.granted.natural': 9 }, { year: 2023 })),
    '05-损坏.docx': 'this is not a Word file',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

test.setTimeout(120_000);

test('汇总下级单位报告: a folder of units rolled up, gaps and left-out files named, opened as a draft', async ({ page }) => {
  const host = currentHost();
  const folder = unitsFolder(host.dir);
  await startApp(page, host);
  await fileToolbar(page).getByRole('button', { name: '汇总下级单位报告…' }).click();
  const dialog = page.getByTestId('rollup-dialog');
  await dialog.getByPlaceholder('如：某某县人民政府').fill('某某县人民政府');
  await dialog.getByLabel('单位名单').fill('县教育局\n县卫生健康委员会\n县民政局\n县交通运输局\n县财政局');
  host.answers.folder.push(folder);
  await dialog.getByRole('button', { name: '选择文件夹…' }).click();
  const summary = dialog.getByTestId('rollup-summary');
  await expect(summary).toContainText('2024 年度 · 全县汇总 · 计入 3 个单位，未计入 2 个文件', WORK);
  await expect(summary.locator('[data-exclusion="other-year"]')).toContainText('04-交通局.gkbg');
  await expect(summary.locator('[data-exclusion="unreadable"]')).toContainText('不是 Word 文档');
  await expect(summary).toContainText('缺报 县财政局');
  await expect(summary).toContainText('缺报 县交通运输局');
  const natural = dialog.locator('[data-cell="apply.new.natural"]');
  await expect(natural).toContainText('13');
  await expect(natural).toContainText('县教育局 3，县卫生健康委员会 6，县民政局 4');
  await expect(dialog.locator('[data-cell="active.fees.amount"]')).toContainText('1.55');
  const entry = dialog.locator('[data-cell="active.normative.issued"]');
  await expect(entry).toContainText('待填写');
  await expect(entry).toContainText('本级政府数据，不汇总；参考：县教育局 2');
  await page.screenshot({ path: `${SCREENS}/office-rollup.png` });

  // a unit hands in a corrected file while the roll-up is open: it is rolled up again on the same files
  writeFileSync(join(folder, '01-教育局.gkbg'), unitDraftText(unitReport('县教育局', { 'apply.new.natural': 5, 'apply.granted.natural': 5, 'active.fees.amount': 0.1, 'active.normative.issued': 2 })));
  await expect(dialog.getByRole('status').filter({ hasText: '已重新汇总' })).toContainText('「01-教育局.gkbg」已更改', WORK);
  await expect(natural).toContainText('县教育局 5，县卫生健康委员会 6，县民政局 4', WORK);
  await expect(natural).toContainText('15');
  await page.screenshot({ path: `${SCREENS}/office-rollup-rerun.png` });

  await dialog.getByRole('button', { name: '打开汇总草稿' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('[data-cell="apply.new.natural"]')).toHaveValue('15');
  await expect(page.locator('[data-cell="apply.new.total"]')).toHaveText('15');
  await expect(page.locator('[data-cell="active.normative.issued"]')).toHaveValue('');
  await expect(page.locator('[name="meta.organ"]')).toHaveValue('某某县人民政府');
  // in the editor, from the draft's own record: a summed cell's contributions by unit, and the units' values beside
  // a 行政规范性文件 / 规章 cell left for entry
  const summedCell = page.locator('td', { has: page.locator('input[data-cell="apply.new.natural"]') });
  await expect(summedCell.locator('.rollup-hint[data-rollup="sum"]')).toHaveText('各单位 5+6+4');
  await expect(summedCell).toHaveAttribute('title', '汇总自 3 个单位：县教育局 5，县卫生健康委员会 6，县民政局 4');
  const normativeCell = page.locator('td', { has: page.locator('input[data-cell="active.normative.issued"]') });
  await expect(normativeCell.locator('.rollup-hint[data-rollup="entry"]')).toHaveText('各单位：县教育局 2，县卫生健康委员会 1，县民政局 0');
  const regulationsCell = page.locator('td', { has: page.locator('input[data-cell="active.regulations.issued"]') });
  await expect(regulationsCell.locator('.rollup-hint[data-rollup="entry"]')).toHaveText('各单位：县教育局 0，县卫生健康委员会 0，县民政局 0');
  await expect(page.getByRole('textbox', { name: /规章.*制发/ })).toHaveAccessibleDescription(/各单位：县教育局 0/);
  // computed totals are the app's own: no contributions on them
  await expect(page.locator('td', { has: page.locator('[data-cell="apply.new.total"]') }).locator('.rollup-hint')).toHaveCount(0);
  await page.locator('[data-cell="active.regulations.issued"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/office-rollup-draft-editor.png` });
  await page.locator('[data-cell="apply.new.natural"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/office-rollup-draft-table3.png` });

  // saved from the editor, the draft still records its scope and the units' files
  const saved = join(host.dir, '汇总.gkbg');
  host.answers.save.push(saved);
  await fileToolbar(page).getByRole('button', { name: '保存', exact: true }).click();
  await expect.poll(() => existsSync(saved)).toBe(true);
  const draft = JSON.parse(readFileSync(saved, 'utf8')) as { rollup?: { scope: string; sources: { file: string; status: string }[] } };
  expect(draft.rollup?.scope).toBe('county');
  expect(draft.rollup?.sources.map((s) => `${s.file}:${s.status}`)).toEqual([
    '01-教育局.gkbg:included',
    '02-卫健委.txt:included',
    '03-民政局.json:included',
    '04-交通局.gkbg:excluded',
    '05-损坏.docx:excluded',
  ]);
});

test('批量核查: a folder reviewed in workers, a row per file, a unit opened, the table saved as .xlsx', async ({ page }) => {
  const host = currentHost();
  const folder = unitsFolder(host.dir);
  await startApp(page, host);
  await fileToolbar(page).getByRole('button', { name: '批量核查…' }).click();
  const dialog = page.getByTestId('review-dialog');
  host.answers.folder.push(folder);
  await dialog.getByRole('button', { name: '选择文件夹…' }).click();
  await expect(dialog.getByTestId('review-summary')).toContainText('共 5 个文件');
  await expect(dialog.getByRole('button', { name: '导出核查结果（Excel）…' })).toBeVisible(WORK);
  const table = dialog.getByRole('table', { name: '核查结果' });
  await expect(table.locator('tbody tr')).toHaveCount(5);
  await expect(table.locator('tr[data-file="05-损坏.docx"]')).toContainText('无法核查');
  await expect(table.locator('tr[data-file="03-民政局.json"]')).toContainText('有错误');
  await table.getByRole('button', { name: '县民政局' }).click();
  const unit = dialog.getByTestId('review-unit');
  await expect(unit).toContainText('T3-BAL');
  await page.screenshot({ path: `${SCREENS}/office-review.png` });

  const out = join(host.dir, '核查结果.xlsx');
  host.answers.officeSave.push(out);
  await dialog.getByRole('button', { name: '导出核查结果（Excel）…' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: '已保存到' })).toContainText('核查结果.xlsx');
  expect(existsSync(out)).toBe(true);
});

test('批量核查 can be cancelled while it runs: it stops and says how far it got', async ({ page }) => {
  const host = currentHost();
  const folder = join(host.dir, 'many');
  mkdirSync(folder);
  for (let i = 0; i < 150; i++) writeFileSync(join(folder, `u${String(i).padStart(2, '0')}.txt`), unitPublishedText(`县单位${i}`, 2024, i));
  await startApp(page, host);
  await fileToolbar(page).getByRole('button', { name: '批量核查…' }).click();
  const dialog = page.getByTestId('review-dialog');
  host.answers.folder.push(folder);
  await dialog.getByRole('button', { name: '选择文件夹…' }).click();
  const bar = dialog.getByRole('progressbar');
  await expect(bar).toBeVisible();
  // the bar moves as files are checked, and the rows come in while it runs
  await expect(dialog).toContainText(/已核查 [1-9]\d* \/ 150/, WORK);
  await expect.poll(async () => Number(await bar.getAttribute('value')), WORK).toBeGreaterThan(0);
  await page.screenshot({ path: `${SCREENS}/office-review-progress.png` });
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toContainText('核查已取消', WORK);
  const reached = Number(/已核查 (\d+) 个文件/.exec((await dialog.textContent()) ?? '')?.[1]);
  expect(reached).toBeGreaterThan(0);
  expect(reached).toBeLessThan(150);
});

/**
 * Screenshots of the editor for review by eye (saved under test-results/screens/): the whole form of a finished
 * report, and a failing check with its message beside the cell and in the panel.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { nestCells, type Cells } from '../../shared/report/model.js';
import { newDraft, serializeDraft } from '../../shared/schema/draft.js';
import { APPLY_DETAIL, APPLY_ROWS_2021, balancedApply, cell, counts, panel, typeCell } from './support/editor.js';
import { createTestHost, type TestHost } from './support/testHost.js';

const OUT = 'test-results/screens';
let host: TestHost;
test.beforeEach(async () => {
  host = await createTestHost();
});
test.afterEach(async () => {
  await host.dispose();
});

function finishedReport() {
  const d = newDraft({ year: 2025, organ: '某某县人民政府办公室', level: 'department' });
  d.meta.signatureOrgan = '某某县人民政府办公室';
  d.meta.signatureDate = '2026-01-20';
  d.meta.contactName = '王明';
  d.meta.contactPhone = '0991-1234567';
  const cells: Cells = {
    'active.regulations.issued': 0,
    'active.regulations.repealed': 0,
    'active.regulations.in_force': 0,
    'active.normative.issued': 3,
    'active.normative.repealed': 1,
    'active.normative.in_force': 20,
    'active.licensing.decisions': 120,
    'active.punishment.decisions': 45,
    'active.coercion.decisions': 2,
    'active.fees.amount': 21613.91,
  };
  const t = balancedApply();
  for (const r of APPLY_ROWS_2021) {
    if (r === 'processed_total') continue;
    APPLY_DETAIL.forEach((c, i) => (cells[`apply.${r}.${c}`] = t[r]?.[i] ?? 0));
  }
  for (const b of ['reconsideration', 'sued_direct', 'sued_after']) for (const c of ['upheld', 'corrected', 'other', 'pending']) cells[`review.${b}.${c}`] = 0;
  cells['review.reconsideration.upheld'] = 1;
  d.cells = nestCells(cells);
  d.previous = { year: 2024, cells: nestCells({ 'apply.new.natural': 10, 'apply.carried_forward.natural': 1, 'active.normative.in_force': 18, 'active.licensing.decisions': 98 }) };
  d.sections = {
    preface: '本报告根据《中华人民共和国政府信息公开条例》编制，数据统计期限为2025年1月1日至2025年12月31日。',
    overview:
      '（一）主动公开\n全年主动公开政府信息1200余条。\n（二）依申请公开\n本年新收政府信息公开申请16件，上年结转1件，办结15件，其中予以公开8件，部分公开2件，不予公开1件，无法提供3件，不予处理1件，结转下年度2件。\n（三）政府信息管理\n动态调整主动公开目录。\n（四）政府信息公开平台建设\n优化政府网站信息公开专栏。\n（五）监督保障\n将政务公开纳入年度工作考核，开展社会评议，未发生责任追究情况。',
    active: '',
    requests: '',
    review: '本年度发生政府信息公开行政复议1件，其中结果维持1件；行政诉讼0件。',
    problems: '（一）存在的问题\n部分栏目更新不够及时。\n（二）改进情况\n加强培训，完善发布审核机制。',
    other: '本年度没有产生信息公开处理费。',
  };
  return d;
}

/** The app at 1500 × 950, the preview closed, with the draft at `path` opened through 「打开」. */
async function openInEditor(page: Page, path: string): Promise<void> {
  await host.attach(page);
  await page.setViewportSize({ width: 1500, height: 950 });
  await page.goto('index.html');
  await page.evaluate(() => localStorage.setItem('gkbg.preview', '0'));
  await page.reload();
  await expect(page.locator('html[data-editor-ready]')).toHaveCount(1);
  host.answers.open.push(path);
  await page.getByRole('toolbar', { name: '文件' }).getByRole('button', { name: '打开', exact: true }).click();
}

test('screens: the whole form of a finished report, and a failing check', async ({ page }) => {
  const path = join(host.dir, '某某县2025.gkbg');
  await writeFile(path, serializeDraft(finishedReport()), 'utf8');
  await openInEditor(page, path);
  await expect(cell(page, 'apply.new.total')).toHaveText('16');
  expect((await counts(page)).errors).toBe(0);
  await page.screenshot({ path: `${OUT}/editor-top.png` });

  // the whole form in one tall window
  const height = await page.locator('.report-form').evaluate((el) => el.scrollHeight + 200);
  await page.setViewportSize({ width: 1500, height: Math.min(height, 7000) });
  await page.screenshot({ path: `${OUT}/editor-full.png` });

  // a failing check: 结转下年度 typed wrong
  await page.setViewportSize({ width: 1500, height: 950 });
  await typeCell(page, 'apply.carried_forward.natural', '4');
  await expect(page.locator('[data-testid="cell-popover"] [data-rule="T3-BAL"]')).toBeVisible();
  await expect(panel(page).locator('[data-rule="T3-BAL"]')).toHaveCount(1);
  await page.locator('[data-testid="cell-popover"]').evaluate(() => new Promise(requestAnimationFrame));
  await page.screenshot({ path: `${OUT}/editor-failing.png` });
});

test('a draft whose 机关层级 is not known (imported, its organ naming neither) shows 「未确定」 until the clerk chooses', async ({ page }) => {
  const draft = finishedReport();
  delete draft.meta.level;
  draft.meta.organ = '某某建设指挥部';
  // (a 人民政府's report must tell its 考核、评议、追究 results: this one doesn't)
  draft.sections.overview = (draft.sections.overview ?? '').replace('将政务公开纳入年度工作考核，开展社会评议，未发生责任追究情况。', '自觉接受社会监督。');
  const path = join(host.dir, '指挥部2025.gkbg');
  await writeFile(path, serializeDraft(draft), 'utf8');
  await openInEditor(page, path);
  const level = page.locator('[name="meta.level"]');
  await expect(level).toHaveValue('');
  await expect(level.locator('option:checked')).toHaveText('未确定，请选择');
  // no rule for 人民政府 is applied to it; choosing one applies it
  await expect(panel(page).locator('[data-rule="F-KPZ"]')).toHaveCount(0);
  await page.screenshot({ path: `${OUT}/editor-level-unknown.png` });
  await level.selectOption('government');
  await expect(level).toHaveValue('government');
  await expect(panel(page).locator('[data-rule="F-KPZ"]')).toHaveCount(1);
});

test('a figure typed with the letter O for its 0 says so beside the cell', async ({ page }) => {
  const path = join(host.dir, '某某县2025.gkbg');
  await writeFile(path, serializeDraft(finishedReport()), 'utf8');
  await openInEditor(page, path);
  await expect(cell(page, 'apply.new.total')).toHaveText('16');
  await cell(page, 'apply.granted.natural').fill('');
  await typeCell(page, 'apply.granted.natural', '1O');
  const msg = page.locator('[data-testid="cell-popover"] [data-rule="V-NUM"]');
  await expect(msg).toContainText('「1O」含字母 O，不是数字 0');
  await expect(panel(page).locator('[data-rule="V-NUM"]')).toContainText('含字母 O');
  await msg.evaluate(() => new Promise(requestAnimationFrame));
  await page.screenshot({ path: `${OUT}/editor-letter-o.png` });
});

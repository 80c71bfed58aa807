/**
 * A clerk's whole day, end to end through the test host (the real Node services): a new report started from last
 * year's published report → tables typed and pasted (table 三's running balance shown while blanks remain) → text with
 * sub-headings and data sentences → saved and reopened half-way (review list intact) → the gate with errors and open
 * warnings → 定位, fix, accept with an explanation → export DOCX and PDF → save → reopen with the acceptances intact →
 * next year's report, saved and reopened with its review list.
 * A screenshot at each step goes to test-results/clerk-day/ (looked at by the engineer, not compared).
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { parseDraftText } from '../../shared/schema/draft.js';
import { fileToolbar, startApp, useTestHost } from './support/app.js';
import type { TestHost } from './support/testHost.js';
import { APPLY_ROWS_2021, balancedApply, cell, cellBox, counts, panel, typeByTab } from './support/editor.js';

const published = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'published');
const shots = join('test-results', 'clerk-day');
const currentHost = useTestHost();
test.use({ viewport: { width: 1366, height: 768 } });
test.setTimeout(240_000);

const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`) });
const button = (page: Page, name: string) => fileToolbar(page).getByRole('button', { name, exact: true });

async function readDraftFile(path: string) {
  const parsed = parseDraftText(await readFile(path, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.draft;
}

/** 保存 (to `path`, asked for when the draft has no file yet), 新建 (nothing left on the review list), 打开 `path` again. */
async function saveAndReopen(page: Page, host: TestHost, path: string, { asked }: { asked: boolean }) {
  if (asked) host.answers.save.push(path);
  await button(page, '保存').click();
  await expect(page.getByTestId('file-notice')).toContainText('已保存到');
  await button(page, '新建').click();
  await expect(page.getByTestId('review-list')).toHaveCount(0);
  host.answers.open.push(path);
  await button(page, '打开').click();
  await expect(page.getByTestId('document-name')).toHaveText(basename(path));
}

test('the clerk\'s whole day, without a trap', async ({ page, context }) => {
  const host = currentHost();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await startApp(page, host);

  // 1. a new report: last year's published report as the start (上年结转, last year's figures, its text to review)
  host.answers.import.push(join(published, 'xinxiang-county-office-2024.txt'));
  await button(page, '导入已发布的报告…').click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByRole('button', { name: '选择文件…' }).click();
  await dialog.getByRole('button', { name: '作为上年报告，创建本年度报告' }).click();
  await expect(page.getByTestId('file-notice')).toContainText('创建2025年度报告');
  const review = page.getByTestId('review-list');
  await expect(review).toContainText('需核对');
  const reviewCount = await review.locator('li').count();
  expect(reviewCount).toBeGreaterThan(1);
  await expect(cell(page, 'apply.carried_over.natural')).toHaveValue('2');
  await page.locator('[name="meta.signatureDate"]').fill('2026-01-20');
  await page.locator('[name="meta.contactName"]').fill('王明');
  await page.locator('[name="meta.contactPhone"]').fill('0373-5551234');
  await shot(page, '01-new-report');

  // 2. tables: 二 typed; 三 — the running balance shows while blanks remain, then the block is pasted (one slip in it)
  await typeByTab(page, 'active.regulations.issued', [0, 0, 0, 3, 1, 20, 120, 45, 2, '21613.91']);
  await cell(page, 'apply.new.natural').fill('12');
  const hint = cellBox(page, 'apply.carried_forward.natural').locator('[data-hint="balance"]');
  await expect(hint).toContainText('尚差');
  // the screenshot shows the hint itself (at the foot of table 三), not the cell just typed
  await hint.scrollIntoViewIfNeeded();
  await shot(page, '02-running-balance');
  const t = balancedApply();
  t.carried_over = [2, 0, 0, 0, 0, 0]; // as carried from last year
  t.carried_forward = [3, 1, 0, 0, 0, 0]; // the slip: 自然人 12 + 2 received, 12 done, so 2 carried forward, not 3
  // the printed shape: the （七）总计 row comes blank (the app computes it)
  const rows = APPLY_ROWS_2021.map((r) => (r === 'processed_total' ? '\t\t\t\t\t' : (t[r] ?? []).join('\t')));
  await page.evaluate((text) => navigator.clipboard.writeText(text), `${rows.join('\r\n')}\r\n`);
  await cell(page, 'apply.new.natural').click();
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('notice')).toContainText('已粘贴 144 个单元格');
  await expect(hint).toHaveCount(0); // complete now: T3-BAL speaks instead of the hint
  await expect(cellBox(page, 'apply.carried_forward.natural').locator('[data-rule="T3-BAL"]')).toHaveCount(1);
  await typeByTab(page, 'review.reconsideration.upheld', [1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0]);
  await shot(page, '03-tables');

  // 3. text: sub-headings (the caret goes on below each), data sentences from the tables
  const overview = page.locator('textarea[data-section="overview"]');
  await overview.fill('');
  await overview.click();
  for (const h of ['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障']) {
    await page.getByRole('button', { name: h, exact: true }).click();
    await page.keyboard.type('本年度按要求扎实开展工作。');
  }
  await expect(overview).toHaveValue(/（一）主动公开\n本年度按要求扎实开展工作。/);
  await page.getByRole('button', { name: '依申请公开：插入/刷新数据句' }).click();
  await page.locator('textarea[data-section="requests"]').fill('');
  await page.getByRole('button', { name: '按表格插入/刷新数据句' }).first().click();
  await expect(page.locator('textarea[data-section="requests"]')).toHaveValue(/^本年新收政府信息公开申请16件/);
  await page.locator('textarea[data-section="review"]').fill('');
  await page.getByRole('button', { name: '按表格插入/刷新数据句' }).nth(1).click();
  await overview.scrollIntoViewIfNeeded();
  await shot(page, '04-text');

  // saved half-way and reopened: the review list, the figures and the text are as they were
  const saved = join(host.dir, '2025.gkbg');
  await saveAndReopen(page, host, saved, { asked: true });
  await expect(review.locator('li')).toHaveCount(reviewCount);
  await expect(cell(page, 'apply.carried_forward.natural')).toHaveValue('3');
  await expect(overview).toHaveValue(/（五）监督保障\n本年度按要求扎实开展工作。/);
  await shot(page, '04b-reopened-midway');

  // the review list: passages read and rewritten are confirmed one by one (one is left for the gate)
  while ((await review.locator('li').count()) > 1) await review.locator('li').first().getByRole('button', { name: '已核对' }).click();

  // 4. the gate: errors and open warnings, by section, with 定位 and 接受并说明
  await button(page, '导出').click();
  await page.getByRole('menuitem', { name: /Word/ }).click();
  const gate = page.getByTestId('export-gate');
  await expect(gate).toBeVisible();
  await expect(gate.locator('[data-rule="T3-BAL"]')).toContainText('相差 1');
  const gateErrors = Number(await gate.locator('[data-count="errors"]').textContent());
  const gateWarnings = Number(await gate.locator('[data-count="warnings"]').textContent());
  expect(gateErrors).toBeGreaterThanOrEqual(1);
  expect(gateWarnings).toBeGreaterThanOrEqual(1);
  await expect(gate.getByTestId('export-gate-marks')).toContainText('1 项未确认');
  await shot(page, '05-gate');
  // the panel's 定稿检查 counts what the gate counts
  await gate.getByRole('button', { name: '返回修改' }).click();
  await panel(page).getByRole('radio', { name: '定稿检查' }).click();
  expect(await counts(page)).toEqual({ errors: gateErrors, warnings: gateWarnings });
  await shot(page, '06-final-check');

  // 定位 from the gate goes to the cell; fixed there
  await button(page, '导出').click();
  await page.getByRole('menuitem', { name: /Word/ }).click();
  await gate.locator('[data-rule="T3-BAL"]').getByRole('button', { name: '定位' }).click();
  await expect(gate).toHaveCount(0);
  await expect(cell(page, 'apply.carried_forward.natural')).toBeFocused();
  await page.keyboard.type('2');
  await expect(panel(page).locator('[data-rule="T3-BAL"]')).toHaveCount(0);
  await review.locator('li').first().getByRole('button', { name: '已核对' }).click();
  await expect(review).toHaveCount(0);

  // 5. accept with an explanation, in the gate; then export on purpose
  await button(page, '导出').click();
  await page.getByRole('menuitem', { name: /Word/ }).click();
  await expect(gate.locator('[data-count="errors"]')).toHaveText('0');
  const firstWarning = gate.locator('li[data-severity="warning"]').first();
  const acceptedRule = await firstWarning.getAttribute('data-rule');
  const openWarnings = gate.locator('li[data-severity="warning"]');
  // one at a time: the next is clicked only once the accepted one has left the list (a slow machine re-renders late)
  for (let left = await openWarnings.count(); left > 0; left--) {
    const w = openWarnings.first();
    await w.getByRole('button', { name: '接受并说明…' }).click();
    await w.getByRole('textbox').fill('经核实，本机关情况如此');
    await w.getByRole('button', { name: '确定' }).click();
    await expect(openWarnings).toHaveCount(left - 1);
  }
  await expect(gate.locator('[data-count="warnings"]')).toHaveText('0');
  await shot(page, '07-accepted');
  const docx = join(host.dir, '报告.docx');
  host.answers.export.push(docx);
  await gate.getByTestId('export-gate-proceed').click();
  await expect(page.getByTestId('file-notice')).toContainText('已导出');
  expect((await readFile(docx)).subarray(0, 2).toString()).toBe('PK');

  // 6. PDF: nothing left to ask about the report (a missing font may still be named)
  const pdf = join(host.dir, '报告.pdf');
  host.answers.export.push(pdf);
  await button(page, '导出').click();
  await page.getByRole('menuitem', { name: 'PDF' }).click();
  if (await gate.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false)) {
    await expect(gate.locator('li[data-rule]')).toHaveCount(0);
    await gate.getByTestId('export-gate-proceed').click();
  }
  await expect.poll(async () => (await readFile(pdf).catch(() => Buffer.from(''))).subarray(0, 4).toString(), { timeout: 60_000 }).toBe('%PDF');
  await shot(page, '08-exported');

  // 7. save (to the file it was opened from); reopen: the acceptances and their explanation are there
  await saveAndReopen(page, host, saved, { asked: false });
  const draft2025 = await readDraftFile(saved);
  expect(draft2025.acceptedWarnings.some((a) => a.rule === acceptedRule && a.explanation === '经核实，本机关情况如此')).toBe(true);
  expect(draft2025.review).toBeUndefined();
  await expect(panel(page).locator('[data-count="accepted"]')).toContainText(String(draft2025.acceptedWarnings.length));
  await expect(panel(page).locator('[data-count="warnings"]')).toHaveText(/^\D*0\D*$/);

  // 8. next year's report: its review list is saved with it and survives reopening; an item leaves only when confirmed
  await button(page, '从本报告创建下一年度报告').click();
  await expect(page.getByTestId('file-notice')).toContainText('已创建2026年度报告');
  await expect(review).toBeVisible();
  const nextItems = await review.locator('li').count();
  expect(nextItems).toBeGreaterThan(0);
  await expect(cell(page, 'apply.carried_over.natural')).toHaveValue('2');
  await shot(page, '09-next-year');
  const next = join(host.dir, '2026.gkbg');
  await saveAndReopen(page, host, next, { asked: true });
  await expect(review.locator('li')).toHaveCount(nextItems);
  // deleting a mark by hand does not take an item off the list; 「已核对」 does
  const requests = page.locator('textarea[data-section="requests"]');
  await requests.fill((await requests.inputValue()).replaceAll('【请核对】', ''));
  await expect(review.locator('li')).toHaveCount(nextItems);
  await review.locator('li').first().getByRole('button', { name: '已核对' }).click();
  await expect(review.locator('li')).toHaveCount(nextItems - 1);
  await shot(page, '10-reopened');
});

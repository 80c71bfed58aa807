/**
 * Versions and review states end to end (issue 13), in Debian's Chromium through the test host: three saves with
 * reasons, two versions compared (part B's CompareView: a changed cell with both values, a text change), one
 * opened read-only and one restored (the form shows its figures, a new version is recorded), 与上年比较, then
 * 送审 → 退回修改 (with the reason) → 送审 → 定稿 (typing refused, shown locked) → 重新打开. Screenshots in
 * test-results/versions/ for a look by eye.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { flattenCells, nestCells } from '../../shared/report/model.js';
import { newDraft, parseDraftText, serializeDraft, type DraftFile } from '../../shared/schema/draft.js';
import { fileToolbar, startApp, useTestHost } from './support/app.js';

const currentHost = useTestHost();
const SHOTS = 'test-results/versions';
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const cell = (page: Page, key: string) => page.locator(`[data-cell="${key}"]`);
const overview = (page: Page) => page.locator('textarea[data-section="overview"]');
const button = (page: Page, name: string) => fileToolbar(page).getByRole('button', { name, exact: true });

function draft2024(): DraftFile {
  const d = newDraft({ year: 2024, organ: '某县人民政府办公室', level: 'department' });
  d.meta.signatureDate = '2025-01-20';
  d.sections.overview = '2024年，我办认真落实政务公开工作要点，主动公开政府信息。';
  d.cells = nestCells({ 'apply.new.natural': 11, 'apply.granted.natural': 8, 'apply.carried_forward.natural': 3 });
  d.previous = { year: 2023, cells: nestCells({ 'apply.new.natural': 9 }), sections: { overview: '2023年，我办认真落实政务公开工作要点。' } };
  return d;
}

async function readDraft(path: string): Promise<DraftFile> {
  const r = parseDraftText(await readFile(path, 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.draft;
}

async function saveWithReason(page: Page, reason: string): Promise<void> {
  await button(page, '保存并注明原因…').click();
  const dialog = page.getByTestId('save-reason-dialog');
  await dialog.getByRole('textbox').fill(reason);
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('document-name')).not.toHaveText(/^\*/);
}

async function changeState(page: Page, action: string, name: string, reason?: string): Promise<void> {
  await page.getByRole('button', { name: `${action}…`, exact: true }).click();
  const dialog = page.getByTestId('review-state-dialog');
  await dialog.getByLabel('姓名').fill(name);
  if (reason) await dialog.getByLabel(/原因/).fill(reason);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

test('three versions saved with reasons, two compared, one viewed read-only and one restored; review states lock and reopen', async ({ page }) => {
  test.setTimeout(120_000);
  const host = currentHost();
  const file = join(host.dir, '2024.gkbg');
  await writeFile(file, serializeDraft(draft2024()));
  await startApp(page, host);
  host.answers.open.push(file);
  await button(page, '打开').click();
  await expect(cell(page, 'apply.new.natural')).toHaveValue('11');

  // three saves, each with its reason
  await saveWithReason(page, '初稿');
  await cell(page, 'apply.new.natural').fill('15');
  await overview(page).fill('2024年，我办认真落实政务公开工作要点，主动公开政府信息1200条。');
  await saveWithReason(page, '退回修改：表三结转数据有误');
  await cell(page, 'apply.new.natural').fill('17');
  await saveWithReason(page, '补充主动公开数量');
  const saved = await readDraft(file);
  expect(saved.history?.map((v) => [v.n, v.reason, flattenCells(v.cells)['apply.new.natural']])).toEqual([
    [1, '初稿', 11],
    [2, '退回修改：表三结转数据有误', 15],
    [3, '补充主动公开数量', 17],
  ]);

  // the panel lists them, newest first
  await page.getByRole('button', { name: '版本记录…', exact: true }).click();
  const panel = page.getByTestId('versions-panel');
  await expect(panel.locator('tbody tr')).toHaveCount(4);
  await expect(panel.getByTestId('version-2')).toContainText('退回修改：表三结转数据有误');
  await expect(panel.getByTestId('version-2')).toContainText('草稿');
  await shot(page, 'panel');

  // compare 第 1 版 and 第 2 版: the changed cell with both values, the text change word by word
  await panel.getByLabel('选择第 1 版比较').check();
  await panel.getByLabel('选择第 2 版比较').check();
  await panel.getByRole('button', { name: '比较所选的两个版本' }).click();
  const compare = page.getByTestId('compare-view');
  await expect(compare).toContainText('第 1 版');
  const changed = compare.locator('tr[data-cell="apply.new.natural"]');
  await expect(changed.locator('del')).toHaveText('11');
  await expect(changed.locator('ins')).toHaveText('15');
  await expect(compare.locator('.cmp-text ins').first()).toContainText('1200');
  await shot(page, 'compare');
  await compare.getByRole('button', { name: '关闭' }).click();

  // 第 1 版 read-only: its pages, marked 只读, nothing to type in
  await panel.getByTestId('version-1').getByRole('button', { name: '查看' }).click();
  const view = page.getByTestId('version-view');
  await expect(view).toContainText('只读');
  await expect(view.locator('textarea, input')).toHaveCount(0);
  await page.waitForTimeout(1000); // the preview's pages are made after a short pause
  await shot(page, 'readonly');
  await view.getByRole('button', { name: '关闭' }).click();

  // restore 第 1 版 (asks first): the form shows its figures, recorded as 第 4 版
  await panel.getByTestId('version-1').getByRole('button', { name: '恢复…' }).click();
  await page.getByTestId('restore-dialog').getByRole('button', { name: '恢复', exact: true }).click();
  await expect(panel).toHaveCount(0);
  await expect(cell(page, 'apply.new.natural')).toHaveValue('11');
  await expect(overview(page)).toHaveValue(draft2024().sections.overview ?? '');
  await expect(page.getByTestId('file-notice')).toContainText('已恢复为第 1 版，并记为第 4 版');
  await button(page, '保存').click();
  await expect(page.getByTestId('file-notice')).toContainText('已保存');
  const restored = await readDraft(file);
  expect(restored.history?.map((v) => v.n)).toEqual([1, 2, 3, 4]);
  expect(restored.history?.at(-1)?.reason).toBe('恢复为第 1 版');
  expect(flattenCells(restored.cells)['apply.new.natural']).toBe(11);

  // 与上年比较: last year's figure against this year's
  await page.getByRole('button', { name: '版本记录…', exact: true }).click();
  await panel.getByRole('button', { name: '与上年比较' }).click();
  await expect(compare).toContainText('2023年报告');
  await expect(compare.locator('tr[data-cell="apply.new.natural"] del')).toHaveText('9');
  await compare.getByRole('button', { name: '关闭' }).click();
  await panel.getByRole('button', { name: '关闭', exact: true }).first().click();

  // 送审 → 退回修改 (with the reason) → 送审 → 定稿
  const state = page.getByTestId('review-state');
  await expect(state).toHaveText('状态：草稿');
  await changeState(page, '送审', '张三');
  await expect(state).toHaveText('状态：送审');
  await changeState(page, '退回修改', '李科长', '表三结转数据有误');
  await expect(state).toHaveText('状态：退回修改');
  await expect(state).toHaveAttribute('title', /李科长 .*：表三结转数据有误/);
  await changeState(page, '送审', '张三');
  // the last name typed is offered
  await page.getByRole('button', { name: '定稿…', exact: true }).click();
  await expect(page.getByTestId('review-state-dialog').getByLabel('姓名')).toHaveValue('张三');
  await page.getByTestId('review-state-dialog').getByRole('button', { name: '取消' }).click();
  await changeState(page, '定稿', '李科长');
  await expect(state).toHaveText('状态：定稿（已锁定）');
  await expect(page.getByTestId('editor-locked')).toBeVisible();
  // the panel's buttons too (接受并说明, 本表空格填0), and 全部空格填0 says why instead of asking
  await expect(page.getByRole('button', { name: '接受并说明…' }).first()).toBeDisabled();
  await page.getByRole('button', { name: '全部空格填0…' }).click();
  await expect(page.getByTestId('notice')).toContainText('报告已定稿');

  // locked: the inputs are read-only, and what gets through anyway is put back by the editor's model
  await expect(cell(page, 'apply.new.natural')).toBeDisabled();
  await expect(overview(page)).toBeDisabled();
  await cell(page, 'apply.new.natural').evaluate((el: HTMLInputElement) => {
    // the prototype's setter, as a keystroke would set it (React's own setter would hide the change from the form)
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(el, '99');
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(cell(page, 'apply.new.natural')).toHaveValue('11');
  await page.keyboard.press('Control+z');
  await expect(cell(page, 'apply.new.natural')).toHaveValue('11');
  await page.getByRole('button', { name: '版本记录…', exact: true }).click();
  await expect(panel.getByTestId('version-2').getByRole('button', { name: '恢复…' })).toBeDisabled();
  await panel.getByRole('button', { name: '关闭', exact: true }).first().click();
  // the export check of a locked draft offers no 「接受并说明」 (it could not be kept) and says why
  await button(page, '导出').click();
  await page.getByRole('menuitem', { name: /Word/ }).click();
  const gate = page.getByTestId('export-gate');
  await expect(gate.locator('li[data-severity="warning"]').first()).toBeVisible();
  await expect(gate.getByRole('button', { name: '接受并说明…' })).toHaveCount(0);
  await expect(gate.getByTestId('export-gate-locked')).toContainText('重新打开');
  await gate.getByRole('button', { name: '返回修改' }).click();
  await shot(page, 'locked');

  // 重新打开 with a reason: editable again
  await changeState(page, '重新打开', '张三', '上级要求补充表四说明');
  await expect(state).toHaveText('状态：草稿');
  await expect(page.getByTestId('editor-locked')).toHaveCount(0);
  await expect(page.getByTestId('notice')).not.toContainText('已定稿');
  await cell(page, 'apply.new.natural').fill('12');
  await expect(cell(page, 'apply.new.natural')).toHaveValue('12');
  await button(page, '保存').click();
  await expect(page.getByTestId('file-notice')).toContainText('已保存');
  const reopened = await readDraft(file);
  expect(reopened.stateChanges?.map((c) => [c.state, c.by, c.reason])).toEqual([
    ['submitted', '张三', undefined],
    ['returned', '李科长', '表三结转数据有误'],
    ['submitted', '张三', undefined],
    ['final', '李科长', undefined],
    ['draft', '张三', '上级要求补充表四说明'],
  ]);
  expect(flattenCells(reopened.cells)['apply.new.natural']).toBe(12);
  expect(reopened.history?.at(-1)).toMatchObject({ n: 5, state: 'draft' });
  await shot(page, 'reopened');
});

test('at 1366 × 768 the file toolbar stays one row (the name shortens) and the state and 版本记录 sit in the title bar', async ({ page }) => {
  const host = currentHost();
  await page.setViewportSize({ width: 1366, height: 768 });
  await startApp(page, host);
  const bar = fileToolbar(page);
  const save = await button(page, '保存').boundingBox();
  const box = await bar.boundingBox();
  expect(box && save ? box.height < 2 * save.height : false).toBe(true);
  await expect(page.locator('.app-bar').getByTestId('review-state')).toBeVisible();
  await expect(page.locator('.app-bar').getByRole('button', { name: '版本记录…' })).toBeVisible();
  await shot(page, 'toolbar-1366');
});

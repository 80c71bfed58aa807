/**
 * Files end to end, in Debian's Chromium through the test host (real Node services on a temp folder):
 * new → type → save → reopen → identical; next year's report from a saved draft; a corrupt file; a failing save;
 * crash recovery. Needs the editor's form (`data-cell`, `name="meta.*"`, `textarea[data-section]`) and the file
 * toolbar mounted by renderer/App.tsx.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { flattenCells, nestCells } from '../../shared/report/model.js';
import { MAX_SECTION_CHARS, newDraft, parseDraftText, serializeDraft, type DraftFile } from '../../shared/schema/draft.js';
import { fileToolbar, startApp, useTestHost } from './support/app.js';
import type { TestHost } from './support/testHost.js';

const currentHost = useTestHost();
let host: TestHost;
test.beforeEach(() => {
  host = currentHost();
});

const start = (page: Page) => startApp(page, host);
const toolbar = fileToolbar;
const button = (page: Page, name: string) => toolbar(page).getByRole('button', { name, exact: true });
const cell = (page: Page, key: string) => page.locator(`[data-cell="${key}"]`);

async function fill(page: Page, key: string, value: string): Promise<void> {
  await cell(page, key).fill(value);
}

async function readDraft(path: string): Promise<DraftFile> {
  const r = parseDraftText(await readFile(path, 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.draft;
}

function lastYearDraft(): DraftFile {
  const d = newDraft({ year: 2024, organ: '某县人民政府办公室', level: 'department' });
  d.meta.signatureDate = '2025-01-20';
  d.sections.overview = '2024年，我办认真落实《2024年政务公开工作要点》。';
  d.sections.problems = '（一）存在的问题\n公开内容不够全面。\n（二）改进情况\n2025年将加强培训。';
  d.cells = nestCells({
    'apply.new.natural': 11,
    'apply.new.commercial': 2,
    'apply.granted.natural': 8,
    'apply.granted.commercial': 1,
    'apply.carried_forward.natural': 3,
    'apply.carried_forward.commercial': 1,
    'active.normative.in_force': 25,
  });
  return d;
}

test('new → type → save → reopen gives the identical draft; title shows the name and 「*」', async ({ page }) => {
  await start(page);
  await button(page, '新建').click();
  await page.locator('[name="meta.organ"]').fill('某某县人民政府办公室');
  await fill(page, 'apply.new.natural', '12');
  await fill(page, 'apply.new.legal', '１,２'); // full-width input kept as typed until parsed
  await fill(page, 'active.fees.amount', '3.25');
  await page.locator('textarea[data-section="other"]').fill('本年度没有产生信息公开处理费。');
  await expect(page.getByTestId('document-name')).toHaveText(/^\*/);
  await expect.poll(() => host.state.dirty).toBe(true);

  const target = join(host.dir, '某县 2025 报告.gkbg');
  host.answers.save.push(join(host.dir, '某县 2025 报告')); // the extension is added
  await button(page, '保存').click();
  await expect(page.getByTestId('file-notice')).toContainText('已保存');
  await expect(page.getByTestId('document-name')).toHaveText('某县 2025 报告.gkbg');
  await expect.poll(() => host.state).toEqual({ title: '某县 2025 报告.gkbg', dirty: false });
  const saved = await readFile(target, 'utf8');
  const draft = await readDraft(target);
  expect(draft.meta.organ).toBe('某某县人民政府办公室');
  expect(draft.year).toBe(new Date().getFullYear() - 1);
  expect(draft.format).toBe('2021');
  const cells = flattenCells(draft.cells);
  expect(cells['apply.new.natural']).toBe(12);
  expect(cells['active.fees.amount']).toBe(3.25);
  expect(draft.sections.other).toBe('本年度没有产生信息公开处理费。');

  // reopen in a fresh window
  const page2 = await page.context().newPage();
  await start(page2);
  host.answers.open.push(target);
  await button(page2, '打开').click();
  await expect(page2.getByTestId('document-name')).toHaveText('某县 2025 报告.gkbg');
  await expect(cell(page2, 'apply.new.natural')).toHaveValue('12');
  await expect(cell(page2, 'active.fees.amount')).toHaveValue('3.25');
  await expect(page2.locator('[name="meta.organ"]')).toHaveValue('某某县人民政府办公室');
  // saving the reopened draft unchanged writes the identical file (Ctrl+S)
  await page2.keyboard.press('Control+s');
  await expect(page2.getByTestId('file-notice')).toContainText('已保存');
  expect(await readFile(target, 'utf8')).toBe(saved);
  // the previous version is kept as a backup, and the file is in 最近打开
  expect((await stat(`${target}.bak`)).isFile()).toBe(true);
  expect(await host.files.recentFiles({})).toEqual([host.files.handles.grant(target)]);
});

test("next year's report: 上年结转 from 结转下年度, last year's figures beside the cells, text marked for review", async ({ page }) => {
  const source = join(host.dir, '2024.gkbg');
  await writeFile(source, serializeDraft(lastYearDraft()));
  await start(page);
  host.answers.open.push(source);
  await button(page, '打开').click();
  await expect(cell(page, 'apply.new.natural')).toHaveValue('11');

  await button(page, '从本报告创建下一年度报告').click();
  await expect(page.getByTestId('file-notice')).toContainText('已创建2025年度报告');
  await expect(cell(page, 'apply.carried_over.natural')).toHaveValue('3');
  await expect(cell(page, 'apply.carried_over.commercial')).toHaveValue('1');
  await expect(cell(page, 'apply.carried_over.legal')).toHaveValue('');
  await expect(cell(page, 'apply.new.natural')).toHaveValue('');
  // last year's value beside the cell, totals included
  await expect(page.locator('td:has(> [data-cell="apply.new.natural"]) .prev')).toContainText('11');
  await expect(page.locator('td:has(> [data-cell="apply.new.total"]) .prev')).toContainText('13');
  await expect(page.locator('textarea[data-section="overview"]')).toHaveValue('【请核对】2024年，我办认真落实《【请核对】2024年政务公开工作要点》。');
  await expect(page.getByTestId('document-name')).toHaveText(/^\*.*2025年/);
  // the flagged passages are listed with why; a click selects the passage in its text box
  const flags = page.getByTestId('review-list');
  await expect(flags).toContainText('需核对（4）');
  await flags.getByRole('button', { name: /五、问题及改进「（二）改进情况」/ }).click();
  const problems = page.locator('textarea[data-section="problems"]');
  await expect(problems).toBeFocused();
  expect(await problems.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe('【请核对】（二）改进情况');

  const target = join(host.dir, '2025.gkbg');
  host.answers.save.push(target);
  await button(page, '保存').click();
  await expect(page.getByTestId('file-notice')).toContainText('已保存');
  const next = await readDraft(target);
  expect(next.year).toBe(2025);
  expect(next.meta.signatureDate).toBe('');
  expect(flattenCells(next.cells)['apply.carried_over.natural']).toBe(3);
  expect(flattenCells(next.previous?.cells)['apply.new.total']).toBe(13);
  // the review list is saved with the draft
  expect(next.review?.length).toBe(4);
  // the source was not touched
  expect((await readDraft(source)).year).toBe(2024);
});

test('a corrupt file gives a clear message; the file and the open draft are untouched', async ({ page }) => {
  const bad = join(host.dir, '坏的报告.gkbg');
  const text = serializeDraft(lastYearDraft()).slice(0, 400);
  await writeFile(bad, text);
  await start(page);
  await fill(page, 'apply.new.natural', '7');
  host.answers.open.push(bad);
  await button(page, '打开').click();
  // unsaved changes: asked first
  await page.getByRole('alertdialog').getByRole('button', { name: '不保存' }).click();
  const dialog = page.getByRole('alertdialog', { name: '报告草稿已损坏' });
  await expect(dialog).toContainText('无法打开「坏的报告.gkbg」');
  await expect(dialog).toContainText('已损坏或被截断');
  await expect(dialog).toContainText('没有找到可用的备份或自动保存的副本');
  await dialog.getByRole('button', { name: '取消' }).click();
  expect(await readFile(bad, 'utf8')).toBe(text);
  await expect(cell(page, 'apply.new.natural')).toHaveValue('7');
});

test('a save that fails keeps the draft open and unchanged, and the recovery copy intact', async ({ page }) => {
  await start(page);
  await fill(page, 'apply.new.natural', '5');
  await page.locator('[name="meta.organ"]').fill('某县');
  // the autosave lands within a few seconds
  await expect.poll(async () => (await host.files.listRecovery({})).entries.length, { timeout: 10_000 }).toBe(1);
  host.answers.save.push(join(host.dir, '已拔出的U盘', '报告.gkbg'));
  await button(page, '保存').click();
  await expect(page.getByTestId('file-error')).toContainText('所在文件夹不存在');
  await expect(page.getByTestId('file-error')).toContainText('草稿仍在程序中');
  await expect(cell(page, 'apply.new.natural')).toHaveValue('5');
  await expect(page.getByTestId('document-name')).toHaveText(/^\*/);
  const [entry] = (await host.files.listRecovery({})).entries;
  const rec = await host.files.readRecovery({ id: entry?.id ?? '' });
  expect(rec.status).toBe('opened');
  const parsed = rec.status === 'opened' ? parseDraftText(rec.text) : null;
  expect(parsed?.ok && flattenCells(parsed.draft.cells)['apply.new.natural']).toBe(5);
});

test('after a crash the next start offers the autosaved draft, with its time, and restores it exactly', async ({ page, context }) => {
  await start(page);
  await page.locator('[name="meta.organ"]').fill('崩溃前的机关');
  await fill(page, 'apply.new.natural', '42');
  await page.locator('textarea[data-section="overview"]').fill('崩溃前输入的正文。');
  await expect
    .poll(async () => {
      const [e] = (await host.files.listRecovery({})).entries;
      const r = e ? await host.files.readRecovery({ id: e.id }) : null;
      return r?.status === 'opened' && r.text.includes('崩溃前输入的正文。') && r.text.includes('42');
    }, { timeout: 10_000 })
    .toBe(true);
  // crash: the window goes away without a clean close
  await page.close({ runBeforeUnload: false });

  const page2 = await context.newPage();
  await start(page2);
  const dialog = page2.getByRole('dialog', { name: '发现未保存的报告' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
  await dialog.getByRole('button', { name: '恢复' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page2.locator('[name="meta.organ"]')).toHaveValue('崩溃前的机关');
  await expect(cell(page2, 'apply.new.natural')).toHaveValue('42');
  await expect(page2.locator('textarea[data-section="overview"]')).toHaveValue('崩溃前输入的正文。');
  await expect(page2.getByTestId('document-name')).toHaveText(/^\*/);

  // an explicit save discards the recovery copy
  host.answers.save.push(join(host.dir, '恢复的.gkbg'));
  await button(page2, '保存').click();
  await expect(page2.getByTestId('file-notice')).toContainText('已保存');
  await expect.poll(async () => (await host.files.listRecovery({})).entries.length).toBe(0);
  const saved = await readDraft(join(host.dir, '恢复的.gkbg'));
  expect(flattenCells(saved.cells)['apply.new.natural']).toBe(42);

  // a third start offers nothing
  const page3 = await context.newPage();
  await start(page3);
  await expect(page3.getByRole('dialog', { name: '发现未保存的报告' })).toHaveCount(0);
});

test('shell events: a file opened by the OS opens; menu 另存为 asks again', async ({ page }) => {
  const source = join(host.dir, '双击打开.gkbg');
  await writeFile(source, serializeDraft(lastYearDraft()));
  await start(page);
  await host.openFromOs(page, source);
  await expect(page.getByTestId('document-name')).toHaveText('双击打开.gkbg');
  await expect(cell(page, 'apply.new.natural')).toHaveValue('11');
  host.answers.save.push(null); // 取消
  await host.shell(page, { type: 'command', command: 'saveAs' });
  await expect.poll(() => host.calls.filter((c) => c.method === 'saveDraft').length).toBe(1);
  await expect(page.getByTestId('document-name')).toHaveText('双击打开.gkbg');
  // a recent file reopens from the 最近打开 menu
  await toolbar(page).getByRole('button', { name: '最近打开' }).click();
  await expect(page.getByRole('menu', { name: '最近打开' }).getByRole('menuitem')).toHaveCount(1);
});

test('a file double-clicked to start the app opens once the page is ready', async ({ page }) => {
  const source = join(host.dir, '启动时打开.gkbg');
  await writeFile(source, serializeDraft(lastYearDraft()));
  host.files.queueOpen(source);
  await start(page);
  await expect(page.getByTestId('document-name')).toHaveText('启动时打开.gkbg');
  await expect(cell(page, 'apply.carried_forward.natural')).toHaveValue('3');
  expect(await host.files.pendingOpens({})).toEqual([]);
});

test('导出 Word writes a real DOCX through the export service', async ({ page }) => {
  const source = join(host.dir, '2024.gkbg');
  await writeFile(source, serializeDraft(lastYearDraft()));
  await start(page);
  host.answers.open.push(source);
  await button(page, '打开').click();
  await expect(cell(page, 'apply.new.natural')).toHaveValue('11');
  const target = join(host.dir, '导出的报告');
  host.answers.export.push(target);
  await button(page, '导出').click();
  await page.getByRole('menuitem', { name: 'Word 文档（.docx）' }).click();
  // the draft is unfinished (blank cells, unwritten sections): the export asks first
  await page.getByTestId('export-gate').getByRole('button', { name: '仍然导出 Word 文档' }).click();
  await expect(page.getByTestId('file-notice')).toContainText('已导出「导出的报告.docx」');
  const bytes = await readFile(`${target}.docx`);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const call = host.calls.find((c) => c.method === 'exportDocument');
  expect(call?.arg).toMatchObject({ kind: 'docx', suggestedName: '某县人民政府办公室2024年政府信息公开工作年度报告.docx' });
});

test('a 2019-format draft converts to 2021: figures mapped, the rest shown as 旧格式数据 and kept on save', async ({ page }) => {
  const d = newDraft({ year: 2020, format: '2019', organ: '某县' });
  d.cells = nestCells({ 'active2019.normative.made': 4, 'active2019.normative.total': 132, 'active2019.fees.prev_items': 6, 'apply.other.natural': 2 });
  const source = join(host.dir, '2020.gkbg');
  await writeFile(source, serializeDraft(d));
  await start(page);
  host.answers.open.push(source);
  await button(page, '打开').click();
  await expect(page.getByTestId('file-notice')).toContainText('2019年格式');
  await button(page, '转换为2021年格式').click();
  await expect(page.getByTestId('file-notice')).toContainText('已转换为2021年格式：1 项数据已对应；2 项没有对应栏目');
  await expect(cell(page, 'active.normative.issued')).toHaveValue('4');
  await expect(cell(page, 'active.normative.in_force')).toHaveValue(''); // 对外公开总数量 is not 现行有效件数
  await expect(cell(page, 'apply.other.natural')).toHaveValue('2'); // the single （六） row is kept, not split
  const legacy = page.getByTestId('legacy-data');
  await legacy.locator('summary').click();
  await expect(legacy).toContainText('对外公开总数量');
  await expect(legacy).toContainText('132');
  host.answers.save.push(join(host.dir, '2020-新格式.gkbg'));
  await button(page, '另存为').click();
  await expect(page.getByTestId('file-notice')).toContainText('已保存');
  const saved = await readDraft(join(host.dir, '2020-新格式.gkbg'));
  expect(saved.format).toBe('2021');
  expect(flattenCells(saved.legacy?.cells)).toEqual({ 'active2019.normative.total': 132, 'active2019.fees.prev_items': 6 });
});

test('a compromised page can name no path: a page-chosen path or a made-up id is refused, nothing is written', async ({ page }) => {
  await start(page);
  const bashrc = join(host.dir, '.bashrc');
  await writeFile(bashrc, 'export PATH=/usr/bin\n');
  const text = serializeDraft(lastYearDraft());
  const outcome = await page.evaluate(
    async ({ bashrc, text }) => {
      const h = (window as unknown as { reportHost: Record<string, (a: unknown) => Promise<unknown>> }).reportHost;
      const tryCall = (m: string, a: unknown) => h[m]!(a).then((r) => ({ resolved: r }), () => 'refused');
      return [
        await tryCall('saveDraft', { path: bashrc, text, saveAs: false, suggestedName: 'x' }),
        await tryCall('openDraftAt', { path: '/etc/passwd' }),
        await tryCall('autosave', { id: 'evil', path: bashrc, title: 't', text }),
        await tryCall('saveDraft', { file: `f-${'ab'.repeat(16)}`, text, saveAs: false, suggestedName: 'x' }),
      ];
    },
    { bashrc, text },
  );
  expect(outcome.slice(0, 3)).toEqual(['refused', 'refused', 'refused']);
  expect(outcome[3]).toEqual({ resolved: { status: 'error', message: '找不到这个文件的记录，请用「打开」重新选择文件' } });
  expect(await readFile(bashrc, 'utf8')).toBe('export PATH=/usr/bin\n');
  expect((await host.files.listRecovery({})).entries).toEqual([]);
});

test('a draft changed on disk since it was opened is not overwritten: the clerk keeps both, or overwrites deliberately', async ({ page }) => {
  const source = join(host.dir, '共用的报告.gkbg');
  await writeFile(source, serializeDraft(lastYearDraft()));
  await start(page);
  host.answers.open.push(source);
  await button(page, '打开').click();
  await expect(cell(page, 'apply.new.natural')).toHaveValue('11');
  // another clerk saves the same file meanwhile
  const theirs = lastYearDraft();
  theirs.meta.organ = '另一位同事的修改';
  await writeFile(source, serializeDraft(theirs));
  await fill(page, 'apply.new.natural', '12');
  await button(page, '保存').click();
  const dialog = page.getByRole('alertdialog', { name: '文件已被修改' });
  await expect(dialog).toContainText('「共用的报告.gkbg」在打开后已被其他人或其他程序修改过');
  expect((await readDraft(source)).meta.organ).toBe('另一位同事的修改');
  await dialog.getByRole('button', { name: '另存为新文件（保留两份）' }).click();
  await expect(page.getByTestId('file-notice')).toContainText('已保存到「共用的报告（副本）.gkbg」');
  await expect(page.getByTestId('document-name')).toHaveText('共用的报告（副本）.gkbg');
  expect((await readDraft(source)).meta.organ).toBe('另一位同事的修改');
  expect(flattenCells((await readDraft(join(host.dir, '共用的报告（副本）.gkbg'))).cells)['apply.new.natural']).toBe(12);

  // reopen the original, someone changes it again, this time overwrite deliberately
  host.answers.open.push(source);
  await button(page, '打开').click();
  await expect(page.getByTestId('document-name')).toHaveText('共用的报告.gkbg');
  await writeFile(source, serializeDraft(lastYearDraft()));
  await fill(page, 'apply.new.natural', '13');
  await button(page, '保存').click();
  await dialog.getByRole('button', { name: '覆盖' }).click();
  await expect(page.getByTestId('file-notice')).toContainText('已保存到「共用的报告.gkbg」');
  expect(flattenCells((await readDraft(source)).cells)['apply.new.natural']).toBe(13);
});

test('autosave never stops silently: a cell over its limit says so and keeps what was typed; typing is limited where it is typed', async ({ page }) => {
  await start(page);
  // typing stops at the cell's limit (the same limit the draft file has)
  await fill(page, 'apply.new.legal', '9'.repeat(150));
  await expect(cell(page, 'apply.new.legal')).toHaveValue('9'.repeat(100));
  // a pasted block goes past the input's limit: autosave says why, where the clerk works, and keeps the text
  const long = '1'.repeat(150);
  await cell(page, 'apply.new.natural').focus();
  await cell(page, 'apply.new.natural').evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, `${long}\t2`);
  await expect(cell(page, 'apply.new.natural')).toHaveValue(long);
  const problem = page.getByTestId('autosave-problem');
  await expect(problem).toContainText(/自动保存已暂停：单元格「[^」]+」超过 100 个字符的上限。已输入的内容仍在窗口中/);
  await expect(cell(page, 'apply.new.natural')).toHaveValue(long);
  await page.screenshot({ path: 'test-results/screens/files-autosave-cell-over-limit.png' }); // looked at, not compared
  // saving says the same instead of failing quietly
  await button(page, '保存').click();
  await expect(page.getByTestId('file-error')).toContainText('未保存：单元格「');
  // fixed: autosave resumes and the message goes away
  await fill(page, 'apply.new.natural', '15');
  await expect(problem).toHaveCount(0, { timeout: 10_000 });
  await expect.poll(async () => (await host.files.listRecovery({})).entries.length, { timeout: 10_000 }).toBe(1);
});

test('autosave never stops silently: a section stops at its limit where it is typed; text inserted past it says so and is kept', async ({ page }) => {
  await start(page);
  const overview = page.locator('textarea[data-section="overview"]');
  await overview.fill('政'.repeat(MAX_SECTION_CHARS + 10));
  await expect.poll(async () => (await overview.inputValue()).length).toBe(MAX_SECTION_CHARS);
  // a sub-heading inserted by its button goes past the typing limit: autosave says why and keeps the text
  await overview.press('Control+End');
  await page.getByTitle(/^插入小标题/).first().click();
  const problem = page.getByTestId('autosave-problem');
  await expect(problem).toContainText(`自动保存已暂停：「一、总体情况」正文超过 ${MAX_SECTION_CHARS} 个字符的上限。已输入的内容仍在窗口中`);
  expect((await overview.inputValue()).length).toBeGreaterThan(MAX_SECTION_CHARS);
  await page.screenshot({ path: 'test-results/screens/files-autosave-section-over-limit.png' }); // looked at, not compared
  await button(page, '保存').click();
  await expect(page.getByTestId('file-error')).toContainText('未保存：「一、总体情况」正文超过');
  expect(await host.files.listRecovery({})).toEqual({ entries: [], more: 0 });
});

test('a damaged draft offers its backup and its latest autosave with their times; a damaged recovery entry is reported', async ({ page, context }) => {
  const source = join(host.dir, '报告.gkbg');
  await writeFile(source, serializeDraft(lastYearDraft()));
  await start(page);
  host.answers.open.push(source);
  await button(page, '打开').click();
  await expect(page.getByTestId('document-name')).toHaveText('报告.gkbg'); // opened: typing now edits the opened draft
  await fill(page, 'apply.new.natural', '21');
  await button(page, '保存').click(); // the first version becomes the .bak
  await expect(page.getByTestId('file-notice')).toContainText('已保存');
  await fill(page, 'apply.new.natural', '22');
  await expect.poll(async () => (await host.files.listRecovery({})).entries.length, { timeout: 10_000 }).toBe(1);
  await page.close({ runBeforeUnload: false });
  // the draft is damaged meanwhile; a broken recovery file lies beside the good one
  await writeFile(source, (await readFile(source, 'utf8')).slice(0, 300));
  await writeFile(join(host.dataDir, 'recovery', 'broken.json'), '{"id":"broken",');

  const page2 = await context.newPage();
  await start(page2);
  // the recovery offers: the good autosave, and the damaged one reported (newest first)
  const recovery = page2.getByRole('dialog');
  await expect(recovery).toBeVisible();
  for (let i = 0; i < 2; i++) {
    const damaged = page2.getByRole('dialog', { name: '自动恢复的文件已损坏' });
    if (await damaged.isVisible()) {
      await expect(damaged).toContainText('自动恢复的文件已损坏，无法恢复');
      await damaged.getByRole('button', { name: '暂时保留' }).click();
    } else await page2.getByRole('dialog', { name: '发现未保存的报告' }).getByRole('button', { name: '放弃' }).click();
  }
  await expect(page2.getByRole('dialog')).toHaveCount(0);

  host.answers.open.push(source);
  await button(page2, '打开').click();
  const dialog = page2.getByRole('alertdialog', { name: '报告草稿已损坏' });
  await expect(dialog.getByRole('button', { name: /^打开备份（保存于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}）$/ })).toBeVisible();
  await dialog.getByRole('button', { name: /^打开备份/ }).click();
  await expect(cell(page2, 'apply.new.natural')).toHaveValue('11');
  await expect(page2.getByTestId('document-name')).toHaveText('*报告.gkbg');
  await page2.keyboard.press('Control+s');
  await expect(page2.getByTestId('file-notice')).toContainText('已保存');
  expect(flattenCells((await readDraft(source)).cells)['apply.new.natural']).toBe(11);
});

test('typing while a file is chosen and read is never dropped: 「是否保存？」 is asked again before the file replaces it', async ({ page }) => {
  const source = join(host.dir, '上年报告.gkbg');
  await writeFile(source, serializeDraft(lastYearDraft()));
  await start(page);
  let choose: (path: string | null) => void = () => {};
  host.answers.open.push(new Promise<string | null>((resolve) => (choose = resolve)));
  await button(page, '打开').click(); // nothing unsaved yet: no question, the open dialog stays up
  await fill(page, 'apply.new.natural', '77');
  choose(source);
  const question = page.getByRole('alertdialog', { name: /^是否保存对「.+」的修改？$/ });
  await expect(question).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/files-typed-while-opening.png' }); // looked at, not compared
  await question.getByRole('button', { name: '取消' }).click();
  await expect(cell(page, 'apply.new.natural')).toHaveValue('77');
  await expect(page.getByTestId('document-name')).not.toHaveText('上年报告.gkbg');
  // answered 「保存」, and typed on while the save dialog was up: asked again, the newer typing kept
  let saveTo: (path: string | null) => void = () => {};
  host.answers.save.push(new Promise<string | null>((resolve) => (saveTo = resolve)));
  host.answers.open.push(source);
  await button(page, '打开').click();
  await question.getByRole('button', { name: '保存', exact: true }).click();
  await fill(page, 'apply.new.natural', '88');
  saveTo(join(host.dir, '本年草稿.gkbg'));
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: '取消' }).click();
  await expect(cell(page, 'apply.new.natural')).toHaveValue('88');
  expect(flattenCells((await readDraft(join(host.dir, '本年草稿.gkbg'))).cells)['apply.new.natural']).toBe(77);
  // asked and answered 「不保存」: the chosen file opens
  host.answers.open.push(source);
  await button(page, '打开').click();
  await page.getByRole('alertdialog').getByRole('button', { name: '不保存' }).click();
  await expect(page.getByTestId('document-name')).toHaveText('上年报告.gkbg');
  await expect(cell(page, 'apply.new.natural')).toHaveValue('11');
});

test('「不保存」 on a draft that was never saved keeps its only copy, offered at the next start', async ({ page, context }) => {
  const other = join(host.dir, '另一份.gkbg');
  await writeFile(other, serializeDraft(lastYearDraft()));
  await start(page);
  await page.locator('[name="meta.organ"]').fill('从未保存的机关');
  await fill(page, 'apply.new.natural', '33');
  host.answers.open.push(other);
  await button(page, '打开').click();
  // the question opens with 「保存」 focused: Enter keeps the work
  await expect(page.getByRole('alertdialog', { name: /是否保存/ }).getByRole('button', { name: '保存', exact: true })).toBeFocused();
  await page.screenshot({ path: 'test-results/screens/files-confirm-dialog.png' }); // looked at, not compared
  await page.getByRole('alertdialog').getByRole('button', { name: '不保存' }).click();
  await expect(cell(page, 'apply.new.natural')).toHaveValue('11');
  await expect.poll(async () => (await host.files.listRecovery({})).entries.map((e) => e.reason)).toEqual(['not-saved']);
  await page.close();
  await host.files.recovery.discardOwned(); // the clean close of the window
  const page2 = await context.newPage();
  await start(page2);
  const dialog = page2.getByRole('dialog', { name: '发现未保存的报告' });
  await expect(dialog).toContainText('上次选择「不保存」时保留了它的唯一副本');
  await page2.screenshot({ path: 'test-results/screens/files-recovery-dialog.png' }); // looked at, not compared
  await dialog.getByRole('button', { name: '恢复' }).click();
  await expect(page2.locator('[name="meta.organ"]')).toHaveValue('从未保存的机关');
  await expect(cell(page2, 'apply.new.natural')).toHaveValue('33');
});

test('every message the clerk sees is Chinese: a failure inside main shows no error code, English or temp path', async ({ page }) => {
  await start(page);
  await fill(page, 'apply.new.natural', '5');
  const temp = join(host.dir, '.报告.gkbg.abcdef-123.0123abcd.tmp');
  host.faults.saveDraft = Object.assign(new Error(`ENOSPC: no space left on device, write '${temp}'`), { code: 'ENOSPC' });
  host.answers.save.push(join(host.dir, '报告.gkbg'));
  await button(page, '保存').click();
  const error = page.getByTestId('file-error');
  await expect(error).toContainText('保存失败：程序内部出错');
  expect(await error.textContent()).not.toMatch(/ENOSPC|Error|\.tmp|[\\/]/);
  // the draft stays open and unsaved
  await expect(page.getByTestId('document-name')).toHaveText(/^\*/);
  await expect(cell(page, 'apply.new.natural')).toHaveValue('5');
});

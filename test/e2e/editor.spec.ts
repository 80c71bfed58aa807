import { expect, test, type Page } from '@playwright/test';
import {
  APPLY_DETAIL,
  APPLY_ROWS_2021,
  activeCell,
  balancedApply,
  cell,
  cellBox,
  counts,
  openEditor,
  pageProblems,
  panel,
  typeByTab,
  typeCell,
} from './support/editor.js';

test.beforeEach(async ({ page }) => {
  await openEditor(page);
});

test.afterEach(async ({ page }) => {
  expect(pageProblems(page)).toEqual([]);
});

async function fillBalancedReport(page: Page) {
  await page.locator('[name="meta.organ"]').fill('某某县人民政府办公室');
  await expect(page.locator('[name="meta.title"]')).toHaveAttribute('placeholder', /某某县人民政府办公室\d{4}年政府信息公开工作年度报告/);
  await page.locator('[name="meta.level"]').selectOption('department');
  await page.locator('[name="meta.signatureOrgan"]').fill('某某县人民政府办公室');
  await page.locator('[name="meta.signatureDate"]').fill(`${new Date().getFullYear()}-01-20`);
  await page.locator('[name="meta.contactName"]').fill('王明');
  await page.locator('[name="meta.contactPhone"]').fill('0991-1234567');
  // 二
  await typeByTab(page, 'active.regulations.issued', [0, 0, 0, 3, 1, 20, 120, 45, 2, '21613.91']);
  // 三: 24 rows × 6 detail columns
  const t = balancedApply();
  const values = APPLY_ROWS_2021.filter((r) => r !== 'processed_total').flatMap((r) => t[r] ?? []);
  await typeByTab(page, 'apply.new.natural', values);
  // 四
  await typeByTab(page, 'review.reconsideration.upheld', [1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0]);
}

test('type a full report: totals update live, computed cells look different, the panel clears', async ({ page }) => {
  const before = await counts(page);
  await expect(page.getByRole('button', { name: '（一）主动公开', exact: true })).not.toHaveClass(/present/);
  expect(before.warnings).toBeGreaterThan(0); // blank tables (V-BLANK)
  await fillBalancedReport(page);

  // narrative: the five aspects of 一 as sub-headings, a data sentence under （二）依申请公开
  const overview = page.locator('textarea[data-section="overview"]');
  await overview.click();
  for (const h of ['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障']) {
    await page.getByRole('button', { name: h, exact: true }).click();
    await page.keyboard.type('本年度按要求开展工作，考核、社会评议和责任追究情况良好。');
  }
  for (const h of ['（一）主动公开', '（五）监督保障']) await expect(page.getByRole('button', { name: h, exact: true })).toHaveClass(/present/);
  await page.getByRole('button', { name: '依申请公开：插入/刷新数据句' }).click();
  // each heading stays a line of its own (what was typed after it is the paragraph below); the sentence follows the heading
  await expect(overview).toHaveValue(/(^|\n)（一）主动公开\n本年度按要求开展工作/);
  await expect(overview).toHaveValue(/\n（二）依申请公开\n本年新收政府信息公开申请16件，上年结转1件，办结15件，其中予以公开8件，部分公开2件，不予公开1件，无法提供3件，不予处理1件，结转下年度2件。\n本年度按要求开展工作/);
  await page.locator('textarea[data-section="active"]').fill('本年度主动公开政府信息情况如下。');
  await page.getByRole('button', { name: '按表格插入/刷新数据句' }).first().click();
  await page.getByRole('button', { name: '按表格插入/刷新数据句' }).nth(1).click();
  await expect(page.locator('textarea[data-section="review"]')).toHaveValue('本年度发生政府信息公开行政复议2件，其中结果维持1件，尚未审结1件；行政诉讼1件，其中复议后起诉1件，结果纠正1件。');
  await page.locator('textarea[data-section="problems"]').fill('（一）存在的问题\n信息更新不够及时。\n（二）改进情况\n加强培训。');
  await page.getByRole('button', { name: '插入信息处理费说明' }).click();
  // a paragraph of its own; the caret waits on the line below it
  await expect(page.locator('textarea[data-section="other"]')).toHaveValue(/^本年度没有产生信息公开处理费。\n?$/);

  // computed totals, shown as read-only outputs
  await expect(cell(page, 'apply.new.total')).toHaveText('16');
  await expect(cell(page, 'apply.processed_total.natural')).toHaveText('12');
  await expect(cell(page, 'apply.processed_total.total')).toHaveText('15');
  await expect(cell(page, 'apply.carried_forward.total')).toHaveText('2');
  await expect(cell(page, 'review.sued_after.total')).toHaveText('1');
  await expect(cell(page, 'apply.new.total')).toHaveJSProperty('tagName', 'OUTPUT');
  const bg = async (key: string) => cellBox(page, key).evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await bg('apply.new.total')).not.toBe(await bg('apply.new.natural'));

  // a total follows every keystroke
  await typeCell(page, 'apply.new.research', '3');
  await expect(cell(page, 'apply.new.total')).toHaveText('19');
  await page.keyboard.press('Control+z');
  await expect(cell(page, 'apply.new.research')).toHaveValue('0');
  await expect(cell(page, 'apply.new.total')).toHaveText('16');

  await expect(panel(page).locator('[data-severity="error"]')).toHaveCount(0);
  await expect(panel(page).locator('[data-rule="V-BLANK"]')).toHaveCount(0);
  expect((await counts(page)).errors).toBe(0);
});

test('break T3-BAL: the error sits on the right cell and in the panel, and vanishes when fixed', async ({ page }) => {
  await page.getByRole('button', { name: '本表空格填0' }).nth(1).click(); // T3-BAL checks a column once none of it is blank
  await typeCell(page, 'apply.new.natural', '11');
  await typeCell(page, 'apply.carried_over.natural', '0');
  await typeCell(page, 'apply.granted.natural', '9');
  await typeCell(page, 'apply.carried_forward.natural', '0');

  // the target cell carries the message (for screen readers via aria-describedby) …
  const target = cellBox(page, 'apply.carried_forward.natural');
  await expect(target.locator('[data-rule="T3-BAL"]')).toHaveCount(1);
  await expect(cell(page, 'apply.carried_forward.natural')).toHaveAttribute('aria-describedby', 'msg-apply.carried_forward.natural');
  // … and shows it next to the cell while focused: the rule and both sides
  const msg = page.locator('[data-testid="cell-popover"][data-for="apply.carried_forward.natural"] [data-rule="T3-BAL"]');
  await expect(msg).toBeVisible();
  await expect(msg).toContainText('自然人');
  await expect(msg).toContainText('11');
  await expect(msg).toContainText('9');
  await expect(msg).toContainText('相差 2');
  await cell(page, 'apply.new.research').click();
  await expect(page.getByTestId('cell-popover')).toHaveCount(0);
  for (const k of ['apply.new.natural', 'apply.carried_over.natural', 'apply.processed_total.natural', 'apply.carried_forward.natural']) {
    await expect(cell(page, k)).toHaveAttribute('data-severity', 'error');
  }
  await expect(cell(page, 'apply.new.commercial')).not.toHaveAttribute('data-severity', 'error');
  const item = panel(page).locator('[data-rule="T3-BAL"]');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('相差 2');
  await expect(panel(page).locator('[data-group="requests"] .badge.error')).toHaveText('1 错误');
  const withError = (await counts(page)).errors;
  expect(withError).toBeGreaterThanOrEqual(1);

  // clicking the issue focuses its cell
  await cell(page, 'apply.new.research').focus();
  await item.locator('.issue-main').click();
  expect(await activeCell(page)).toBe('apply.carried_forward.natural');

  // fix: two closed applications are carried forward
  await page.keyboard.type('2');
  await expect(page.locator('[data-rule="T3-BAL"]')).toHaveCount(0);
  await expect(page.getByTestId('cell-popover')).toHaveCount(0);
  await expect(cell(page, 'apply.new.natural')).not.toHaveAttribute('data-severity', 'error');
  expect((await counts(page)).errors).toBe(withError - 1);
});

test('paste a 7×25 block from Excel into 三 in one step, then undo and redo it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // the printed shape: 25 rows × 7 columns including the 总计 column and the （七）总计 row
  const rows: string[][] = [];
  for (let r = 0; r < 25; r++) {
    const detail = APPLY_DETAIL.map((_, c) => (r === 23 ? '' : String((r + c) % 4)));
    rows.push([...detail, r === 23 ? '' : String(detail.reduce((s, v) => s + Number(v), 0))]);
  }
  rows[5]![2] = '１２'; // full-width digits: accepted
  rows[6]![3] = 'abc'; // kept and flagged
  const tsv = `${rows.map((r) => r.join('\t')).join('\r\n')}\r\n`;
  await page.evaluate((text) => navigator.clipboard.writeText(text), tsv);

  await typeCell(page, 'apply.new.natural', '99'); // something to come back to after undo
  await cell(page, 'apply.new.natural').click();
  await page.keyboard.press('Control+v');

  await expect(cell(page, 'apply.new.natural')).toHaveValue('0');
  await expect(cell(page, 'apply.new.commercial')).toHaveValue('1');
  await expect(cell(page, 'apply.carried_forward.other_org')).toHaveValue(String((24 + 5) % 4));
  await expect(cell(page, 'apply.denied_2.research')).toHaveValue('１２');
  await expect(cell(page, 'apply.denied_3.nonprofit')).toHaveValue('abc');
  await expect(cell(page, 'apply.denied_3.nonprofit')).toHaveAttribute('aria-invalid', 'true');
  await expect(panel(page).locator('[data-rule="V-NUM"]')).toHaveCount(1);
  await expect(page.getByTestId('notice')).toContainText('已粘贴 144 个单元格');
  // the app computes the totals: row 5 (denied_2) = 1+2+12+0+1+2
  await expect(cell(page, 'apply.denied_2.total')).toHaveText(String([1, 2, 12, 0, 1, 2].reduce((a, b) => a + b, 0)));
  const filled = await page.locator('table[data-table="apply"] input').evaluateAll((els) => els.filter((e) => (e as HTMLInputElement).value !== '').length);
  expect(filled).toBe(144);

  await page.keyboard.press('Control+z'); // one step undoes the whole paste
  await expect(cell(page, 'apply.new.natural')).toHaveValue('99');
  const left = await page.locator('table[data-table="apply"] input').evaluateAll((els) => els.filter((e) => (e as HTMLInputElement).value !== '').length);
  expect(left).toBe(1);
  await expect(cell(page, 'apply.new.total')).toHaveText('99');
  await expect(panel(page).locator('[data-rule="V-NUM"]')).toHaveCount(0);

  await page.keyboard.press('Control+y');
  await expect(cell(page, 'apply.denied_3.nonprofit')).toHaveValue('abc');
  await expect(cell(page, 'apply.new.natural')).toHaveValue('0');
  await page.keyboard.press('Control+Shift+z'); // nothing more to redo
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(cell(page, 'apply.new.natural')).toHaveValue('');
});

test('paste an HTML table (WPS/Excel) with merged cells into 二, clipped at the table edge', async ({ page }) => {
  await cell(page, 'active.licensing.decisions').click();
  const html = '<table><tr><td colspan="3">12</td><td>99</td></tr><tr><td>5</td><td></td><td></td></tr><tr><td>6</td></tr><tr><td>7.5</td></tr><tr><td>8</td></tr></table>';
  await page.evaluate((h) => {
    const dt = new DataTransfer();
    dt.setData('text/html', h);
    dt.setData('text/plain', 'ignored\tvalue');
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
  await expect(cell(page, 'active.licensing.decisions')).toHaveValue('12');
  await expect(cell(page, 'active.punishment.decisions')).toHaveValue('5');
  await expect(cell(page, 'active.coercion.decisions')).toHaveValue('6');
  await expect(cell(page, 'active.fees.amount')).toHaveValue('7.5');
  await expect(page.getByTestId('notice')).toContainText('超出表格的 2 个值未粘贴');
  await page.keyboard.press('Control+z');
  await expect(cell(page, 'active.fees.amount')).toHaveValue('');
  await expect(cell(page, 'active.licensing.decisions')).toHaveValue('');
});

test('keyboard navigation: arrows, Enter, Tab, Home/End across merged rows; computed cells skipped; focus selects', async ({ page }) => {
  await cell(page, 'apply.carried_over.research').click();
  await page.keyboard.press('ArrowDown');
  expect(await activeCell(page)).toBe('apply.granted.research'); // into the rows under 「三、本年度办理结果」
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  expect(await activeCell(page)).toBe('apply.denied_1.research'); // into the （三）不予公开 group
  await page.keyboard.press('Shift+Enter');
  expect(await activeCell(page)).toBe('apply.partial.research');
  await cell(page, 'apply.other_3.legal').click();
  await page.keyboard.press('ArrowDown'); // （七）总计 is computed: skipped
  expect(await activeCell(page)).toBe('apply.carried_forward.legal');
  await page.keyboard.press('ArrowUp');
  expect(await activeCell(page)).toBe('apply.other_3.legal');
  await page.keyboard.press('End');
  expect(await activeCell(page)).toBe('apply.other_3.other_org');
  await page.keyboard.press('ArrowRight'); // 总计 column is computed
  expect(await activeCell(page)).toBe('apply.other_3.other_org');
  await page.keyboard.press('Tab');
  expect(await activeCell(page)).toBe('apply.carried_forward.natural');
  await page.keyboard.press('Shift+Tab');
  expect(await activeCell(page)).toBe('apply.other_3.other_org');
  await page.keyboard.press('Home');
  expect(await activeCell(page)).toBe('apply.other_3.natural');
  await page.keyboard.press('ArrowLeft');
  expect(await activeCell(page)).toBe('apply.other_3.natural');
  await page.keyboard.press('ArrowRight');
  expect(await activeCell(page)).toBe('apply.other_3.commercial');

  // focus selects the content, so typing replaces it; after typing, an arrow at the text's end moves on
  await page.keyboard.type('7');
  await page.keyboard.press('ArrowRight');
  expect(await activeCell(page)).toBe('apply.other_3.research');
  await page.keyboard.press('ArrowLeft');
  expect(await activeCell(page)).toBe('apply.other_3.commercial');
  await page.keyboard.type('8');
  await expect(cell(page, 'apply.other_3.commercial')).toHaveValue('8');
  await cell(page, 'apply.other_3.natural').click();
  await cell(page, 'apply.other_3.commercial').click();
  await page.keyboard.type('9');
  await expect(cell(page, 'apply.other_3.commercial')).toHaveValue('9');

  // table 二: group heading rows are stepped over; table 四: one row
  await cell(page, 'active.normative.in_force').click();
  await page.keyboard.press('ArrowDown');
  expect(await activeCell(page)).toBe('active.licensing.decisions');
  await cell(page, 'review.reconsideration.pending').click();
  await page.keyboard.press('Tab');
  expect(await activeCell(page)).toBe('review.sued_direct.upheld');
  await expect(page.locator('table[role="grid"]')).toHaveCount(3);
  await expect(cell(page, 'apply.new.total')).toHaveAttribute('tabindex', '-1');
});

test('a letter in a number cell is kept and flagged; full-width digits are accepted', async ({ page }) => {
  await typeCell(page, 'apply.granted.natural', '3a');
  await expect(cell(page, 'apply.granted.natural')).toHaveValue('3a');
  await expect(cell(page, 'apply.granted.natural')).toHaveAttribute('aria-invalid', 'true');
  await expect(cellBox(page, 'apply.granted.natural').locator('[data-rule="V-NUM"]')).toHaveCount(1);
  const msg = page.locator('[data-testid="cell-popover"] [data-rule="V-NUM"]');
  await expect(msg).toBeVisible();
  await expect(msg).toContainText('3a');
  await expect(panel(page).locator('[data-rule="V-NUM"]')).toHaveCount(1);
  const withError = (await counts(page)).errors;

  await typeCell(page, 'apply.new.natural', '１２');
  await expect(cell(page, 'apply.new.total')).toHaveText('12');
  await expect(cell(page, 'apply.new.natural')).not.toHaveAttribute('aria-invalid', 'true');

  await cell(page, 'apply.granted.natural').click();
  await page.keyboard.type('3');
  await expect(panel(page).locator('[data-rule="V-NUM"]')).toHaveCount(0);
  expect((await counts(page)).errors).toBe(withError - 1);
  await expect(cell(page, 'apply.processed_total.natural')).toHaveText('3');
});

test('accept a warning with an explanation: listed as accepted, not counted; undo brings it back', async ({ page }) => {
  const before = await counts(page);
  const first = panel(page).locator('.issue.warning').first();
  const rule = await first.getAttribute('data-rule');
  expect(rule).toBeTruthy();
  await first.getByRole('button', { name: '接受并说明…' }).click();
  const input = first.getByLabel('接受此提示的说明');
  await expect(first.getByRole('button', { name: '确定' })).toBeDisabled();
  await input.fill('本机关不制定规章，相关格子留待核实');
  await input.press('Enter');
  await expect(panel(page).locator('[data-count="accepted"]')).toHaveText('已接受 1');
  expect((await counts(page)).warnings).toBe(before.warnings - 1);
  await panel(page).getByRole('button', { name: /已接受的提示/ }).click();
  const accepted = panel(page).locator(`[data-accepted="true"][data-rule="${rule}"]`);
  await expect(accepted).toContainText('本机关不制定规章');
  await page.keyboard.press('Control+z');
  await expect(panel(page).locator('[data-count="accepted"]')).toHaveCount(0);
  expect((await counts(page)).warnings).toBe(before.warnings);
});

test('「全部空格填0」 asks first, naming each table and its blanks; 「本表空格填0」 fills one table; each is one undoable step', async ({ page }) => {
  await typeCell(page, 'apply.new.natural', '4');
  await page.getByRole('button', { name: '全部空格填0' }).click();
  // nothing is filled before the clerk confirms; the question names the three tables
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('「二、主动公开政府信息情况」');
  await expect(notice).toContainText('「三、收到和处理政府信息公开申请情况」');
  await expect(notice).toContainText('「四、政府信息公开行政复议、行政诉讼情况」');
  await expect(cell(page, 'review.sued_after.pending')).toHaveValue('');
  await notice.getByRole('button', { name: '取消' }).click();
  await expect(cell(page, 'review.sued_after.pending')).toHaveValue('');
  await page.getByRole('button', { name: '全部空格填0' }).click();
  await notice.getByRole('button', { name: '确认全部填0' }).click();
  await expect(cell(page, 'apply.new.natural')).toHaveValue('4');
  await expect(cell(page, 'review.sued_after.pending')).toHaveValue('0');
  await expect(cell(page, 'active.fees.amount')).toHaveValue('0');
  await expect(panel(page).locator('[data-rule="V-BLANK"]')).toHaveCount(0);
  await page.getByRole('button', { name: /撤销/ }).click();
  await expect(cell(page, 'review.sued_after.pending')).toHaveValue('');
  await expect(cell(page, 'apply.new.natural')).toHaveValue('4');
  // one table from its own button: the others keep their blanks and their reminders
  await page.locator('[data-table="review"]').locator('xpath=..').getByRole('button', { name: '本表空格填0' }).click();
  await expect(cell(page, 'review.sued_after.pending')).toHaveValue('0');
  await expect(cell(page, 'apply.new.commercial')).toHaveValue('');
  await expect(cell(page, 'active.fees.amount')).toHaveValue('');
  await expect(panel(page).locator('[data-rule="V-BLANK"]')).toHaveCount(2);
  // the same from a V-BLANK finding in the panel: that finding's table only
  await panel(page).locator('[data-rule="V-BLANK"][data-target^="apply."]').getByRole('button', { name: '本表空格填0' }).click();
  await expect(cell(page, 'apply.new.commercial')).toHaveValue('0');
  await expect(cell(page, 'active.fees.amount')).toHaveValue('');
  await expect(panel(page).locator('[data-rule="V-BLANK"]')).toHaveCount(1);
});

test('refreshing a data sentence replaces the one inserted before', async ({ page }) => {
  await typeCell(page, 'apply.new.natural', '5');
  await typeCell(page, 'apply.granted.natural', '5');
  const area = page.locator('textarea[data-section="requests"]');
  await area.fill('我单位认真办理申请。');
  await cell(page, 'apply.new.natural').click(); // the text isn't focused: the sentence becomes the last paragraph
  await page.getByRole('button', { name: '按表格插入/刷新数据句' }).first().click();
  await expect(area).toHaveValue('我单位认真办理申请。\n本年新收政府信息公开申请5件，上年结转0件，办结5件，其中予以公开5件，结转下年度0件。');
  await typeCell(page, 'apply.new.natural', '6');
  await typeCell(page, 'apply.carried_forward.natural', '1');
  await page.getByRole('button', { name: '按表格插入/刷新数据句' }).first().click();
  await expect(area).toHaveValue('我单位认真办理申请。\n本年新收政府信息公开申请6件，上年结转0件，办结5件，其中予以公开5件，结转下年度1件。');
});

test('undo/redo spans the whole form: typing in a field is one step, fields and text alike', async ({ page }) => {
  const organ = page.locator('[name="meta.organ"]');
  const text = page.locator('textarea[data-section="problems"]');
  await organ.click();
  await page.keyboard.type('某某县');
  await text.click();
  await page.keyboard.type('问题');
  await typeCell(page, 'review.sued_direct.upheld', '12');
  await expect(cell(page, 'review.sued_direct.total')).toHaveText('12');
  // moving through fields without typing makes no undo step
  await organ.click();
  await text.click();
  await cell(page, 'review.sued_direct.corrected').click();

  await page.keyboard.press('Control+z');
  await expect(cell(page, 'review.sued_direct.upheld')).toHaveValue('');
  await expect(cell(page, 'review.sued_direct.total')).toHaveText('');
  await page.keyboard.press('Control+z');
  await expect(text).toHaveValue('');
  await expect(organ).toHaveValue('某某县');
  await page.keyboard.press('Control+z');
  await expect(organ).toHaveValue('');
  await page.keyboard.press('Control+y');
  await expect(organ).toHaveValue('某某县');
  await page.keyboard.press('Control+Shift+z');
  await expect(text).toHaveValue('问题');
  await page.getByRole('button', { name: /重做/ }).click();
  await expect(cell(page, 'review.sued_direct.total')).toHaveText('12');
  await expect(page.getByRole('button', { name: /重做/ })).toBeDisabled();
});

test("the 机关层级 follows the organ's name as the rules read it; a bare place name leaves the choice alone", async ({ page }) => {
  const organ = page.locator('[name="meta.organ"]');
  const level = page.locator('[name="meta.level"]');
  await organ.fill('某县教育局');
  await organ.blur();
  await expect(level).toHaveValue('department');
  await organ.fill('某县政府');
  await organ.blur();
  await expect(level).toHaveValue('government');
  await level.selectOption('department');
  await organ.fill('某县');
  await organ.blur();
  await expect(level).toHaveValue('department');
});

test('a finding about the text selects its words, never a table cell', async ({ page }) => {
  await typeCell(page, 'apply.new.natural', '5');
  const text = page.locator('textarea[data-section="requests"]');
  await text.fill('本年新收政府信息公开申请9件，上年结转0件，办结0件，结转下年度0件。');
  const finding = panel(page).locator('[data-rule="N-APP"]').first();
  await finding.locator('.issue-main').click();
  await expect(text).toBeFocused();
  const selection = () => text.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
  // the passage with the figure that disagrees (申请9件), not the whole text and not a cell
  const selected = await selection();
  expect(selected).toContain('9件');
  expect(selected.length).toBeLessThan((await text.inputValue()).length);
  // the same from the gate's 「定位」
  await cell(page, 'apply.new.natural').click();
  await page.getByRole('button', { name: '导出', exact: true }).click();
  await page.getByRole('menuitem', { name: /Word/ }).click();
  await page.getByTestId('export-gate').locator('[data-rule="N-APP"]').filter({ hasText: '9' }).first().getByRole('button', { name: '定位' }).click();
  await expect(text).toBeFocused();
  expect(await selection()).toBe(selected);
});

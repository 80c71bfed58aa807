/**
 * XY-COPY in the editor: a draft whose narrative copies last year's shows the copied passages marked behind the
 * text and listed under each section; 「定位」 selects the passage's words; rewriting the text clears them.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { newDraft, serializeDraft } from '../../shared/schema/draft.js';
import { panel } from './support/editor.js';
import { createTestHost, type TestHost } from './support/testHost.js';

let host: TestHost;
test.beforeEach(async () => {
  host = await createTestHost();
});
test.afterEach(async () => {
  await host.dispose();
});

const OVERVIEW = [
  '（一）主动公开',
  '2024年，我县坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。',
  '通过县政府门户网站主动公开各类政府信息1882条，其中政策解读信息56条。',
  '（二）依申请公开',
  '严格按照条例规定的时限办理依申请公开事项，做到件件有回复、事事有着落。',
].join('\n');
const PROBLEMS = '一是信息更新不够及时，部分栏目内容发布不完整。二是政策解读形式较为单一，图解和视频解读偏少。';

test('copied passages are marked and listed, 定位 selects them, and rewriting clears them', async ({ page }) => {
  const d = newDraft({ year: 2024, organ: '某县人民政府', level: 'government' });
  d.sections = { ...d.sections, overview: OVERVIEW, problems: PROBLEMS };
  d.previous = { year: 2023, cells: {}, sections: { overview: OVERVIEW.replace('2024', '2023').replace('1882', '1650'), problems: PROBLEMS } };
  const path = join(host.dir, '雷同.gkbg');
  await writeFile(path, serializeDraft(d), 'utf8');
  await host.attach(page);
  await page.goto('index.html');
  await expect(page.locator('html[data-editor-ready]')).toHaveCount(1);
  host.answers.open.push(path);
  await page.getByRole('toolbar', { name: '文件' }).getByRole('button', { name: '打开', exact: true }).click();

  await expect(panel(page).locator('[data-rule="XY-COPY"]')).toHaveCount(1);
  const list = page.getByTestId('copied-overview');
  // two passages in 总体情况: the format's sub-heading between them is not marked as copied
  await expect(list.locator('li')).toHaveCount(2);
  await expect(page.getByTestId('copied-problems').locator('li')).toHaveCount(1);
  const marks = page.locator('#sec-overview .copied-backdrop mark');
  await expect(marks).toHaveCount(2);
  await expect(marks.first()).toContainText('我县坚持以公开为常态');
  await expect(marks.nth(1)).toContainText('事事有着落');
  for (const m of await marks.all()) await expect(m).not.toContainText(/（[一二]）(主动公开|依申请公开)/);
  await page.locator('#sec-overview').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/editor-copied-passages.png' });

  await list.getByRole('button', { name: '定位' }).first().click();
  const area = page.locator('textarea[data-section="overview"]');
  const selected = await area.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
  expect(selected.startsWith('2024年，我县坚持')).toBe(true);
  expect(selected.endsWith('政策解读信息56条。')).toBe(true);

  await area.fill('今年新开设乡村振兴专题栏目，集中发布惠农补贴政策。\n群众留言全部按期答复，满意率明显提升。\n新建政务公开专区三个。');
  await page.locator('textarea[data-section="problems"]').fill('主要问题是基层目录更新较慢。\n下一步按季度集中更新。\n加强业务培训。');
  await expect(panel(page).locator('[data-rule="XY-COPY"]')).toHaveCount(0);
  await expect(page.locator('.copied-backdrop')).toHaveCount(0);
  await expect(page.getByTestId('copied-overview')).toHaveCount(0);
});

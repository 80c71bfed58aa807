/**
 * The window at 1366 × 768 (a common county-office laptop) with the preview shown: all seven columns of table 三
 * visible without scrolling sideways, and the sticky section bar opaque (text scrolling under it doesn't show through).
 */
import { expect, test } from '@playwright/test';
import { startApp, useTestHost } from './support/app.js';

const currentHost = useTestHost();
test.use({ viewport: { width: 1366, height: 768 } });

test('at 1366 × 768 with the preview shown, table 三 fits its column and the section bar is opaque', async ({ page }) => {
  await startApp(page, currentHost());
  const toggle = page.getByRole('button', { name: '显示预览' });
  if (await toggle.count()) await toggle.click();
  await expect(page.getByRole('complementary', { name: '报告预览' })).toBeVisible();
  await page.locator('#sec-requests').scrollIntoViewIfNeeded();
  const grid = page.locator('table[data-table="apply"]');
  await expect(grid).toBeVisible();
  const m = await page.evaluate(() => {
    const scroll = document.querySelector<HTMLElement>('.form-scroll');
    const wrap = document.querySelector<HTMLElement>('table[data-table="apply"]')?.closest<HTMLElement>('.table-wrap');
    const table = document.querySelector<HTMLElement>('table[data-table="apply"]');
    const last = document.querySelector<HTMLElement>('[data-cell="apply.new.total"]')?.closest('td');
    const box = scroll?.getBoundingClientRect();
    return {
      // null when an element is missing: the test fails then, instead of passing on a made-up 0
      scrollOverflow: scroll ? scroll.scrollWidth - scroll.clientWidth : null,
      wrapOverflow: wrap ? wrap.scrollWidth - wrap.clientWidth : null,
      tableRight: table?.getBoundingClientRect().right ?? null,
      lastRight: last?.getBoundingClientRect().right ?? null,
      scrollRight: box && scroll ? box.left + scroll.clientWidth : null,
      tocBackground: getComputedStyle(document.querySelector('.toc') as Element).backgroundColor,
    };
  });
  console.log(JSON.stringify(m));
  expect(m.scrollOverflow).not.toBeNull();
  expect(m.wrapOverflow).not.toBeNull();
  expect(m.lastRight).not.toBeNull();
  expect(m.scrollRight).not.toBeNull();
  expect(m.scrollOverflow ?? 1).toBeLessThanOrEqual(0);
  expect(m.wrapOverflow ?? 1).toBeLessThanOrEqual(0);
  expect(m.lastRight ?? Infinity).toBeLessThanOrEqual(m.scrollRight ?? 0);
  // opaque: no alpha below 1
  expect(m.tocBackground).toMatch(/^rgb\(/);
  await page.screenshot({ path: 'test-results/layout-1366.png' });
});

/** Helpers for the editor's end-to-end tests: open the app, address cells by canonical key, read the panel. */
import { expect, type Locator, type Page } from '@playwright/test';

export async function openEditor(page: Page): Promise<void> {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon|Failed to load resource/.test(m.text())) problems.push(m.text());
  });
  await page.goto('index.html');
  await expect(page.locator('html[data-editor-ready]')).toHaveCount(1);
  (page as Page & { __problems?: string[] }).__problems = problems;
}

/** Errors the page logged (CSP violations, exceptions). */
export function pageProblems(page: Page): string[] {
  return (page as Page & { __problems?: string[] }).__problems ?? [];
}

export function cell(page: Page, key: string): Locator {
  return page.locator(`[data-cell="${key}"]`);
}

export function cellBox(page: Page, key: string): Locator {
  return page.locator(`td:has(> [data-cell="${key}"])`);
}

export async function activeCell(page: Page): Promise<string | null> {
  return page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.cell ?? null);
}

export async function typeCell(page: Page, key: string, text: string): Promise<void> {
  await cell(page, key).click();
  await page.keyboard.type(text);
}

export function panel(page: Page): Locator {
  return page.getByTestId('issues');
}

export async function counts(page: Page): Promise<{ errors: number; warnings: number }> {
  const n = async (which: string) => Number(((await panel(page).locator(`[data-count="${which}"]`).textContent()) ?? '').replace(/\D/g, ''));
  return { errors: await n('errors'), warnings: await n('warnings') };
}

export const APPLY_DETAIL = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org'] as const;
export const APPLY_ROWS_2021 = [
  'new',
  'carried_over',
  'granted',
  'partial',
  ...Array.from({ length: 8 }, (_, i) => `denied_${i + 1}`),
  ...Array.from({ length: 3 }, (_, i) => `unable_${i + 1}`),
  ...Array.from({ length: 5 }, (_, i) => `refused_${i + 1}`),
  ...Array.from({ length: 3 }, (_, i) => `other_${i + 1}`),
  'processed_total',
  'carried_forward',
] as const;

/** A balanced table 三 (every rule holds): rows of six detail figures; processed_total is computed. */
export function balancedApply(): Record<string, number[]> {
  const zero = () => [0, 0, 0, 0, 0, 0];
  const t: Record<string, number[]> = {};
  for (const r of APPLY_ROWS_2021) if (r !== 'processed_total') t[r] = zero();
  t.new = [12, 2, 0, 1, 1, 0];
  t.carried_over = [1, 0, 0, 0, 0, 0];
  t.granted = [6, 1, 0, 1, 0, 0];
  t.partial = [2, 0, 0, 0, 0, 0];
  t.denied_4 = [1, 0, 0, 0, 0, 0];
  t.unable_1 = [2, 0, 0, 0, 1, 0];
  t.refused_2 = [1, 0, 0, 0, 0, 0];
  t.carried_forward = [1, 1, 0, 0, 0, 0];
  return t;
}

/** Type a whole table by keyboard: click the first cell, then value + Tab (Tab skips the computed totals). */
export async function typeByTab(page: Page, first: string, values: (string | number)[]): Promise<void> {
  await cell(page, first).click();
  for (const v of values) {
    await page.keyboard.type(String(v));
    await page.keyboard.press('Tab');
  }
}

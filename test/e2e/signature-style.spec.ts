/**
 * 落款版式 (GB/T 9704-2012 7.3.5, issue 11) in the window: the control beside 发文机关署名 / 成文日期 shows the draft's
 * choice (加盖印章 by default), switching it to 不加盖印章 moves the 落款 in the paged preview to the unsealed layout
 * (7.3.5.2), and saving keeps the choice in the draft file. A screenshot of the control and the preview is saved
 * under test-results/screens/ for review by eye.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { parseDraftText, serializeDraft } from '../../shared/schema/draft.js';
import { sampleDraft } from '../services/sampleDraft.js';
import { fileToolbar, startApp, useTestHost } from './support/app.js';

const currentHost = useTestHost();
const button = (page: Page, name: string) => fileToolbar(page).getByRole('button', { name, exact: true });

/** The shown pages of the preview (not the hidden frame it measures in). */
function previewPages(page: Page): FrameLocator {
  return page.getByTestId('report-preview').frameLocator('iframe:not([aria-hidden])');
}

/** The 落款's two lines in the preview: their right-indent classes (ri-<quarter characters>). */
function signatureLines(page: Page) {
  const sig = previewPages(page).locator('.signature');
  return { organ: sig.locator('p', { hasText: '某某县人民政府办公室' }), date: sig.locator('p', { hasText: '2025年2月25日' }) };
}

test('落款版式: 不加盖印章 moves the preview\'s 落款 to the unsealed layout, and the draft keeps the choice', async ({ page }) => {
  const host = currentHost();
  const file = join(host.dir, '落款.gkbg');
  await writeFile(file, serializeDraft(sampleDraft(2024))); // 落款 某某县人民政府办公室, 2025-02-25; never chose
  await startApp(page, host);
  const toggle = page.getByRole('button', { name: '显示预览' });
  if (await toggle.count()) await toggle.click();
  host.answers.open.push(file);
  await button(page, '打开').click();
  await expect(page.locator('[name="meta.signatureOrgan"]')).toHaveValue('某某县人民政府办公室');

  const choice = page.getByRole('group', { name: '落款版式' });
  await expect(choice).toContainText('GB/T 9704-2012 7.3.5.1');
  await expect(choice).toContainText('7.3.5.2');
  const sealed = choice.getByRole('radio', { name: '加盖印章（默认）' });
  const unsealed = choice.getByRole('radio', { name: '不加盖印章' });
  await expect(sealed).toBeChecked();

  // sealed (7.3.5.1): the date four characters in, the organ centred on it (2.25 characters in)
  const lines = signatureLines(page);
  await expect(lines.date).toHaveClass('ri-16');
  await expect(lines.organ).toHaveClass('ri-9');

  await unsealed.check();
  // unsealed (7.3.5.2): the organ two characters in, the date starting two characters right of its first character
  await expect(lines.organ).toHaveClass('ri-8');
  await expect(lines.date).toHaveClass('ri-14');
  await expect(page.getByTestId('report-preview')).toHaveAttribute('data-pending', 'false');

  await choice.scrollIntoViewIfNeeded();
  await previewPages(page).locator('.signature').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/signature-style.png' });

  await button(page, '保存').click();
  await expect(page.getByTestId('file-notice')).toContainText('已保存');
  const saved = parseDraftText(await readFile(file, 'utf8'));
  if (!saved.ok) throw new Error(saved.error);
  expect(saved.draft.meta.signatureStyle).toBe('unsealed');

  // back to the default: the preview's 落款 sealed again
  await sealed.check();
  await expect(lines.date).toHaveClass('ri-16');
  await expect(lines.organ).toHaveClass('ri-9');
});

/**
 * The import dialog in a real browser (Debian's Chromium), its host method backed by the real Node import
 * service (Playwright exposeBinding): paste a published report, see what to confirm and the source check,
 * then open it as a draft.
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../electron/main/services/export/pdfOptions.js';
import { importPastedText, importPublishedFile } from '../../electron/main/services/import/index.js';
import { bundleComponent } from '../support/component.js';
import { parseDraftText } from '../../shared/schema/draft.js';
import { loadPublished } from './make.js';

const ENTRY = `
import { createRoot } from 'react-dom/client';
import { createElement } from 'react';
import { ImportDialog } from './renderer/import/ImportDialog.tsx';
const w = window;
w.calls = [];
const host = {
  importPublished: (arg) => w.hostImport(JSON.stringify(arg)).then((t) => JSON.parse(t)),
  importCancel: (arg) => w.hostCancel(JSON.stringify(arg)).then((t) => JSON.parse(t)),
};
createRoot(document.getElementById('root')).render(
  createElement(ImportDialog, {
    host,
    onOpenAsDraft: (text, result) => w.calls.push({ kind: 'draft', text, year: result.report.year }),
    onCreateNextYear: (result) => w.calls.push({ kind: 'next', year: result.report.year }),
    onClose: () => w.calls.push({ kind: 'close' }),
  }),
);
`;

let browser: Browser;
let script: string;

beforeAll(async () => {
  script = await bundleComponent(ENTRY);
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
});
afterAll(async () => {
  await browser?.close();
});

async function openPage(fileToChoose?: string) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  await page.exposeBinding('hostCancel', async () => JSON.stringify({ status: 'ok' }));
  await page.exposeBinding('hostImport', async (_source, argText: string) => {
    const arg = JSON.parse(argText) as { pasted?: string };
    if (arg.pasted !== undefined) return JSON.stringify(await importPastedText(arg.pasted));
    if (!fileToChoose) return JSON.stringify({ status: 'canceled' });
    return JSON.stringify(await importPublishedFile(fileToChoose));
  });
  await page.setContent('<!doctype html><html lang="zh-CN"><body><div id="root"></div></body></html>');
  await page.addScriptTag({ content: script });
  return page;
}

describe('ImportDialog', () => {
  it('「取消导入」 (or Escape) while an import runs asks the host to stop it, and the dialog is ready again', async () => {
    // the host's import runs until it is cancelled (test/services/import-worker.test.ts: main ends the worker)
    let stop: (() => void) | null = null;
    let cancels = 0;
    const page = await browser.newPage();
    await page.exposeBinding('hostImport', () => new Promise<string>((resolve) => (stop = () => resolve(JSON.stringify({ status: 'canceled' })))));
    await page.exposeBinding('hostCancel', async () => {
      cancels++;
      stop?.();
      return JSON.stringify({ status: 'ok' });
    });
    await page.setContent('<!doctype html><html lang="zh-CN"><body><div id="root"></div></body></html>');
    await page.addScriptTag({ content: script });
    await page.getByTestId('import-paste').fill('一、总体情况');
    await page.getByRole('button', { name: '导入粘贴的文本' }).click();
    await page.getByRole('button', { name: '取消导入' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('已取消导入');
    expect(await page.getByRole('button', { name: '导入粘贴的文本' }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: '选择文件…' }).click();
    await page.getByRole('button', { name: '取消导入' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('status').textContent()).toBe('已取消导入');
    expect(cancels).toBe(2);
    expect(await page.evaluate('window.calls')).toEqual([]);
    await page.close();
  }, 60_000);

  it('pasted report → what to confirm, the source check, 「作为草稿打开」 gives a valid draft', async () => {
    const page = await openPage();
    await page.screenshot({ path: new URL('../../test-results/import-dialog-start.png', import.meta.url).pathname }).catch(() => undefined);
    await page.getByTestId('import-paste').fill(loadPublished('xinyuan-county-2024'));
    await page.getByRole('button', { name: '导入粘贴的文本' }).click();
    await page.getByTestId('import-result').waitFor();
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('已读取 200/200 个单元格');
    const uncertain = await page.getByTestId('import-uncertain').textContent();
    expect(uncertain).toContain('新源县人民政府');
    const rules = await page.locator('[data-rule]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(rules).toEqual(expect.arrayContaining(['N-REVIEW', 'F-STALE']));
    await page.screenshot({ path: new URL('../../test-results/import-dialog.png', import.meta.url).pathname, fullPage: true }).catch(() => undefined);
    await page.getByRole('button', { name: '作为草稿打开' }).click();
    const calls = (await page.evaluate('window.calls')) as { kind: string; text?: string; year?: number }[];
    expect(calls).toHaveLength(1);
    expect(calls[0]?.kind).toBe('draft');
    const draft = parseDraftText(calls[0]?.text ?? '');
    expect(draft.ok && draft.draft.meta.organ).toBe('新源县');
    await page.close();
  });

  it('a file the host refuses shows its Chinese message; 「作为上年报告，创建本年度报告」 after a good file', async () => {
    const bad = await openPage('/nonexistent/report.docx');
    await bad.getByRole('button', { name: '选择文件…' }).click();
    await expect.poll(() => bad.getByRole('alert').textContent()).toContain('文件不存在');
    await bad.close();
    const good = await openPage(new URL('../fixtures/published/urumqi-county-2024.txt', import.meta.url).pathname);
    await good.getByRole('button', { name: '选择文件…' }).click();
    await good.getByTestId('import-result').waitFor();
    expect(await good.locator('[data-rule="F-KPZ"]').count()).toBe(1);
    await good.getByRole('button', { name: '作为上年报告，创建本年度报告' }).click();
    expect(await good.evaluate('window.calls')).toEqual([{ kind: 'next', year: 2024 }]);
    await good.keyboard.press('Escape');
    expect(await good.evaluate('window.calls.length')).toBe(2);
    await good.close();
  });
});

/**
 * The live preview component: server-rendered markup (sandboxed iframe with the writer's HTML), then the
 * real component bundled with esbuild and mounted in headless Chromium — scaled to fit, debounced.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../electron/main/services/export/pdfOptions.js';
import { PAGE_WIDTH_PX, Preview, fitScale } from '../../renderer/preview/Preview.js';
import { bundleComponent } from '../support/component.js';
import { ROOT, longReport, syntheticReport } from './sample.js';
import { enteredCells, FORMAT_2021 } from '../../shared/report/format.js';
import { nestCells } from '../../shared/report/model.js';
import { reportToDraft, serializeDraft } from '../../shared/schema/draft.js';
import type { ReportHost } from '../../shared/ipc/contract.js';
import { writeFileSync } from 'node:fs';
import { renderPdf } from '../../electron/main/services/export/pdf.js';
import { FONTCONFIG_FILE, compact, pdfInfo, run, tempDir, useTestFonts } from './tools.js';

describe('markup', () => {
  it('renders the report HTML into a sandboxed iframe without scripts', () => {
    const html = renderToString(createElement(Preview, { report: syntheticReport() }));
    expect(html).toMatch(/<iframe[^>]*sandbox="allow-same-origin"/);
    expect(html).not.toMatch(/allow-scripts/);
    expect(html).toContain('srcDoc="&lt;!DOCTYPE html&gt;');
    expect(html).toContain('2024年政府信息公开工作年度报告');
    expect(html).toContain('title="报告预览"');
  });

  it('scales the page down to fit, never up', () => {
    expect(fitScale(PAGE_WIDTH_PX * 2)).toBe(1);
    expect(fitScale(PAGE_WIDTH_PX / 2)).toBeCloseTo(0.5);
    expect(fitScale(0)).toBe(1);
  });
});

/**
 * The preview's quiet time in this test: long beside the 100 ms the test waits to see that nothing changed yet, so a
 * busy machine (CI runs suites side by side) can't make the refresh look early. The app's own is 200 ms.
 */
const QUIET_MS = 1500;

describe('in Chromium', () => {
  let browser: Browser;
  let bundle: string;

  beforeAll(async () => {
    const entry = `
      import { createElement, useState } from 'react';
      import { createRoot } from 'react-dom/client';
      import { Preview } from './renderer/preview/Preview.tsx';
      const base = ${JSON.stringify(syntheticReport())};
      function App() {
        const [organ, setOrgan] = useState(base.organ);
        window.setOrgan = setOrgan;
        return createElement('div', { style: { width: '400px' } }, createElement(Preview, { report: { ...base, organ }, delayMs: ${QUIET_MS} }));
      }
      createRoot(document.getElementById('root')).render(createElement(App));
    `;
    useTestFonts();
    bundle = await bundleComponent(entry);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], env: { ...(process.env as Record<string, string>), FONTCONFIG_FILE } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the document scaled to the width and refreshes after the report stops changing, under the app\'s CSP', async () => {
    // Served from an origin with the renderer's own Content-Security-Policy (read from renderer/index.html).
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8'))?.[1];
    expect(csp).toContain("default-src 'self'");
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused/i.test(m.text())) violations.push(m.text());
    });
    await page.route('http://app.test/**', (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/bundle.js') return route.fulfill({ contentType: 'text/javascript', body: bundle });
      return route.fulfill({
        contentType: 'text/html',
        body: `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${csp ?? ''}"></head><body><div id="root"></div><script src="/bundle.js"></script></body></html>`,
      });
    });
    await page.goto('http://app.test/');
    const frame = page.frameLocator('iframe[title="报告预览"]');
    await expect.poll(() => frame.locator('h1.title').innerText()).toContain('某某县人民政府');
    const box = await page.locator('iframe[title="报告预览"]').boundingBox();
    expect(box?.width).toBeGreaterThan(380);
    expect(box?.width).toBeLessThanOrEqual(401);
    const wrapHeight = await page.locator('[data-testid="report-preview"]').evaluate((el) => el.getBoundingClientRect().height);
    expect(wrapHeight).toBeGreaterThan(400 * 1.2); // the whole (scaled) document, not a fixed box
    await page.evaluate(() => (window as unknown as { setOrgan: (s: string) => void }).setOrgan('另一县人民政府'));
    await page.waitForTimeout(100);
    expect(await frame.locator('h1.title').innerText()).toContain('某某县人民政府');
    await expect.poll(() => frame.locator('h1.title').innerText(), { timeout: QUIET_MS + 5000 }).toContain('另一县人民政府');
    // The frame runs nothing: no script may execute inside it.
    const scripts = await frame.locator('script').count();
    expect(scripts).toBe(0);
    // The document's own styles apply inside the frame (not blocked by either CSP).
    const font = await frame.locator('h2').first().evaluate((el) => getComputedStyle(el).fontFamily);
    expect(font).toContain('黑体');
    expect(violations).toEqual([]);
    await page.close();
  });

  it('shows the pages the PDF has: A4 sheets with their folios, each page starting with the same text as the PDF\'s', async () => {
    const page = await browser.newPage();
    await page.setContent('<!DOCTYPE html><html><body><div id="root"></div></body></html>');
    await page.addScriptTag({ content: bundle });
    await expect.poll(() => page.locator('[data-testid="report-preview"]').getAttribute('data-pending'), { timeout: 10_000 }).toBe('false');
    const frame = page.frameLocator('iframe[title="报告预览"]');
    const sheets = frame.locator('section.sheet');
    const count = await sheets.count();
    expect(count).toBeGreaterThan(2);
    expect(await page.locator('[data-testid="report-preview"]').getAttribute('data-pages')).toBe(String(count));
    const folios = await frame.locator('.folio').allInnerTexts();
    expect(folios).toEqual(Array.from({ length: count }, (_, i) => `— ${i + 1} —`));
    const starts = (await sheets.locator('.text').allInnerTexts()).map((t) => compact(t).slice(0, 12));

    const dir = tempDir('preview-pdf');
    const path = join(dir, 'report.pdf');
    writeFileSync(path, await renderPdf(syntheticReport()));
    expect(pdfInfo(path).pages).toBe(count);
    for (let p = 1; p <= count; p++) {
      const text = compact(run('pdftotext', ['-f', String(p), '-l', String(p), '-enc', 'UTF-8', path, '-']));
      expect(text.slice(0, 12), `page ${p}`).toBe(starts[p - 1]);
    }
    await page.close();
  });
});

describe('the browser host\'s print', () => {
  let browser: Browser;
  let bundle: string;

  beforeAll(async () => {
    useTestFonts();
    bundle = await bundleComponent(`
      import { createBrowserHost } from './renderer/host/browser.ts';
      window.host = createBrowserHost();
      // what the print frame holds when its window is asked to print (the dialog itself is the browser's)
      const contentWindow = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow');
      Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
        get() {
          const frame = this;
          const w = contentWindow.get.call(frame);
          if (!w) return w;
          return new Proxy(w, {
            get(target, key) {
              if (key === 'print') return () => (window.printed = frame.contentDocument.documentElement.outerHTML);
              const v = Reflect.get(target, key);
              return typeof v === 'function' ? v.bind(target) : v;
            },
          });
        },
      });
    `);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], env: { ...(process.env as Record<string, string>), FONTCONFIG_FILE } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('prints the pages the preview shows and the PDF has — A4 sheets, table 三 whole — not page breaks left to the printer', async () => {
    const report = longReport(1);
    const draft = reportToDraft(report, new Set(enteredCells(FORMAT_2021).map((c) => c.key)));
    draft.cells = nestCells(report.cells);
    const page = await browser.newPage();
    await page.setContent('<!DOCTYPE html><html><body></body></html>');
    await page.addScriptTag({ content: bundle });
    const result = await page.evaluate((text) => (window as unknown as { host: ReportHost }).host.print({ text }), serializeDraft(draft));
    expect(result).toEqual({ status: 'ok' });
    const printed = await page.evaluate(() => (window as unknown as { printed?: string }).printed);
    expect(printed).toContain('<section class="sheet');
    await page.setContent(printed ?? '');
    // each sheet holds the text of the PDF's page of the same number (as characters: a table's reading order differs)
    // (pdftotext drops a hyphen that ends a line: the URL broken after `example-`)
    const letters = (t: string) => [...compact(t).normalize('NFKC').replace(/-/g, '')].sort().join('');
    const sheets = (await page.locator('section.sheet .text').allInnerTexts()).map(letters);

    const path = join(tempDir('browser-print'), 'report.pdf');
    writeFileSync(path, await renderPdf(report));
    expect(sheets).toHaveLength(pdfInfo(path).pages);
    sheets.forEach((sheet, i) => {
      const pdfPage = compact(run('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-enc', 'UTF-8', path, '-'])).replace(/—\d+—$/, '');
      expect(letters(pdfPage), `page ${i + 1}`).toBe(sheet);
    });
    // table 三 on one sheet
    const withApply = await page.locator('section.sheet').filter({ has: page.locator('table[data-table="apply"]') }).count();
    expect(withApply).toBe(1);
    await page.close();
  }, 120_000);
});

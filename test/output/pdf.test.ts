/**
 * The PDF: the HTML writer's document printed by headless Chromium (the same path as the command line),
 * checked with poppler — A4, page count, every heading and figure, page numbers odd-right/even-left
 * 7 mm under the text area, every font embedded.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfPrinter, exportPdf, type PdfPrinter } from '../../electron/main/services/export/pdf.js';
import { exportReviewPdf } from '../../electron/main/services/export/review.js';
import { buildDocModel } from '../../shared/render/model.js';
import type { Report } from '../../shared/report/model.js';
import { fixtureReports, syntheticReport } from './sample.js';
import { HEADINGS, compact, folioInk, missingFigures, pageNumbers, pdfFonts, pdfInfo, pdfText, pdfWords, reportFigures, stackedLabel, tempDir, useTestFonts } from './tools.js';

useTestFonts();

const samples: { name: string; report: Report }[] = [...fixtureReports(), { name: 'synthetic', report: syntheticReport() }];
const dir = tempDir('pdf-test');
const pdfs = new Map<string, string>();
let printer: PdfPrinter;

const MM = 72 / 25.4;

beforeAll(async () => {
  printer = await createPdfPrinter();
  for (const s of samples) {
    const path = join(dir, `${s.name}.pdf`);
    await exportPdf(s.report, path, printer);
    pdfs.set(s.name, path);
  }
}, 300_000);

afterAll(async () => {
  await printer?.close();
});

describe.each(samples)('$name', ({ name, report }) => {
  const pdf = () => pdfs.get(name) ?? '';

  it('is A4 portrait with a plausible page count', () => {
    const info = pdfInfo(pdf());
    expect(Math.abs(info.width - 210 * MM)).toBeLessThan(1);
    expect(Math.abs(info.height - 297 * MM)).toBeLessThan(1);
    expect(info.pages).toBeGreaterThanOrEqual(3);
    expect(info.pages).toBeLessThanOrEqual(12);
  });

  it('shows the title, every heading and every figure of the tables', () => {
    const text = pdfText(pdf());
    const flat = compact(text);
    for (const line of buildDocModel(report).blocks.flatMap((b) => (b.kind === 'title' ? b.lines : []))) expect(flat).toContain(compact(line));
    for (const h of HEADINGS) expect(flat).toContain(h);
    expect(missingFigures(reportFigures(report), text)).toEqual([]);
  });

  it('writes 「三、本年度办理结果」 vertically, one character above the other', () => {
    expect(stackedLabel(pdfWords(pdf()), '三、本年度办理结果')).toBe('三、本年度办理结果');
  });

  it('numbers every page 「— n —」: odd pages at the right, even pages at the left, below the text area', () => {
    const info = pdfInfo(pdf());
    const numbers = pageNumbers(pdfWords(pdf()));
    expect([...numbers.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: info.pages }, (_, i) => i + 1));
    const textRight = info.width - 26 * MM;
    const textLeft = 28 * MM;
    const textBottom = info.height - 35 * MM;
    for (const [page, n] of numbers) {
      expect(n.n).toBe(page);
      // the 一字线 7 mm below the text area, measured in the printed ink of the dashes
      const dashY = folioInk(pdf(), page).dashY;
      expect(dashY).toBeGreaterThan(textBottom + 6.6 * MM);
      expect(dashY).toBeLessThan(textBottom + 7.4 * MM);
      if (page % 2 === 1) {
        // one 14 pt character in from the right edge of the text area
        expect(textRight - n.xMax).toBeGreaterThan(8);
        expect(textRight - n.xMax).toBeLessThan(22);
      } else {
        expect(n.xMin - textLeft).toBeGreaterThan(8);
        expect(n.xMin - textLeft).toBeLessThan(22);
      }
    }
  });

  it('embeds every font', () => {
    const fonts = pdfFonts(pdf());
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
  });
});

it('prints table 三 whole on one page, its heading on the same page', () => {
  for (const [name, path] of pdfs) {
    const words = pdfWords(path);
    const pagesOf = (s: string) => new Set(words.filter((w) => w.text.includes(s)).map((w) => w.page));
    const table = new Set([...pagesOf('申请人情况'), ...pagesOf('结转下年度继续办理')]);
    expect(table.size, name).toBe(1);
    expect([...pagesOf('收到和处理政府信息公开申请情况')], name).toEqual([...table]);
  }
});

it('prints the review sheet (审核单) with the clerk\'s explanations', async () => {
  const path = join(dir, 'review.pdf');
  const report = syntheticReport();
  await exportReviewPdf(
    {
      report,
      findings: [{ rule: 'XY-JUMP', severity: 'warning', cells: ['apply.new.total'], target: 'apply.new.total', message: '本年新收申请数较上年增长超过 10 倍' }],
      acceptedWarnings: [{ rule: 'XY-JUMP', target: 'apply.new.total', explanation: '今年开展专项清理，申请量大增。' }],
      date: '2025-02-20',
    },
    path,
    printer,
  );
  const text = compact(pdfText(path));
  expect(text).toContain('审核单');
  // the explanation column (right of the 「涉及位置」 column, between the table head and 「二、审核意见」), top to bottom
  const words = pdfWords(path);
  const place = words.find((w) => w.text === '涉及位置');
  const end = words.find((w) => w.text === '二、审核意见');
  const column = words
    .filter((w) => place && end && w.xMin > place.xMax + 5 && w.yMin > place.yMax && w.yMax < end.yMin)
    .map((w) => w.text)
    .join('');
  expect(column).toContain('今年开展专项清理，申请量大增。');
  expect(text).toContain('XY-JUMP');
  expect(pdfInfo(path).pages).toBe(1);
});

it('writes nothing and throws when the target folder does not exist', async () => {
  await expect(exportPdf(syntheticReport(), join(dir, 'no-such-folder', 'x.pdf'), printer)).rejects.toThrow();
  writeFileSync(join(dir, 'marker'), '');
});

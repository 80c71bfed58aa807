/**
 * Hostile files that once made a parser run for minutes or take gigabytes (issue 9): each is read, or refused
 * with a Chinese message, within the test's time limit (the bench measures the time and memory of each).
 */
import { describe, expect, it } from 'vitest';
import { readPublishedBytes, importRead } from '../../electron/main/services/import/index.js';
import { htmlToLines, stripHidden } from '../../electron/main/services/import/html.js';
import { checkInflatedSizes } from '../../electron/main/services/import/pdf.js';
import { parsePublished, textDocument } from '../../shared/import/index.js';
import { findSignature } from '../../shared/import/signature.js';
import { flateBombPdf, hugeDocumentXmlDocx, longSignatureText, manyCommentsHtml, numberRowsPdf, numberRowsText, pdfOf, zipOf } from './hostileFiles.js';

const SECONDS = 1000;

describe('parsers in linear time', () => {
  it('a 落款-like line of 5,000 characters of 年月日 (cubic regex before: ~10 s for the line alone)', () => {
    const doc = textDocument(longSignatureText());
    const last = doc.lines.map((_, i) => i);
    const read = findSignature(doc.lines, last, new Set());
    expect(read.signature).toBeUndefined();
    expect(parsePublished(doc).report.signature).toBeUndefined();
  }, 3 * SECONDS);

  it('lines of 10,000 characters of 「| 」 before the heading (a markdown border trimmed from the end: quadratic before, ~6 s)', () => {
    const borders = Array.from({ length: 40 }, () => `x${'| '.repeat(4_999)}y`).join('\n');
    const r = parsePublished(textDocument(`${borders}\n某某县人民政府2024年政府信息公开工作年度报告 |\n一、总体情况\n正文。`));
    expect(r.report.title).toBe('某某县人民政府2024年政府信息公开工作年度报告');
  }, 3 * SECONDS);

  it('the organ and the date on one line are still read', () => {
    const doc = textDocument('一、总体情况\n正文。\n某某县人民政府办公室  2025年2月25日');
    const read = findSignature(doc.lines, [0, 1, 2], new Set());
    expect(read.signature).toEqual({ organ: '某某县人民政府办公室', date: '2025-02-25' });
  });

  it('1,000 rows of 40 numbers, as text and as PDF', async () => {
    const text = importRead({ doc: textDocument(numberRowsText()), kind: 'text', name: 'rows.txt' });
    expect(text.stats.cellsTotal).toBeGreaterThan(0);
    const pdf = await readPublishedBytes(numberRowsPdf(), 'rows.pdf');
    expect(pdf.ok).toBe(true);
    if (pdf.ok) expect(importRead(pdf).stats.cellsTotal).toBeGreaterThan(0);
  }, 15 * SECONDS);

  it('HTML with 40,000 comments or scripts, closed or never closed (quadratic stripping before)', () => {
    for (const kind of ['comments', 'open-comments', 'scripts', 'open-scripts'] as const) {
      const doc = htmlToLines(manyCommentsHtml(40_000, kind));
      expect(doc.lines.length).toBeGreaterThan(0);
    }
  }, 5 * SECONDS);

  it('stripping keeps what the page shows: comments and hidden elements go, one never closed stays as it was', () => {
    expect(stripHidden('a<!-- x -->b<SCRIPT>var c;</script >d<style>p{}</style>e')).toBe('ab d e');
    expect(stripHidden('a<!-- b')).toBe('a<!-- b');
    expect(stripHidden('<script>a<p>b</p>')).toBe('<script>a<p>b</p>');
    expect(htmlToLines('<p>一</p><p>二<br').lines.map((l) => l.text)).toEqual(['一', '二<br']);
  });

  it('a 62 MB document.xml inside a 4 MB DOCX is refused by its declared size, before inflating (38 s and 690 MB before)', async () => {
    const docx = hugeDocumentXmlDocx(62);
    expect(docx.length).toBeLessThan(8 * 1024 * 1024);
    const r = await readPublishedBytes(docx, 'big.docx');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/DOCX 正文解压后有 62\.\d MB（上限 12 MB）/);
  }, 10 * SECONDS);
});

describe('PDF flate bombs', () => {
  it('a stream that inflates to 10 GB is refused before pdf.js reads it (10.8 GB of memory before)', async () => {
    const r = await readPublishedBytes(flateBombPdf(10), 'bomb.pdf');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/压缩炸弹/);
  }, 10 * SECONDS);

  it('a smaller bomb (256 MB in one stream) is refused too', async () => {
    const r = await readPublishedBytes(flateBombPdf(0.25), 'bomb.pdf');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/压缩炸弹/);
  }, 10 * SECONDS);

  it('many streams each under the cap but together over it are refused', () => {
    const one = flateBombPdf(0.047).subarray(0);
    const body = one.subarray(one.indexOf('<< /Length', one.indexOf('4 0 obj')), one.lastIndexOf('endstream') + 9);
    const pdf = pdfOf(['<< /Type /Catalog >>', ...Array.from({ length: 6 }, () => body)]);
    expect(() => checkInflatedSizes(pdf)).toThrow(/压缩炸弹/);
  });

  it('an ordinary PDF passes the check', () => {
    expect(() => checkInflatedSizes(numberRowsPdf(100))).not.toThrow();
  });
});

describe('messages in Chinese, never a library’s English', () => {
  const english = /[A-Za-z]{4,}/;

  it('a document.xml nested 200 deep (「Maximum nested tags exceeded」 before)', async () => {
    const body = `${'<w:sdt><w:sdtContent>'.repeat(100)}<w:p><w:r><w:t>正文</w:t></w:r></w:p>${'</w:sdtContent></w:sdt>'.repeat(100)}`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="w"><w:body>${body}</w:body></w:document>`;
    const r = await readPublishedBytes(zipOf([{ name: 'word/document.xml', data: Buffer.from(xml) }]), 'deep.docx');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.replace(/DOCX/g, '')).not.toMatch(english);
  });

  it('a PDF whose pages tree refers to itself (「Pages tree contains circular reference」 before)', async () => {
    const pdf = pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R] /Count 2 >>']);
    const r = await readPublishedBytes(pdf, 'loop.pdf');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.replace(/PDF|DOCX/g, '')).not.toMatch(english);
  });
});

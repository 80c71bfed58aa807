/**
 * The DOCX writer, read back by independent readers: python-docx (page, margins, footers, every table's
 * texts and merges, fonts of every run, sizes, spacing) and LibreOffice (opens and converts it; poppler
 * then finds every heading, every figure and the page numbers in the PDF it made).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocModel } from '../../shared/render/model.js';
import { renderDocx } from '../../shared/render/docx.js';
import type { Report } from '../../shared/report/model.js';
import { expectedGrid, normaliseIds } from './expected.js';
import { fixtureReports, synthetic2019Report, syntheticReport } from './sample.js';
import {
  HEADINGS,
  compact,
  libreOfficeToPdf,
  missingFigures,
  pageNumbers,
  pdfInfo,
  pdfText,
  pdfWords,
  readDocx,
  reportFigures,
  stackedLabel,
  tempDir,
  useTestFonts,
  type DocxParagraph,
  type DocxReading,
} from './tools.js';

useTestFonts();

const samples: { name: string; report: Report }[] = [...fixtureReports(), { name: 'synthetic', report: syntheticReport() }, { name: 'synthetic-2019', report: synthetic2019Report() }];
const dir = tempDir('docx-test');
const readings = new Map<string, DocxReading>();
const loPdfs = new Map<string, string>();

beforeAll(async () => {
  const paths: string[] = [];
  for (const s of samples) {
    const path = join(dir, `${s.name}.docx`);
    writeFileSync(path, await renderDocx(buildDocModel(s.report)));
    paths.push(path);
  }
  readDocx(paths).forEach((r, i) => readings.set(samples[i]?.name ?? '', r));
  libreOfficeToPdf(paths, dir).forEach((p, i) => loPdfs.set(samples[i]?.name ?? '', p));
}, 300_000);

it('has the three committed sample reports besides the synthetic one', () => {
  expect(samples.map((s) => s.name)).toEqual(['urumqi-county-2024', 'xinxiang-county-office-2024', 'xinyuan-county-2024', 'synthetic', 'synthetic-2019']);
});

describe.each(samples)('$name', ({ name, report }) => {
  const doc = () => {
    const r = readings.get(name);
    if (!r) throw new Error('not read');
    return r;
  };
  const allParagraphs = (): DocxParagraph[] => [
    ...doc().paragraphs,
    ...doc().tables.flatMap((t) => t.paragraphs),
    ...doc().footerOdd,
    ...doc().footerEven,
  ];

  it('is A4 with the GB/T 9704 margins, in exact twips', () => {
    expect(doc().page).toEqual({ width: 11906, height: 16838 });
    expect(doc().margins).toEqual({ top: 2098, bottom: 1984, left: 1588, right: 1474 });
  });

  it('lays the text on a grid of 28 characters × 22 lines: docGrid linesAndChars with charSpace, and body characters at the same pitch', async () => {
    const xml = (await (await JSZip.loadAsync(readFileSync(join(dir, `${name}.docx`)))).file('word/document.xml')?.async('string')) ?? '';
    const grid = /<w:docGrid ([^>]*)\/>/.exec(xml)?.[1] ?? '';
    const attr = (a: string) => new RegExp(`w:${a}="([^"]*)"`).exec(grid)?.[1];
    expect(attr('type')).toBe('linesAndChars');
    // 22 lines of exactly 578 twips fill the 225 mm text area (12756 twips) with less than a line to spare
    expect(Number(attr('linePitch'))).toBe(578);
    expect(Math.floor(12756 / Number(attr('linePitch')))).toBe(22);
    // the grid's character pitch: 16 pt + charSpace/4096 pt; 28 of them fit the 156 mm line (442.2 pt), 29 do not
    const TEXT_WIDTH_PT = (156 / 25.4) * 72;
    const gridPitch = 16 + Number(attr('charSpace')) / 4096;
    expect(28 * gridPitch).toBeLessThanOrEqual(TEXT_WIDTH_PT);
    expect(28 * gridPitch).toBeGreaterThan(TEXT_WIDTH_PT - 1);
    // the body's runs are set at a pitch of their own (character spacing, w:spacing in twentieths of a point) that
    // also fits 28 and not 29, so a word processor that does not snap to the grid sets 28 too
    const spacings = [...xml.matchAll(/<w:r><w:rPr>(?:(?!<\/w:rPr>).)*?<w:sz w:val="32"\/>/g)].map((m) => Number(/<w:spacing w:val="(-?\d+)"\/>/.exec(m[0])?.[1] ?? 0));
    expect(spacings.length).toBeGreaterThan(20);
    for (const sp of spacings) {
      expect(28 * (16 + sp / 20)).toBeLessThanOrEqual(TEXT_WIDTH_PT);
      expect(29 * (16 + sp / 20)).toBeGreaterThan(TEXT_WIDTH_PT);
    }
  });

  it('numbers odd pages on the right and even pages on the left, one character in, with a PAGE field', () => {
    expect(doc().evenAndOdd).toBe(true);
    const [odd] = doc().footerOdd;
    const [even] = doc().footerEven;
    expect(odd?.alignment).toMatch(/^RIGHT/);
    expect(odd?.indRight).toBe('280');
    expect(even?.alignment).toMatch(/^LEFT/);
    expect(even?.indLeft).toBe('280');
    for (const p of [odd, even]) {
      expect(p?.xml_has_page_field).toBe(true);
      expect(p?.text.replace(/\s/g, '')).toBe('——');
      for (const r of p?.runs ?? []) {
        expect(r.size).toBe(28);
        // 4号半角宋体阿拉伯数字: the digits in 宋体 too, not the body's Times New Roman
        expect(r.fonts).toEqual({ ascii: '宋体', hAnsi: '宋体', eastAsia: '宋体', cs: '宋体' });
      }
    }
  });

  it('prints the canonical title, the six headings in order and the 落款', () => {
    const texts = doc().paragraphs.map((p) => p.text);
    const organ = report.organ ?? '';
    expect(compact(texts[0] ?? '')).toBe(`${organ}${report.year}年政府信息公开工作年度报告`);
    const headingIdx = HEADINGS.map((h) => texts.indexOf(h));
    expect(headingIdx.every((i) => i > 0)).toBe(true);
    expect([...headingIdx].sort((a, b) => a - b)).toEqual(headingIdx);
    if (report.signature?.date) {
      const [y, m, d] = report.signature.date.split('-').map(Number);
      expect(texts).toContain(`${y}年${m}月${d}日`);
    }
  });

  it('has the three tables with the exact labels, figures and merges of spec §3', () => {
    const tables = doc().tables;
    expect(tables).toHaveLength(3);
    (['active', 'apply', 'review'] as const).forEach((id, i) => {
      const t = tables[i];
      const want = expectedGrid(report, id);
      expect(t?.rows, id).toBe(want.rows);
      expect(t?.cols, id).toBe(want.cols);
      expect(t?.texts, id).toEqual(want.texts);
      expect(normaliseIds(t?.ids ?? []), id).toEqual(normaliseIds(want.ids));
      expect(t?.headerRows, id).toEqual(Array.from({ length: want.headerRows }, (_, k) => k));
    });
    if (report.format === '2021') {
      expect([tables[1]?.rows, tables[1]?.cols]).toEqual([report.cells['apply.other.natural'] !== undefined ? 24 : 28, 10]);
      expect([tables[2]?.rows, tables[2]?.cols]).toEqual([4, 15]);
      expect([tables[0]?.rows, tables[0]?.cols]).toEqual([14, 4]);
    }
    expect(tables[1]?.vertical).toEqual(['三、本年度办理结果']);
    // table 三 stays whole: every row but the last keeps with the next (keep-with-next on every paragraph)
    const keep = tables[1]?.rowKeepNext ?? [];
    expect(keep.slice(0, -1).every(Boolean)).toBe(true);
    expect(keep.at(-1)).toBe(false);
    // table 二's 「第二十条…」 and 「信息内容」 rows keep with the row below, and no row is left alone at either end
    const active = tables[0];
    active?.texts.forEach((row, i) => {
      const heading = /^第二十条/.test(row[0] ?? '') || row[0] === '信息内容';
      if (heading || i === 0 || i >= active.texts.length - 2) expect(active.rowKeepNext[i], row[0]).toBe(i < active.texts.length - 1);
    });
    expect(active?.rowKeepNext.some((k) => !k)).toBe(true);
  });

  it('gives every table fixed layout, a DXA width and explicit DXA column and cell widths', () => {
    for (const t of doc().tables) {
      expect(t.layout).toBe('fixed');
      expect(t.width).toEqual(['dxa', 8844]);
      expect(t.grid.reduce((a, b) => a + b, 0)).toBe(8844);
      expect(t.grid.every((w) => w > 0)).toBe(true);
      expect(t.cellWidths.every((w) => w !== null && w[0] === 'dxa' && w[1] > 0)).toBe(true);
    }
  });

  it('sets all four font slots on every run, hAnsi in the Chinese font, no theme fonts', () => {
    expect(doc().themeFontsInStyles).toBe(false);
    expect(doc().themeFontsInBody).toBe(false);
    const runs = allParagraphs().flatMap((p) => p.runs);
    expect(runs.length).toBeGreaterThan(50);
    for (const r of runs) {
      expect(Object.keys(r.fonts).sort(), r.text).toEqual(['ascii', 'cs', 'eastAsia', 'hAnsi']);
      // digits in Times New Roman — but the title's year in the title's face, so it has the title's weight, and the
      // folio's digits (the footers' only runs) in 宋体's half-width digits (GB/T 9704 7.5)
      const folio = [...doc().footerOdd, ...doc().footerEven].some((p) => p.runs.includes(r));
      expect(r.fonts.ascii).toBe(r.fonts.eastAsia === '方正小标宋简体' ? '方正小标宋简体' : folio ? '宋体' : 'Times New Roman');
      expect(r.fonts.hAnsi, r.text).toBe(r.fonts.eastAsia);
      expect(r.fonts.cs).toBe(r.fonts.eastAsia);
    }
  });

  it('declares every named font with its fallback (altName) and the GB2312 character set', () => {
    expect(doc().fontTable).toMatchObject({
      方正小标宋简体: { altName: '小标宋', charset: '86' },
      仿宋_GB2312: { altName: '仿宋', charset: '86' },
      楷体_GB2312: { altName: '楷体', charset: '86' },
      黑体: { altName: 'SimHei', charset: '86' },
      宋体: { altName: 'SimSun', charset: '86' },
      'Times New Roman': { altName: null, charset: '00' },
    });
  });

  it('uses the official fonts and sizes: title, headings, body, run-in headings, tables', () => {
    const paras = doc().paragraphs;
    const title = paras[0];
    for (const r of title?.runs ?? []) expect([r.fonts.eastAsia, r.size]).toEqual(['方正小标宋简体', 44]);
    expect(title?.alignment).toMatch(/^CENTER/);
    for (const p of paras.filter((p) => HEADINGS.includes(p.text))) {
      for (const r of p.runs) expect([r.fonts.eastAsia, r.size]).toEqual(['黑体', 32]);
    }
    const body = paras.filter((p, i) => i > 0 && !HEADINGS.includes(p.text) && p.text !== '');
    expect(body.length).toBeGreaterThan(3);
    for (const p of body) {
      expect([p.line, p.lineRule]).toEqual(['578', 'exact']);
      // first-line indent of two characters of the 15.7 pt pitch; the 落款 is right-aligned, indented from the right
      if (p.alignment?.startsWith('RIGHT')) expect(p.firstLine).toBe('0');
      else expect(p.firstLine).toBe('628');
      for (const r of p.runs) {
        expect(r.size).toBe(32);
        expect(['仿宋_GB2312', '楷体_GB2312']).toContain(r.fonts.eastAsia);
      }
    }
    // A paragraph starting 「（一）…」 begins with a 楷体 run.
    const sub = body.filter((p) => /^[（(][一二三四五六七八九十]+[）)]/.test(p.text));
    for (const p of sub) expect(p.runs[0]?.fonts.eastAsia).toBe('楷体_GB2312');
    const sizes = { 0: 24, 1: 20, 2: 20 } as Record<number, number>;
    doc().tables.forEach((t, i) => {
      for (const p of t.paragraphs) {
        expect(p.firstLine).toBe('0');
        for (const r of p.runs) expect([r.fonts.eastAsia, r.size]).toEqual(['宋体', sizes[i]]);
      }
    });
  });

  it('opens in LibreOffice, which prints an A4 PDF with every heading, every figure and page numbers odd-right/even-left', () => {
    const pdf = loPdfs.get(name) ?? '';
    const info = pdfInfo(pdf);
    expect(Math.round(info.width)).toBe(595);
    expect(Math.round(info.height)).toBe(842);
    expect(info.pages).toBeGreaterThanOrEqual(3);
    expect(info.pages).toBeLessThanOrEqual(12);
    const text = pdfText(pdf);
    for (const h of HEADINGS) expect(compact(text)).toContain(h);
    expect(missingFigures(reportFigures(report), text)).toEqual([]);
    const words = pdfWords(pdf);
    // LibreOffice 7.4 neither carries a vertically merged cell's text over a page break nor keeps rows with
    // keep-with-next together, so when table 三 starts low on a page it shows only the label's first
    // characters (Word and WPS keep the marked rows together; the DOCX holds the whole label, checked above).
    const label = stackedLabel(words, '三、本年度办理结果');
    expect(label.length).toBeGreaterThanOrEqual(3);
    expect('三、本年度办理结果'.startsWith(label)).toBe(true);
    const numbers = pageNumbers(words);
    expect([...numbers.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: info.pages }, (_, i) => i + 1));
    const mm = 72 / 25.4;
    for (const [page, n] of numbers) {
      expect(n.n).toBe(page);
      // the 一字线 about 7 mm below the text area (the digits' box straddles it), one 14 pt character in from its edge
      const belowText = n.yMin - (n.pageHeight - 35 * mm);
      expect(belowText).toBeGreaterThan(3 * mm);
      expect(belowText).toBeLessThan(7 * mm);
      if (page % 2 === 1) expect(n.pageWidth - 26 * mm - n.xMax).toBeCloseTo(14, -1);
      else expect(n.xMin - 28 * mm).toBeCloseTo(14, -1);
    }
  });
});

/**
 * Third-party readers for the output tests: python-docx, LibreOffice and poppler, run as separate
 * processes on files the writers made. Fonts come from test/fixtures/fonts/fonts.conf (Noto CJK under
 * the official font names).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { ReportFormat } from '../../shared/report/format.js';
import { formatCellValue } from '../../shared/report/numbers.js';
import { reportFormat, resolvedCells, type Report } from '../../shared/report/model.js';
import { CHAR_PITCH_PT, MARGIN_MM } from '../../shared/render/typography.js';
import { ROOT } from './sample.js';

export const FONTCONFIG_FILE = join(ROOT, 'test', 'fixtures', 'fonts', 'fonts.conf');
/** Debian's python3 with python3-docx (not the pyenv python3 on PATH). */
export const PYTHON = '/usr/bin/python3';

/** Every child process (and headless Chromium) sees the official font names. */
export function useTestFonts(): void {
  process.env.FONTCONFIG_FILE = FONTCONFIG_FILE;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `${prefix}-`));
}

export function run(cmd: string, args: readonly string[], options: { timeout?: number; cwd?: string } = {}): string {
  return execFileSync(cmd, [...args], {
    encoding: 'utf8',
    ...(options.cwd ? { cwd: options.cwd } : {}),
    env: { ...process.env, FONTCONFIG_FILE },
    maxBuffer: 64 * 1024 * 1024,
    timeout: options.timeout ?? 120_000,
  });
}

// --- python-docx ---------------------------------------------------------------------------------

export interface DocxRun {
  text: string;
  fonts: Record<string, string>;
  size: number | null;
  bold: boolean;
}
export interface DocxParagraph {
  text: string;
  alignment: string | null;
  line: string | null;
  lineRule: string | null;
  firstLine: string | null;
  indLeft: string | null;
  indRight: string | null;
  runs: DocxRun[];
  xml_has_page_field: boolean;
}
export interface DocxTable {
  rows: number;
  cols: number;
  texts: string[][];
  ids: number[][];
  grid: number[];
  layout: string | null;
  width: [string, number] | null;
  headerRows: number[];
  cellWidths: ([string, number] | null)[];
  vertical: string[];
  paragraphs: DocxParagraph[];
  rowKeepNext: boolean[];
}
export interface DocxReading {
  page: { width: number; height: number };
  margins: { top: number; bottom: number; left: number; right: number };
  evenAndOdd: boolean;
  footerOdd: DocxParagraph[];
  footerEven: DocxParagraph[];
  paragraphs: DocxParagraph[];
  tables: DocxTable[];
  themeFontsInStyles: boolean;
  themeFontsInBody: boolean;
  fontTable: Record<string, { altName: string | null; charset: string | null }>;
}

export function readDocx(paths: readonly string[]): DocxReading[] {
  return JSON.parse(run(PYTHON, [join(import.meta.dirname, 'read_docx.py'), ...paths])) as DocxReading[];
}

// --- LibreOffice ----------------------------------------------------------------------------------

/** Convert DOCX files to PDF in one LibreOffice run (own throwaway profile); returns the PDF paths. */
export function libreOfficeToPdf(docxPaths: readonly string[], outDir: string): string[] {
  const profile = tempDir('lo-profile');
  run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...docxPaths], {
    timeout: 300_000,
  });
  const made = new Set(readdirSync(outDir));
  return docxPaths.map((p) => {
    const name = `${p.split('/').pop()?.replace(/\.docx$/, '') ?? ''}.pdf`;
    if (!made.has(name)) throw new Error(`LibreOffice made no ${name}`);
    return join(outDir, name);
  });
}

// --- poppler --------------------------------------------------------------------------------------

export function pdfInfo(path: string): { pages: number; width: number; height: number } {
  const out = run('pdfinfo', [path]);
  const pages = Number(/Pages:\s+(\d+)/.exec(out)?.[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

export function pdfText(path: string, layout = true): string {
  return run('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', path, '-']);
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}
export function pdfFonts(path: string): PdfFont[] {
  const lines = run('pdffonts', [path]).split('\n').slice(2).filter((l) => l.trim() !== '');
  // Columns are fixed-width in the header: name (37), type (18), encoding (17), emb, sub, uni, object ID.
  return lines.map((l) => {
    const m = /^(.*?)\s{1,}(Type 1C|Type 1|Type 3|TrueType|CID Type 0C?|CID TrueType(?: \(OT\))?|Type 1C \(OT\)|CID Type 0C \(OT\)|TrueType \(OT\))\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)/.exec(l);
    if (!m) throw new Error(`pdffonts line not understood: ${l}`);
    return { name: (m[1] ?? '').trim(), type: m[2] ?? '', embedded: m[4] === 'yes' };
  });
}

export interface PdfWord {
  page: number;
  pageWidth: number;
  pageHeight: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Every word with its box (`pdftotext -bbox`), pages numbered from 1. */
export function pdfWords(path: string): PdfWord[] {
  const html = run('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-']);
  const words: PdfWord[] = [];
  let page = 0;
  let pw = 0;
  let ph = 0;
  const re = /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[1]) {
      page++;
      pw = Number(m[1]);
      ph = Number(m[2]);
    } else {
      words.push({ page, pageWidth: pw, pageHeight: ph, xMin: Number(m[3]), yMin: Number(m[4]), xMax: Number(m[5]), yMax: Number(m[6]), text: decodeEntities(m[7] ?? '') });
    }
  }
  return words;
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

/**
 * The printed page number of each page: the 「— n —」 below the text area (lower 15% of the page), with the
 * box it occupies. Missing pages have no entry.
 */
export function pageNumbers(words: readonly PdfWord[]): Map<number, { n: number; xMin: number; xMax: number; yMin: number; pageWidth: number; pageHeight: number }> {
  const out = new Map<number, { n: number; xMin: number; xMax: number; yMin: number; pageWidth: number; pageHeight: number }>();
  const pages = new Set(words.map((w) => w.page));
  for (const p of pages) {
    const low = words.filter((w) => w.page === p && w.yMin > w.pageHeight * 0.85);
    // 「—」「n」「—」 as three words, or 「—n—」 run together.
    for (let i = 0; i < low.length; i++) {
      const a = low[i];
      if (!a) continue;
      const joined = /^—(\d+)—$/.exec(a.text);
      if (joined) {
        out.set(p, { n: Number(joined[1]), xMin: a.xMin, xMax: a.xMax, yMin: a.yMin, pageWidth: a.pageWidth, pageHeight: a.pageHeight });
        break;
      }
      const b = low[i + 1];
      const c = low[i + 2];
      if (a.text === '—' && b && /^\d+$/.test(b.text) && c?.text === '—') {
        // yMin of the digits: the dashes' boxes carry the CJK font's tall ascent
        out.set(p, { n: Number(b.text), xMin: a.xMin, xMax: c.xMax, yMin: b.yMin, pageWidth: a.pageWidth, pageHeight: a.pageHeight });
        break;
      }
    }
  }
  return out;
}

// --- what a report must show ----------------------------------------------------------------------

/** Every figure printed in the report's tables (as the writers print them), one entry per cell. */
export function reportFigures(report: Report): string[] {
  const format: ReportFormat = reportFormat(report);
  const values = resolvedCells(report);
  // A text cell (2019 采购总金额 「3979.5 万元」) contributes its figures.
  return format.cells.flatMap((c) => [...formatCellValue(values[c.key] ?? null).matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]));
}

/** The six headings as the spec prints them (§2), typed here — not read from format.ts, which the output must match. */
export const HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

/** Whitespace-free text (PDF text extraction inserts spaces and line breaks). */
export function compact(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Tokens of extracted text: runs of digits and decimal points (figures), counted. */
export function numberTokens(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/\d+(?:\.\d+)?/g)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return counts;
}

/** Figures missing from a text: each figure must occur at least as often as the tables print it. */
export function missingFigures(figures: readonly string[], text: string): string[] {
  const have = numberTokens(text);
  const need = new Map<string, number>();
  for (const f of figures) need.set(f, (need.get(f) ?? 0) + 1);
  const missing: string[] = [];
  for (const [f, n] of need) if ((have.get(f) ?? 0) < n) missing.push(`${f}×${n - (have.get(f) ?? 0)}`);
  return missing;
}

/**
 * A vertically written label (one character above the other in a narrow column): the single characters of
 * `label` that share one x position, read top to bottom across pages.
 */
export function stackedLabel(words: readonly PdfWord[], label: string): string {
  const chars = new Set(label.split(''));
  const candidates = words.filter((w) => w.text.length === 1 && w.text.split('').every((ch) => chars.has(ch)));
  const columns = new Map<string, PdfWord[]>();
  for (const w of candidates) {
    const key = `${Math.round((w.xMin + w.xMax) / 2 / 4)}`;
    columns.set(key, [...(columns.get(key) ?? []), w]);
  }
  const best = [...columns.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  return best
    .sort((a, b) => a.page - b.page || a.yMin - b.yMin)
    .map((w) => w.text)
    .join('');
}

// --- lines of a PDF, for page-by-page measures (measure-pages.ts, print-perfect.test.ts) ---------------

export const MM = 72 / 25.4;
export const TEXT_LEFT = MARGIN_MM.left * MM;
export const TEXT_RIGHT = (210 - MARGIN_MM.right) * MM;
export const TEXT_BOTTOM = (297 - MARGIN_MM.bottom) * MM;

export interface Line {
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  text: string;
  /** the digits' box, when the line holds a word of digits */
  digits?: { yMin: number; yMax: number };
}

export function pdfLines(path: string): { pages: number; lines: Line[] } {
  const xml = run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', path, '-']);
  const lines: Line[] = [];
  let page = 0;
  const re = /<page |<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[0] === '<page ') {
      page++;
      continue;
    }
    const words = [...(m[5] ?? '').matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)];
    const text = words.map((w) => w[3]).join('');
    const digits = words.find((w) => /^\d+$/.test(w[3] ?? ''));
    lines.push({
      page,
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: text.replace(/&amp;/g, '&'),
      ...(digits ? { digits: { yMin: Number(digits[1]), yMax: Number(digits[2]) } } : {}),
    });
  }
  return { pages: page, lines };
}

/**
 * Lines of 16 pt body text: as tall as the line of the heading 「一、总体情况」 (readers' boxes differ: LibreOffice's
 * hug the face, Chromium's carry its tall ascent), within the text area, not the title.
 */
export function bodyLines(lines: readonly Line[]): Line[] {
  const ref = lines.find((l) => l.text.replace(/\s+/g, '') === '一、总体情况');
  const body = ref ? ref.yMax - ref.yMin : 20;
  return lines.filter((l) => Math.abs(l.yMax - l.yMin - body) < body * 0.12 && l.yMin < TEXT_BOTTOM - 10 && l.xMin >= TEXT_LEFT - 3 && !(l.page === 1 && l.yMin < 180));
}

/** Words in reading order (page, line, left to right) joined: mixed faces make poppler's own order wander. */
export function readingOrderText(path: string): string {
  const words = pdfWords(path).map((w) => ({ ...w, y: (w.yMin + w.yMax) / 2 }));
  words.sort((a, b) => a.page - b.page || a.y - b.y);
  const rows: (typeof words)[] = [];
  for (const w of words) {
    const row = rows.at(-1);
    const first = row?.[0];
    if (row && first && first.page === w.page && Math.abs(first.y - w.y) < 8) row.push(w);
    else rows.push([w]);
  }
  return rows.map((r) => r.sort((a, b) => a.xMin - b.xMin).map((w) => w.text).join('')).join('');
}

export function mode(xs: readonly number[]): string {
  if (xs.length === 0) return '–';
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return `${top?.[0]} (of ${xs.length}; ${Math.min(...xs)}–${Math.max(...xs)})`;
}


/**
 * The folio as printed ink, not as text boxes (a face's box says nothing of where its 一字线 sits): the page's strip
 * below the text area rendered at 300 dpi, and in it the rows of the dashes — runs of ink at least 0.6 of the 4号
 * character wide — and the ink's left and right edges. In points of the page.
 */
export function folioInk(path: string, page: number): { dashY: number; xMin: number; xMax: number } {
  const dpi = 300;
  const px = (pt: number) => Math.round((pt / 72) * dpi);
  const top = TEXT_BOTTOM;
  const pgm = execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), '-gray', '-y', String(px(top)), '-H', String(px(20 * MM)), '-x', '0', '-W', String(px(210 * MM)), path], { maxBuffer: 64 << 20 });
  // P5 header: magic, width, height, maxval, each followed by whitespace; then one byte a pixel
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm gave no PGM');
  const [w, h] = [Number(header[1]), Number(header[2])];
  const data = pgm.subarray(header[0].length);
  const ink = (x: number, y: number) => (data[y * w + x] ?? 255) < 128;
  const dashRows: number[] = [];
  let xMin = w;
  let xMax = -1;
  for (let y = 0; y < h; y++) {
    let run = 0;
    let longest = 0;
    for (let x = 0; x < w; x++) {
      if (ink(x, y)) {
        run++;
        xMin = Math.min(xMin, x);
        xMax = Math.max(xMax, x);
      } else run = 0;
      longest = Math.max(longest, run);
    }
    if (longest >= px(14 * 0.6)) dashRows.push(y);
  }
  if (dashRows.length === 0) throw new Error(`no folio dashes on page ${page} of ${path}`);
  const toPt = (p: number) => (p * 72) / dpi;
  const dashY = top + toPt((Math.min(...dashRows) + Math.max(...dashRows) + 1) / 2);
  return { dashY, xMin: toPt(xMin), xMax: toPt(xMax + 1) };
}

/** Right indents, in characters, of the 落款's lines (署名, 成文日期) as a PDF prints them: the last line holding each text. */
export function pdfRightIndents(path: string, texts: readonly string[]): number[] {
  const lines = [...bodyLines(pdfLines(path).lines)].reverse();
  return texts.map((text) => {
    const line = lines.find((l) => compact(l.text) === text);
    return line ? (TEXT_RIGHT - line.xMax) / CHAR_PITCH_PT : NaN;
  });
}

/** Right indents, in characters, of the DOCX paragraphs holding each text (their `w:ind w:right`, in twips). */
export async function docxRightIndents(path: string, texts: readonly string[]): Promise<number[]> {
  const xml = (await (await JSZip.loadAsync(readFileSync(path))).file('word/document.xml')?.async('string')) ?? '';
  return texts.map((text) => Number(new RegExp(`<w:ind w:right="(\\d+)"[^>]*/>(?:(?!</w:p>).)*<w:t[^>]*>${text}</w:t>`).exec(xml)?.[1]) / (CHAR_PITCH_PT * 20));
}

/**
 * Letter-spaced lines in a PDF's text layer (CSS letter-spacing, Word's 字符间距·加宽): every glyph stands a little apart
 * from the next, and pdf.js writes that gap into the item as a space (「在 线 访 谈 栏」, 「3 8 . 2 7 %」) or, where the
 * font changes, starts a new item after a space item. Read as printed, a figure falls into digits (「2 6 2 9」 for 2629)
 * and a heading is not found. A line shows its tracking by its Chinese text — no Chinese sentence or label parts its
 * characters with spaces — and a document is letter-spaced when most lines that show one show the same, some in long
 * runs. On its lines the spaces pdf.js put in are taken out and the items one tracking apart joined, so each reads as if
 * set without it.
 */
import type { PdfItem } from './pdfItems.js';

/** Chinese characters and full-width marks: each one em wide in a CJK font, never parted by a space in running text. */
const CJK = '[\\u2e80-\\u2fdf\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff01-\\uff60]';
/** Two Chinese characters parted by one space inside an item: pdf.js's mark of a letter-spaced run. */
const SPACED_PAIR = new RegExp(`${CJK} ${CJK}`);
/** An item of Chinese characters only, one space between each and the next: its width tells the tracking. */
const SPACED_CJK = new RegExp(`^${CJK}(?: ${CJK})+$`);
const CJK_FIRST = new RegExp(`^${CJK}`);
const CJK_LAST = new RegExp(`${CJK}$`);
/**
 * The tracking a line may have, per character height: below, pdf.js puts no space in (it parts glyphs from a tenth of
 * an em); above, it starts a new item instead (from 0.6 em) — and an item's spread across its cell is no tracking.
 */
const TRACKING_MIN = 0.1;
const TRACKING_MAX = 0.6;
/** How far the gap between two items may differ from the line's tracking, per character height, for them to join. */
const TRACKING_SLACK = 0.08;

/** A line's tracking, per character height, and how many gaps between its characters show it. */
interface Tracking {
  em: number;
  gaps: number;
}

/**
 * The line's own tracking per character height: the median of what its letter-spaced Chinese shows — a run's width
 * beyond its glyphs (one em each), and the gap between two items meeting at Chinese characters (a font change parts a
 * run: 「律」 「⾏」 「政 法」). Null where no item holds a letter-spaced pair.
 */
function ownTracking(line: readonly PdfItem[]): Tracking | null {
  const inked = line.filter((it) => it.h > 0 && it.str.trim() !== '').sort((a, b) => a.x - b.x);
  if (!inked.some((it) => SPACED_PAIR.test(it.str))) return null;
  const estimates: number[] = [];
  inked.forEach((it, k) => {
    if (SPACED_CJK.test(it.str)) {
      // (one estimate per gap of the run: a run's width is the surest witness)
      const glyphs = (it.str.length + 1) / 2;
      const tracking = (it.w / it.h - glyphs) / (glyphs - 1);
      for (let gap = 1; gap < glyphs; gap++) estimates.push(tracking);
    }
    const before = inked[k - 1];
    if (before && CJK_LAST.test(before.str) && CJK_FIRST.test(it.str)) {
      const gap = (it.x - before.x - before.w) / Math.max(Math.min(it.h, before.h), 1);
      if (gap >= TRACKING_MIN && gap <= TRACKING_MAX) estimates.push(gap);
    }
  });
  estimates.sort((a, b) => a - b);
  const median = estimates[Math.floor(estimates.length / 2)];
  if (median === undefined || median < TRACKING_MIN || median > TRACKING_MAX) return null;
  // one tracking for the whole line, as letter spacing gives; cells justified each to its own width (分散对齐) disagree
  const agreeing = estimates.filter((e) => Math.abs(e - median) <= TRACKING_SLACK).length;
  return estimates.length >= 2 && agreeing >= estimates.length * TRACKING_AGREEMENT ? { em: median, gaps: estimates.length } : null;
}

/** How many of a line's estimates must agree with their median for the line to have one tracking. */
const TRACKING_AGREEMENT = 0.75;

/**
 * The document's letter spacing, from its pages' lines: set for the text as a whole, so most lines that show a tracking
 * show this one, some in long runs (justified prose adds to it line by line). Cells justified each to its own width
 * (分散对齐) show as many trackings as there are cell widths, all in short runs, and a document of them has none.
 */
export function documentTracking(pages: readonly (readonly (readonly PdfItem[])[])[]): number | null {
  const shown = pages.flatMap((lines) => lines.map(ownTracking)).filter((t): t is Tracking => t !== null);
  // the trackings within TRACKING_SLACK of one of them, the most there are (sorted, two bounds moving one way: linear)
  shown.sort((a, b) => a.em - b.em);
  let [from, to] = [0, 0];
  for (let k = 0, lo = 0, hi = 0; k < shown.length; k++) {
    const em = (shown[k] as Tracking).em;
    while ((shown[lo] as Tracking).em < em - TRACKING_SLACK) lo++;
    while (hi < shown.length && (shown[hi] as Tracking).em <= em + TRACKING_SLACK) hi++;
    if (hi - lo > to - from) [from, to] = [lo, hi];
  }
  const best = shown.slice(from, to);
  const longRuns = best.filter((t) => t.gaps >= LONG_RUN_GAPS).length;
  if (longRuns < LONG_RUNS || best.length * 2 < shown.length) return null;
  // the least: a justified line adds to its letter spacing
  return (best[0] as Tracking).em;
}

/**
 * A letter-spaced document shows its tracking in long runs — a sentence, a heading — LONG_RUNS lines of LONG_RUN_GAPS
 * gaps at least: a heading set wide alone is no letter-spaced document, nor a column of labels each justified across
 * its cell (分散对齐: 「（ 三 ）」, 「计 这 ⼀ 情 形 ，」, a cell's width at most).
 */
const LONG_RUN_GAPS = 16;
const LONG_RUNS = 2;

/**
 * Each line's tracking in a letter-spaced document: its own where it shows one of the document's or wider (a justified
 * line's), or — for a line with no Chinese pair to tell (a row's figures 「2」 「0」 a little below its wrapped label, a
 * date 「2 0 2 5 年 1 月」) — the line's above or below.
 */
function trackings(lines: readonly (readonly PdfItem[])[], tracking: number): (number | null)[] {
  const own = lines.map(ownTracking);
  const kept = own.map((t) => (t && t.em >= tracking - TRACKING_SLACK ? t.em : null));
  return lines.map((_, i) => (own[i] !== null ? kept[i] : (kept[i - 1] ?? kept[i + 1])) ?? null);
}

/**
 * The line with its letter spacing taken out: single spaces between glyphs removed from its items, and items standing
 * one tracking apart joined into one (the space items pdf.js set between them dropped). Lines in page order; `tracking`
 * the document's (`documentTracking`); a line that shows none, and every line of a document without, is returned as it is.
 */
export function withTrackingTaken(lines: readonly (readonly PdfItem[])[], tracking: number | null): PdfItem[][] {
  if (tracking === null) return lines.map((line) => [...line]);
  const perLine = trackings(lines, tracking);
  return lines.map((line, i) => {
    const t = perLine[i];
    return t === null || t === undefined ? [...line] : untracked(line, t);
  });
}

/** One line's items with its tracking (per character height) taken out. */
function untracked(line: readonly PdfItem[], tracking: number): PdfItem[] {
  const out: PdfItem[] = [];
  let spaces: PdfItem[] = [];
  let last: PdfItem | undefined;
  for (const it of [...line].sort((a, b) => a.x - b.x)) {
    if (it.str.trim() === '') {
      spaces.push(it);
      continue;
    }
    const item = { ...it, str: it.str.replace(/(\S) (?=\S)/g, '$1') };
    const h = Math.max(Math.min(item.h, last?.h ?? item.h), 1);
    if (last && Math.abs(item.x - (last.x + last.w) - tracking * h) <= TRACKING_SLACK * h) {
      last.str += item.str;
      last.w = item.x + item.w - last.x;
    } else {
      out.push(...spaces, item);
      last = item;
    }
    spaces = [];
  }
  out.push(...spaces);
  return out;
}

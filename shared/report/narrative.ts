/**
 * Figures into words: the sentences a report's narrative states about its tables, built from the tables
 * themselves so text and tables can't disagree (N-APP, N-REVIEW). Each sentence has a recognisable shape, so a
 * 「刷新」 replaces the previously inserted one instead of adding another.
 */
import { OVERVIEW_ASPECTS, type FormatId } from './format.js';
import { resolvedCells, type Cells, type CellValue } from './model.js';

type Figures = { format: FormatId; cells: Cells };

function n(v: CellValue | undefined): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

const RESULT_PARTS: readonly { label: string; rows: (otherSplit: boolean) => string[] }[] = [
  { label: '予以公开', rows: () => ['granted'] },
  { label: '部分公开', rows: () => ['partial'] },
  { label: '不予公开', rows: () => Array.from({ length: 8 }, (_, i) => `denied_${i + 1}`) },
  { label: '无法提供', rows: () => Array.from({ length: 3 }, (_, i) => `unable_${i + 1}`) },
  { label: '不予处理', rows: () => Array.from({ length: 5 }, (_, i) => `refused_${i + 1}`) },
  { label: '其他处理', rows: (split) => (split ? ['other_1', 'other_2', 'other_3'] : ['other']) },
];

/**
 * 「本年新收政府信息公开申请16件，上年结转0件，办结14件，其中予以公开9件，部分公开1件，不予公开2件，无法提供1件，
 * 不予处理1件，结转下年度2件。」 — result kinds with no case are left out of the 「其中」 list.
 */
export function applySentence(report: Figures): string {
  const cells = resolvedCells(report);
  const split = Object.keys(cells).some((k) => k.startsWith('apply.other_'));
  const total = (row: string) => n(cells[`apply.${row}.total`]);
  const parts = RESULT_PARTS.map((p) => ({ label: p.label, count: p.rows(split).reduce((s, r) => s + total(r), 0) })).filter((p) => p.count > 0);
  const among = parts.length ? `，其中${parts.map((p) => `${p.label}${p.count}件`).join('，')}` : '';
  return (
    `本年新收政府信息公开申请${total('new')}件，上年结转${total('carried_over')}件，` +
    `办结${total('processed_total')}件${among}，结转下年度${total('carried_forward')}件。`
  );
}

const REVIEW_PARTS = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
] as const;

/**
 * 「本年度发生政府信息公开行政复议2件，其中结果维持1件，尚未审结1件；行政诉讼1件，其中未经复议直接起诉1件，结果维持1件。」
 */
export function reviewSentence(report: Figures): string {
  const cells = resolvedCells(report);
  const v = (block: string, col: string) => n(cells[`review.${block}.${col}`]);
  const details = (blocks: string[]) =>
    REVIEW_PARTS.map(([k, label]) => ({ label, count: blocks.reduce((s, b) => s + v(b, k), 0) })).filter((p) => p.count > 0);
  const list = (parts: { label: string; count: number }[]) => parts.map((p) => `${p.label}${p.count}件`).join('，');
  const reconsideration = v('reconsideration', 'total');
  const direct = v('sued_direct', 'total');
  const after = v('sued_after', 'total');
  const litigation = direct + after;
  let s = `本年度发生政府信息公开行政复议${reconsideration}件`;
  const rd = details(['reconsideration']);
  if (rd.length) s += `，其中${list(rd)}`;
  s += `；行政诉讼${litigation}件`;
  if (litigation > 0) {
    const kinds = [
      ...(direct ? [{ label: '未经复议直接起诉', count: direct }] : []),
      ...(after ? [{ label: '复议后起诉', count: after }] : []),
    ];
    s += `，其中${list(kinds)}`;
    const ld = details(['sued_direct', 'sued_after']);
    if (ld.length) s += `，${list(ld)}`;
  }
  return `${s}。`;
}

/** The shapes of the sentences above, to find a previously inserted one. */
export const APPLY_SENTENCE_RE = /本年新收政府信息公开申请\d+件[^。\n]*?结转下年度\d+件。/;
export const REVIEW_SENTENCE_RE = /本年度发生政府信息公开行政复议\d+件[^。\n]*?行政诉讼\d+件[^。\n]*。/;

export interface SentenceEdit {
  text: string;
  /** where the sentence now sits in `text` */
  start: number;
  end: number;
  replaced: boolean;
  /** where typing goes on after the edit, when not at `end` (after a sub-heading: the line below it) */
  caret?: number;
}

/**
 * Put `sentence` into `text`: replace the previous sentence of the same shape when there is one; otherwise after
 * the paragraph that starts with `afterHeading` (e.g. 「（二）依申请公开」), else at `cursor`, else as a new last paragraph.
 */
export function upsertSentence(
  text: string,
  sentence: string,
  shape: RegExp,
  opts: { afterHeading?: string; cursor?: number } = {},
): SentenceEdit {
  const m = shape.exec(text);
  if (m) {
    const start = m.index;
    return { text: text.slice(0, start) + sentence + text.slice(start + m[0].length), start, end: start + sentence.length, replaced: true };
  }
  const insertAt = (at: number, before: string, after: string): SentenceEdit => {
    const t = text.slice(0, at) + before + sentence + after + text.slice(at);
    const start = at + before.length;
    return { text: t, start, end: start + sentence.length, replaced: false };
  };
  if (opts.afterHeading) {
    const h = text.indexOf(opts.afterHeading);
    if (h >= 0) {
      const nl = text.indexOf('\n', h);
      const lineEnd = nl < 0 ? text.length : nl;
      const line = text.slice(h, lineEnd).trim();
      // a heading on its own line gets the sentence as the next paragraph; a run-in paragraph gets it appended
      if (line.replace(/[。：:]$/, '') === opts.afterHeading) return insertAt(lineEnd, '\n', '');
      return insertAt(lineEnd, '', '');
    }
  }
  if (opts.cursor !== undefined && opts.cursor >= 0 && opts.cursor <= text.length) return insertAt(opts.cursor, '', '');
  if (text.trim() === '') return { text: sentence, start: 0, end: sentence.length, replaced: false };
  return insertAt(text.length, text.endsWith('\n') ? '' : '\n', '');
}

/**
 * Insert a sub-heading (「（一）主动公开」…) as a paragraph of its own at the cursor, with the caret on a new line below
 * it: what is typed next is the paragraph under the heading, never part of the heading line (which prints in 楷体).
 */
export function insertParagraphHeading(text: string, heading: string, cursor?: number): SentenceEdit {
  const at = cursor !== undefined && cursor >= 0 && cursor <= text.length ? cursor : text.length;
  const before = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
  // the line below the heading is empty for the caret, unless it already is
  let after = '\n\n';
  if (at === text.length) after = '\n';
  else if (text[at] === '\n') after = at + 1 === text.length || text[at + 1] === '\n' ? '' : '\n';
  const t = text.slice(0, at) + before + heading + after + text.slice(at);
  const start = at + before.length;
  return { text: t, start, end: start + heading.length, replaced: false, caret: start + heading.length + 1 };
}

/** Which of the five aspects of 一 already have their sub-heading in the text. */
export function aspectsPresent(text: string): boolean[] {
  return OVERVIEW_ASPECTS.map((a) => text.includes(a.heading) || text.includes(a.heading.replace('（', '(').replace('）', ')')));
}

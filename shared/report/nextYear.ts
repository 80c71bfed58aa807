/**
 * 从本报告创建下一年度报告: next year's draft from this year's (pure).
 *
 * - year + 1; 成文日期 cleared; accepted warnings cleared (they were accepted for last year's figures);
 * - table 三 「二、上年结转」 per column = this year's 「四、结转下年度继续办理」 (the XY-CARRY identity);
 * - every other cell starts blank (blank ≠ 0: the clerk fills it);
 * - last year's figures — resolved, computed totals included — go to `previous`, with last year's narrative, so the
 *   XY-* rules can run and the editor can show last year beside each cell;
 * - the narrative is carried over as a starting point. Every year mention (「2024年」「2024年度」, 《2024年政务公开工作要点》,
 *   「数据统计期限为2024年1月1日至2024年12月31日」 — a figure such as 「2035 条」 or 「1999 件」 is not a year), last year's
 *   data sentences (built from last year's tables) and last year's 工作计划 (五、（二）改进情况) are marked in the text with
 *   「【请核对】」, listed in `flags` (section, span, reason) and kept in the draft's `review` list until confirmed.
 *
 * Why marks in the text and not only a list: the draft file has no place for a transient list, and a clerk works for days
 * on a report — the marks survive save and reopen, are found with Ctrl+F, and must be deleted by hand once the sentence
 * is rewritten, so an unreviewed sentence can't slip into the published report unnoticed (`countReviewMarks` lets the
 * UI and the export gate see how many are left). The list gives the UI positions and reasons for the first session.
 * Years are never rewritten automatically: 「2024年」 in last year's text may be a history the clerk wants to keep.
 */
import type { DraftFile, ReviewItem } from '../schema/draft.js';
import { APPLY_DETAIL_COLUMNS, SECTION_KEYS, SECTION_NAMES, formatIdForYear, type SectionKey } from './format.js';
import { migrate2019 } from './migrate2019.js';
import { APPLY_SENTENCE_RE, REVIEW_SENTENCE_RE } from './narrative.js';
import { nestCells, numericValue, resolvedCells, type Cells } from './model.js';
import { draftToReport, emptySections } from '../schema/draft.js';

export const REVIEW_MARK = '【请核对】';

export interface ReviewFlag {
  section: SectionKey;
  /** section name for the UI, e.g. 「五、问题及改进」 */
  sectionName: string;
  /** [start, end) of the flagged text in the new draft's section (after the mark) */
  start: number;
  end: number;
  text: string;
  reason: string;
}

export interface NextYearResult {
  draft: DraftFile;
  flags: ReviewFlag[];
  /** figures carried into 二、上年结转 (key → value) */
  carried: Record<string, number | null>;
}

/** 「2024年」「2024 年度」: a four-digit figure followed by 年 (「2035 条」, a phone number or 「1999 件」 is no year). */
const YEAR_MENTION = /(?<![0-9０-９])((?:19|20)\d{2})(?![0-9０-９])(\s*年度?)/g;
/** Sentences last year's tables wrote (「插入/刷新数据句」): their figures are last year's. */
const DATA_SENTENCES = [APPLY_SENTENCE_RE, REVIEW_SENTENCE_RE];
const DATA_SENTENCE_REASON = '上年报告的数据句，数字是上年的：请按本年表格用「插入/刷新数据句」更新';
/** 五's second part: last year's plan for the year now being reported. */
const PLAN_HEADING = /[（(]二[）)]\s*(?:改进情况|下一步工作(?:计划|打算)?|工作计划|下一年度工作(?:计划|打算)|改进措施)|下一步(?:工作)?(?:计划|打算)|20\d{2}\s*年(?:工作)?(?:计划|打算)/;

function yearReason(mentioned: number, oldYear: number): string {
  if (mentioned === oldYear) return `上年报告的年度「${oldYear}」，本年报告可能应为「${oldYear + 1}」`;
  if (mentioned === oldYear + 1) return `「${mentioned}」在上年报告中是计划年度，本年报告是否仍应这样写`;
  if (mentioned < oldYear) return `「${mentioned}」是更早的年份，请确认仍需引用（如《${mentioned}年政务公开工作要点》应换成本年度的要点）`;
  return `年份「${mentioned}」请核对`;
}

/** Mark flagged spans in one section's text; returns the new text and flags with positions in it. */
function markSection(section: SectionKey, text: string, oldYear: number): { text: string; flags: ReviewFlag[] } {
  const spans: { start: number; end: number; reason: string }[] = [];
  if (section === 'problems') {
    const m = PLAN_HEADING.exec(text);
    if (m) {
      spans.push({
        start: m.index,
        end: text.length,
        reason: '上年报告的工作计划（改进情况）：请改写为本年度的改进情况和下一年度的工作计划',
      });
    }
  }
  for (const shape of DATA_SENTENCES) {
    const m = shape.exec(text);
    if (m) spans.push({ start: m.index, end: m.index + m[0].length, reason: DATA_SENTENCE_REASON });
  }
  for (const m of text.matchAll(YEAR_MENTION)) {
    const year = Number(m[1]);
    const start = m.index ?? 0;
    if (spans.some((s) => s.start === start)) continue;
    spans.push({ start, end: start + m[0].length, reason: yearReason(year, oldYear) });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  // Insert one mark before each span start (unless one is already there from an earlier run).
  const inserted: number[] = [];
  let out = '';
  let cursor = 0;
  for (const start of [...new Set(spans.map((x) => x.start))]) {
    out += text.slice(cursor, start);
    if (!out.endsWith(REVIEW_MARK)) {
      out += REVIEW_MARK;
      inserted.push(start);
    }
    cursor = start;
  }
  out += text.slice(cursor);
  const shiftAt = (pos: number, inclusive: boolean) => REVIEW_MARK.length * inserted.filter((q) => (inclusive ? q <= pos : q < pos)).length;
  const flags = spans.map((x) => ({
    section,
    sectionName: SECTION_NAMES[section],
    start: x.start + shiftAt(x.start, true),
    end: x.end + shiftAt(x.end, false),
    text: text.slice(x.start, x.end),
    reason: x.reason,
  }));
  return { text: out, flags };
}

/** How many 【请核对】 marks are still in a draft's narrative. */
export function countReviewMarks(draft: Pick<DraftFile, 'sections'>): number {
  let n = 0;
  for (const k of SECTION_KEYS) n += (draft.sections[k] ?? '').split(REVIEW_MARK).length - 1;
  return n;
}

export function nextYearDraft(source: DraftFile): NextYearResult {
  // A 2019-format draft for 2020 becomes a 2021-format report for 2021 (the 2019 format ended with 2020).
  const base = source.format === '2019' && formatIdForYear(source.year + 1) === '2021' ? migrate2019(source).draft : source;
  const report = draftToReport(source);
  const resolved = resolvedCells(report);
  const previousCells: Cells = {};
  for (const [k, v] of Object.entries(resolved)) if (v === null || typeof v === 'number') previousCells[k] = v;

  const carried: Record<string, number | null> = {};
  const cells: Cells = {};
  for (const col of APPLY_DETAIL_COLUMNS) {
    const v = numericValue(resolved[`apply.carried_forward.${col}`] ?? null);
    cells[`apply.carried_over.${col}`] = v;
    carried[`apply.carried_over.${col}`] = v;
  }

  const oldYear = source.year;
  const sections = emptySections();
  const flags: ReviewFlag[] = [];
  for (const k of SECTION_KEYS) {
    const text = source.sections[k] ?? '';
    const marked = markSection(k, text, oldYear);
    sections[k] = marked.text;
    flags.push(...marked.flags);
  }

  const title = source.meta.title ? source.meta.title.split(`${oldYear}年`).join(`${oldYear + 1}年`) : undefined;
  const meta: DraftFile['meta'] = { ...source.meta, signatureDate: '' };
  if (title !== undefined) meta.title = title;

  const oldSections: Partial<Record<SectionKey, string>> = {};
  for (const k of SECTION_KEYS) if (source.sections[k]) oldSections[k] = source.sections[k];

  const draft: DraftFile = {
    app: source.app,
    schemaVersion: source.schemaVersion,
    format: base.format,
    year: oldYear + 1,
    meta,
    sections,
    cells: nestCells(cells),
    previous: { year: oldYear, format: source.format, cells: nestCells(previousCells), sections: oldSections },
    acceptedWarnings: [],
    legacy: null,
  };
  if (flags.length) draft.review = flags.map(reviewItemOf);
  return { draft, flags, carried };
}

/** A flag as the draft keeps it: found again by its text, since the clerk edits around it. */
export function reviewItemOf(flag: ReviewFlag): ReviewItem {
  return { origin: 'next-year', section: flag.section, text: flag.text.slice(0, 2000), reason: flag.reason.slice(0, 1000) };
}

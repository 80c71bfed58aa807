/**
 * Two versions of a report side by side (issue 13): the entered cells that changed, each section's text word by
 * word, and the findings that appeared or were resolved. Pure: the editor's compare view, the versions panel and
 * `report diff` all call it.
 *
 * Cells: only what the clerk enters (totals are computed, so a changed total is always a changed part). Two reports
 * of different formats (2019 and 2021) are compared on the keys both formats have; the others are listed apart.
 */
import { findingTarget } from '../report/acceptance.js';
import { enteredCells, formatFor, FORMAT_2019, FORMAT_2021, FORMAT_2021_SINGLE_OTHER, SECTION_KEYS, type FormatId, type SectionKey } from '../report/format.js';
import type { CellValue, Report } from '../report/model.js';
import { parseCell } from '../report/numbers.js';
import { evaluate, type Finding } from '../rules/index.js';
import { previousValues } from '../rules/prepare.js';
import { draftToReport, type DraftFile } from '../schema/draft.js';
import { diffText, type TextPart } from './textDiff.js';

export type { TextPart } from './textDiff.js';

export interface CellChange {
  key: string;
  from: CellValue;
  to: CellValue;
}

export interface SectionComparison {
  section: SectionKey;
  /** the stretches of text only `to` has, in order */
  added: string[];
  /** the stretches of text only `from` has, in order */
  removed: string[];
  /** the whole text, word by word: what both have, what was added, what was removed */
  parts: TextPart[];
}

/** An entered cell only one of two formats has (2019 vs 2021), with its value there. */
export interface UnmatchedCell {
  key: string;
  value: CellValue;
}

export interface DraftComparison {
  cells: CellChange[];
  /** only the sections whose text differs */
  sections: SectionComparison[];
  findings: { added: Finding[]; resolved: Finding[] };
  formats: { from: FormatId; to: FormatId };
  /** entered cells of one side's format that the other's lacks (empty when the formats are the same) */
  unmatched: { from: UnmatchedCell[]; to: UnmatchedCell[] };
}

/** A cell's name from the format definition (「三、一、本年新收政府信息公开申请数量·自然人」), whichever format has it. */
export function cellName(key: string): string {
  for (const f of [FORMAT_2021, FORMAT_2021_SINGLE_OTHER, FORMAT_2019]) {
    const def = f.cellByKey.get(key);
    if (def) return def.name;
  }
  return key;
}

/** Two drafts (two versions, or two years' drafts). */
export function compareDrafts(from: DraftFile, to: DraftFile): DraftComparison {
  return compareReports(draftToReport(from), draftToReport(to));
}

/**
 * This year's draft against last year's report as the draft keeps it (`previous`: cells and sections), or null
 * when the draft has none. Last year's title and 成文日期 aren't kept, so findings about them are left out.
 */
export function compareWithPrevious(draft: DraftFile): DraftComparison | null {
  const report = draftToReport(draft);
  const lastYear = previousReport(report);
  return lastYear ? compareReports(lastYear, report, { ignoreRules: FIELDS_NOT_KEPT }) : null;
}

const FIELDS_NOT_KEPT: ReadonlySet<Finding['rule']> = new Set(['F-DATE', 'F-TITLE']);

/** Last year's report from what this year's keeps of it; organ and level are this year's (the same organ). */
export function previousReport(report: Report): Report | null {
  const previous = report.previous;
  if (!previous) return null;
  const lastYear: Report = { format: previousValues(previous).format.id, year: previous.year, cells: previous.cells, sections: previous.sections ?? {} };
  if (report.organ) lastYear.organ = report.organ;
  if (report.level) lastYear.level = report.level;
  return lastYear;
}

export function compareReports(from: Report, to: Report, options: { ignoreRules?: ReadonlySet<Finding['rule']> } = {}): DraftComparison {
  const cells = compareCells(from, to);
  return {
    cells: cells.changed,
    sections: compareSections(from, to),
    findings: compareFindings(from, to, options.ignoreRules),
    formats: { from: from.format, to: to.format },
    unmatched: cells.unmatched,
  };
}

/** The keys the clerk enters in a report's format (never a computed total). */
function enteredKeys(report: Report): string[] {
  return enteredCells(formatFor(report.format, Object.keys(report.cells))).map((d) => d.key);
}

/** Same figure: blanks alike, numbers equal, text equal once trimmed (「1,234」 typed equals 1234 stored). */
function sameValue(key: string, a: CellValue, b: CellValue, kindOf: (key: string) => Parameters<typeof parseCell>[1]): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  const kind = kindOf(key);
  const pa = parseCell(a, kind);
  const pb = parseCell(b, kind);
  if (pa.ok && pb.ok) return pa.value === pb.value;
  return String(a).trim() === String(b).trim();
}

function compareCells(from: Report, to: Report): { changed: CellChange[]; unmatched: DraftComparison['unmatched'] } {
  const fromKeys = enteredKeys(from);
  const toKeys = enteredKeys(to);
  const inFrom = new Set(fromKeys);
  const inTo = new Set(toKeys);
  const toFormat = formatFor(to.format, Object.keys(to.cells));
  const kindOf = (key: string) => toFormat.cellByKey.get(key)?.kind ?? 'text';
  const changed: CellChange[] = [];
  for (const key of toKeys) {
    if (!inFrom.has(key)) continue;
    const a = from.cells[key] ?? null;
    const b = to.cells[key] ?? null;
    if (!sameValue(key, a, b, kindOf)) changed.push({ key, from: a, to: b });
  }
  const rest = (keys: string[], other: Set<string>, report: Report) => keys.filter((k) => !other.has(k)).map((key) => ({ key, value: report.cells[key] ?? null }));
  return { changed, unmatched: { from: rest(fromKeys, inTo, from), to: rest(toKeys, inFrom, to) } };
}

function compareSections(from: Report, to: Report): SectionComparison[] {
  const out: SectionComparison[] = [];
  for (const section of SECTION_KEYS) {
    const a = from.sections?.[section] ?? '';
    const b = to.sections?.[section] ?? '';
    if (a === b) continue;
    const parts = diffText(a, b);
    out.push({
      section,
      added: parts.filter((p) => p.kind === 'added').map((p) => p.text),
      removed: parts.filter((p) => p.kind === 'removed').map((p) => p.text),
      parts,
    });
  }
  return out;
}

/** A finding is the same in both versions when its rule, what it points at and its message are. */
function findingKey(f: Finding): string {
  return `${f.rule}\u0000${findingTarget(f)}\u0000${f.message}`;
}

/** `left`'s findings that `right` doesn't have (as many times as they occur: a multiset difference). */
function findingsOnlyIn(left: readonly Finding[], right: readonly Finding[]): Finding[] {
  const pool = new Map<string, number>();
  for (const f of right) pool.set(findingKey(f), (pool.get(findingKey(f)) ?? 0) + 1);
  const out: Finding[] = [];
  for (const f of left) {
    const k = findingKey(f);
    const n = pool.get(k) ?? 0;
    if (n > 0) pool.set(k, n - 1);
    else out.push(f);
  }
  return out;
}

function compareFindings(from: Report, to: Report, ignore: ReadonlySet<Finding['rule']> = new Set()): DraftComparison['findings'] {
  const kept = (r: Report) => evaluate(r).filter((f) => !ignore.has(f.rule));
  const before = kept(from);
  const after = kept(to);
  return { added: findingsOnlyIn(after, before), resolved: findingsOnlyIn(before, after) };
}

/**
 * The editor's form values ↔ the draft file (engineering §4).
 *
 * The form holds every value as the string the clerk typed (blank ≠ "0", 「1,234」 kept as typed). Converting
 * to a draft parses each cell with `parseCell`; a cell that fails parsing is stored as its raw text (trimmed),
 * so nothing typed is lost and V-NUM can name it. Cell keys contain dots, which react-hook-form reads as paths,
 * so inside the form a key's dots are written as colons (`apply.new.natural` → `cells.apply:new:natural`).
 */
import { ALL_CELL_KEYS, FORMAT_2021, formatFor, SECTION_KEYS, SECTIONS, type ReportFormat, type SectionKey, type TableId } from '../report/format.js';
import { flattenCells, nestCells, type CellValue, type Cells, type Report } from '../report/model.js';
import { formatCellValue, parseCell } from '../report/numbers.js';
import type { SignatureStyle } from '../render/model.js';
import { draftToReport, type AcceptedWarning, type DraftFile, type ReviewItem } from '../schema/draft.js';

/** The 机关层级 as the form holds it: '' while not known (an imported report whose organ names neither). */
export type Level = NonNullable<DraftFile['meta']['level']> | '';

export interface MetaValues {
  organ: string;
  level: Level;
  /** the report year as typed/selected */
  year: string;
  /** a printed title other than the canonical one (blank = canonical) */
  title: string;
  signatureOrgan: string;
  /** ISO YYYY-MM-DD or blank */
  signatureDate: string;
  /** the 落款's layout (GB/T 9704-2012 7.3.5.1 sealed / 7.3.5.2 unsealed) */
  signatureStyle: SignatureStyle;
  contactName: string;
  contactPhone: string;
}

export interface FormValues {
  meta: MetaValues;
  sections: Record<SectionKey, string>;
  /** entered cells only (totals are computed), by field key (dots → colons) */
  cells: Record<string, string>;
}

const MAX_SHORT = 200;

/** What the editor keeps beside the form values: the accepted warnings and the review list. */
export interface DraftExtras {
  accepted: readonly AcceptedWarning[];
  review: readonly ReviewItem[];
}

export function extrasOf(draft: DraftFile): DraftExtras {
  return { accepted: draft.acceptedWarnings, review: draft.review ?? [] };
}

export function fieldKey(cellKey: string): string {
  return cellKey.replaceAll('.', ':');
}
export function cellKeyOfField(field: string): string {
  return field.replaceAll(':', '.');
}
/** The react-hook-form field name of a cell. */
export function cellFieldName(cellKey: string): `cells.${string}` {
  return `cells.${fieldKey(cellKey)}`;
}

/** The format definition a draft is shown with (the single-（六） variant when its cells say so). */
export function draftFormat(draft: Pick<DraftFile, 'format' | 'cells'>): ReportFormat {
  return formatFor(draft.format, Object.keys(flattenCells(draft.cells)));
}

export function draftToFormValues(draft: DraftFile, format: ReportFormat = draftFormat(draft)): FormValues {
  const flat = flattenCells(draft.cells);
  const cells: Record<string, string> = {};
  for (const def of format.cells) {
    if (def.sumOf) continue;
    const v = flat[def.key];
    cells[fieldKey(def.key)] = typeof v === 'number' || typeof v === 'string' ? formatCellValue(v) : '';
  }
  const sections = Object.fromEntries(SECTION_KEYS.map((k) => [k, draft.sections[k] ?? ''])) as Record<SectionKey, string>;
  const m = draft.meta;
  return {
    meta: {
      organ: m.organ,
      level: m.level ?? '',
      year: String(draft.year),
      title: m.title ?? '',
      signatureOrgan: m.signatureOrgan,
      signatureDate: m.signatureDate,
      signatureStyle: m.signatureStyle ?? 'sealed',
      contactName: m.contactName ?? '',
      contactPhone: m.contactPhone ?? '',
    },
    sections,
    cells,
  };
}

/** A cell as stored: the parsed value, or the raw text when it doesn't parse (kept for the clerk to fix). */
export function storedCellValue(raw: string | undefined, kind: Parameters<typeof parseCell>[1]): CellValue {
  const text = raw ?? '';
  const parsed = parseCell(text, kind);
  // never cut: an over-long cell is refused by the draft schema with a message, not silently shortened
  return parsed.ok ? parsed.value : text.trim();
}

/** Parse problems of the typed cells (cell key → Chinese message), for the cell's own format check. */
export function cellParseErrors(values: FormValues, format: ReportFormat): Map<string, string> {
  const out = new Map<string, string>();
  for (const def of format.cells) {
    if (def.sumOf) continue;
    const raw = values.cells[fieldKey(def.key)];
    if (!raw) continue;
    const parsed = parseCell(raw, def.kind);
    if (!parsed.ok) out.set(def.key, parsed.message);
  }
  return out;
}

function validYear(text: string, fallback: number): number {
  const m = /^\s*(\d{4})\s*$/.exec(text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
  const y = m ? Number(m[1]) : NaN;
  return Number.isInteger(y) && y >= 2008 && y <= 2100 ? y : fallback;
}

/**
 * The flat cells the form holds (parsed; raw text kept where parsing fails) merged over `base`'s cells of other
 * formats, and each failing cell's message — one pass over the cells.
 */
export function formValuesToCells(values: FormValues, base: DraftFile, format: ReportFormat = draftFormat(base)): { cells: Cells; parseErrors: Map<string, string> } {
  const cells: Cells = {};
  for (const [k, v] of Object.entries(flattenCells(base.cells))) {
    if (v === null || typeof v === 'number' || typeof v === 'string') cells[k] = v;
  }
  const parseErrors = new Map<string, string>();
  for (const def of format.cells) {
    if (def.sumOf) {
      delete cells[def.key];
      continue;
    }
    const raw = values.cells[fieldKey(def.key)] ?? '';
    const parsed = parseCell(raw, def.kind);
    if (parsed.ok) {
      cells[def.key] = parsed.value;
    } else {
      cells[def.key] = raw.trim();
      parseErrors.set(def.key, parsed.message);
    }
  }
  return { cells, parseErrors };
}

/**
 * `formValuesToCells` for one form: remembers each cell's last parse (only the cell being typed in is parsed
 * again) and the base draft's other cells — what the editor runs on every keystroke.
 */
export function createCellReader(base: DraftFile, format: ReportFormat = draftFormat(base)) {
  const baseCells: Cells = {};
  for (const [k, v] of Object.entries(flattenCells(base.cells))) {
    if (v === null || typeof v === 'number' || typeof v === 'string') baseCells[k] = v;
  }
  for (const def of format.cells) delete baseCells[def.key];
  const entered = format.cells.filter((d) => !d.sumOf).map((def) => ({ def, field: fieldKey(def.key) }));
  const memo = new Map<string, { raw: string; value: CellValue; error: string | null }>();
  return (values: FormValues): { cells: Cells; parseErrors: Map<string, string> } => {
    const cells: Cells = { ...baseCells };
    const parseErrors = new Map<string, string>();
    for (const { def, field } of entered) {
      const raw = values.cells[field] ?? '';
      let hit = memo.get(def.key);
      if (!hit || hit.raw !== raw) {
        const parsed = parseCell(raw, def.kind);
        hit = parsed.ok
          ? { raw, value: parsed.value, error: null }
          : { raw, value: raw.trim(), error: parsed.message };
        memo.set(def.key, hit);
      }
      cells[def.key] = hit.value;
      if (hit.error) parseErrors.set(def.key, hit.error);
    }
    return { cells, parseErrors };
  };
}

/**
 * The report the rules check, straight from the form values (the same as `draftToReport(formValuesToDraft(…))`,
 * without building the nested draft on every keystroke).
 */
export function formValuesToReport(
  values: FormValues,
  base: DraftFile,
  format: ReportFormat = draftFormat(base),
  flat: Cells = formValuesToCells(values, base, format).cells,
): Report {
  const shell = formValuesToDraft(values, { ...base, cells: {} }, extrasOf(base), EMPTY_FORMAT);
  const report = draftToReport(shell);
  const cells: Cells = {};
  for (const [k, v] of Object.entries(flat)) if (ALL_CELL_KEYS.has(k)) cells[k] = v;
  report.cells = cells;
  return report;
}

const EMPTY_FORMAT: ReportFormat = { ...FORMAT_2021, cells: [], cellByKey: new Map() };

/**
 * The draft the form shows: `base` supplies what the form doesn't edit (format, previous year, legacy data,
 * cells of other formats), the form supplies the rest. Every entered cell of the format is written (null when
 * blank), so the format variant stays what it was.
 */
export function formValuesToDraft(
  values: FormValues,
  base: DraftFile,
  extras: DraftExtras = extrasOf(base),
  format: ReportFormat = draftFormat(base),
  /** the cells from `formValuesToCells`, when already computed */
  flat?: Cells,
): DraftFile {
  const cells = flat ?? formValuesToCells(values, base, format).cells;
  const sections = Object.fromEntries(SECTION_KEYS.map((k) => [k, values.sections[k] ?? ''])) as Record<SectionKey, string>;
  const m = values.meta;
  const short = (s: string) => s.slice(0, MAX_SHORT);
  const meta: DraftFile['meta'] = {
    organ: short(m.organ.trim()),
    ...(m.level === 'department' || m.level === 'government' ? { level: m.level } : {}),
    signatureOrgan: short(m.signatureOrgan.trim()),
    signatureDate: /^\d{4}-\d{2}-\d{2}$/.test(m.signatureDate) ? m.signatureDate : '',
  };
  // the default (sealed) is not written: a draft that never chose stays as it was
  if (m.signatureStyle === 'unsealed') meta.signatureStyle = 'unsealed';
  if (m.title.trim()) meta.title = short(m.title.trim());
  if (m.contactName.trim()) meta.contactName = short(m.contactName.trim());
  if (m.contactPhone.trim()) meta.contactPhone = short(m.contactPhone.trim());
  const draft: DraftFile = {
    ...base,
    year: validYear(m.year, base.year),
    meta,
    sections,
    cells: nestCells(cells),
    acceptedWarnings: [...extras.accepted],
  };
  // a draft that never had a review list keeps none (older files stay as they were)
  if (extras.review.length) draft.review = [...extras.review];
  else delete draft.review;
  return draft;
}

/** A copy that shares no mutable object with `v` (strings are immutable, so one level per group suffices). */
export function cloneValues(v: FormValues): FormValues {
  return { meta: { ...v.meta }, sections: { ...v.sections }, cells: { ...v.cells } };
}

export function sameValues(a: FormValues, b: FormValues): boolean {
  const same = (x: Record<string, string>, y: Record<string, string>) => {
    const kx = Object.keys(x);
    if (kx.length !== Object.keys(y).length) return false;
    return kx.every((k) => x[k] === y[k]);
  };
  return same(a.meta as unknown as Record<string, string>, b.meta as unknown as Record<string, string>) && same(a.sections, b.sections) && same(a.cells, b.cells);
}

/** The heading of the section a table belongs to (「三、收到和处理政府信息公开申请情况」), for messages. */
export function tableHeading(table: TableId): string {
  return SECTIONS.find((s) => s.table === table)?.heading ?? table;
}

/** How many entered number cells of each table are blank. */
export function blankCounts(values: FormValues, format: ReportFormat): Record<TableId, number> {
  const out: Record<TableId, number> = { active: 0, apply: 0, review: 0 };
  for (const def of format.cells) {
    if (def.sumOf || def.kind === 'text') continue;
    if ((values.cells[fieldKey(def.key)] ?? '').trim() === '') out[def.table]++;
  }
  return out;
}

/**
 * Fill the blank entered number cells of the given tables with 「0」 (「本表空格填0」 one table; 「全部空格填0」 all three,
 * after asking); returns the new cells and how many were filled.
 */
export function fillBlanksWithZero(values: FormValues, format: ReportFormat, tables: readonly TableId[]): { cells: Record<string, string>; filled: number } {
  const cells = { ...values.cells };
  let filled = 0;
  for (const def of format.cells) {
    if (def.sumOf || def.kind === 'text' || !tables.includes(def.table)) continue;
    const k = fieldKey(def.key);
    if ((cells[k] ?? '').trim() === '') {
      cells[k] = '0';
      filled++;
    }
  }
  return { cells, filled };
}

/**
 * The in-memory report every layer works on: the report data JSON of the issue tracker (flat canonical
 * cell keys), where a cell may also hold the raw text a clerk typed that isn't a valid number yet —
 * so nothing typed is lost and V-NUM can name it.
 */
import { formatFor, type CellDef, type FormatId, type ReportFormat, type SectionKey } from './format.js';
import { organLevel, type Level } from './level.js';

export type { Level };

/** A stored cell: a number, `null` for blank (not 0), or text (2019 采购总金额, or input awaiting a fix). */
export type CellValue = number | string | null;
export type Cells = Record<string, CellValue>;

export type Sections = Partial<Record<SectionKey, string>>;

export interface PreviousYear {
  year: number;
  format?: FormatId;
  cells: Cells;
  /** last year's narrative, for XY-SAME */
  sections?: Sections;
}

/** A report as the year before another's: what the cross-year rules compare with. */
export function asPreviousYear(report: Report): PreviousYear {
  return { year: report.year, format: report.format, cells: report.cells, sections: report.sections ?? {} };
}

/**
 * What an imported report printed where it departs from the format: F-SECTIONS checks the printed headings,
 * F-OLD the 2019 labels a 2021 table still prints. Absent for drafts (the app prints the canonical form).
 */
export interface PrintedForm {
  /** each section's heading as printed (numbering included), keyed by the section it was read as */
  headings?: Partial<Record<Exclude<SectionKey, 'preface'>, string>>;
  /** 2019-format table labels printed in a later report (「规范性文件」, 「2.其他法律法规禁止公开」) */
  oldLabels?: string[];
  /** cells whose printed figures could not be read (left blank with a doubt): printed, so not blank (V-BLANK) */
  unread?: string[];
  /** unread cells whose print is no valid value for the cell at all (「--253」 for a count), as printed: V-NUM */
  invalid?: { cell: string; printed: string }[];
  /**
   * cells read from a row printing more or fewer figures than it has cells, placed in order: which column each figure
   * stands in is a guess, so no sum across columns is judged on them (a row's own total still is, when it is sure)
   */
  unplaced?: string[];
  /**
   * rows printing fewer figures than they have cells, each its cells: a blank printed as nothing, placed in order, so
   * which of the row's cells is blank is a guess (V-BLANK names the row, not the guessed cell)
   */
  blankUnplaced?: string[][];
  /** sums whose printed figures fail however they are cut or placed (T4-SUM, T3-ROW though the cells are unread or unplaced) */
  sumsNotAddingUp?: SumNotAddingUp[];
}

/** A sum of an imported table that no reading of its figures makes add up. */
export interface SumNotAddingUp {
  /** the total's cell, then its parts */
  total: string;
  parts: string[];
  /** the figures as printed (「1324015」) */
  printed: string;
  /**
   * why the figures can't be placed: run together (no cut adds up), run together with more digits than any cut
   * makes the row's cells (`uncut`: 「000000010」 for 7), or one too many (neither leaving one out nor joining two adds up);
   * `table`: table 四's figures one too many or too few, fitting in no reading though no one block fails in all (total:
   * the first block's, parts: every other cell); `column`: a column of table 三 through rows of figures run together,
   * failing under every cut of them (`rule` and `printed` say which sum and which rows)
   */
  unplaceable: 'glued' | 'uncut' | 'long' | 'table' | 'column';
  /** the sum's rule when it is not the total's own (a column's balance: total 第三项, parts 第一、二、四项) */
  rule?: 'T3-BAL';
}

export interface Report {
  format: FormatId;
  year: number;
  organ?: string;
  level?: Level;
  /** the printed title when it isn't the canonical one (imported reports) */
  title?: string;
  cells: Cells;
  sections?: Sections;
  signature?: { organ?: string; date?: string };
  contact?: { name?: string; phone?: string };
  previous?: PreviousYear;
  /** imported reports: the printed form, for the rules that judge what was published */
  printed?: PrintedForm;
}

export function reportFormat(report: Pick<Report, 'format' | 'cells'>): ReportFormat {
  return formatFor(report.format, Object.keys(report.cells));
}

export function canonicalTitle(organ: string | undefined, year: number): string {
  return `${organ ?? ''}${year}年政府信息公开工作年度报告`;
}

/**
 * The standard title a report should carry (what F-TITLE suggests and what the importer puts in the draft): the organ
 * its printed title names (years stripped), else the report's organ, with the report's year.
 */
export function standardTitle(report: Pick<Report, 'title' | 'organ' | 'year'>): string {
  const title = report.title?.replace(/\s+/g, '') ?? '';
  // the report's organ when the title prints it (a clerk's 「某县人民政府」 under 「某县人民政府2024年…」), else the title's
  const printed = report.organ?.trim();
  const organ = (printed && title.includes(printed) ? printed : organNamedInTitle(title)) || printed || '（机关名称）';
  return canonicalTitle(organ, report.year);
}

/**
 * The organ as the title prints it: what comes before the year, or before 「政府信息公开」 (one reading for the importer,
 * F-TITLE's suggestion and the draft's title).
 */
/** A title's year as printed, in Arabic or Chinese digits (「2024年」「二〇二四年」): the importer's and F-TITLE's one reading. */
export const TITLE_YEAR = /(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年/;

/** What a title prints in brackets after its words (「…报告(上海市某镇人民政府)」, 「…报告(文字版)」). */
const TRAILING_BRACKET = /[（(]([^（()）]*)[）)]$/;

/** The organ a title names in brackets after its words, when what the brackets hold is an organ's name. */
function bracketedOrgan(title: string): string | null {
  const inner = TRAILING_BRACKET.exec(title)?.[1];
  return inner && organLevel(inner) ? inner : null;
}

/** A title without the organ in brackets after it (「2024年政府信息公开工作年度报告(上海市某镇人民政府)」 → its words). */
export function withoutBracketedOrgan(title: string): string {
  return bracketedOrgan(title) ? title.replace(TRAILING_BRACKET, '') : title;
}

export function organNamedInTitle(title: string): string | null {
  const whole = title.replace(/\s+/g, '');
  const t = whole.replace(TRAILING_BRACKET, '');
  const withYear = /^(.*?)(?:\d{4}|[〇零一二三四五六七八九]{4})年度?/.exec(t);
  let prefix = withYear ? withYear[1] : undefined;
  // the year after the words 「(政府)信息公开工作」 (「某镇政府信息公开工作2025年度报告」, 「某研究所信息公开工作2019年度报告」):
  // the organ ends where they begin
  const words = prefix?.search(/(?:政府)?信息公开/) ?? -1;
  if (prefix !== undefined && words >= 0) prefix = prefix.slice(0, words);
  if (prefix === undefined) {
    const at = t.indexOf('政府信息公开');
    prefix = at >= 0 ? t.slice(0, at) : undefined;
  }
  // The year first (「2019年黄家镇政府信息公开工作年度报告」): the organ stands between it and 「政府信息公开」
  // (「2019年某县政府办公室信息公开工作年度报告」: or 「信息公开工作」 after an organ that is not 政府 itself).
  // (「年度」 taken whole, never backtracked into: 「2020年度政府信息公开…」 names no organ, not 「度」; nor does
  // 「2022年度政府信息公开年报」 name 「政府」)
  if (prefix === '') prefix = /^(?:\d{4}|[〇零一二三四五六七八九]{4})(?=(年度?))\1(.+?)(?:关于)?(?:\d{4}年度?)?(?:政府信息公开|(?<!政府)信息公开(?:年报|工作))/.exec(t)?.[2];
  // (「2024年政府信息公开工作年度报告(上海市某镇人民政府)」: the organ in brackets after the words, when none stands before them)
  if (!prefix) return bracketedOrgan(whole);
  // 「2024年某镇人民政府信息公开工作年度报告」: the organ's 政府 is also the 政府 of 「政府信息公开」 (no organ ends in 人民)
  if (/人民$/.test(prefix) && t.includes(`${prefix}政府信息公开`)) prefix += '政府';
  // 「定州市庞村镇2024政府信息公开…」「2025湖口县大垅乡2025年度…」: a year printed without 年 is no part of the organ
  return prefix.replace(/关于$/, '').replace(/\d{4}$/, '').replace(/^\d{4}(?=[\u4e00-\u9fff])/, '') || null;
}

/** 「<机关>YYYY年政府信息公开工作年度报告」 for the report's own year (spacing ignored): the form F-TITLE asks for. */
export function isStandardTitle(title: string, year: number): boolean {
  const m = /^(.+?)(\d{4})年政府信息公开工作年度报告$/.exec(title.replace(/\s+/g, ''));
  return m !== null && Number(m[2]) === year && !/^关于/.test(m[1] ?? '');
}

/** A cell's numeric value, or null when blank or not a number. */
export function numericValue(v: CellValue | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * Computed totals of a report (never stored): for every derived cell, the sum of its parts, or null when
 * every part is blank. Parts that are themselves derived (（七）总计·总计) are computed first.
 */
export function computeTotals(format: ReportFormat, cells: Cells): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const get = (key: string): number | null => {
    const def = format.cellByKey.get(key);
    if (def?.sumOf) return compute(def);
    return numericValue(cells[key]);
  };
  const compute = (def: CellDef): number | null => {
    const cached = out.get(def.key);
    if (cached !== undefined) return cached;
    let sum: number | null = null;
    for (const part of def.sumOf ?? []) {
      const v = get(part);
      if (v !== null) sum = (sum ?? 0) + v;
    }
    out.set(def.key, sum);
    return sum;
  };
  for (const def of format.cells) if (def.sumOf) compute(def);
  return out;
}

/**
 * Every cell as shown: entered values as stored, derived values computed (figures a published report
 * printed for its totals are ignored here; the rules compare them with these).
 */
export function resolvedCells(report: Pick<Report, 'format' | 'cells'>): Record<string, CellValue> {
  const format = reportFormat(report);
  const totals = computeTotals(format, report.cells);
  const out: Record<string, CellValue> = {};
  for (const def of format.cells) out[def.key] = def.sumOf ? (totals.get(def.key) ?? null) : (report.cells[def.key] ?? null);
  return out;
}

/** Drop derived cells (a draft never stores totals). */
export function enteredOnly(format: ReportFormat, cells: Cells): Cells {
  const out: Cells = {};
  for (const def of format.cells) {
    if (def.sumOf) continue;
    if (Object.prototype.hasOwnProperty.call(cells, def.key)) out[def.key] = cells[def.key] ?? null;
  }
  return out;
}

/** A blank report of a format: every entered cell null. */
export function blankCells(format: ReportFormat): Cells {
  const out: Cells = {};
  for (const def of format.cells) if (!def.sumOf) out[def.key] = null;
  return out;
}

/** Nested ↔ flat cell keys (draft files nest `a.b.c` as {"a":{"b":{"c":…}}}). */
export function nestCells(cells: Cells): Record<string, unknown> {
  const root: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(cells)) {
    const parts = key.split('.');
    let node = root;
    for (const p of parts.slice(0, -1)) {
      const next = node[p];
      if (typeof next === 'object' && next !== null) node = next as Record<string, unknown>;
      else {
        const created = Object.create(null) as Record<string, unknown>;
        node[p] = created;
        node = created;
      }
    }
    node[parts[parts.length - 1] ?? key] = value;
  }
  return root;
}

export function flattenCells(nested: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (typeof nested !== 'object' || nested === null || Array.isArray(nested)) return out;
  for (const [k, v] of Object.entries(nested)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) flattenCells(v, key, out);
    else out[key] = v;
  }
  return out;
}

/** Signature date 「2025年2月25日」 from ISO `2025-02-25` (no leading zeros, spec §2). */
export function chineseDate(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso ?? '');
  if (!m) return '';
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

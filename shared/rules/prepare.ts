/**
 * What every rule module reads, built once per `evaluate`: the format that fits the report, each cell's value
 * parsed (raw text that parses counts as its number; anything invalid is left out and reported by V-NUM),
 * computed totals, and totals as printed by an imported report.
 */
import { formatFor, formatIdForYear, type CellDef, type ReportFormat, type SectionKey } from '../report/format.js';
import { computeTotals, type Cells, type CellValue, type Level, type PreviousYear, type Report } from '../report/model.js';
import { organLevel } from '../report/level.js';
import { parseCell } from '../report/numbers.js';
import type { CheckStage, Finding, RuleContext, RuleId } from './types.js';
import { RULES } from './meta.js';
import { normaliseText } from './textTokens.js';

export interface CellProblem {
  def: CellDef;
  raw: CellValue;
  message: string;
}

export interface Prepared {
  report: Report;
  stage: CheckStage;
  format: ReportFormat;
  /** entered and printed values that are valid numbers (text cells keep their text) */
  values: Cells;
  /** totals computed from the entered values */
  computed: Map<string, number | null>;
  /** cells whose stored value is invalid for their kind */
  problems: CellProblem[];
  /** the report's level, as stated or inferred from the organ's name */
  level: Level | undefined;
  /** section texts with full-width digits, % and spaces mapped to ASCII, offset for offset */
  texts: Partial<Record<SectionKey, string>>;
  /** a total as printed (imported report), or null */
  printed(key: string): number | null;
  /** the value a rule uses: printed total when present, computed total otherwise, entered value for other cells */
  value(key: string): number | null;
  /** an imported figure placed in order in a row of too many or too few figures: its column is a guess */
  columnGuessed(key: string): boolean;
  /**
   * `value`, but null where the column is a guess (the cell's, or for a computed total one of its parts'): what a rule
   * comparing one cell with something outside its row (the text, last year) may judge
   */
  placed(key: string): number | null;
  /**
   * `unwritten`: the finding only says a part has not been written yet — while drafting that is a to-do
   * (warning, like a blank cell), not an error; at stage 'final' it is the rule's own severity.
   */
  finding(
    rule: RuleId,
    message: string,
    extra?: Omit<Finding, 'rule' | 'severity' | 'message' | 'cells'> & { cells?: string[]; unwritten?: boolean },
  ): Finding;
}

/** The level as stated, else as the organ's name (or the signature's) tells it (`organLevel`). */
export function inferLevel(report: Pick<Report, 'level' | 'organ' | 'signature'>): Level | undefined {
  return report.level ?? organLevel(report.organ) ?? organLevel(report.signature?.organ);
}

function numeric(v: CellValue | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return null;
}

/** Parse every stored cell once. Numbers of the right kind pass through without allocation. */
export function parseCells(format: ReportFormat, cells: Cells, problems?: CellProblem[]): Cells {
  const out: Cells = {};
  for (const key in cells) {
    const raw = cells[key];
    const def = format.cellByKey.get(key);
    if (!def) continue;
    if (raw === null || raw === undefined) {
      out[key] = null;
      continue;
    }
    if (typeof raw === 'number' && def.kind === 'count' && Number.isInteger(raw) && raw >= 0 && raw <= 999_999_999_999) {
      out[key] = raw;
      continue;
    }
    const parsed = parseCell(raw, def.kind);
    if (parsed.ok) out[key] = parsed.value;
    else {
      out[key] = null;
      problems?.push({ def, raw, message: parsed.message });
    }
  }
  return out;
}

const previousCache = new WeakMap<object, { format: ReportFormat; value: (key: string) => number | null }>();

/** Last year's figures (printed totals when present, computed otherwise); cached per `previous.cells` object. */
export function previousValues(previous: PreviousYear): { format: ReportFormat; value: (key: string) => number | null } {
  const hit = previousCache.get(previous.cells);
  if (hit) return hit;
  const format = formatFor(previous.format ?? formatIdForYear(previous.year), Object.keys(previous.cells));
  const values = parseCells(format, previous.cells);
  const computed = computeTotals(format, values);
  const value = (key: string): number | null => {
    const def = format.cellByKey.get(key);
    const own = numeric(values[key]);
    if (def?.sumOf) return own ?? computed.get(key) ?? null;
    return own;
  };
  const out = { format, value };
  previousCache.set(previous.cells, out);
  return out;
}

export function prepare(report: Report, context: RuleContext = {}): Prepared {
  const format = formatFor(report.format, Object.keys(report.cells));
  const problems: CellProblem[] = [];
  const values = parseCells(format, report.cells, problems);
  const computed = computeTotals(format, values);
  const texts: Partial<Record<SectionKey, string>> = {};
  for (const [k, t] of Object.entries(report.sections ?? {}) as [SectionKey, string | undefined][]) if (t) texts[k] = normaliseText(t);
  const stage = context.stage ?? 'draft';
  // every cell's value once: printed total when present, computed total otherwise, entered value
  const effective = new Map<string, number | null>();
  const printedTotals = new Map<string, number>();
  for (const def of format.cells) {
    const own = numeric(values[def.key]);
    if (def.sumOf) {
      if (own !== null) printedTotals.set(def.key, own);
      effective.set(def.key, own ?? computed.get(def.key) ?? null);
    } else effective.set(def.key, own);
  }
  const printed = (key: string): number | null => printedTotals.get(key) ?? null;
  const guessed = new Set(report.printed?.unplaced ?? []);
  const columnSure = (key: string): boolean => {
    if (guessed.has(key)) return false;
    const def = format.cellByKey.get(key);
    return !def?.sumOf || printedTotals.has(key) || def.sumOf.every(columnSure);
  };
  return {
    report,
    stage,
    format,
    values,
    computed,
    problems,
    level: inferLevel(report),
    texts,
    printed,
    value: (key) => effective.get(key) ?? null,
    columnGuessed: (key) => guessed.has(key),
    placed: (key) => (columnSure(key) ? (effective.get(key) ?? null) : null),
    finding(rule, message, extra = {}) {
      const info = RULES[rule];
      const severity = stage === 'draft' && (info.draftSeverity || extra.unwritten) ? (info.draftSeverity ?? 'warning') : info.severity;
      const f: Finding = { rule, severity, cells: extra.cells ?? [], message };
      if (extra.target) f.target = extra.target;
      if (extra.span) {
        f.span = extra.span;
        f.section = extra.span.section;
      } else if (extra.section) f.section = extra.section;
      return f;
    },
  };
}

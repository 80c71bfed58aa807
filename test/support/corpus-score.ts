/**
 * Scoring one import of a corpus case against its truth (test/fixtures/real/README.md): cells right / wrong /
 * missing, the four header fields, and the findings a careful reader expects — found, missed, false alarms.
 * Also the case's gaps as stable one-line strings (known-gaps.json) and the sums the bench prints.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ImportResult } from '../../shared/import/index.js';
import { APPLY_COLUMNS, FORMAT_2019, FORMAT_2021, FORMAT_2021_SINGLE_OTHER, SECTIONS, type SectionKey, type TableId } from '../../shared/report/format.js';
import { flattenCells, type Report } from '../../shared/report/model.js';
import { evaluate } from '../../shared/rules/index.js';
import { KNOWN_GAPS_FILE, truthCells, type ExpectedFinding, type Truth } from './corpus.js';

export type FoundFinding = ImportResult['sourceCheck'][number];
type Value = number | string | null;

/** Rules whose errors are arithmetic errors of the printed tables (the bench counts them on their own). */
export const ARITHMETIC_RULES: ReadonlySet<string> = new Set(['T3-BAL', 'T3-ROW', 'T3-SUM7', 'T4-SUM', 'V-NUM']);
/** Rules that need the whole report: not judged, either way, on an excerpt. */
const WHOLE_REPORT_RULES: ReadonlySet<string> = new Set(['F-SECTIONS', 'F-FIVE', 'F-KPZ', 'F-FEE', 'F-DATE']);

const CELL_DEFS = new Map([FORMAT_2021, FORMAT_2021_SINGLE_OTHER, FORMAT_2019].flatMap((f) => f.cells.map((c) => [c.key, c] as const)));
const SECTION_OF_TABLE = new Map<TableId, SectionKey>(SECTIONS.flatMap((s) => (s.table ? [[s.table, s.key] as const] : [])));

/** The narrative section a cell's table belongs to (`apply.new.natural` → `requests`). */
export function sectionOfCell(key: string): SectionKey | undefined {
  const def = CELL_DEFS.get(key);
  return def ? SECTION_OF_TABLE.get(def.table) : undefined;
}

export interface CellOutcome {
  key: string;
  expected: Value;
  /** undefined: the import has no such cell (another format, or not read) */
  got: Value | undefined;
  verdict: 'right' | 'wrong' | 'missing';
}

export interface FieldOutcome {
  field: 'title' | 'organ' | 'year' | 'format';
  expected: Value;
  got: Value;
  right: boolean;
}

export interface CaseScore {
  cells: CellOutcome[];
  fields: FieldOutcome[];
  /** the truth's findings that are judged (an excerpt's whole-report rules left out) */
  expected: ExpectedFinding[];
  matched: ExpectedFinding[];
  missed: ExpectedFinding[];
  /** the import's findings that are judged */
  found: FoundFinding[];
  falseAlarms: FoundFinding[];
}

const noSpace = (s: string) => s.replace(/[\s\u3000]+/g, '');

function cellVerdict(expected: Value, got: Value | undefined): CellOutcome['verdict'] {
  if (got === undefined || (got === null && expected !== null)) return 'missing';
  if (typeof expected === 'number') return typeof got === 'number' && Math.abs(got - expected) < 1e-9 ? 'right' : 'wrong';
  if (typeof expected === 'string') return typeof got === 'string' && noSpace(got) === noSpace(expected) ? 'right' : 'wrong';
  return got === null ? 'right' : 'wrong';
}

/** The import's value of a cell: numbers from the report as published (printed totals kept), text cells from the draft. */
function importedCells(result: ImportResult): (key: string) => Value | undefined {
  const drafted = flattenCells(result.draft.cells);
  return (key) => {
    if (CELL_DEFS.get(key)?.kind === 'text') {
      const v = drafted[key];
      return typeof v === 'string' || v === null ? v : key in result.report.cells ? null : undefined;
    }
    return result.report.cells[key];
  };
}

function scoreCells(truth: Truth, result: ImportResult): CellOutcome[] {
  const got = importedCells(result);
  return [...truthCells(truth)].map(([key, expected]) => {
    const g = got(key);
    return { key, expected, got: g, verdict: cellVerdict(expected, g) };
  });
}

function scoreFields(truth: Truth, result: ImportResult): FieldOutcome[] {
  const r = result.report;
  const text = (field: 'title' | 'organ', expected: string | null, got: string | undefined): FieldOutcome => ({
    field,
    expected,
    got: got ?? null,
    right: (expected === null ? null : noSpace(expected)) === (got === undefined ? null : noSpace(got)),
  });
  return [
    text('title', truth.title, r.title),
    text('organ', truth.organ, r.organ),
    { field: 'year', expected: truth.year, got: r.year, right: truth.year === r.year },
    { field: 'format', expected: truth.format, got: r.format, right: truth.format === r.format },
  ];
}

/** Is a finding of this rule on these cells judged for this truth? An excerpt judges only what it holds. */
function judged(truth: Truth, held: ReadonlySet<string>, rule: string, cells: readonly string[]): boolean {
  if (truth.whole) return true;
  if (WHOLE_REPORT_RULES.has(rule)) return false;
  if (rule === 'F-TITLE' && truth.title === null) return false;
  // V-BLANK on cells the excerpt doesn't hold (a table it lacks, or rows past where it stops)
  if (rule === 'V-BLANK' && cells.length > 0 && cells.every((c) => !held.has(c))) return false;
  return true;
}

function foundCells(f: FoundFinding): string[] {
  return f.target ? [f.target, ...f.cells] : f.cells;
}

/** A found finding matches an expected one: same rule, and the expected cell among its cells, or its section. */
export function matches(expected: ExpectedFinding, found: FoundFinding): boolean {
  if (expected.rule !== found.rule) return false;
  if (expected.cell) return found.cells.includes(expected.cell) || found.target === expected.cell;
  // the section of its text, or of its cell's table: 「正文说复议0件」 in 一、总体情况 is about section 四 too
  if (expected.section) {
    return (
      found.section === expected.section || found.span?.section === expected.section || (found.target !== undefined && sectionOfCell(found.target) === expected.section)
    );
  }
  return true;
}

export function scoreCase(truth: Truth, result: ImportResult): CaseScore {
  const held = new Set(truthCells(truth).keys());
  const expected = truth.findings.filter((f) => judged(truth, held, f.rule, f.cell ? [f.cell] : []));
  const found = result.sourceCheck.filter((f) => judged(truth, held, f.rule, foundCells(f)));
  const matched = expected.filter((e) => found.some((f) => matches(e, f)));
  return {
    cells: scoreCells(truth, result),
    fields: scoreFields(truth, result),
    expected,
    matched,
    missed: expected.filter((e) => !matched.includes(e)),
    found,
    falseAlarms: found.filter((f) => !expected.some((e) => matches(e, f))),
  };
}

// ---------------------------------------------------------------------------------------------
// Gaps: what differs from the truth, one stable line each (no messages, which change wording)

const show = (v: Value | undefined) => (v === undefined ? 'nothing' : JSON.stringify(v));

/**
 * Cell gaps: each wrong cell; missing cells one by one when few, else one line per table (a table the import
 * didn't find would otherwise be a hundred lines).
 */
function cellGaps(cells: readonly CellOutcome[]): string[] {
  const gaps: string[] = [];
  const byTable = new Map<TableId, CellOutcome[]>();
  for (const c of cells) {
    const table = CELL_DEFS.get(c.key)?.table;
    if (table) byTable.set(table, [...(byTable.get(table) ?? []), c]);
  }
  for (const [table, of] of byTable) {
    const wrong = of.filter((c) => c.verdict === 'wrong');
    const missing = of.filter((c) => c.verdict === 'missing');
    const aggregate = missing.length > APPLY_COLUMNS.length; // more than a row of table 三
    if (aggregate) gaps.push(`table ${table}: ${missing.length} of ${of.length} cells not read`);
    for (const c of aggregate ? wrong : [...wrong, ...missing]) gaps.push(`cell ${c.key}: expected ${show(c.expected)}, got ${show(c.got)}`);
  }
  return gaps;
}

export function caseGaps(score: CaseScore): string[] {
  const gaps = cellGaps(score.cells);
  for (const f of score.fields) if (!f.right) gaps.push(`${f.field}: expected ${show(f.expected)}, got ${show(f.got)}`);
  for (const e of score.missed) gaps.push(`missed ${e.rule}${e.cell ? ` ${e.cell}` : e.section ? ` ${e.section}` : ''}`);
  for (const f of score.falseAlarms) {
    const where = f.target ?? f.cells[0] ?? f.span?.section ?? f.section;
    gaps.push(`false alarm ${f.rule}${where ? ` ${where}` : ''}`);
  }
  return gaps.sort();
}

/** The sums a truth can be checked against itself by: the rules of the tables' arithmetic (V-NUM judges a print). */
const SUM_RULES: ReadonlySet<string> = new Set([...ARITHMETIC_RULES].filter((r) => r !== 'V-NUM'));

/**
 * Where a truth disagrees with itself: a sum its typed findings say fails that its typed cells add up, or a sum of
 * cells it holds every figure of that fails with no finding typed. Both halves are typed by hand from the source, so
 * a disagreement is a slip in one of them — the measure would be wrong, whatever the importer does.
 */
export function truthSelfDisagreements(truth: Truth): string[] {
  const cells = Object.fromEntries([...truthCells(truth)].filter(([k]) => /^(apply|review)\./.test(k)));
  const report: Report = { format: truth.format, year: truth.year, cells };
  const failing = evaluate(report, { stage: 'final' }).filter((f) => SUM_RULES.has(f.rule));
  const typed = truth.findings.filter((e) => SUM_RULES.has(e.rule));
  return [
    ...typed.filter((e) => !failing.some((f) => matches(e, f))).map((e) => `${e.rule} ${e.cell ?? ''}: typed as a finding, but the typed cells add up`),
    ...failing
      .filter((f) => f.cells.every((k) => typeof cells[k] === 'number') && !typed.some((e) => matches(e, f)))
      .map((f) => `${f.rule} ${f.target ?? ''}: the typed cells fail (${f.message}), no finding typed`),
  ];
}

/** known-gaps.json: per tune case, each gap line with the reason it is still there, in words. */
export const knownGapsSchema = z.record(
  z.string(),
  z.array(
    z.strictObject({
      gap: z.string().min(1),
      why: z
        .string()
        .min(1)
        .refine((w) => w.trim() !== 'TODO', { message: 'say why this gap is still there' }),
    }),
  ),
);
export type KnownGaps = z.infer<typeof knownGapsSchema>;

export function readKnownGaps(file = KNOWN_GAPS_FILE): KnownGaps {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  const parsed = knownGapsSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file}: malformed\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------
// Sums over cases (the bench)

export interface Tally {
  cases: number;
  cellsHeld: number;
  cellsRight: number;
  fieldsRight: number;
  fields: number;
  expected: number;
  found: number;
  missed: number;
  falseAlarms: number;
  /** every finding the import made that is judged (the base of the false-alarm rate) */
  findings: number;
  arithmeticExpected: number;
  arithmeticFound: number;
}

export function emptyTally(): Tally {
  return { cases: 0, cellsHeld: 0, cellsRight: 0, fieldsRight: 0, fields: 0, expected: 0, found: 0, missed: 0, falseAlarms: 0, findings: 0, arithmeticExpected: 0, arithmeticFound: 0 };
}

export function addToTally(t: Tally, s: CaseScore): void {
  t.cases++;
  t.cellsHeld += s.cells.length;
  t.cellsRight += s.cells.filter((c) => c.verdict === 'right').length;
  t.fields += s.fields.length;
  t.fieldsRight += s.fields.filter((f) => f.right).length;
  t.expected += s.expected.length;
  t.found += s.matched.length;
  t.missed += s.missed.length;
  t.falseAlarms += s.falseAlarms.length;
  t.findings += s.found.length;
  t.arithmeticExpected += s.expected.filter((e) => ARITHMETIC_RULES.has(e.rule)).length;
  t.arithmeticFound += s.matched.filter((e) => ARITHMETIC_RULES.has(e.rule)).length;
}

/**
 * Arithmetic errors put into real reports: in each corpus text, markdown or HTML case, figures of tables 三/四 are
 * changed, one at a time (evenly spaced over the tables): raised by one, or a figure other than 0 printed 0 (the
 * commonest error of the corpus's reports: a total printed 0 beside its parts), or printed with a decimal (「3.5」,
 * no count). Where that changes exactly the one cell the truth holds and the import read right, every sum through
 * that cell now fails, or the cell holds no valid count, and the source check should say so (T3-*, T4-SUM, V-NUM). Counts how often it does. Counted apart: a change after which the import reads the figure's
 * row otherwise (a run of digits cut another way, a figure placed in another column), where an arithmetic finding
 * should follow too unless some reading of the row adds up. Holdout cases only as one sum, like the corpus bench.
 * A silent change is not always a fault: a row whose other cells are printed blank has no sum to judge, and a sum
 * published one off adds up once the right figure of it is changed (its finding goes, none comes).
 */
import { readFileSync } from 'node:fs';
import { importRead, readPublishedBytes } from '../../electron/main/services/import/index.js';
import type { ImportResult } from '../../shared/import/index.js';
import { APPLY_COLUMNS, FORMAT_2021, FORMAT_2021_SINGLE_OTHER, FORMAT_2019 } from '../../shared/report/format.js';
import { readCorpus, truthCells, type CorpusCase } from '../support/corpus.js';
import { ARITHMETIC_RULES } from '../support/corpus-score.js';
import { siblingPages, wrappableCases, wrappedCase } from '../support/corpusDerived.js';

/** A figure as misprinted, and what the import should read from it: a number, or null (no valid count: V-NUM). */
interface Misprint {
  printed: string;
  reads: number | null;
}
/** How a figure is misprinted, or undefined where this change doesn't apply. */
type Change = (figure: number) => Misprint | undefined;
const RAISED: Change = (n) => ({ printed: String(n + 1), reads: n + 1 });
const ZEROED: Change = (n) => (n > 0 ? { printed: '0', reads: 0 } : undefined);
/** a count printed with a decimal (「3.5」): no valid count, the cell left blank and a V-NUM */
const DECIMAL: Change = (n) => ({ printed: `${n}.5`, reads: null });

/** figures changed per case at most */
const PER_CASE = 40;
const TABLE_START = ['本年新收', '维持'];

interface Tally {
  cases: number;
  changes: number;
  found: number;
  /** silent changes where every sum through the cell has a cell the truth holds blank or doesn't hold */
  silentBlank: number;
  /** other silent changes where a sum through the cell failed as published and adds up once the cell is changed */
  silentMended: number;
  /** other silent changes where the import lists a doubt on the cell (its column or its figure) */
  silentDoubted: number;
  /** other silent changes where the import lists a doubt on another cell of every sum through it (so none is judged) */
  silentSumDoubted: number;
  /** changes after which the import reads the figure's row otherwise (cells run together, cut another way) */
  reread: number;
  /** of those, how many an arithmetic finding followed */
  rereadFound: number;
}

/** Every sum a cell is in, as its cells: the format's totals (sumOf, alsoSumOf) and T3-BAL's column. */
const SUMS: readonly (readonly string[])[] = [
  ...[FORMAT_2021, FORMAT_2021_SINGLE_OTHER, FORMAT_2019].flatMap((f) =>
    f.cells.flatMap((c) => [...(c.sumOf ? [[c.key, ...c.sumOf]] : []), ...(c.alsoSumOf ?? []).map((a) => [c.key, ...a.sumOf])]),
  ),
  ...APPLY_COLUMNS.map((c) => ['new', 'carried_over', 'processed_total', 'carried_forward'].map((r) => `apply.${r}.${c.key}`)),
];

/** No sum through this cell can be judged: each has a cell printed blank (or not held by the truth). */
function noSumToJudge(key: string, truth: Map<string, unknown>): boolean {
  return SUMS.filter((s) => s.includes(key)).every((s) => s.some((k) => truth.get(k) === null || truth.get(k) === undefined));
}

/** The import lists a doubt on one of these cells (its column or its figure). */
const doubtedOn = (r: ImportResult, keys: readonly string[]) => r.uncertain.some((u) => keys.some((k) => u.target === k || (u.cells ?? []).includes(k)));

async function importText(text: string, name: string): Promise<ImportResult | undefined> {
  const read = await readPublishedBytes(new TextEncoder().encode(text), name);
  return read.ok ? importRead(read) : undefined;
}

/** The arithmetic findings, each with its message: a sum failing already fails by another figure once a part is changed. */
const arithmeticSigns = (r: ImportResult) =>
  new Set(r.sourceCheck.filter((f) => ARITHMETIC_RULES.has(f.rule)).map((f) => `${f.rule}|${f.target ?? ''}|${f.cells.join(',')}|${f.message}`));

/** The cells an arithmetic finding's sign (`arithmeticSigns`) names. */
const signCells = (sign: string) => (sign.split('|')[2] ?? '').split(',');

/** A run of digits that is one figure, not cells run together. */
const oneFigure = (digits: string) => digits.length <= 5 && !(digits.length > 1 && digits.startsWith('0'));

/**
 * The figures of the tables' part of the text that the change applies to, evenly spaced, at most PER_CASE. A run of
 * more than five digits, or of two or more starting with 0 (「00」), is a row's cells run together (「予以公开1000001」):
 * each digit a figure, changed to one digit.
 * A row label's number (「1.本机关不掌握…」) is no figure.
 */
function figuresToChange(text: string, change: Change): { at: number; figure: string }[] {
  const starts = TABLE_START.map((w) => text.indexOf(w)).filter((i) => i >= 0);
  if (starts.length === 0) return [];
  const from = Math.min(...starts);
  const all = [...text.slice(from).matchAll(/\d+(?!\d|[.．、]\D)/g)]
    .flatMap((m) => (oneFigure(m[0]) ? [{ at: from + m.index, figure: m[0] }] : [...m[0]].map((d, i) => ({ at: from + m.index + i, figure: d, digit: true }))))
    .filter((f) => {
      const to = change(Number(f.figure));
      return to !== undefined && !('digit' in f && to.printed.length !== 1);
    });
  const step = Math.max(1, Math.floor(all.length / PER_CASE));
  return all.filter((_, i) => i % step === Math.floor(step / 2));
}

/** The one table 三/四 cell a changed text moved from the truth's value to what the misprint reads, if that is all it did. */
function changedCell(before: ImportResult, after: ImportResult, truth: Map<string, unknown>, misprint: number | null): string | undefined {
  const keys = new Set([...Object.keys(before.report.cells), ...Object.keys(after.report.cells)]);
  const changed = [...keys].filter((k) => before.report.cells[k] !== after.report.cells[k]);
  const [key] = changed;
  if (changed.length !== 1 || !key || !/^(apply|review)\./.test(key)) return undefined;
  return truth.get(key) === before.report.cells[key] && after.report.cells[key] === misprint ? key : undefined;
}

/** The change moved several cells of one row of table 三/四, each read right before: the row is read otherwise. */
function rowReadOtherwise(before: ImportResult, after: ImportResult, truth: Map<string, unknown>): boolean {
  const keys = new Set([...Object.keys(before.report.cells), ...Object.keys(after.report.cells)]);
  const changed = [...keys].filter((k) => before.report.cells[k] !== after.report.cells[k]);
  const rows = new Set(changed.map((k) => k.split('.').slice(0, 2).join('.')));
  return changed.length > 1 && rows.size === 1 && changed.every((k) => /^(apply|review)\./.test(k) && truth.get(k) === before.report.cells[k]);
}

async function injectInto(c: CorpusCase, change: Change, tally: Tally): Promise<void> {
  const truth = truthCells(c.truth);
  if (![...truth.keys()].some((k) => /^(apply|review)\./.test(k))) return;
  const text = readFileSync(c.source, 'utf8');
  const name = c.source.slice(c.source.lastIndexOf('/') + 1);
  const before = await importText(text, name);
  if (!before) return;
  tally.cases++;
  const signsBefore = arithmeticSigns(before);
  for (const { at, figure } of figuresToChange(text, change)) {
    const misprint = change(Number(figure));
    if (misprint === undefined) continue;
    const after = await importText(text.slice(0, at) + misprint.printed + text.slice(at + figure.length), name);
    if (!after) continue;
    const signsAfter = arithmeticSigns(after);
    const key = changedCell(before, after, truth, misprint.reads);
    if (!key) {
      if (!rowReadOtherwise(before, after, truth)) continue;
      tally.reread++;
      if ([...signsAfter].some((s) => !signsBefore.has(s))) tally.rereadFound++;
      continue;
    }
    tally.changes++;
    if ([...signsAfter].some((s) => !signsBefore.has(s))) tally.found++;
    else if (misprint.reads !== null && noSumToJudge(key, truth)) tally.silentBlank++;
    else if ([...signsBefore].some((s) => !signsAfter.has(s) && signCells(s).includes(key))) tally.silentMended++;
    else if (doubtedOn(after, [key])) tally.silentDoubted++;
    else if (SUMS.filter((s) => s.includes(key)).every((s) => doubtedOn(after, s))) tally.silentSumDoubted++;
  }
}

function line(label: string, t: Tally): string {
  const pct = t.changes ? ((100 * t.found) / t.changes).toFixed(1) : '—';
  const silent = t.changes - t.found;
  return `  ${label.padEnd(26)} ${String(t.cases).padStart(4)} cases  ${String(t.changes).padStart(5)} cells changed alone  found ${t.found} (${pct} %)  silent ${silent} (no sum to judge, a cell blank: ${t.silentBlank}; a sum published one off now adds up: ${t.silentMended}; a doubt on it: ${t.silentDoubted}; on another cell of each sum: ${t.silentSumDoubted}); its row read otherwise ${t.reread}, found ${t.rereadFound}`;
}

async function tallyOf(of: readonly CorpusCase[], change: Change = RAISED): Promise<Tally> {
  const tally: Tally = { cases: 0, changes: 0, found: 0, silentBlank: 0, silentMended: 0, silentDoubted: 0, silentSumDoubted: 0, reread: 0, rereadFound: 0 };
  for (const c of of) await injectInto(c, change, tally);
  return tally;
}

export default async function bench(): Promise<void> {
  const { cases } = readCorpus();
  const textual = cases.filter((c) => ['text', 'markdown', 'html'].includes(c.truth.kind));
  const tune = (of: readonly CorpusCase[]) => of.filter((c) => c.truth.split === 'tune');
  console.log(`one figure of table 三 or 四 raised by one, one other than 0 printed 0, or one printed with a decimal (at most ${PER_CASE} figures a case); an arithmetic finding (T3-*, T4-SUM, V-NUM) should follow`);
  console.log(line('tune, as published', await tallyOf(tune(textual))));
  console.log(line('tune, web pages beside text', await tallyOf(tune(siblingPages(cases)))));
  console.log(line('tune, prose wrapped', await tallyOf(tune(wrappableCases(cases)).map(wrappedCase))));
  // The holdout sum only, as in the corpus bench.
  console.log(line('holdout, as published', await tallyOf(textual.filter((c) => c.truth.split === 'holdout'))));
  console.log(line('tune, printed 0', await tallyOf(tune(textual), ZEROED)));
  console.log(line('holdout, printed 0', await tallyOf(textual.filter((c) => c.truth.split === 'holdout'), ZEROED)));
  console.log(line('tune, a decimal', await tallyOf(tune(textual), DECIMAL)));
  console.log(line('holdout, a decimal', await tallyOf(textual.filter((c) => c.truth.split === 'holdout'), DECIMAL)));
}

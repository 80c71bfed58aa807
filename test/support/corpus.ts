/**
 * The corpus of real published reports (test/fixtures/real, layout and truth.json schema in its README): loading the
 * cases, importing each through the real import path, and scoring the import against the hand-typed truth.
 * Holdout cases are loaded like the others (their truths must validate) but only ever reported in aggregate.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { sectionsOf } from '../../electron/cli/commands/check.js';
import { importRead, loadPublishedReport, readPublishedBytes } from '../../electron/main/services/import/index.js';
import type { ImportResult } from '../../shared/import/index.js';
import { parsePublished } from '../../shared/import/parse.js';
import type { SourceDocument } from '../../shared/import/text.js';
import { asPreviousYear, type Report } from '../../shared/report/model.js';
import { evaluate } from '../../shared/rules/index.js';
import {
  ALL_CELL_KEYS,
  APPLY_COLUMNS,
  FORMAT_2019,
  FORMAT_2021,
  FORMAT_2021_SINGLE_OTHER,
  REVIEW_BLOCKS,
  REVIEW_COLUMNS,
  SECTION_KEYS,
  applyRows,
  type ActiveGroup,
  type SectionKey,
  type TableId,
} from '../../shared/report/format.js';
import { RULE_IDS, type RuleId } from '../../shared/rules/index.js';

export const CORPUS_DIR = fileURLToPath(new URL('../fixtures/real/', import.meta.url));
export const KNOWN_GAPS_FILE = join(CORPUS_DIR, 'known-gaps.json');

// ---------------------------------------------------------------------------------------------
// truth.json

const printed = z.number().finite().nullable();
const printedText = z.string().max(200).nullable();
const row = (n: number) => z.array(printed).length(n);

/** A truth's table 二: one entry per row of the format's groups; a one-cell row is a scalar, others an array. */
function activeSchema(groups: readonly ActiveGroup[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const r of groups.flatMap((g) => g.rows)) {
    const kinds = r.cells.map((c) => c.kind);
    const value = z.union([z.number().finite(), z.string().max(200), z.null()]);
    const cellsOfRow = z
      .array(value)
      .length(kinds.length)
      .superRefine((vs, ctx) => {
        vs.forEach((v, i) => {
          if (typeof v === 'string' && kinds[i] !== 'text') ctx.addIssue({ code: 'custom', path: [i], message: 'expected a number or null' });
          if (typeof v === 'number' && kinds[i] === 'text') ctx.addIssue({ code: 'custom', path: [i], message: 'expected the amount as printed text' });
        });
      });
    shape[rowName(r.key)] = (kinds.length === 1 ? (kinds[0] === 'text' ? printedText : printed) : cellsOfRow).optional();
  }
  return z.strictObject(shape);
}

const applyRowKeys = [...new Set([...applyRows(true), ...applyRows(false)].map((r) => r.key))];
const applySchema = z
  .strictObject(Object.fromEntries(applyRowKeys.map((k) => [k, row(APPLY_COLUMNS.length).optional()])))
  .refine((a) => !(a['other'] && ['other_1', 'other_2', 'other_3'].some((k) => a[k])), { message: 'apply holds both "other" and "other_1..3"' });
const reviewSchema = z.strictObject(Object.fromEntries(REVIEW_BLOCKS.map((b) => [b.key, row(REVIEW_COLUMNS.length).optional()])));

const expectedFindingSchema = z.strictObject({
  rule: z.enum(RULE_IDS as [RuleId, ...RuleId[]]),
  cell: z
    .string()
    .refine((k) => ALL_CELL_KEYS.has(k), { message: 'unknown cell key' })
    .optional(),
  section: z.enum(SECTION_KEYS as [SectionKey, ...SectionKey[]]).optional(),
  reason: z.string().min(1),
});
export type ExpectedFinding = z.infer<typeof expectedFindingSchema>;

export const truthSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    split: z.enum(['tune', 'holdout']),
    kind: z.enum(['html', 'text', 'markdown', 'docx', 'pdf']),
    whole: z.boolean(),
    format: z.enum(['2021', '2019']),
    year: z.number().int().min(2008).max(2100),
    organ: z.string().min(1).nullable(),
    title: z.string().min(1).nullable(),
    tables: z.strictObject({
      active: activeSchema(FORMAT_2021.activeGroups).optional(),
      active2019: activeSchema(FORMAT_2019.activeGroups).optional(),
      apply: applySchema.optional(),
      review: reviewSchema.optional(),
    }),
    findings: z.array(expectedFindingSchema),
    /** the case of the same organ's report for the year before: the cross-year rules run as `report check --previous` */
    previous: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).optional(),
    notes: z.string().optional(),
  })
  .superRefine((t, ctx) => {
    const wrongActive = t.format === '2021' ? 'active2019' : 'active';
    if (t.tables[wrongActive]) ctx.addIssue({ code: 'custom', path: ['tables', wrongActive], message: `format ${t.format} prints no "${wrongActive}" table` });
    const splitOther = ['other_1', 'other_2', 'other_3'].some((k) => t.tables.apply?.[k]);
    if (t.format === '2019' && splitOther) ctx.addIssue({ code: 'custom', path: ['tables', 'apply'], message: 'format 2019 has the single "other" row' });
    t.findings.forEach((f, i) => {
      if (f.cell && !formatOfTruth(t.format, t.tables.apply).cellByKey.has(f.cell)) {
        ctx.addIssue({ code: 'custom', path: ['findings', i, 'cell'], message: `cell ${f.cell} is not in format ${t.format}` });
      }
    });
  });
export type Truth = z.infer<typeof truthSchema>;

/** `active.regulations` → `regulations` (the truth's row name). */
function rowName(rowKey: string): string {
  return rowKey.slice(rowKey.indexOf('.') + 1);
}

function formatOfTruth(format: Truth['format'], apply: Record<string, unknown> | undefined) {
  if (format === '2019') return FORMAT_2019;
  return apply?.['other'] ? FORMAT_2021_SINGLE_OTHER : FORMAT_2021;
}

/** The truth's tables as flat canonical cell keys (`apply.new.natural` → 58); only what the truth holds. */
export function truthCells(truth: Truth): Map<string, number | string | null> {
  const out = new Map<string, number | string | null>();
  const active = truth.format === '2019' ? truth.tables.active2019 : truth.tables.active;
  const groups = truth.format === '2019' ? FORMAT_2019.activeGroups : FORMAT_2021.activeGroups;
  for (const r of groups.flatMap((g) => g.rows)) {
    const value: unknown = active?.[rowName(r.key)];
    if (value === undefined) continue;
    const values: unknown[] = Array.isArray(value) ? value : [value];
    r.cells.forEach((c, i) => out.set(c.key, values[i] as number | string | null));
  }
  for (const [rowKey, values] of Object.entries(truth.tables.apply ?? {})) {
    if (values) APPLY_COLUMNS.forEach((c, i) => out.set(`apply.${rowKey}.${c.key}`, values[i] ?? null));
  }
  for (const [block, values] of Object.entries(truth.tables.review ?? {})) {
    if (values) REVIEW_COLUMNS.forEach((c, i) => out.set(`review.${block}.${c.key}`, values[i] ?? null));
  }
  return out;
}

/** Which tables the truth holds (an excerpt may hold only some). */
export function tablesHeld(truth: Truth): Set<TableId> {
  const held = new Set<TableId>();
  if (truth.tables.active || truth.tables.active2019) held.add('active');
  if (truth.tables.apply) held.add('apply');
  if (truth.tables.review) held.add('review');
  return held;
}

// ---------------------------------------------------------------------------------------------
// The cases on disk

export interface CorpusCase {
  id: string;
  dir: string;
  /** the one `source.<ext>` file */
  source: string;
  truth: Truth;
}

const SOURCE_COLUMNS = ['id', 'split', 'kind', 'whole', 'province', 'level', 'year', 'where_found', 'notes'] as const;
export type SourceRow = Record<(typeof SOURCE_COLUMNS)[number], string>;

/** Every row of every `sources*.tsv` (the helpers transcribing cases each keep their own file). */
export function readSourceRows(dir = CORPUS_DIR): Map<string, SourceRow> {
  const rows = new Map<string, SourceRow>();
  for (const f of readdirSync(dir).filter((n) => /^sources.*\.tsv$/.test(n))) {
    const lines = readFileSync(join(dir, f), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
    for (const line of lines) {
      const fields = line.split('\t');
      if (fields[0] === 'id') continue;
      const rowOf = Object.fromEntries(SOURCE_COLUMNS.map((c, i) => [c, fields[i] ?? ''])) as SourceRow;
      if (rows.has(rowOf.id)) throw new Error(`${f}: case ${rowOf.id} is listed twice`);
      rows.set(rowOf.id, rowOf);
    }
  }
  return rows;
}

/** A truth.json read and validated; a malformed one throws, naming the file and every problem. */
export function readTruth(file: string): Truth {
  const parsed = truthSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`malformed truth ${file}\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** A case folder that can't be used, and why (a malformed truth, a folder and id that differ, no sources row…). */
export interface CaseProblem {
  id: string;
  error: string;
}

/** Every case: a folder holding truth.json, whose id is its folder name and which a sources*.tsv lists alike. */
export function readCorpus(dir = CORPUS_DIR): { cases: CorpusCase[]; problems: CaseProblem[] } {
  const sources = readSourceRows(dir);
  const cases: CorpusCase[] = [];
  const problems: CaseProblem[] = [];
  for (const name of readdirSync(dir).sort()) {
    const caseDir = join(dir, name);
    if (!statSync(caseDir).isDirectory() || !readdirSync(caseDir).includes('truth.json')) continue;
    try {
      cases.push(readCase(caseDir, name, sources.get(name)));
    } catch (e) {
      problems.push({ id: name, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return { cases, problems };
}

/** The cases, or an error naming every malformed one. */
export function listCases(dir = CORPUS_DIR): CorpusCase[] {
  const { cases, problems } = readCorpus(dir);
  if (problems.length > 0) throw new Error(`malformed corpus cases:\n${problems.map((p) => `${p.id}: ${p.error}`).join('\n')}`);
  return cases;
}

function readCase(caseDir: string, name: string, listed: SourceRow | undefined): CorpusCase {
  const truth = readTruth(join(caseDir, 'truth.json'));
  if (truth.id !== name) throw new Error(`truth.json: id "${truth.id}" differs from its folder name`);
  if (!listed) throw new Error('not listed in any sources*.tsv');
  for (const key of ['split', 'kind', 'whole'] as const) {
    if (listed[key] !== String(truth[key])) throw new Error(`sources*.tsv says ${key} "${listed[key]}", truth.json "${String(truth[key])}"`);
  }
  const sourceFiles = readdirSync(caseDir).filter((f) => /^source\.[a-z]+$/.test(f));
  const [source] = sourceFiles;
  if (sourceFiles.length !== 1 || !source) throw new Error(`expected one source.<ext> file, found ${sourceFiles.length}`);
  return { id: name, dir: caseDir, source: join(caseDir, source), truth };
}

/**
 * The case imported exactly as the app imports a chosen file: its bytes, read and parsed and checked. When its
 * truth names last year's case, the cross-year findings of `report check <source> --previous <last year's source>`
 * (the command line a reviewer runs) join the source check.
 */
export async function importCase(c: Pick<CorpusCase, 'source' | 'truth'>, cases: readonly CorpusCase[] = []): Promise<ImportResult> {
  const bytes = new Uint8Array(readFileSync(c.source));
  const read = await readPublishedBytes(bytes, c.source.slice(c.source.lastIndexOf('/') + 1));
  if (!read.ok) throw new Error(`${c.source}: ${read.error}`);
  const result = importRead(read);
  if (!c.truth.previous) return result;
  const previous = cases.find((p) => p.id === c.truth.previous);
  if (!previous) throw new Error(`${c.source}: last year's case ${c.truth.previous} is not in the corpus`);
  return { ...result, sourceCheck: [...result.sourceCheck, ...(await crossYearFindings(read.doc, previous.source))] };
}

/** Last year's report of a case, read once (a case's made DOCX and PDF forms compare with the same one). */
const previousReports = new Map<string, Promise<Report>>();

function previousReport(source: string): Promise<Report> {
  let read = previousReports.get(source);
  if (!read) {
    read = loadPublishedReport(source).then((loaded) => {
      if (!loaded.ok) throw new Error(`${source}: ${loaded.error}`);
      return loaded.report;
    });
    previousReports.set(source, read);
  }
  return read;
}

/**
 * What `report check <file> --previous <last year's>` finds across the years, computed here as the command's checkFile
 * does (the rules on the report with `asPreviousYear` attached), in this process: the command reads each published
 * file in a worker of its own, seconds to start from the sources, for every case.
 */
async function crossYearFindings(doc: SourceDocument, previousSource: string): Promise<ImportResult['sourceCheck']> {
  const report = { ...parsePublished(doc).report, previous: asPreviousYear(await previousReport(previousSource)) };
  // the finding's first section (XY-COPY: its first copied passage's) is where the app's 定位 goes
  return evaluate(report)
    .filter((f) => f.rule.startsWith('XY-'))
    .map((f) => {
      const section = sectionsOf(f)[0] as SectionKey | undefined;
      return { rule: f.rule, severity: f.severity, cells: f.cells, message: f.message, ...(section ? { section } : {}) };
    });
}

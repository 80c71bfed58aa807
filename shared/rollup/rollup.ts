/**
 * 汇总: many units' reports of one year → one roll-up draft for the government (issue 12). Which cells are added up
 * comes from the format definition (`CellDef.rollup`): additive cells are summed exactly (decimal, no float drift),
 * government-level cells are left blank for entry with the units' values kept for reference, totals are computed
 * by the app as always. Units of another year or format, duplicates and unreadable files are listed, not summed.
 */
import { FORMATS, formatFor, formatIdForYear, type CellDef, type FormatId, type ReportFormat } from '../report/format.js';
import { canonicalTitle, nestCells, numericValue, type Cells, type Report } from '../report/model.js';
import { isLocked, LOCKED_MESSAGE } from '../report/reviewState.js';
import { draftToReport, newDraft, type DraftFile } from '../schema/draft.js';
import { exactSum, toMillionths } from './decimal.js';
import { EXCLUSION_KINDS, ROLLUP_MAX_SOURCES, type ExclusionKind, type RollupRecord, type RollupScope, type RollupSource } from './record.js';
import { matchRoster, normaliseUnitName } from './units.js';

/** One unit's file as read: its report, or why it couldn't be read. */
export interface UnitInput {
  file: string;
  location?: string;
  sha256?: string;
  loaded: { ok: true; report: Report } | { ok: false; error: string };
}

export interface RollupOptions {
  scope: RollupScope;
  /** the report year; by default the year most units report */
  year?: number;
  /** names of the units expected (optional) */
  roster?: readonly string[];
  /** the government the roll-up is for (its draft's 机关名称) */
  organ?: string;
  /** ISO time recorded in the draft */
  now?: string;
}

export interface Contribution {
  unit: string;
  value: number;
}

/** One entered cell of the roll-up: its sum (or blank for entry) and where it came from. */
export interface RolledCell {
  key: string;
  name: string;
  rule: CellDef['rollup'];
  /** the sum ('sum'); null for 'entry' cells and when no unit gave a figure */
  value: number | null;
  contributions: Contribution[];
  /** units counted that left this cell blank */
  blankUnits: string[];
  /** units whose cell holds text that isn't a number, or a number no cell can hold (too many decimals, too large): not counted */
  invalidUnits: string[];
}

export interface RollupResult {
  year: number;
  format: FormatId;
  cells: RolledCell[];
  sources: RollupSource[];
  /** roster entries no counted unit stands for, and counted units not on the roster; null without a roster */
  roster: { missing: string[]; notOnRoster: string[] } | null;
  draft: DraftFile;
}

/** The year most readable reports give (the latest on a tie); undefined when none is readable. */
function commonYear(units: readonly UnitInput[]): number | undefined {
  const counts = new Map<number, number>();
  for (const u of units) if (u.loaded.ok) counts.set(u.loaded.report.year, (counts.get(u.loaded.report.year) ?? 0) + 1);
  let best: [number, number] | undefined;
  for (const [year, n] of counts) if (!best || n > best[1] || (n === best[1] && year > best[0])) best = [year, n];
  return best?.[0];
}

function unitName(u: UnitInput): string {
  const r = u.loaded.ok ? u.loaded.report : undefined;
  const name = r?.organ?.trim() || r?.signature?.organ?.trim() || u.file.replace(/\.[^.]+$/, '');
  return name.slice(0, 200);
}

function enteredFigures(report: Report, format: ReportFormat): Record<string, number> {
  const out: Record<string, number> = {};
  for (const def of format.cells) {
    if (def.sumOf) continue;
    const v = numericValue(report.cells[def.key]);
    if (v !== null) out[def.key] = v;
  }
  return out;
}

function exclude(source: RollupSource, kind: ExclusionKind, reason: string): RollupSource {
  return { ...source, status: 'excluded', exclusion: kind, reason: `${EXCLUSION_KINDS[kind]}：${reason}` };
}

/** Each unit's source record: counted, or left out with the reason (unreadable, another year or format, duplicate). */
function classify(units: readonly UnitInput[], year: number, target: ReportFormat, roster: readonly string[] | undefined): RollupSource[] {
  const seen = new Map<string, string>();
  return units.map((u) => {
    const base: RollupSource = { file: u.file.slice(0, 500), unit: unitName(u), status: 'included', cells: {} };
    if (u.location) base.location = u.location;
    if (u.sha256) base.sha256 = u.sha256;
    if (!u.loaded.ok) return exclude(base, 'unreadable', u.loaded.error);
    const report = u.loaded.report;
    base.year = report.year;
    const format = formatFor(report.format, Object.keys(report.cells));
    base.cells = enteredFigures(report, format);
    if (report.year !== year) return exclude(base, 'other-year', `报告年度为 ${report.year} 年，汇总的是 ${year} 年`);
    if (format !== target) return exclude(base, 'other-format', `报告为${format.name}，汇总使用${target.name}`);
    const identity = [u.sha256 ? `sha:${u.sha256}` : '', `unit:${normaliseUnitName((roster && matchRoster(base.unit, roster)) ?? base.unit)}`];
    const earlier = identity.map((id) => (id ? seen.get(id) : undefined)).find((x) => x !== undefined);
    if (earlier !== undefined) return exclude(base, 'duplicate', `与「${earlier}」是同一单位的报告，只计入一次`);
    for (const id of identity) if (id) seen.set(id, base.file);
    return base;
  });
}

function rollCell(def: CellDef, counted: readonly { source: RollupSource; report: Report }[]): RolledCell {
  const contributions: Contribution[] = [];
  const blankUnits: string[] = [];
  const invalidUnits: string[] = [];
  for (const { source, report } of counted) {
    const raw = report.cells[def.key];
    const v = numericValue(raw);
    // a figure that can't be added exactly (1e-7, 1e300: a hostile or broken file) is that unit's error, not the roll-up's
    if (v !== null && toMillionths(v) !== null) contributions.push({ unit: source.unit, value: v });
    else if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) blankUnits.push(source.unit);
    else invalidUnits.push(source.unit);
  }
  const value = def.rollup === 'sum' && contributions.length > 0 ? exactSum(contributions.map((c) => c.value)) : null;
  return { key: def.key, name: def.name, rule: def.rollup, value, contributions, blankUnits, invalidUnits };
}

function rosterCheck(sources: readonly RollupSource[], roster: readonly string[]): { missing: string[]; notOnRoster: string[] } {
  const covered = new Set<string>();
  const notOnRoster: string[] = [];
  for (const s of sources) {
    if (s.status !== 'included') continue;
    const entry = matchRoster(s.unit, roster);
    if (entry === null) notOnRoster.push(s.unit);
    else covered.add(entry);
  }
  return { missing: roster.filter((r) => !covered.has(r)), notOnRoster };
}

/** Roll up units' reports. Pure and deterministic (given `now`); never throws for a unit's content. */
export function rollUp(units: readonly UnitInput[], options: RollupOptions): RollupResult {
  if (units.length > ROLLUP_MAX_SOURCES) throw new RangeError(`一次最多汇总 ${ROLLUP_MAX_SOURCES} 个文件`);
  const year = options.year ?? commonYear(units) ?? new Date().getFullYear() - 1;
  const target = FORMATS[formatIdForYear(year)];
  const sources = classify(units, year, target, options.roster);
  const counted = sources.flatMap((source, i) => {
    const loaded = units[i]?.loaded;
    return source.status === 'included' && loaded?.ok ? [{ source, report: loaded.report }] : [];
  });
  const cells = target.cells.filter((d) => !d.sumOf).map((d) => rollCell(d, counted));
  const flat: Cells = {};
  for (const c of cells) flat[c.key] = c.value;
  const draft = newDraft({ year, format: target.id, organ: options.organ ?? '', level: 'government' });
  draft.cells = nestCells(flat);
  if (options.organ) draft.meta.title = canonicalTitle(options.organ, year);
  const record: RollupRecord = { scope: options.scope, createdAt: options.now ?? new Date().toISOString(), sources };
  if (options.roster) record.roster = [...options.roster];
  return { year, format: target.id, cells, sources, roster: options.roster ? rosterCheck(sources, options.roster) : null, draft: { ...draft, rollup: record } };
}

export type RefreshResult = { ok: true; draft: DraftFile; changed: string[] } | { ok: false; error: string };

/**
 * A roll-up re-run onto the draft it made earlier (a unit's file changed): the summed cells take the new sums and the
 * record the new files; what the clerk did since — the cells left for entry, the text, the names, the versions — is
 * kept. `changed`: the summed cells whose figure is now different. A 定稿 draft is not changed.
 */
export function refreshRollupDraft(earlier: DraftFile, result: RollupResult): RefreshResult {
  if (isLocked(earlier)) return { ok: false, error: LOCKED_MESSAGE };
  if (earlier.year !== result.year) return { ok: false, error: `汇总草稿为 ${earlier.year} 年度，与重新汇总的 ${result.year} 年度不同` };
  if (earlier.format !== result.format) return { ok: false, error: `汇总草稿为 ${FORMATS[earlier.format].name}，与重新汇总的 ${FORMATS[result.format].name} 不同` };
  const cells: Cells = { ...draftToReport(earlier).cells };
  const changed: string[] = [];
  for (const c of result.cells) {
    if (c.rule !== 'sum') continue;
    if ((cells[c.key] ?? null) !== c.value) changed.push(c.key);
    cells[c.key] = c.value;
  }
  return { ok: true, draft: { ...earlier, cells: nestCells(cells), rollup: result.draft.rollup ?? null }, changed };
}

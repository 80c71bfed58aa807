/**
 * `report rollup <file|folder>… --out <draft> [--roster <units.txt>] …`: 汇总 of units' reports into a roll-up draft
 * (issue 12). A roll-up draft already at `--out` is updated, keeping what was entered there (cells left for entry, text).
 * Given only `--out` naming an earlier roll-up draft, re-runs it on the files it recorded (after a unit's
 * file changed). Prints what was counted, what was left out and why, the roster's gaps and the cells left for entry
 * with the units' values. Exit 0 when every unit was counted, 1 when some were left out or missing, 2 on bad input.
 */
import { formatCellValue } from '../../../shared/report/numbers.js';
import { parseRoster, refreshRollupDraft, ROLLUP_SCOPES, type RollupRecord, type RollupResult, type RollupScope } from '../../../shared/rollup/index.js';
import { parseDraftText, serializeDraft, type DraftFile } from '../../../shared/schema/draft.js';
import { writeFileAtomic } from '../../main/services/atomicWrite.js';
import { saveDraftFile } from '../../main/services/draftFiles.js';
import { readRegularText } from '../../main/services/draftFiles.js';
import { expandInputs } from '../../main/services/office/folder.js';
import { OfficePool } from '../../main/services/office/pool.js';
import { rollUpFiles } from '../../main/services/office/rollupFiles.js';
import { writeTablesXlsx } from '../../main/services/office/xlsx.js';
import { draftToReport } from '../../../shared/schema/draft.js';
import { CliError, stringOption, type CliIo, type Command, type ParsedArgs } from '../args.js';

const USAGE = 'rollup <文件或文件夹>… --out <汇总草稿> [--roster <单位名单.txt>] [--year <年度>] [--organ <机关名称>] [--scope 本机关|全县汇总] [--xlsx <表格.xlsx>] [--workers <n>]';

function scopeOf(args: ParsedArgs, recorded: RollupScope | undefined): RollupScope {
  const given = stringOption(args, 'scope');
  if (given === undefined) return recorded ?? 'county';
  const found = (Object.keys(ROLLUP_SCOPES) as RollupScope[]).find((k) => ROLLUP_SCOPES[k] === given || k === given);
  if (!found) throw new CliError(`--scope 应为「本机关」或「全县汇总」，不是「${given}」`);
  return found;
}

function positiveInt(args: ParsedArgs, name: string): number | undefined {
  const v = stringOption(args, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`--${name} 应为正整数，不是「${v}」`);
  return n;
}

interface EarlierRollup {
  record: RollupRecord;
  organ: string;
  year: number;
  draft: DraftFile;
}

/**
 * A roll-up draft already at `--out`: updated in place (what the clerk entered there stays), its scope, roster, organ
 * and year the defaults. Required when re-running without files; otherwise undefined when there is none.
 */
async function earlierRollup(out: string, required: boolean): Promise<EarlierRollup | undefined> {
  // one open and its fstat (readRegularText): a FIFO is refused, never waited on
  const read = await readRegularText(out, { action: 'read' });
  if (!read.ok) {
    if (required) throw new CliError(`没有给出要汇总的文件，且「${out}」不是已有的汇总草稿：${read.error}`);
    return undefined;
  }
  const parsed = parseDraftText(read.text);
  if (!parsed.ok || !parsed.draft.rollup) {
    if (required) throw new CliError(`没有给出要汇总的文件，且「${out}」不是汇总草稿${parsed.ok ? '' : `：${parsed.error}`}`);
    return undefined;
  }
  return { record: parsed.draft.rollup, organ: parsed.draft.meta.organ, year: parsed.draft.year, draft: parsed.draft };
}

/** The unit roster's text: one open and its fstat (readRegularText), so a FIFO is refused, never waited on. */
async function readRoster(path: string): Promise<string> {
  const read = await readRegularText(path, { action: 'read' });
  if (!read.ok) throw new CliError(`无法读取单位名单：${read.error}`);
  return read.text;
}

function printSummary(result: RollupResult, io: CliIo): number {
  const counted = result.sources.filter((s) => s.status === 'included');
  const left = result.sources.filter((s) => s.status === 'excluded');
  io.out(`汇总 ${result.year} 年度：计入 ${counted.length} 个单位，未计入 ${left.length} 个文件。\n`);
  for (const s of left) io.out(`  未计入「${s.file}」（${s.unit}）：${s.reason ?? ''}\n`);
  if (result.roster) {
    for (const m of result.roster.missing) io.out(`  缺少单位：${m}\n`);
    for (const n of result.roster.notOnRoster) io.out(`  不在名单中（已计入）：${n}\n`);
  }
  const entry = result.cells.filter((c) => c.rule === 'entry' && c.contributions.length > 0);
  if (entry.length) io.out('\n以下单元格为本级政府数据，不汇总，请填写（各单位数值供参考）：\n');
  for (const c of entry) io.out(`  ${c.name}：${c.contributions.map((x) => `${x.unit} ${formatCellValue(x.value)}`).join('，')}\n`);
  const partial = result.cells.filter((c) => c.rule === 'sum' && c.value !== null && (c.blankUnits.length > 0 || c.invalidUnits.length > 0));
  if (partial.length) io.out(`\n${partial.length} 个单元格有单位未填或填写有误（只计入已填的数值），请核对。\n`);
  return left.length > 0 || (result.roster?.missing.length ?? 0) > 0 ? 1 : 0;
}

export const rollupCommand: Command = {
  usage: USAGE,
  values: ['out', 'roster', 'year', 'organ', 'scope', 'xlsx', 'workers'],
  outputs: { out: '.gkbg', xlsx: '.xlsx' },
  inputs: ['roster'],
  flags: ['json'],
  files: 'many',
  async run(args, io) {
    const out = stringOption(args, 'out');
    if (!out) throw new CliError(`用法：report ${USAGE}`);
    const earlier = await earlierRollup(out, args.positional.length === 0);
    const paths = args.positional.length === 0 && earlier ? earlier.record.sources.flatMap((s) => (s.location ? [s.location] : [])) : await expandInputs(args.positional).catch((e: Error) => {
      throw new CliError(e.message);
    });
    if (paths.length === 0) throw new CliError('没有可汇总的文件');
    const rosterPath = stringOption(args, 'roster');
    const roster = rosterPath ? parseRoster(await readRoster(rosterPath)) : earlier?.record.roster;
    const pool = new OfficePool({ workers: positiveInt(args, 'workers') });
    try {
      // given files, their own year decides (a roll-up draft of another year at --out is refused, not overwritten)
      const year = positiveInt(args, 'year') ?? (args.positional.length === 0 ? earlier?.year : undefined);
      const organ = stringOption(args, 'organ') ?? earlier?.organ;
      const run = await rollUpFiles(pool, paths, { scope: scopeOf(args, earlier?.record.scope), ...(year ? { year } : {}), ...(roster ? { roster } : {}), ...(organ ? { organ } : {}) });
      if (run.canceled) throw new CliError('汇总已取消');
      // a re-run keeps what the clerk entered in the roll-up draft since (cells left for entry, text, versions)
      const refreshed = earlier ? refreshRollupDraft(earlier.draft, run.result) : { ok: true as const, draft: run.result.draft };
      if (!refreshed.ok) throw new CliError(`${refreshed.error}${args.positional.length ? `；请另选 --out` : ''}`);
      const saved = await saveDraftFile(out, serializeDraft(refreshed.draft));
      if (!saved.ok) throw new CliError(saved.error);
      const xlsx = stringOption(args, 'xlsx');
      if (xlsx) await writeFileAtomic(xlsx, await writeTablesXlsx(draftToReport(refreshed.draft)));
      if (args.options.has('json')) {
        io.out(`${JSON.stringify({ draft: saved.path, year: run.result.year, sources: run.result.sources.map(({ cells: _cells, ...s }) => s), roster: run.result.roster, cells: run.result.cells }, null, 2)}\n`);
        return run.result.sources.some((s) => s.status === 'excluded') || (run.result.roster?.missing.length ?? 0) > 0 ? 1 : 0;
      }
      const code = printSummary(run.result, io);
      io.out(`\n汇总草稿已保存到 ${saved.path}${xlsx ? `，表格已导出到 ${xlsx}` : ''}\n`);
      return code;
    } finally {
      await pool.close();
    }
  },
};

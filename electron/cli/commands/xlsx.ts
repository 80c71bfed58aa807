/**
 * `report xlsx <file> --out <tables.xlsx>` and `report xlsx <tables.xlsx> --out <draft>`: a report's three tables as an
 * Excel workbook laid out like the printed tables (labels locked, totals as formulas) — or, with `--blank`, an empty
 * one for a unit to fill in — and such a workbook, filled in, read back into a draft (lossless).
 */
import { extname } from 'node:path';
import { FORMAT_2021 } from '../../../shared/report/format.js';
import { blankCells, type Report } from '../../../shared/report/model.js';
import { reportToDraft, serializeDraft } from '../../../shared/schema/draft.js';
import { readRegularFile, writeFileAtomic } from '../../main/services/atomicWrite.js';
import { saveDraftFile } from '../../main/services/draftFiles.js';
import { readTablesXlsx, writeTablesXlsx } from '../../main/services/office/xlsx.js';
import { CliError, describeFailure, loadReportArgs, stringOption, type Command } from '../args.js';

const USAGE = 'xlsx <报告文件> --out <表格.xlsx> | xlsx --blank --year <年度> [--organ <单位>] --out <表格.xlsx> | xlsx <表格.xlsx> --out <草稿>';

function blankReport(year: string | undefined, organ: string | undefined): Report {
  const y = Number(year);
  if (!Number.isInteger(y) || y < 2021 || y > 2100) throw new CliError('--blank 需要 --year <2021 年及以后的年度>');
  const report: Report = { format: '2021', year: y, cells: blankCells(FORMAT_2021) };
  if (organ) report.organ = organ;
  return report;
}

/** A filled-in workbook's bytes: read with readRegularFile, so a FIFO is refused, never waited on. */
async function readWorkbook(path: string): Promise<Buffer> {
  try {
    return await readRegularFile(path);
  } catch (e) {
    throw new CliError(describeFailure(e, path, 'open'));
  }
}

export const xlsxCommand: Command = {
  usage: USAGE,
  flags: ['blank'],
  values: ['out', 'year', 'organ'],
  outputs: { out: '' },
  async run(args, io) {
    const out = stringOption(args, 'out');
    if (!out) throw new CliError(`用法：report ${USAGE}`);
    const input = args.positional[0];
    if (input && extname(input).toLowerCase() === '.xlsx') {
      const read = await readTablesXlsx(await readWorkbook(input));
      if (!read.ok) throw new CliError(read.error);
      const saved = await saveDraftFile(out, serializeDraft(reportToDraft(read.report, new Set(Object.keys(read.report.cells)))));
      if (!saved.ok) throw new CliError(saved.error);
      io.out(`已从表格读取 ${read.report.organ ?? ''} ${read.report.year} 年度的数据，草稿已保存到 ${saved.path}\n`);
      return 0;
    }
    const report = args.options.has('blank') ? blankReport(stringOption(args, 'year'), stringOption(args, 'organ')) : (await loadReportArgs(args, USAGE)).report;
    await writeFileAtomic(out, await writeTablesXlsx(report));
    io.out(`表格已导出到 ${out}\n`);
    return 0;
  },
};

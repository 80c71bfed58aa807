import { toReportData } from '../../../shared/schema/reportData.js';
import { loadReportFile } from '../../main/services/reportFiles.js';
import { CliError, type Command } from '../args.js';

/** `data <file>`: the report as report data JSON (published reports keep their printed totals). */
export const dataCommand: Command = {
  usage: 'data <文件>',
  async run(args, io) {
    const file = args.positional[0];
    if (!file) throw new CliError('用法：report data <文件>');
    const loaded = await loadReportFile(file);
    if (!loaded.ok) throw new CliError(loaded.error);
    io.out(`${JSON.stringify(toReportData(loaded.report, { keepPrintedTotals: loaded.kind !== 'draft' }), null, 2)}\n`);
    return 0;
  },
};

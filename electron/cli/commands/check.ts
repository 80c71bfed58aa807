import { evaluate } from '../../../shared/rules/index.js';
import type { Report } from '../../../shared/report/model.js';
import { loadReportFile } from '../../main/services/reportFiles.js';
import { CliError, stringOption, type Command } from '../args.js';

/** `check <file> [--previous <file>] [--json]`: the findings; exit 1 when any is an error. */
export const checkCommand: Command = {
  usage: 'check <文件> [--previous <上年文件>] [--json] [--final]',
  flags: ['json', 'final'],
  async run(args, io) {
    const file = args.positional[0];
    if (!file) throw new CliError('用法：report check <文件> [--previous <上年文件>] [--json]');
    const loaded = await loadReportFile(file);
    if (!loaded.ok) throw new CliError(loaded.error);
    const report: Report = { ...loaded.report };
    const previousPath = stringOption(args, 'previous');
    if (previousPath) {
      const prev = await loadReportFile(previousPath);
      if (!prev.ok) throw new CliError(`上年报告：${prev.error}`);
      report.previous = { year: prev.report.year, format: prev.report.format, cells: prev.report.cells, sections: prev.report.sections ?? {} };
    }
    const findings = evaluate(report, { stage: args.options.has('final') ? 'final' : 'draft' });
    if (args.options.has('json')) {
      io.out(`${JSON.stringify({ findings: findings.map((f) => ({ rule: f.rule, severity: f.severity, cells: f.cells, message: f.message })) }, null, 2)}\n`);
    } else if (findings.length === 0) {
      io.out('未发现问题。\n');
    } else {
      for (const f of findings) io.out(`${f.severity === 'error' ? '错误' : '警告'} [${f.rule}] ${f.message}\n`);
      const errors = findings.filter((f) => f.severity === 'error').length;
      io.out(`共 ${errors} 个错误，${findings.length - errors} 个警告。\n`);
    }
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  },
};

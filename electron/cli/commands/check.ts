import { evaluate } from '../../../shared/rules/index.js';
import { loadReportArgs, type Command } from '../args.js';

const USAGE = 'check <文件> [--previous <上年文件>] [--json] [--final]';

/** `check <file> [--previous <file>] [--json]`: the findings; exit 1 when any is an error. */
export const checkCommand: Command = {
  usage: USAGE,
  flags: ['json', 'final'],
  async run(args, io) {
    const { report } = await loadReportArgs(args, USAGE);
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

/** Command-line parsing shared by every `report` command: positional arguments and `--flag value` options. */
import type { Report } from '../../shared/report/model.js';
import { loadReportFile, type FileLoadResult } from '../main/services/reportFiles.js';
export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

/** `flags` are options that take no value, so `--json file.json` keeps `file.json` positional. */
export function parseArgs(argv: readonly string[], flags: readonly string[] = []): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) options.set(a.slice(2, eq), a.slice(eq + 1));
      else {
        const next = argv[i + 1];
        if (!flags.includes(a.slice(2)) && next !== undefined && !next.startsWith('--')) {
          options.set(a.slice(2), next);
          i++;
        } else options.set(a.slice(2), true);
      }
    } else positional.push(a);
  }
  return { positional, options };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** Exit codes: 0 fine, 1 the report has errors, 2 the input can't be read or the usage is wrong. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export type Command = {
  usage: string;
  /** boolean flags the command takes (others take a value) */
  flags?: readonly string[];
  run: (args: ParsedArgs, io: CliIo) => Promise<number>;
};

/**
 * The report a command works on (`<file>`, any kind `loadReportFile` reads), with last year's from `--previous`
 * when given, so the cross-year rules run.
 */
export async function loadReportArgs(args: ParsedArgs, usage: string): Promise<{ loaded: Extract<FileLoadResult, { ok: true }>; report: Report }> {
  const file = args.positional[0];
  if (!file) throw new CliError(`用法：report ${usage}`);
  const loaded = await loadReportFile(file);
  if (!loaded.ok) throw new CliError(loaded.error);
  const report: Report = { ...loaded.report };
  const previousPath = stringOption(args, 'previous');
  if (previousPath) {
    const prev = await loadReportFile(previousPath);
    if (!prev.ok) throw new CliError(`上年报告：${prev.error}`);
    report.previous = { year: prev.report.year, format: prev.report.format, cells: prev.report.cells, sections: prev.report.sections ?? {} };
  }
  return { loaded, report };
}

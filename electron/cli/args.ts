/**
 * Command-line parsing shared by every `report` command. Each command declares its options here in one shape
 * (flags without a value, options with one, how many files); anything else — an unknown or misspelt option, a
 * missing value, a file too many — is refused with a Chinese message, never silently ignored.
 */
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { editDistance } from '../../shared/import/text.js';
import { asPreviousYear, type Report } from '../../shared/report/model.js';
import { describeFileError, errorCode, type FileAction } from '../main/services/fsErrors.js';
import { unitFilesIn } from '../main/services/office/folder.js';
import { withReportFiles, type FileLoadResult, type ReportFileReader } from '../main/services/reportFiles.js';

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

/** What a command accepts on its command line. */
export interface CommandOptions {
  /** options that take no value (`--json`) */
  flags?: readonly string[];
  /** options that take one value (`--previous <file>`, or `--previous=<file>`) */
  values?: readonly string[];
  /** 'one' (default): at most one file; 'many': any number */
  files?: 'one' | 'many';
  /**
   * options naming a file or folder the command writes, each with the extension given to a name without one
   * (`--out 报告` → `报告.gkbg`; '' adds none): none may be an input or another output (`refuseOverwrites`)
   */
  outputs?: Readonly<Record<string, string>>;
  /** options naming a file the command reads, besides its positional files (`--previous`) */
  inputs?: readonly string[];
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

export type Command = CommandOptions & {
  usage: string;
  run: (args: ParsedArgs, io: CliIo) => Promise<number>;
};

/** The declared option closest to a misspelt one (`previos` → `previous`), if any is close. */
function closest(name: string, known: readonly string[]): string | undefined {
  let best: { option: string; distance: number } | undefined;
  for (const option of known) {
    const distance = editDistance(name, option);
    if (distance <= Math.max(1, Math.floor(option.length / 3)) && (!best || distance < best.distance)) best = { option, distance };
  }
  return best?.option;
}

/**
 * The command line of a command: its files and options, as `spec` declares them. Throws CliError (exit 2) on
 * anything it doesn't declare. `--` ends the options (a file whose name starts with `-` follows it).
 */
export function parseArgs(argv: readonly string[], spec: CommandOptions & { usage?: string } = {}): ParsedArgs {
  const flags = spec.flags ?? [];
  const values = spec.values ?? [];
  const refuse = (message: string) => new CliError(spec.usage ? `${message}\n用法：report ${spec.usage}` : message);
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      positional.push(a);
      continue;
    }
    const body = a.startsWith('--') ? a.slice(2) : a.slice(1);
    const eq = body.indexOf('=');
    const name = eq >= 0 ? body.slice(0, eq) : body;
    const inline = eq >= 0 ? body.slice(eq + 1) : undefined;
    if (!a.startsWith('--') || (!flags.includes(name) && !values.includes(name))) {
      const guess = closest(name, [...flags, ...values]);
      throw refuse(`未知的选项「${a.startsWith('--') ? '--' : '-'}${name}」${guess ? `（是否想用 --${guess}？）` : ''}`);
    }
    if (options.has(name)) throw refuse(`选项「--${name}」只能给一次`);
    if (flags.includes(name)) {
      if (inline !== undefined) throw refuse(`选项「--${name}」不带值`);
      options.set(name, true);
      continue;
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) throw refuse(`选项「--${name}」后面缺少值`);
    options.set(name, value);
    if (inline === undefined) i++;
  }
  if ((spec.files ?? 'one') === 'one' && positional.length > 1) throw refuse(`多余的参数「${positional[1]}」：此命令只处理一个文件`);
  for (const [name, extension] of Object.entries(spec.outputs ?? {})) {
    const value = options.get(name);
    if (typeof value === 'string' && extension && extname(value) === '') options.set(name, `${value}${extension}`);
  }
  // relative paths mean the folder the clerk typed the command in, not the one npm moved us to
  const base = callerFolder();
  if (base !== process.cwd()) {
    const located = (path: string) => (path === '' || isAbsolute(path) ? path : resolve(base, path));
    positional.splice(0, positional.length, ...positional.map(located));
    for (const name of [...Object.keys(spec.outputs ?? {}), ...(spec.inputs ?? [])]) {
      const value = options.get(name);
      if (typeof value === 'string') options.set(name, located(value));
    }
  }
  return { positional, options };
}

/**
 * The folder relative paths on the command line are relative to: where the clerk typed the command. `npm run report`
 * runs us in the project folder and keeps the caller's in INIT_CWD (npm sets both for every run, so an INIT_CWD
 * inherited from another npm script — `npm test` spawning `tsx report.ts` — is not taken for ours); otherwise ours.
 */
export function callerFolder(env: NodeJS.ProcessEnv = process.env): string {
  const initCwd = env.INIT_CWD;
  return env.npm_lifecycle_event === 'report' && initCwd && isAbsolute(initCwd) ? initCwd : process.cwd();
}

/** A path's real location: symlinks and `..` resolved; for a file not there yet, its folder's (the name kept). */
async function realLocation(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(await realLocation(parent), basename(path));
  }
}

/** What identifies a file: an existing one by device and inode (hard links, symlinks), else its real location. */
async function fileIdentity(path: string): Promise<string> {
  const info = await stat(path).catch(() => null);
  if (info) return `inode ${info.dev}:${info.ino}`;
  const location = await realLocation(resolve(path));
  return process.platform === 'win32' || process.platform === 'darwin' ? location.toLowerCase() : location;
}

/**
 * Nothing a command writes may be a file it reads or another of its outputs (`export X.docx --review X.docx`,
 * `import X --out X`, `--docx o.docx --review o.docx`): compared by real path and inode, symlinks included.
 * Every command's declared `outputs` and `inputs` go through here (report.ts, before the command runs).
 */
export async function refuseOverwrites(args: ParsedArgs, spec: CommandOptions): Promise<void> {
  const inputs = await inputIdentities(args, spec);
  const outputs = new Map<string, string>();
  for (const option of Object.keys(spec.outputs ?? {})) {
    const path = stringOption(args, option);
    if (path === undefined) continue;
    const identity = await fileIdentity(path);
    if (inputs.has(identity)) throw new CliError(`输出文件不能与输入文件相同：--${option}「${path}」就是输入的文件，写入会覆盖它；请换一个文件名`);
    const other = outputs.get(identity);
    if (other) throw new CliError(`两个输出不能是同一个文件：--${option}「${path}」与 ${other} 相同，只会留下一个；请换一个文件名`);
    outputs.set(identity, `--${option}「${path}」`);
  }
}

/**
 * The files a command reads: its positional files and declared inputs; a folder (check, rollup) stands for the
 * units' files it reads in it (`unitFilesIn`) — a new output beside them is fine, one of them is not.
 */
async function inputIdentities(args: ParsedArgs, spec: CommandOptions): Promise<Set<string>> {
  const inputs = new Set<string>();
  const given = [...args.positional, ...(spec.inputs ?? []).flatMap((o) => stringOption(args, o) ?? [])];
  for (const input of given) {
    const isFolder = (await stat(input).catch(() => null))?.isDirectory();
    // a folder that can't be listed is the command's own error to report
    const files = isFolder ? await unitFilesIn(input).catch(() => []) : [input];
    for (const file of files) inputs.add(await fileIdentity(file));
  }
  return inputs;
}

/**
 * Outputs known only once the report is read (the files `export --bundle` names after the report's title): none may
 * be a file the command reads, by the same rule as `refuseOverwrites`.
 */
export async function refuseWritingInputs(option: string, paths: readonly string[], args: ParsedArgs, spec: CommandOptions): Promise<void> {
  const inputs = await inputIdentities(args, spec);
  for (const path of paths) {
    if (inputs.has(await fileIdentity(path))) {
      throw new CliError(`输出文件不能与输入文件相同：--${option} 中的「${basename(path)}」就是输入的文件，写入会覆盖它；请换一个文件夹`);
    }
  }
}

/**
 * What the clerk reads about an unexpected failure: a file-system error through fsErrors' mapper (Chinese, naming
 * the file, never a temp path), our own Chinese message as it is, anything else (a library's English) in general words.
 */
export function describeFailure(e: unknown, path: string, action: FileAction): string {
  if (errorCode(e)) return describeFileError(e, path, action);
  const message = e instanceof Error ? e.message : String(e);
  const temp = /[\\/](?:tmp|temp)[\\/]|\.tmp\b/i;
  return /[\u4e00-\u9fff]/.test(message) && !temp.test(message) ? message : '发生内部错误';
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

export type LoadedReport = Extract<FileLoadResult, { ok: true }>;

/** Last year's report from `--previous`, when given (so the cross-year rules run); unreadable → CliError. */
export async function loadPrevious(args: ParsedArgs, files: ReportFileReader): Promise<Report['previous']> {
  const previousPath = stringOption(args, 'previous');
  if (!previousPath) return undefined;
  const prev = await files.load(previousPath);
  if (!prev.ok) throw new CliError(`上年报告：${prev.error}`);
  return asPreviousYear(prev.report);
}

/** A report with last year's attached, when there is one. */
export function withPrevious(loaded: LoadedReport, previous: Report['previous']): Report {
  return previous ? { ...loaded.report, previous } : { ...loaded.report };
}

/**
 * The report a command works on (`<file>`, any kind `loadReportFile` reads), with last year's from `--previous`
 * when given, so the cross-year rules run.
 */
export async function loadReportArgs(args: ParsedArgs, usage: string): Promise<{ loaded: LoadedReport; report: Report }> {
  const file = args.positional[0];
  if (!file) throw new CliError(`用法：report ${usage}`);
  return withReportFiles(async (files) => {
    const loaded = await files.load(file);
    if (!loaded.ok) throw new CliError(loaded.error);
    return { loaded, report: withPrevious(loaded, await loadPrevious(args, files)) };
  });
}

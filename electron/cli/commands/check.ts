import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { acceptanceFor } from '../../../shared/report/acceptance.js';
import type { Report } from '../../../shared/report/model.js';
import { evaluate, type Finding } from '../../../shared/rules/index.js';
import type { CheckStage } from '../../../shared/rules/types.js';
import { writeFileAtomic } from '../../main/services/atomicWrite.js';
import { expandInputs } from '../../main/services/office/folder.js';
import { OfficePool } from '../../main/services/office/pool.js';
import { opinionFileName, writeOpinionDocx, writeReviewXlsx } from '../../main/services/office/reviewOutputs.js';
import { reviewRowOf } from '../../main/services/office/unitFile.js';
import { withReportFiles, type ReportFileReader } from '../../main/services/reportFiles.js';
import { CliError, loadPrevious, stringOption, withPrevious, type CliIo, type Command } from '../args.js';

const USAGE = 'check <文件或文件夹>… [--previous <上年文件>] [--json] [--final] [--xlsx <核查结果.xlsx>] [--opinions <审核意见文件夹>]';

/** `accepted`: the clerk's explanation of a warning accepted in the draft (「接受并说明」) */
type PrintedFinding = Pick<Finding, 'severity' | 'cells' | 'message'> & Partial<Pick<Finding, 'section' | 'span' | 'passages'>> & { rule: string; accepted?: string };
/** One file's check: its findings, or why it can't be read. */
type FileCheck = { file: string; ok: true; findings: PrintedFinding[] } | { file: string; ok: false; error: string };

/** Exit code of one file: 2 unreadable, 1 with errors, 0 fine. */
function exitCodeOf(c: FileCheck): number {
  if (!c.ok) return 2;
  return c.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

async function checkFile(file: string, previous: Report['previous'], stage: CheckStage, files: ReportFileReader): Promise<FileCheck> {
  const loaded = await files.load(file);
  if (!loaded.ok) return { file, ok: false, error: loaded.error };
  const findings = evaluate(withPrevious(loaded, previous), { stage });
  const accepted = loaded.kind === 'draft' ? loaded.draft.acceptedWarnings : [];
  return {
    file,
    ok: true,
    findings: findings.map((f) => {
      const a = acceptanceFor(f, accepted);
      return a ? { ...f, accepted: a.explanation } : f;
    }),
  };
}

function printFindings(findings: readonly PrintedFinding[], io: CliIo): void {
  if (findings.length === 0) {
    io.out('未发现问题。\n');
    return;
  }
  for (const f of findings) {
    if (f.accepted !== undefined) io.out(`已接受 [${f.rule}] ${f.message}（说明：${f.accepted}）\n`);
    else io.out(`${f.severity === 'error' ? '错误' : '警告'} [${f.rule}] ${f.message}\n`);
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const accepted = findings.filter((f) => f.accepted !== undefined).length;
  io.out(`共 ${errors} 个错误，${findings.length - errors - accepted} 个警告${accepted ? `，${accepted} 个已接受的警告` : ''}。\n`);
}

/** Several files: each readable file's findings under a header line naming it, then a line counting the files. */
function printText(checks: readonly FileCheck[], io: CliIo): void {
  const several = checks.length > 1;
  for (const c of checks) {
    // An unreadable file is reported on stderr, like any failure, naming the file when there are several.
    if (!c.ok) io.err(`${several ? `${c.file}：` : ''}${c.error}\n`);
    else {
      if (several) io.out(`== ${c.file} ==\n`);
      printFindings(c.findings, io);
      if (several) io.out('\n');
    }
  }
  if (several) {
    const count = (code: number) => checks.filter((c) => exitCodeOf(c) === code).length;
    io.out(`共检查 ${checks.length} 个文件：${count(0)} 个无错误，${count(1)} 个有错误，${count(2)} 个无法读取。\n`);
  }
}

/** The report sections a finding is about (its text, its passages): where a reviewer reading the JSON looks. */
export function sectionsOf(f: PrintedFinding): string[] {
  const all = [f.section, f.span?.section, ...(f.passages ?? []).map((p) => p.section)].filter((s): s is NonNullable<typeof s> => s !== undefined);
  return [...new Set(all)];
}

function printJson(checks: readonly FileCheck[], io: CliIo): void {
  const json = checks.map((c) =>
    c.ok
      ? {
          file: c.file,
          ok: true,
          findings: c.findings.map((f) => {
            const sections = sectionsOf(f);
            return {
              rule: f.rule,
              severity: f.severity,
              cells: f.cells,
              message: f.message,
              ...(sections.length > 0 ? { sections } : {}),
              ...(f.accepted !== undefined ? { accepted: { explanation: f.accepted } } : {}),
            };
          }),
        }
      : { file: c.file, ok: false, error: c.error },
  );
  io.out(`${JSON.stringify(json, null, 2)}\n`);
  for (const c of checks) if (!c.ok) io.err(`${c.file}：${c.error}\n`);
}

/**
 * 批量核查 from the command line: every file (a folder gives each of its files) read and checked in the worker pool —
 * a broken or hostile file is one row with its reason — and with `--xlsx` the review table written as .xlsx.
 */
async function checkInPool(files: readonly string[], previous: Report['previous'], stage: CheckStage, out: { xlsx?: string; opinions?: string }): Promise<FileCheck[]> {
  const pool = new OfficePool();
  try {
    const { reads } = await pool.readUnits(files, { check: previous ? { stage, previous } : { stage } });
    const rows = reads.map((r, i) => reviewRowOf(r ?? { ok: false, file: files[i] ?? '', error: '未读取' }));
    if (out.xlsx) await writeFileAtomic(out.xlsx, await writeReviewXlsx(rows));
    if (out.opinions) {
      await mkdir(out.opinions, { recursive: true });
      const date = new Date().toISOString().slice(0, 10);
      for (const [i, row] of rows.entries()) await writeFileAtomic(join(out.opinions, opinionFileName(row, i)), await writeOpinionDocx(row, { date }));
    }
    return rows.map((row, i) => {
      const file = files[i] ?? row.file;
      return row.status === 'failed' ? { file, ok: false, error: row.reason ?? '无法读取' } : { file, ok: true, findings: [...row.findings, ...row.uncertain.map(doubtAsWarning)] };
    });
  } finally {
    await pool.close();
  }
}

/** The parser's doubts are listed with the findings of a batch review (the review table counts them apart). */
function doubtAsWarning(u: { name: string; reason: string }): PrintedFinding {
  return { rule: '解析存疑', severity: 'warning', cells: [], message: `${u.name}：${u.reason}` };
}

/** A folder, or an Excel sheet (read by the office reader only), goes to the pool. */
async function needsPool(inputs: readonly string[]): Promise<boolean> {
  for (const i of inputs) if (/\.xlsx$/i.test(i) || (await stat(i).catch(() => null))?.isDirectory()) return true;
  return false;
}

/**
 * `check <file|folder>… [--previous <file>] [--json] [--final] [--xlsx <review.xlsx>]`: the findings of each file
 * (drafts, report data JSON, published reports, Excel tables), `--previous` applying to each; a folder checks every
 * file in it, in parallel workers, with the parser's doubts; `--xlsx` writes the review table. Exit code the worst
 * of all: 0 fine, 1 errors, 2 unreadable; `--opinions` writes a 审核意见 DOCX per file into a folder. `--json` prints an array of {file, ok, error?, findings?}, one per file.
 */
export const checkCommand: Command = {
  usage: USAGE,
  flags: ['json', 'final'],
  values: ['previous', 'xlsx', 'opinions'],
  outputs: { xlsx: '.xlsx', opinions: '' },
  inputs: ['previous'],
  files: 'many',
  async run(args, io) {
    if (args.positional.length === 0) throw new CliError(`用法：report ${USAGE}`);
    const stage = args.options.has('final') ? 'final' : 'draft';
    const xlsx = stringOption(args, 'xlsx');
    const opinions = stringOption(args, 'opinions');
    const checks = await withReportFiles(async (files): Promise<FileCheck[]> => {
      const previous = await loadPrevious(args, files);
      if (!xlsx && !opinions && !(await needsPool(args.positional))) {
        const each: FileCheck[] = [];
        for (const file of args.positional) each.push(await checkFile(file, previous, stage, files));
        return each;
      }
      const inputs = await expandInputs(args.positional).catch((e: Error) => {
        throw new CliError(e.message);
      });
      if (inputs.length === 0) throw new CliError('文件夹中没有可核查的文件');
      return checkInPool(inputs, previous, stage, { ...(xlsx ? { xlsx } : {}), ...(opinions ? { opinions } : {}) });
    });
    if (args.options.has('json')) printJson(checks, io);
    else printText(checks, io);
    return Math.max(...checks.map(exitCodeOf));
  },
};

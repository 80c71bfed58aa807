/**
 * `diff <a> <b> [--json]`: what changed from report a to report b (two versions, or last year's and this year's) —
 * entered cells, text word by word, findings added and resolved. Either file may be a draft, report data JSON or a
 * published report (read like `check` reads it).
 */
import { cellName, compareReports, type DraftComparison } from '../../../shared/compare/compare.js';
import { findingTarget } from '../../../shared/report/acceptance.js';
import { SECTION_NAMES } from '../../../shared/report/format.js';
import type { CellValue, Report } from '../../../shared/report/model.js';
import type { Finding } from '../../../shared/rules/index.js';
import { loadReportFile } from '../../main/services/reportFiles.js';
import { CliError, type CliIo, type Command } from '../args.js';

const USAGE = 'diff <原文件> <新文件> [--json]';

async function load(file: string): Promise<Report> {
  const loaded = await loadReportFile(file);
  if (!loaded.ok) throw new CliError(`${file}：${loaded.error}`);
  return loaded.report;
}

function printedFinding(f: Finding) {
  return { rule: f.rule, severity: f.severity, message: f.message, target: findingTarget(f) };
}

/** The JSON of issue 13: cells, sections (added and removed words), findings. */
export function comparisonJson(c: DraftComparison) {
  return {
    cells: c.cells.map(({ key, from, to }) => ({ key, from, to })),
    sections: c.sections.map(({ section, added, removed }) => ({ section, added, removed })),
    findings: { added: c.findings.added.map(printedFinding), resolved: c.findings.resolved.map(printedFinding) },
  };
}

function shown(v: CellValue): string {
  return v === null ? '（空）' : String(v);
}

/** A stretch of text quoted on one line, shortened. */
function quoted(text: string, max = 60): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return `“${s.length > max ? `${s.slice(0, max)}…` : s}”`;
}

function printCells(c: DraftComparison, io: CliIo): void {
  io.out(c.cells.length ? `表格：${c.cells.length} 个单元格有变化\n` : '表格：无变化\n');
  for (const x of c.cells) io.out(`  ${cellName(x.key)}：${shown(x.from)} → ${shown(x.to)}\n`);
  if (c.formats.from !== c.formats.to) {
    io.out(`两份报告格式不同（${c.formats.from}年格式 / ${c.formats.to}年格式），只比较两种格式共有的单元格；`);
    io.out(`仅原文件格式有 ${c.unmatched.from.length} 个，仅新文件格式有 ${c.unmatched.to.length} 个，未比较\n`);
  }
}

function printSections(c: DraftComparison, io: CliIo): void {
  io.out(c.sections.length ? `正文：${c.sections.length} 个部分有改动\n` : '正文：无改动\n');
  for (const s of c.sections) {
    io.out(`  「${SECTION_NAMES[s.section]}」\n`);
    for (const t of s.removed) io.out(`    删除 ${quoted(t)}\n`);
    for (const t of s.added) io.out(`    新增 ${quoted(t)}\n`);
  }
}

function printFindings(c: DraftComparison, io: CliIo): void {
  const { added, resolved } = c.findings;
  io.out(`检查结果：新出现 ${added.length} 项，已解决 ${resolved.length} 项\n`);
  for (const f of added) io.out(`  新出现 ${f.severity === 'error' ? '错误' : '警告'} [${f.rule}] ${f.message}\n`);
  for (const f of resolved) io.out(`  已解决 [${f.rule}] ${f.message}\n`);
}

export const diffCommand: Command = {
  usage: USAGE,
  flags: ['json'],
  files: 'many',
  async run(args, io) {
    if (args.positional.length !== 2) throw new CliError(`请给出两个文件：原文件和新文件\n用法：report ${USAGE}`);
    const [a = '', b = ''] = args.positional;
    const from = await load(a);
    const to = await load(b);
    const comparison = compareReports(from, to);
    if (args.options.has('json')) {
      io.out(`${JSON.stringify(comparisonJson(comparison), null, 2)}\n`);
      return 0;
    }
    io.out(`比较「${a}」→「${b}」\n`);
    printCells(comparison, io);
    printSections(comparison, io);
    printFindings(comparison, io);
    return 0;
  },
};

/**
 * `diff <a> <b> [--json]`: what changed from report a to report b (two versions, or last year's and this year's) —
 * entered cells, text word by word, findings added and resolved. Either file may be a draft, report data JSON or a
 * published report (read like `check` reads it).
 */
import { cellName, compareReports, type DraftComparison, type TextPart } from '../../../shared/compare/compare.js';
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

/** Text on one line, at most `max` characters (from the end when `tail`). */
function oneLine(text: string, max: number, tail = false): string {
  const s = text.replace(/\s+/g, ' ');
  if (s.length <= max) return s;
  return tail ? `…${s.slice(s.length - max)}` : `${s.slice(0, max)}…`;
}

const CONTEXT = 12;

/** Each change of a section on one line, with a few words either side: 「改为：…年，我县〔2024 → 2025〕年度…」. */
function changeLines(parts: readonly TextPart[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part || part.kind === 'same') continue;
    const removed = part.kind === 'removed' ? part.text : '';
    const next = parts[i + 1];
    const added = part.kind === 'added' ? part.text : next?.kind === 'added' ? next.text : '';
    if (part.kind === 'removed' && next?.kind === 'added') i++;
    const before = parts[i - (removed && added ? 2 : 1)];
    const after = parts[i + 1];
    const left = before?.kind === 'same' ? oneLine(before.text, CONTEXT, true) : '';
    const right = after?.kind === 'same' ? oneLine(after.text, CONTEXT) : '';
    const what = removed && added ? '改为' : removed ? '删除' : '新增';
    const change = removed && added ? `${oneLine(removed, 60)} → ${oneLine(added, 60)}` : oneLine(removed || added, 80);
    lines.push(`${what}：${left}〔${change}〕${right}`);
  }
  return lines;
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
    for (const line of changeLines(s.parts)) io.out(`    ${line}\n`);
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

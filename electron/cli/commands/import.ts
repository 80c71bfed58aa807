import { extname } from 'node:path';
import { draftWithImportDoubts } from '../../../shared/editor/review.js';
import { DRAFT_EXTENSION, serializeDraft } from '../../../shared/schema/draft.js';
import { parseImportResult } from '../../../shared/import/result.js';
import { saveDraftFile } from '../../main/services/draftFiles.js';
import { OfficePool } from '../../main/services/office/pool.js';
import { CliError, stringOption, type Command, type CliIo } from '../args.js';
import type { ImportResult } from '../../../shared/import/result.js';

/**
 * The import in a worker of its own (time and memory limits: a hostile file stops its worker, not the command).
 * A draft given by mistake comes back as the draft itself (`source.kind` 'draft').
 */
async function importInWorker(file: string): Promise<ImportResult> {
  const pool = new OfficePool({ workers: 1 });
  try {
    const outcome = await pool.importPublished({ path: file });
    if (outcome.status !== 'imported') throw new CliError(outcome.status === 'error' ? outcome.message : '导入已取消');
    const parsed = parseImportResult(outcome.result);
    if (!parsed.ok) throw new CliError(parsed.error);
    return parsed.result;
  } finally {
    await pool.close();
  }
}

function printImported(result: ImportResult, saved: string, io: CliIo): void {
  const r = result.report;
  io.out(`已导入「${r.title ?? r.organ ?? result.source.name}」：${r.year} 年度，${r.format === '2019' ? '2019年格式' : '2021年格式'}，读取 ${result.stats.cellsRead}/${result.stats.cellsTotal} 个单元格。\n`);
  io.out(`草稿已保存到 ${saved}\n`);
  if (result.uncertain.length) {
    io.out(`\n需要核对（${result.uncertain.length} 处）：\n`);
    for (const u of result.uncertain) io.out(`  · ${u.name}：${u.reason}\n`);
  }
  io.out('\n原文核查：\n');
  if (result.sourceCheck.length === 0) io.out('  未发现问题。\n');
  for (const f of result.sourceCheck) io.out(`  ${f.severity === 'error' ? '错误' : '警告'} [${f.rule}] ${f.message}\n`);
  const errors = result.sourceCheck.filter((f) => f.severity === 'error').length;
  io.out(`共 ${errors} 个错误，${result.sourceCheck.length - errors} 个警告。\n`);
}

/**
 * `import <published report> --out <draft> [--json]`: a published report (DOCX, PDF, HTML, TXT) becomes a
 * draft; prints what the parser was unsure of and the source check (the rules on the report as published).
 * `--out 名称` without an extension writes `名称.gkbg`; an output that is the input is refused (refuseOverwrites).
 */
export const importCommand: Command = {
  usage: 'import <已发布的报告 .docx/.pdf/.html/.txt> --out <草稿文件> [--json]',
  flags: ['json'],
  values: ['out'],
  outputs: { out: `.${DRAFT_EXTENSION}` },
  async run(args, io) {
    const file = args.positional[0];
    const out = stringOption(args, 'out');
    if (!file || !out) throw new CliError('用法：report import <已发布的报告> --out <草稿文件> [--json]');
    if (extname(out).toLowerCase() !== `.${DRAFT_EXTENSION}`) throw new CliError(`草稿文件「${out}」的扩展名应为 .${DRAFT_EXTENSION}`);
    const result = await importInWorker(file);
    // saveDraftFile reads the text back as a draft before writing it (atomic, with backup).
    // the importer's doubts stay in the draft's review list, as when the app imports (a draft given by mistake is as it was)
    const draft = result.source.kind === 'draft' ? result.draft : draftWithImportDoubts(result.draft, result.uncertain);
    const saved = await saveDraftFile(out, serializeDraft(draft));
    if (!saved.ok) throw new CliError(saved.error);
    if (args.options.has('json')) {
      io.out(`${JSON.stringify({ draft: saved.path, kind: result.source.kind, uncertain: result.uncertain, sourceCheck: result.sourceCheck, stats: result.stats }, null, 2)}\n`);
      return 0;
    }
    if (result.source.kind === 'draft') {
      io.out(`${result.uncertain[0]?.reason ?? ''}\n草稿已另存到 ${saved.path}\n`);
      return 0;
    }
    printImported(result, saved.path, io);
    return 0;
  },
};

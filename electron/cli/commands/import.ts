import { serializeDraft } from '../../../shared/schema/draft.js';
import { saveDraftFile } from '../../main/services/draftFiles.js';
import { importRead, readPublishedFile } from '../../main/services/import/index.js';
import { CliError, stringOption, type Command } from '../args.js';

/**
 * `import <published report> --out <draft> [--json]`: a published report (DOCX, PDF, HTML, TXT) becomes a
 * draft; prints what the parser was unsure of and the source check (the rules on the report as published).
 */
export const importCommand: Command = {
  usage: 'import <已发布的报告 .docx/.pdf/.html/.txt> --out <草稿文件> [--json]',
  flags: ['json'],
  values: ['out'],
  async run(args, io) {
    const file = args.positional[0];
    const out = stringOption(args, 'out');
    if (!file || !out) throw new CliError('用法：report import <已发布的报告> --out <草稿文件> [--json]');
    const read = await readPublishedFile(file);
    if (!read.ok) throw new CliError(read.error);
    const result = importRead(read);
    const text = serializeDraft(result.draft);
    // saveDraftFile reads the text back as a draft before writing it (atomic, with backup).
    const saved = await saveDraftFile(out, text);
    if (!saved.ok) throw new CliError(saved.error);
    if (args.options.has('json')) {
      io.out(`${JSON.stringify({ draft: saved.path, uncertain: result.uncertain, sourceCheck: result.sourceCheck, stats: result.stats }, null, 2)}\n`);
      return 0;
    }
    const r = result.report;
    io.out(`已导入「${r.title ?? r.organ ?? read.name}」：${r.year} 年度，${r.format === '2019' ? '2019年格式' : '2021年格式'}，读取 ${result.stats.cellsRead}/${result.stats.cellsTotal} 个单元格。\n`);
    io.out(`草稿已保存到 ${saved.path}\n`);
    if (result.uncertain.length) {
      io.out(`\n需要核对（${result.uncertain.length} 处）：\n`);
      for (const u of result.uncertain) io.out(`  · ${u.name}：${u.reason}\n`);
    }
    io.out('\n原文核查：\n');
    if (result.sourceCheck.length === 0) io.out('  未发现问题。\n');
    for (const f of result.sourceCheck) io.out(`  ${f.severity === 'error' ? '错误' : '警告'} [${f.rule}] ${f.message}\n`);
    const errors = result.sourceCheck.filter((f) => f.severity === 'error').length;
    io.out(`共 ${errors} 个错误，${result.sourceCheck.length - errors} 个警告。\n`);
    return 0;
  },
};

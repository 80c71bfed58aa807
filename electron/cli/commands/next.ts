/**
 * `next <file> --out <draft>`: next year's draft from this year's report (a draft or report data JSON), the same
 * `nextYearDraft` the app's 「从本报告创建下一年度报告」 uses. Written atomically; never over the source file.
 */
import { APPLY_COLUMNS, formatFor } from '../../../shared/report/format.js';
import { nextYearDraft } from '../../../shared/report/nextYear.js';
import { reportToDraft, serializeDraft, type DraftFile } from '../../../shared/schema/draft.js';
import { describeWriteError, writeFileAtomic } from '../../main/services/atomicWrite.js';
import { withDraftExtension } from '../../main/services/draftFiles.js';
import { loadReportFile } from '../../main/services/reportFiles.js';
import { CliError, stringOption, type Command } from '../args.js';

const USAGE = 'next <本年度文件> --out <下一年度草稿.gkbg>';

export const nextCommand: Command = {
  usage: USAGE,
  values: ['out'],
  outputs: { out: '.gkbg' },
  async run(args, io) {
    const file = args.positional[0];
    const outOption = stringOption(args, 'out');
    if (!file || !outOption) throw new CliError(`用法：report ${USAGE}`);
    const out = withDraftExtension(outOption);
    const loaded = await loadReportFile(file);
    if (!loaded.ok) throw new CliError(loaded.error);
    let source: DraftFile;
    if (loaded.kind === 'draft') source = loaded.draft;
    else {
      // report data JSON (e.g. an imported published report): its printed totals are dropped, the app computes them
      const format = formatFor(loaded.report.format, Object.keys(loaded.report.cells));
      source = reportToDraft(loaded.report, new Set(format.cells.filter((c) => !c.sumOf).map((c) => c.key)));
    }
    const r = nextYearDraft(source);
    try {
      await writeFileAtomic(out, serializeDraft(r.draft), { backup: true });
    } catch (e) {
      throw new CliError(describeWriteError(e, out));
    }
    const carried = Object.entries(r.carried)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => `${APPLY_COLUMNS.find((c) => `apply.carried_over.${c.key}` === k)?.label ?? k} ${v}`);
    io.out(`已写入 ${r.draft.year} 年度报告草稿：${out}\n`);
    io.out(`「上年结转」按 ${source.year} 年「结转下年度」填入：${carried.length ? carried.join('，') : '（上年无结转数据）'}\n`);
    if (r.flags.length) {
      io.out(`正文中 ${r.flags.length} 处标有「【请核对】」：\n`);
      for (const f of r.flags) io.out(`  ${f.sectionName}「${f.text.split('\n')[0]}」：${f.reason}\n`);
    }
    return 0;
  },
};

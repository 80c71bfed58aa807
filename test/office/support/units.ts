/** Constructed units' reports for the office tests: a department's report whose tables balance, with chosen figures. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMAT_2021, FORMAT_2019, applyRows, type FormatId } from '../../../shared/report/format.js';
import { nestCells, type Cells, type Report } from '../../../shared/report/model.js';
import { newDraft, serializeDraft } from '../../../shared/schema/draft.js';

/** Every entered cell 0, then `figures`: new n natural applications all granted (table 三 balances). */
export function unitReport(organ: string, figures: Cells = {}, options: { year?: number; format?: FormatId } = {}): Report {
  const format = options.format === '2019' ? FORMAT_2019 : FORMAT_2021;
  const cells: Cells = {};
  for (const c of format.cells) if (!c.sumOf) cells[c.key] = c.kind === 'text' ? null : 0;
  Object.assign(cells, figures);
  return { format: format.id, year: options.year ?? 2024, organ, level: 'department', cells };
}

/** The report as a draft file's text (what a unit hands in from the app). */
export function unitDraftText(report: Report): string {
  const d = newDraft({ year: report.year, format: report.format, organ: report.organ, level: 'department' });
  d.cells = nestCells(report.cells);
  d.sections.other = '本年度没有产生信息公开处理费。';
  return serializeDraft(d);
}

/** A department's report as plain text laid out like a published one (the importer's text input). */
export function unitPublishedText(organ: string, year: number, newNatural: number): string {
  const zeros = (n: number) => Array.from({ length: n }, () => '0').join(' ');
  const applyRow = (label: string, v: number) => `${label} ${v} ${zeros(5)} ${v}`;
  return [
    `${organ}${year}年政府信息公开工作年度报告`,
    '一、总体情况',
    `${year}年，本单位认真做好政府信息公开工作。`,
    '二、主动公开政府信息情况',
    '第二十条第（一）项',
    '信息内容 本年制发件数 本年废止件数 现行有效件数',
    '规章 0 0 0',
    '行政规范性文件 1 0 4',
    '第二十条第（五）项',
    '信息内容 本年处理决定数量',
    '行政许可 12',
    '第二十条第（六）项',
    '信息内容 本年处理决定数量',
    '行政处罚 3',
    '行政强制 0',
    '第二十条第（八）项',
    '信息内容 本年收费金额（单位：万元）',
    '行政事业性收费 1.25',
    '三、收到和处理政府信息公开申请情况',
    // every row of table 三 as printed: new applications all granted
    ...applyRows(true).map((r) => applyRow(r.label, ['new', 'granted', 'processed_total'].includes(r.key) ? newNatural : 0)),
    '四、政府信息公开行政复议、行政诉讼情况',
    `行政复议 ${zeros(15)}`,
    '五、存在的主要问题及改进情况',
    '无。',
    '六、其他需要报告的事项',
    '本年度没有产生信息公开处理费。',
    organ,
    `${year + 1}年1月20日`,
  ].join('\n');
}

export function writeUnitFiles(dir: string, files: Record<string, string | Uint8Array>): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(files).map(([name, content]) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  });
}

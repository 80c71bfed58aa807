/**
 * Markdown (pipe) tables, as PDF-to-markdown converters and OCR tools write them: separator rules, merged
 * cells repeated or left empty, placeholder header rows (「数据1」…, column numbers), a row label on its own
 * row above its figures, a label spread over two cells.
 */
import { describe, expect, it } from 'vitest';
import { parsePublished, textDocument } from '../../shared/import/index.js';
import { readActive } from '../../shared/import/tables.js';
import { tokenise } from '../../shared/import/text.js';
import { FORMAT_2021, SECTIONS, type TableLayout } from '../../shared/report/format.js';
import type { Cells } from '../../shared/report/model.js';
import type { ReportData } from '../../shared/schema/reportData.js';
import { richData } from './make.js';

type Merged = 'repeat' | 'empty';

/** The table as a full grid of texts, merged cells repeated or left empty (as converters differ). */
function gridOf(layout: TableLayout, data: ReportData, merged: Merged): string[][] {
  const grid: (string | undefined)[][] = layout.rows.map(() => new Array<string | undefined>(layout.columns).fill(undefined));
  layout.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r]?.[c] !== undefined) c++;
      const text = cell.cell ? String(data.cells[cell.cell] ?? '') : (cell.text ?? '');
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) {
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) {
          const target = grid[r + dr];
          if (target) target[c + dc] = dr === 0 && dc === 0 ? text : merged === 'repeat' && !cell.cell ? text : '';
        }
      }
      c += cell.colSpan ?? 1;
    }
  });
  return grid.map((row) => row.map((t) => t ?? ''));
}

function pipeRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

interface MarkdownOptions {
  merged: Merged;
  /** the header row a converter invents above the table */
  header?: 'placeholders' | 'numbers';
}

/** A report as a PDF-to-markdown converter writes it: headings as text, every table as a pipe table. */
function markdownReport(data: ReportData, opts: MarkdownOptions): string {
  const out = [data.title ?? '', ''];
  for (const s of SECTIONS) {
    out.push(s.heading, '', ...(data.sections?.[s.key] ?? '').split('\n').filter(Boolean), '');
    const layout = s.table ? FORMAT_2021.tables.find((t) => t.id === s.table) : undefined;
    if (!layout) continue;
    const grid = gridOf(layout, data, opts.merged);
    const rule = pipeRow(grid[0]!.map(() => '---'));
    if (opts.header) {
      const names = grid[0]!.map((_, i) => (opts.header === 'placeholders' ? `数据${i + 1}` : String(i + 1)));
      out.push(pipeRow(names), rule, ...grid.map(pipeRow));
    } else out.push(pipeRow(grid[0]!), rule, ...grid.slice(1).map(pipeRow));
    out.push('');
  }
  return out.join('\n');
}

function wrongCells(expected: ReportData, got: Cells): string[] {
  return Object.entries(expected.cells)
    .filter(([k, v]) => got[k] !== v)
    .map(([k, v]) => `${k}: got ${String(got[k])}, want ${String(v)}`);
}

function cellDoubts(text: string) {
  const { report, uncertain } = parsePublished(textDocument(text));
  return { report, doubts: uncertain.filter((u) => /^(apply|active|review)\./.test(u.target)) };
}

const rich = richData(FORMAT_2021, 2024);

describe('markdown tables of converted PDFs', () => {
  const cases: [string, MarkdownOptions][] = [
    ['merged cells left empty', { merged: 'empty' }],
    ['merged cells repeated in every row they span', { merged: 'repeat' }],
    ['a header row of placeholders 「数据1」…', { merged: 'empty', header: 'placeholders' }],
    ['a header row of column numbers 「1 | 2 | 3」', { merged: 'repeat', header: 'numbers' }],
  ];
  it.each(cases)('%s: every cell right, none in doubt', (_, opts) => {
    const text = markdownReport(rich, opts);
    expect(text).toContain('| 1.属于国家秘密 |');
    const { report, doubts } = cellDoubts(text);
    expect(wrongCells(rich, report.cells)).toEqual([]);
    expect(doubts).toEqual([]);
  });
});

/** A typed excerpt of a converted report: section 三's table as one converter printed it. */
const HEAD = ['某县人民政府2024年政府信息公开工作年度报告', '一、总体情况', '略。', '二、主动公开政府信息情况'];
const TAIL = ['四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '略。', '六、其他需要报告的事项', '无。'];

function readExcerpt(rows: readonly string[]) {
  const { report, uncertain } = parsePublished(textDocument([...HEAD, '三、收到和处理政府信息公开申请情况', ...rows, ...TAIL].join('\n')));
  return { cells: report.cells, doubts: uncertain.filter((u) => u.target.startsWith('apply.')) };
}

const row = (cells: Cells, key: string) => ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total'].map((c) => cells[`apply.${key}.${c}`]);

describe('pipe rows, typed as converters print them', () => {
  it('placeholder headers give no values; a label on its own row above its figures; a label over two cells', () => {
    const { cells } = readExcerpt([
      '| 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 | 数据8 | 数据9 | 数据10 |',
      '|---|---|---|---|---|---|---|---|---|---|',
      '| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | | 申请人情况 | | | | | | |',
      '| 一、本年新收政府信息公开申请数量 | | | 3746 | 63 | 0 | 0 | 19 | 2 | 3830 |',
      '| 二、上年结转政府信息公开申请数量 | | | | | | | | | |',
      '| | | | 12 | 1 | 0 | 0 | 0 | 0 | 13 |',
      '| 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '| 三、本年度办理结果 | （三）不予公开 | 2.其他法律行政 | 法规禁止公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
    ]);
    expect(row(cells, 'new')).toEqual([3746, 63, 0, 0, 19, 2, 3830]);
    expect(row(cells, 'carried_over')).toEqual([12, 1, 0, 0, 0, 0, 13]);
    expect(row(cells, 'denied_1')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row(cells, 'denied_2')).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });

  it('an empty cell between figures stays in its column; emphasis and <br> inside cells are not text', () => {
    const { cells, doubts } = readExcerpt([
      '| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 |',
      '| :--- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      '| **一、本年新收政府信息公开申请数量** | | | 5 | | 0 | 0 | 1 | 0 | 6 |',
      '| 三、本年度办理结果 | （二）部分公开<br>（区分处理的，只计这一情形，不计其他情形） | | 2 | 0 | 0 | 0 | 0 | 0 | 2 |',
    ]);
    expect(row(cells, 'new')).toEqual([5, null, 0, 0, 1, 0, 6]);
    expect(doubts.filter((d) => d.target.startsWith('apply.new.')).map((d) => d.target)).toEqual(['apply.new.commercial']);
    expect(row(cells, 'partial')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(doubts.filter((d) => d.target.startsWith('apply.partial.'))).toEqual([]);
  });
});

describe('pipe rows without the leading bar', () => {
  it('「label | 58 | | 0 | …」: cells split at the bars, an empty cell between figures kept as a blank', () => {
    const { cells } = readExcerpt([
      '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |',
      '自然人 | 法人或其他组织 | 总计 |',
      '一、本年新收政府信息公开申请数量 | 58 | | 0 | 0 | 1 | 0 | 66 |',
      '二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |',
    ]);
    expect(row(cells, 'new')).toEqual([58, null, 0, 0, 1, 0, 66]);
    expect(row(cells, 'carried_over')).toEqual([2, 0, 0, 0, 0, 0, 2]);
  });

  it('「label | | | | | | | 0 |」: empty cells before the first figure are blanks too when the row has a full row\'s fields', () => {
    const { cells } = readExcerpt([
      '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |',
      '自然人 | 法人或其他组织 | 总计 |',
      '一、本年新收政府信息公开申请数量 | 0 | | | | | | 0 |',
      '二、上年结转政府信息公开申请数量 | | | | | | | 0 |',
      '三、本年度办理结果 | (一)予以公开 | | | | | | | 0 |',
    ]);
    expect(row(cells, 'new')).toEqual([0, null, null, null, null, null, 0]);
    expect(row(cells, 'carried_over')).toEqual([null, null, null, null, null, null, 0]);
    expect(row(cells, 'granted')).toEqual([null, null, null, null, null, null, 0]);
  });
});

describe('placeholder headers and data rows', () => {
  it('a row with a label is data even when its figures count 1 2 3 and it stands above the rule', () => {
    const text = ['| 规章 | 1 | 2 | 3 |', '|---|---|---|---|', '| 行政规范性文件 | 4 | 5 | 6 |', '| 1 | 2 | 3 | 4 |', '| 行政许可 | 7 | | |'].join('\n');
    const read = readActive(tokenise(text.split('\n').map((t) => ({ text: t }))), FORMAT_2021.activeGroups);
    expect([read.cells['active.regulations.issued'], read.cells['active.regulations.repealed'], read.cells['active.regulations.in_force']]).toEqual([1, 2, 3]);
    expect([read.cells['active.normative.issued'], read.cells['active.normative.in_force'], read.cells['active.licensing.decisions']]).toEqual([4, 6, 7]);
  });
});

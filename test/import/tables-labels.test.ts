/**
 * Labels as real tables print them: the 2019 format's labels in a later report (read into the right row and
 * named, for F-OLD), and OCR slips of a character or two (matched to the nearest label, never two rows to
 * one label, each listed as a doubt that names the printed label and the label it was read as).
 */
import { describe, expect, it } from 'vitest';
import { parsePublished, textDocument } from '../../shared/import/index.js';
import { readActive, readApply } from '../../shared/import/tables.js';
import { tokenise } from '../../shared/import/text.js';
import { FORMAT_2019, FORMAT_2021 } from '../../shared/report/format.js';
import { evaluate } from '../../shared/rules/index.js';
import { makeText, richData } from './make.js';

const lines = (text: string) => text.split('\n').map((t) => ({ text: t }));

describe('2019 labels in a 2021 table', () => {
  it('「规范性文件」 is read as 行政规范性文件 and reported as printed, without a doubt', () => {
    const read = readActive(
      tokenise(lines(['信息内容 本年制发件数 本年废止件数 现行有效件数', '规章 0 0 0', '规范性文件 13 2 40', '行政许可 5'].join('\n'))),
      FORMAT_2021.activeGroups,
    );
    expect([read.cells['active.normative.issued'], read.cells['active.normative.repealed'], read.cells['active.normative.in_force']]).toEqual([13, 2, 40]);
    expect(read.oldLabels).toEqual(['规范性文件']);
    expect(read.uncertain.filter((u) => u.target.startsWith('active.normative'))).toEqual([]);
  });

  it('「2.其他法律法规禁止公开」 is read as 2.其他法律行政法规禁止公开; the 2021 labels are no old labels', () => {
    const rows = ['1.属于国家秘密 0 0 0 0 0 0 0', '2、其他法律法规禁止公开 1 0 0 0 0 0 1', '3.危及“三安全一稳定” 0 0 0 0 0 0 0'];
    const read = readApply(tokenise(lines(rows.join('\n'))), true, true);
    expect(read.cells['apply.denied_2.natural']).toBe(1);
    expect(read.cells['apply.denied_2.total']).toBe(1);
    expect(read.oldLabels).toEqual(['2、其他法律法规禁止公开']);
    const rich = richData(FORMAT_2021, 2024);
    const { report } = parsePublished(textDocument(makeText(rich, { layout: 'rows' })));
    expect(report.printed?.oldLabels).toBeUndefined();
  });

  it('a whole report printing both 2019 labels: every cell right, both labels named', () => {
    const rich = richData(FORMAT_2021, 2024);
    const old: Record<string, string> = { 行政规范性文件: '规范性文件', '2.其他法律行政法规禁止公开': '2.其他法律法规禁止公开' };
    for (const layout of ['rows', 'wrapped', 'cell-per-line'] as const) {
      const { report, uncertain } = parsePublished(textDocument(makeText(rich, { layout, label: (t) => old[t] ?? t })));
      const wrong = Object.entries(rich.cells).filter(([k, v]) => report.cells[k] !== v);
      expect(wrong, layout).toEqual([]);
      expect(uncertain.filter((u) => u.reason.includes('近似匹配')), layout).toEqual([]);
      expect(report.printed?.oldLabels?.map((l) => l.replace(/\s+/g, '')).sort(), layout).toEqual(['2.其他法律法规禁止公开', '规范性文件']);
    }
  });
});

describe('an excerpt of table 三', () => {
  it('stopping before （六）: read as format 2021’s table (split （六） rows), never as the 2019 single row', () => {
    const rows = ['一、本年新收政府信息公开申请数量 58 7 0 0 1 0 66', '二、上年结转政府信息公开申请数量 2 0 0 0 0 0 2', '（一）予以公开 2 1 0 0 0 0 3'];
    const read = readApply(tokenise(lines(rows.join('\n'))), true, true);
    expect(read.otherSplit).toBe(true);
    expect(read.cells['apply.new.total']).toBe(66);
    expect(Object.keys(read.cells).some((k) => k.startsWith('apply.other.'))).toBe(false);
  });

  it('cut off inside a row’s label (「2.其他法律」, glued runs of 0): still the split rows, the cut row unread', () => {
    const rows = ['一、本年新收政府信息公开申请数量', '0000000', '二、上年结转政府信息公开申请数量', '0000000', '三、本年度办理结果', '（一）予以公开', '0000000', '（三）不予公开', '1.属于国家秘密', '0000000', '2.其他法律'];
    const read = readApply(tokenise(lines(rows.join('\n'))), true, true);
    expect(read.otherSplit).toBe(true);
    expect(read.cells['apply.denied_1.total']).toBe(0);
    expect(read.cells['apply.denied_2.total']).toBeNull();
  });
});

describe('OCR slips in labels', () => {
  it('each slipped label is read into its own row and named as a doubt', () => {
    const rich = richData(FORMAT_2021, 2024);
    const slips: Record<string, string> = {
      '一、本年新收政府信息公开申请数量': '一、本年新收政府信息公开申靖数量',
      '（一）予以公开': '（一）予以公幵',
      '1.属于国家秘密': '1.属于国家秘蜜',
      '2.重复申请': '2.重复申靖',
      '3.要求提供公开出版物': '3.要求提供公幵出版物',
    };
    const { report, uncertain } = parsePublished(textDocument(makeText(rich, { layout: 'rows', label: (t) => slips[t] ?? t })));
    const wrong = Object.entries(rich.cells).filter(([k, v]) => report.cells[k] !== v);
    expect(wrong).toEqual([]);
    const fuzzy = uncertain.filter((u) => u.reason.includes('近似匹配'));
    expect(fuzzy.map((u) => u.target).sort()).toEqual(['apply.denied_1.natural', 'apply.granted.natural', 'apply.new.natural', 'apply.refused_2.natural', 'apply.refused_3.natural']);
    expect(fuzzy.find((u) => u.target === 'apply.granted.natural')?.reason).toBe('行标题与标准标题不完全一致（原文「（一）予以公幵」，近似匹配为「（一）予以公开」），请核对本行数字');
  });

  it('a slipped label close to two labels goes to one row only: the other row stays its own', () => {
    // 「5.属于三类内部事务信息」 slipped towards 6 (「四类」): both rows are printed, each keeps its figures
    const rows = [
      '5.属于囚类内部事务信息 1 0 0 0 0 0 1',
      '6.属于四类过程性信息 2 0 0 0 0 0 2',
      '7.属于行政执法案卷 3 0 0 0 0 0 3',
    ];
    const read = readApply(tokenise(lines(rows.join('\n'))), true, true);
    expect([read.cells['apply.denied_5.total'], read.cells['apply.denied_6.total'], read.cells['apply.denied_7.total']]).toEqual([1, 2, 3]);
    expect(read.uncertain.filter((u) => u.reason.includes('近似匹配')).map((u) => u.target)).toEqual(['apply.denied_5.natural']);
  });
});

describe('a row whose label the page lost', () => {
  const ACTIVE = ['二、主动公开政府信息情况', '第二十条第', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数', ' ', '0', '0', '0', '行政规范性文件', '0', '0', '0', '第二十条第', '信息内容', '本年处理决定数量', '行政许可', '124'];
  const TAIL = ['第二十条第', '信息内容', '本年处理决定数量', '行政处罚', '0', '行政强制', '0', '第二十条第', '信息内容', '本年收费金额单位:万元', '行政事业性收费', '0'];
  const whole = (active: readonly string[]) => ['某镇人民政府2025年政府信息公开工作年度报告', '一、总体情况', '2025年，我镇未收到政务信息公开申请。', ...active, ...TAIL].join('\n');
  it('its figures, exactly its cells, between the header and the next row found: read by place, as a doubt', () => {
    const { report, uncertain } = parsePublished(textDocument(whole(ACTIVE)));
    expect([report.cells['active.regulations.issued'], report.cells['active.regulations.repealed'], report.cells['active.regulations.in_force']]).toEqual([0, 0, 0]);
    expect(uncertain.find((u) => u.target === 'active.regulations.issued')?.reason).toContain('没有印行标题');
    const blankActive = evaluate(report, { stage: 'final' }).filter((f) => f.rule === 'V-BLANK' && f.cells?.some((k) => k.startsWith('active.')));
    expect(blankActive).toEqual([]);
  });
  it('read by place after the label’s own cell printed empty (a grid line of spaces)', () => {
    const read = readActive(tokenise(lines(ACTIVE.slice(1).map((t) => (t === ' ' ? '  ' : t)).join('\n\n'))), FORMAT_2021.activeGroups);
    expect([read.cells['active.regulations.issued'], read.cells['active.regulations.in_force'], read.cells['active.licensing.decisions']]).toEqual([0, 0, 124]);
  });
  it('more figures than its cells: printed but unread (not blanks of the report, no V-BLANK)', () => {
    const { report } = parsePublished(textDocument(whole(ACTIVE.map((t, i) => (i === 7 ? '0 5' : t)))));
    expect(report.cells['active.regulations.issued']).toBeNull();
    expect(report.printed?.unread).toEqual(['active.regulations.issued', 'active.regulations.repealed', 'active.regulations.in_force']);
    const blankActive = evaluate(report, { stage: 'final' }).filter((f) => f.rule === 'V-BLANK' && f.cells?.some((k) => k.startsWith('active.')));
    expect(blankActive).toEqual([]);
  });
  it('a row left out of the printed table (no figures where it would be) stays blank: V-BLANK', () => {
    const { report } = parsePublished(textDocument(whole(ACTIVE.filter((_, i) => i < 6 || i > 9))));
    expect(report.printed?.unread ?? []).toEqual([]);
    expect(evaluate(report, { stage: 'final' }).find((f) => f.rule === 'V-BLANK')?.cells).toContain('active.regulations.issued');
  });
  it('rows past the last one found (where an excerpt may stop) stay blanks', () => {
    const { report } = parsePublished(textDocument(['某镇人民政府2025年政府信息公开工作年度报告', '一、总体情况', '略。', ...ACTIVE].join('\n')));
    expect(report.printed?.unread ?? []).not.toContain('active.punishment.decisions');
    expect(evaluate(report, { stage: 'final' }).find((f) => f.rule === 'V-BLANK')?.cells).toContain('active.punishment.decisions');
  });
});

describe('row labels printed with their definitions (a province’s template)', () => {
  it('「规章：…规范性文件。…」 is the 规章 row; the word 规范性文件 inside its definition is no row label', () => {
    const rows = [
      '信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |',
      '规章:地方行政规章指各省、自治区、直辖市的人民政府根据宪法、法律和行政法规等制定和发布的规范性文件。规章的名称一般称“规定”、“办法”,但不得称“条例”。 |',
      '1 |', '1 |', '1 |',
      '规范性文件:是指各级人民政府及其派出机关在法定职权范围内依照法定程序制定、发布的行政措施、决定、命令或者指示等行政规范。 |',
      '0 |', '0 |', '0 |',
      '行政许可 |', '43 |', '0 |', '66 |',
    ];
    const read = readActive(tokenise(lines(rows.join('\n'))), FORMAT_2019.activeGroups);
    expect([read.cells['active2019.regulations.made'], read.cells['active2019.regulations.total']]).toEqual([1, 1]);
    expect([read.cells['active2019.normative.made'], read.cells['active2019.normative.total']]).toEqual([0, 0]);
    expect(read.cells['active2019.licensing.decisions']).toBe(66);
  });
});

describe('a province’s template notes in labels and headers (Hubei’s 2020 table 二, pipe rows as a page is stored)', () => {
  const header = '信息内容 | 上一年项目数量(指2019年事项数) | 本年增/减(指2020年增加或减少的事项数,减用负值表示,如-8) | 处理决定数量(指2020年办件量) | ||';
  const table = [
    '第二十条第(五)项 | |||||', header,
    '行政许可 | 8 | 5 | 93 | ||',
    '其他对外管理服务事项(指行政许可以外的政务服务事项,含行政确认、行政奖励、行政裁决、行政给付、行政处罚、行政强制、行政检查、行政征收和其他类,以及公共服务事项) | 117 | 0 | 16',
    '第二十条第(六)项 | |||||', header,
    '行政处罚 | 90 | 0 | 22 | ||',
    '行政强制 | 4 | 4 | 0 | ||',
    '第二十条第(八)项 | |||||', '信息内容 | 上一年项目数量(指2019年事项数) | 本年增/减(指2020年增加或减少的事项数,减用负值表示,如-8) | |||',
    '行政事业性收费 | |||||',
  ].join('\n');
  it('a note naming other rows (「…含…行政处罚、行政强制…」) is no row’s label, and 「如-8」 fills no cell', () => {
    const read = readActive(tokenise(lines(table)), FORMAT_2019.activeGroups);
    const row = (r: string) => ['prev_items', 'change', 'decisions'].map((c) => read.cells[`active2019.${r}.${c}`]);
    expect(row('other_services')).toEqual([117, 0, 16]);
    expect(row('punishment')).toEqual([90, 0, 22]);
    expect(row('coercion')).toEqual([4, 4, 0]);
    expect([read.cells['active2019.fees.prev_items'] ?? null, read.cells['active2019.fees.change'] ?? null]).toEqual([null, null]);
  });
});

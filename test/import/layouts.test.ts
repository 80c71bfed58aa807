/**
 * Layout variants real text extractions show, built from the format definition with distinct figures in
 * every cell (so a value read from the wrong row or column shows): one row per line (spaces or tabs), one
 * cell per line, labels broken over lines, headers split into characters, 「(一)」 and 「1、」, typos,
 * blank cells, a stray extra number, the 2019 single （六） row in a 2021 report, and a format-2019 report.
 */
import { describe, expect, it } from 'vitest';
import { importResultSchema, importText, parsePublished, textDocument } from '../../shared/import/index.js';
import { evaluate } from '../../shared/rules/index.js';
import { readActive } from '../../shared/import/tables.js';
import { tokenise } from '../../shared/import/text.js';
import { parseCell } from '../../shared/report/numbers.js';
import { FORMAT_2019, FORMAT_2021, FORMAT_2021_SINGLE_OTHER } from '../../shared/report/format.js';
import type { Cells } from '../../shared/report/model.js';
import type { ReportData } from '../../shared/schema/reportData.js';
import { makeText, richData, type TextOptions } from './make.js';

function parse(text: string) {
  const { report, uncertain } = parsePublished(textDocument(text));
  return { report, uncertain, cellDoubts: uncertain.filter((u) => /^(apply|active|active2019|review)\./.test(u.target)) };
}

function wrongCells(expected: ReportData, got: Cells, skip: ReadonlySet<string> = new Set()): string[] {
  return Object.entries(expected.cells)
    .filter(([k]) => !skip.has(k))
    .filter(([k, v]) => got[k] !== v)
    .map(([k, v]) => `${k}: got ${String(got[k])}, want ${String(v)}`);
}

const rich = richData(FORMAT_2021, 2024);

/** The text up to the end of `printed` (an excerpt, or a page, cut off there). */
const upTo = (text: string, printed: string) => text.slice(0, text.indexOf(printed) + printed.length);

describe('table layouts of text extractions', () => {
  const layouts: [string, TextOptions][] = [
    ['one row per line, space-separated', { layout: 'rows' }],
    ['one row per line, tab-separated (a spreadsheet paste)', { layout: 'tsv' }],
    ['one cell per line', { layout: 'cell-per-line' }],
    ['labels broken over several lines', { layout: 'wrapped' }],
    ['header words split into single characters', { layout: 'rows', splitHeaders: 1 }],
    ['header words split into two-character pieces, one cell per line', { layout: 'cell-per-line', splitHeaders: 2 }],
    ['labels broken and headers split', { layout: 'wrapped', splitHeaders: 1 }],
  ];
  it.each(layouts)('%s: every cell right, none in doubt', (_, opts) => {
    const { report, cellDoubts } = parse(makeText(rich, opts));
    expect(report.format).toBe('2021');
    expect(wrongCells(rich, report.cells)).toEqual([]);
    expect(cellDoubts).toEqual([]);
  });

  it('figures printed before their row label (PDF content order): every cell right, the order is mentioned', () => {
    const { report, uncertain } = parse(makeText(rich, { layout: 'values-first' }));
    expect(wrongCells(rich, report.cells)).toEqual([]);
    expect(uncertain.filter((u) => u.reason.includes('数字印在行标题之前')).map((u) => u.name).sort()).toEqual(['表三', '表二']);
  });

  it('an office suite\'s PDF printing some rows\' figures above their labels (「0 0 0」「规章」「6 4 11」「规范性文件」「行政许可 0 1 0」): each row its own figures, the rows named in a doubt', () => {
    const text = ['第二十条第（一）项', '信息内容 本年制发件数 本年废止件数 现行有效件数', '0 0 0', '规章', '6 4 11', '行政规范性文件', '第二十条第（五）项', '信息内容 本年处理决定数量', '行政许可 7'].join('\n');
    const read = readActive(tokenise(text.split('\n').map((t) => ({ text: t }))), FORMAT_2021.activeGroups);
    const row = (k: string) => [read.cells[`active.${k}.issued`], read.cells[`active.${k}.repealed`], read.cells[`active.${k}.in_force`]];
    expect([row('regulations'), row('normative'), read.cells['active.licensing.decisions']]).toEqual([[0, 0, 0], [6, 4, 11], 7]);
    expect(read.uncertain.find((u) => u.reason.includes('数字印在行标题之前'))?.reason).toContain('「规章」「行政规范性文件」');
  });

  it('a table 二 printing blank cells as nothing (「规范性文件 3」, 「行政强制」 alone): each one-figure row keeps its own figure, none read as printed above its label', () => {
    const text = [
      '第二十条第（一）项', '信息内容 本年制发件数 本年废止件数 现行有效件数', '规章', '行政规范性文件 3', '第二十条第（五）项', '信息内容 本年处理决定数量',
      '行政许可 66410', '第二十条第（六）项', '信息内容 本年处理决定数量', '行政处罚 1603', '行政强制 93', '第二十条第（八）项', '信息内容 本年收费金额（单位：万元）', '行政事业性收费',
    ];
    const read = (lines: string[]) => readActive(tokenise(lines.map((t) => ({ text: t }))), FORMAT_2021.activeGroups);
    const decisions = (r: ReturnType<typeof read>) => ['licensing', 'punishment', 'coercion'].map((k) => r.cells[`active.${k}.decisions`]);
    const blankCoercion = read(text.map((l) => (l === '行政强制 93' ? '行政强制' : l === '行政事业性收费' ? '行政事业性收费 588' : l)));
    expect(decisions(blankCoercion)).toEqual([66410, 1603, null]);
    expect(blankCoercion.cells['active.fees.amount']).toBe(588);
    const blankFees = read(text);
    expect(decisions(blankFees)).toEqual([66410, 1603, 93]);
    expect(blankFees.cells['active.fees.amount']).toBeNull();
    for (const r of [blankCoercion, blankFees]) expect(r.uncertain.filter((u) => u.reason.includes('数字印在行标题之前'))).toEqual([]);
  });

  it('table 三 with its first seven rows\' figures above their labels: each row its own figures, the doubt a valid import result', () => {
    const labels = ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '（一）予以公开', '（二）部分公开', '1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”'];
    const later = ['4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项'];
    const text = [
      '某县人民政府2024年政府信息公开工作年度报告', '一、总体情况', '全年主动公开政府信息20条。', '三、收到和处理政府信息公开申请情况',
      ...labels.flatMap((l, i) => [`${i + 1} 0 0 0 0 0 ${i + 1}`, l]),
      ...later.map((l, i) => `${l} ${i + 10} 0 0 0 0 0 ${i + 10}`),
      '四、政府信息公开行政复议、行政诉讼情况', '无。',
    ].join('\n');
    const r = importText(text, { kind: 'pdf', name: 'report.pdf', evaluate: (rep) => evaluate(rep) });
    expect(importResultSchema.safeParse(r).success).toBe(true);
    expect([r.report.cells['apply.new.natural'], r.report.cells['apply.denied_3.total'], r.report.cells['apply.denied_4.natural']]).toEqual([1, 7, 10]);
    expect(r.uncertain.some((u) => u.reason.includes('「一、本年新收政府信息公开申请数量」') && u.reason.includes('高于行标题'))).toBe(true);
  });

  it('「(一)」 for 「（一）」 and 「1、」 for 「1.」 read as the canonical labels', () => {
    const label = (t: string) => t.replace(/（/g, '(').replace(/）/g, ')').replace(/^(\d)\./, '$1、');
    const text = makeText(rich, { layout: 'rows', label });
    expect(text).toContain('(一)予以公开');
    expect(text).toContain('1、属于国家秘密');
    const { report, cellDoubts } = parse(text);
    expect(wrongCells(rich, report.cells)).toEqual([]);
    expect(cellDoubts).toEqual([]);
  });

  it('labels printed without their numbering (「属于国家秘密」, 「予以公开」) read right and are no doubt', () => {
    const label = (t: string) => t.replace(/^\d\./, '').replace(/^（[一二三四五六七]）/, '');
    const text = makeText(rich, { layout: 'rows', label });
    expect(text).toMatch(/ 属于国家秘密 \d/);
    expect(text).not.toContain('1.属于');
    for (const layout of ['rows', 'wrapped', 'cell-per-line', 'tsv'] as const) {
      const { report, cellDoubts } = parse(makeText(rich, { layout, label }));
      expect(wrongCells(rich, report.cells), layout).toEqual([]);
      expect(cellDoubts, layout).toEqual([]);
    }
  });

  it('typos in labels are matched fuzzily, and each such row is listed as unsure with the printed label', () => {
    const typos: Record<string, string> = {
      '4.保护第三方合法权益': '4.保护第三方合法利益',
      '一、本年新收政府信息公开申请数量': '一、本年新收政府信息公开申清数量',
      '2.没有现成信息需要另行制作': '2.没有现存信息需另行制做',
      '行政规范性文件': '行政规范姓文件',
    };
    const { report, uncertain } = parse(makeText(rich, { layout: 'rows', label: (t) => typos[t] ?? t }));
    expect(wrongCells(rich, report.cells)).toEqual([]);
    const fuzzy = uncertain.filter((u) => u.reason.includes('近似匹配'));
    expect(fuzzy.map((u) => u.target).sort()).toEqual(['active.normative.issued', 'apply.new.natural', 'apply.unable_2.natural', 'apply.denied_4.natural'].sort());
    expect(fuzzy.find((u) => u.target === 'apply.denied_4.natural')?.reason).toContain('保护第三方合法利益');
    expect(fuzzy.find((u) => u.target === 'apply.denied_4.natural')?.cells).toHaveLength(7);
  });

  it('numbers glued to their labels (「规章0」) are split off', () => {
    const text = makeText(rich, { layout: 'rows' }).replace(/^(规章|行政许可) /gm, '$1');
    expect(text).toMatch(/^规章\d/m);
    const { report } = parse(text);
    expect(wrongCells(rich, report.cells)).toEqual([]);
  });
});

describe('blank cells, stray numbers, missing rows', () => {
  it('a blank cell of a tab-separated line stays in its column: null, and listed as unsure', () => {
    const blank = new Set(['apply.granted.research', 'review.sued_direct.corrected', 'active.normative.repealed']);
    const { report, cellDoubts } = parse(makeText(rich, { layout: 'tsv', blank }));
    expect(wrongCells(rich, report.cells, blank)).toEqual([]);
    for (const k of blank) {
      expect(report.cells[k], k).toBeNull();
      expect(cellDoubts.find((u) => u.target === k)?.reason, k).toContain('空白');
    }
    expect(cellDoubts.map((u) => u.target).sort()).toEqual([...blank].sort());
  });

  it('a blank cell in a space-separated line can’t be placed: every cell of that row is listed, nothing else is touched', () => {
    const blank = new Set(['apply.denied_6.legal']);
    const { report, cellDoubts } = parse(makeText(rich, { layout: 'rows', blank }));
    const row = FORMAT_2021.cells.filter((c) => c.key.startsWith('apply.denied_6.')).map((c) => c.key);
    expect(wrongCells(rich, report.cells, new Set(row))).toEqual([]);
    expect(new Set(cellDoubts.map((u) => u.target))).toEqual(new Set(row));
    expect(cellDoubts[0]?.reason).toContain('只有 6 个数字');
    // the total is still the row's last figure
    expect(report.cells['apply.denied_6.total']).toBe(rich.cells['apply.denied_6.total']);
  });

  it('a blank cell printed with a mark (「—」, 「／」, the underscore some sites print) keeps its column', () => {
    const blank = new Set(['apply.denied_6.legal', 'active.normative.issued']);
    for (const blankMark of ['—', '／', '_', '＿']) {
      for (const layout of ['rows', 'cell-per-line'] as const) {
        const { report } = parse(makeText(rich, { layout, blank, blankMark }));
        expect(wrongCells(rich, report.cells, blank), `${blankMark} ${layout}`).toEqual([]);
        for (const k of blank) expect(report.cells[k], `${blankMark} ${layout} ${k}`).toBeNull();
      }
    }
  });

  it('figures placed in order in a row one short: no column sum is judged on them, the row’s own total still is', () => {
    // 自然人 blank in a space-separated row: the other figures fill the row from its first cell, the last is its total
    const blank = new Set(['apply.granted.natural']);
    const { report } = parse(makeText(rich, { layout: 'rows', blank }));
    expect(report.cells['apply.granted.natural']).toBe(rich.cells['apply.granted.commercial'] ?? -1);
    const unplaced = new Set(report.printed?.unplaced);
    expect([...unplaced].sort()).toEqual(['commercial', 'legal', 'natural', 'nonprofit', 'research'].map((c) => `apply.granted.${c}`));
    const findings = evaluate(report);
    expect(findings.filter((f) => (f.rule === 'T3-SUM7' || f.rule === 'T3-BAL') && f.cells.some((c) => unplaced.has(c)))).toEqual([]);
    // the row's printed total against its five figures, whichever column each stands in (the blank one is missing)
    expect(findings.filter((f) => f.rule === 'T3-ROW').map((f) => f.target)).toEqual(['apply.granted.total']);
  });

  it('a row of too few figures whose last is below the others\' sum: the last is still its total, and T3-ROW says the row doesn\'t add up', () => {
    // 「（一）予以公开 7 14 3」: blanks printed as nothing, a total misprinted (reading 3 as a detail would hide it)
    const text = makeText(rich, { layout: 'rows' }).replace('（一）予以公开 7 14 21 5 12 19 78', '（一）予以公开 7 14 3');
    expect(text).toContain('（一）予以公开 7 14 3\n');
    const { report } = parse(text);
    expect(report.cells['apply.granted.total']).toBe(3);
    const t3 = evaluate(report).filter((f) => f.rule === 'T3-ROW' && f.target === 'apply.granted.total');
    expect(t3.map((f) => f.message)).toEqual(['「（一）予以公开」行：表中总计 3，自然人 7 + 商业企业 14 = 21，相差 18']);
    // a text that stops within the row (an excerpt, a page cut off) keeps its last figure in order: no verdict
    const cut = parse(upTo(text, '（一）予以公开 7 14 3')).report;
    expect(cut.cells['apply.granted.total']).toBeNull();
    expect(evaluate(cut).filter((f) => f.rule === 'T3-ROW' && f.target === 'apply.granted.total')).toEqual([]);
    // so does a table cut off within the row with the site's footer after it (a page saved whole, its excerpt not)
    const footed = parse(`${upTo(text, '（一）予以公开 7 14 3')}\n【打印本页】 【关闭窗口】\n扫一扫在手机打开当前页\n主办单位：某某县人民政府办公室  网站标识码：3300000001  备案号：浙ICP备00000000号\n`).report;
    expect(footed.cells['apply.granted.total']).toBeNull();
    expect(evaluate(footed).filter((f) => f.rule === 'T3-ROW' && f.target === 'apply.granted.total')).toEqual([]);
  });

  it('the last row of table 三 printed with too few figures, its last below the others\' sum, with section 四 after it: the text goes on, so the last is its total and T3-ROW judges it', () => {
    // a crawl's 「四、结转下年度继续办理 0 0 10 0 0 0」 before 「四、政府信息公开行政复议…」: the table's own tokens end
    // with the row, but the report doesn't — no excerpt cut off there
    const text = makeText(rich, { layout: 'rows' }).replace('四、结转下年度继续办理 4 11 18 2 9 16 60', '四、结转下年度继续办理 4 11 18 2 9 16');
    expect(text).toContain('四、结转下年度继续办理 4 11 18 2 9 16\n\n四、政府信息公开行政复议');
    const { report } = parse(text);
    expect(report.cells['apply.carried_forward.total']).toBe(16);
    const t3 = evaluate(report).filter((f) => f.rule === 'T3-ROW' && f.target === 'apply.carried_forward.total');
    expect(t3.map((f) => f.message)).toEqual([expect.stringContaining('表中总计 16')]);
    // the report cut off right after the row: its last figure stays in order, no verdict
    const cut = parse(upTo(text, '四、结转下年度继续办理 4 11 18 2 9 16')).report;
    expect(cut.cells['apply.carried_forward.total']).toBeNull();
    expect(evaluate(cut).filter((f) => f.rule === 'T3-ROW' && f.target === 'apply.carried_forward.total')).toEqual([]);
  });

  it('a row one figure long that no stray left out and no two figures joined make add up fails T3-ROW, though its columns are a guess', () => {
    // 「7 14 21 5 12 19 78」 printed 「7 14 21 5 12 19 79 3」: 79 is not 78, and no other reading adds up either
    const text = makeText(rich, { layout: 'rows' }).replace('（一）予以公开 7 14 21 5 12 19 78', '（一）予以公开 7 14 21 5 12 19 79 3');
    expect(text).toContain('予以公开 7 14 21 5 12 19 79 3');
    const { report } = parse(text);
    expect(report.printed?.unplaced).toContain('apply.granted.total');
    const findings = evaluate(report).filter((f) => f.rule === 'T3-ROW' && f.target === 'apply.granted.total');
    expect(findings.map((f) => f.message)).toEqual(['「（一）予以公开」：原文本行有 8 个数字（7 14 21 5 12 19 79 3），比应有的多一个，无论舍去哪一个或合并哪两个，各项之和都不等于总计：原表的数字有误，请对照原文核对']);
  });

  it('a blank printed as nothing in a row of zeros: V-BLANK names the whole row, not the column the figures were placed in', () => {
    // the 总计 of （一） left blank: 「0 0 0 0 0 0」 reads as six details and a blank total, or five and a total of 0
    const zeros = { ...rich.cells, ...Object.fromEntries(['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org'].map((c) => [`apply.granted.${c}`, 0])) };
    const text = makeText({ ...rich, cells: zeros }, { layout: 'rows', blank: new Set(['apply.granted.total']) });
    expect(text).toMatch(/（一）予以公开 0 0 0 0 0 0\n/);
    const { report } = parse(text);
    const row = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total'].map((c) => `apply.granted.${c}`);
    expect(report.printed?.blankUnplaced).toEqual([row]);
    const blanks = evaluate(report).filter((f) => f.rule === 'V-BLANK');
    expect(blanks).toHaveLength(1);
    expect(blanks[0]?.cells).toEqual(expect.arrayContaining(row));
    expect(blanks[0]?.message).toBe('表三中「三、（一）予以公开」一行原文少印了数字，有单元格空白，是哪一格无法从原文判断：完成前请填写，没有的填 0（空白不等于 0）');
  });

  it('a figure whose column is a guess is not held against the text: 「废止0件」 beside a row 「21 12」 printed one short', () => {
    // 行政规范性文件 21 | 5 | 12 with 本年废止 blank: 12 lands in 本年废止 by order, its column a guess
    const text = makeText(rich, { layout: 'rows', blank: new Set(['active.normative.repealed']) }).replace(/一、总体情况\n/, '一、总体情况\n本年制发行政规范性文件21件，废止0件，现行有效12件。\n');
    expect(text).toMatch(/行政规范性文件 21 12\n/);
    const { report } = parse(text);
    expect(report.cells['active.normative.repealed']).toBe(12);
    expect(report.printed?.unplaced).toContain('active.normative.repealed');
    const active = evaluate(report).filter((f) => f.rule === 'N-ACTIVE');
    expect(active.filter((f) => f.cells.some((c) => c.startsWith('active.normative.')))).toEqual([]);
    // the same sentence beside the row printed in full is judged: 「废止0件」 against 5
    const whole = parse(makeText(rich, { layout: 'rows' }).replace(/一、总体情况\n/, '一、总体情况\n本年制发行政规范性文件21件，废止0件，现行有效12件。\n'));
    expect(evaluate(whole.report).filter((f) => f.rule === 'N-ACTIVE' && f.cells.includes('active.normative.repealed'))).toHaveLength(1);
  });

  it('a blank printed as a mark keeps its column: V-BLANK names that cell alone', () => {
    const { report } = parse(makeText(rich, { layout: 'rows', blank: new Set(['apply.granted.legal']), blankMark: '—' }));
    expect(report.printed?.blankUnplaced).toBeUndefined();
    expect(evaluate(report).filter((f) => f.rule === 'V-BLANK').map((f) => f.cells)).toEqual([['apply.granted.legal']]);
  });

  it('a stray extra number in a row is dropped by the row total, and the row is listed as unsure', () => {
    const { report, cellDoubts } = parse(makeText(rich, { layout: 'rows', strayAfter: { key: 'apply.refused_2.research', value: 9 } }));
    expect(wrongCells(rich, report.cells)).toEqual([]);
    expect(cellDoubts.length).toBe(7);
    expect(cellDoubts.every((u) => u.target.startsWith('apply.refused_2.') && u.reason.includes('多一个'))).toBe(true);
  });

  it('a cell printed on its own line as 「1 6」 (a page’s stray space) is 16 when that makes the row add up, never a stray number', () => {
    const key = 'apply.new.total';
    const total = String(rich.cells[key]);
    expect(total.length).toBeGreaterThan(1);
    const lines = makeText(rich, { layout: 'cell-per-line' }).split('\n');
    const at = lines.findIndex((l, i) => l === total && lines[i - 7]?.startsWith('一、本年新收'));
    expect(at).toBeGreaterThan(0);
    lines[at] = `${total.slice(0, 1)} ${total.slice(1)}`;
    const { report, cellDoubts } = parse(lines.join('\n'));
    expect(wrongCells(rich, report.cells)).toEqual([]);
    expect(cellDoubts.find((u) => u.target === key)?.reason).toContain(`读作 ${total}`);
  });

  it('a stray number in table 四 is dropped when exactly one choice makes every block add up', () => {
    const { report, cellDoubts } = parse(makeText(rich, { layout: 'rows', strayAfter: { key: 'review.reconsideration.total', value: 4 } }));
    expect(wrongCells(rich, report.cells)).toEqual([]);
    expect(cellDoubts.length).toBe(15);
  });

  it('a row missing from the source gives blank cells and says so', () => {
    const text = makeText(rich, { layout: 'rows' })
      .split('\n')
      .filter((l) => !l.startsWith('7.属于行政执法案卷'))
      .join('\n');
    const { report, uncertain } = parse(text);
    const row = FORMAT_2021.cells.filter((c) => c.key.startsWith('apply.denied_7.')).map((c) => c.key);
    expect(wrongCells(rich, report.cells, new Set(row))).toEqual([]);
    for (const k of row) expect(report.cells[k]).toBeNull();
    expect(uncertain.find((u) => u.target === 'apply.denied_7.natural')?.reason).toContain('未找到「7.属于行政执法案卷」');
  });
});

describe('formats', () => {
  it('a 2021 report that still prints the 2019 single 「（六）其他处理」 row keeps it as apply.other.*, never split', () => {
    const single = richData(FORMAT_2021_SINGLE_OTHER, 2023);
    expect(Object.keys(single.cells)).toContain('apply.other.natural');
    for (const layout of ['rows', 'wrapped', 'cell-per-line'] as const) {
      const { report, uncertain } = parse(makeText(single, { layout }));
      expect(report.format).toBe('2021');
      expect(wrongCells(single, report.cells), layout).toEqual([]);
      expect(Object.keys(report.cells).some((k) => k.startsWith('apply.other_'))).toBe(false);
      expect(uncertain.find((u) => u.target === 'apply.other.total')?.reason).toContain('未拆分');
    }
  });

  it('a format-2019 report: format, year and every cell (signed 本年增/减, 采购总金额 with its unit)', () => {
    const old = richData(FORMAT_2019, 2020);
    const text = makeText(old, { layout: 'rows' });
    expect(text).toContain('本年新制作数量');
    const { report, uncertain } = parse(text);
    expect(report.format).toBe('2019');
    expect(report.year).toBe(2020);
    expect(wrongCells(old, report.cells)).toEqual([]);
    expect(report.cells['active2019.procurement.amount']).toMatch(/^\d+\.5 万元$/);
    expect(Object.values(report.cells).some((v) => typeof v === 'number' && v < 0)).toBe(true);
    expect(uncertain.filter((u) => u.target.includes('.'))).toEqual([]);
  });

  it('a 本年增/减 misprinted with its sign doubled (「行政处罚 253 --253 0」) keeps its place: said unreadable, the row not short', () => {
    const old = richData(FORMAT_2019, 2020);
    const row = (l: string) => l.startsWith('行政处罚');
    const text = makeText(old, { layout: 'rows' }).split('\n').map((l) => (row(l) ? '行政处罚 253 --253 0' : l)).join('\n');
    const { report, uncertain } = parse(text);
    expect(report.cells['active2019.punishment.prev_items']).toBe(253);
    expect(report.cells['active2019.punishment.change']).toBeNull();
    expect(report.cells['active2019.punishment.decisions']).toBe(0);
    expect(uncertain.find((u) => u.target === 'active2019.punishment.change')?.reason).toContain('原文「--253」无法识别为数字');
    expect(evaluate(report).filter((f) => f.rule === 'V-BLANK')).toEqual([]);
  });

  it.each(['rows', 'tsv', 'cell-per-line'] as const)('a letter O among a row\'s figures (%s, an OCR slip) holds its cell, said no figure: the figures after it keep their places', (layout) => {
    const lines = makeText(rich, { layout }).split('\n');
    const i = lines.findIndex((l) => l.includes('本年新收'));
    if (layout === 'cell-per-line') lines[i + 1] = 'O';
    else lines[i] = (lines[i] ?? '').replace(/([ \t])\d+/, '$1O');
    const { report, uncertain } = parse(lines.join('\n'));
    expect(report.cells['apply.new.natural']).toBeNull();
    const skip = new Set(['apply.new.natural']);
    expect(wrongCells(rich, report.cells, skip)).toEqual([]);
    expect(uncertain.filter((u) => u.target.startsWith('apply.')).map((u) => u.target)).toEqual(['apply.new.natural']);
    const findings = evaluate(report);
    expect(findings.filter((f) => f.rule === 'V-NUM').map((f) => [f.target, f.message])).toEqual([
      ['apply.new.natural', expect.stringContaining('「O」是字母 O，不是数字 0') as string],
    ]);
    // no sum is judged on the figure that isn't there (its row's T3-ROW, its column's T3-BAL)
    expect(findings.filter((f) => /^T[34]-/.test(f.rule) && f.cells.includes('apply.new.natural'))).toEqual([]);
  });

  it('a figure printed with a letter O for its 0 (「1O」) keeps its cell, said to hold a letter', () => {
    const tokens = tokenise(textDocument('一、本年新收政府信息公开申请数量 1O 0 0 0 0 0 10').lines);
    expect(tokens.map((t) => (t.type === 'num' ? t.raw : t.type))).toEqual(['text', '1O', '0', '0', '0', '0', '0', '10']);
    expect(parseCell('1O', 'count')).toEqual({ ok: false, message: '「1O」含字母 O，不是数字 0，请填写非负整数' });
    expect(parseCell('OA', 'count')).toEqual({ ok: false, message: '「OA」不是数字，请填写非负整数' });
    // alone after its label (a row of table 二): digits with a letter are a figure still, said no figure
    const { report } = parse(makeText(rich, { layout: 'rows' }).replace(/^(行政许可\D*)\d+$/m, '$16641O'));
    expect(report.cells['active.licensing.decisions']).toBeNull();
    expect(evaluate(report).filter((f) => f.rule === 'V-NUM').map((f) => [f.target, f.message])).toEqual([
      ['active.licensing.decisions', expect.stringContaining('「6641O」含字母 O') as string],
    ]);
  });

  it.each([
    ['rows', '1l', '「1l」含字母 l，不是数字 1'],
    ['tsv', 'I', '「I」是字母 I，不是数字 1'],
    ['rows', '十一', '「十一」是汉字数字，不是阿拉伯数字'],
    ['cell-per-line', 'l', '「l」是字母 l，不是数字 1'],
  ] as const)('a figure printed with a letter for its 1 or in Chinese numerals (%s, 「%s」) holds its cell, said no figure', (layout, word, message) => {
    const lines = makeText(rich, { layout }).split('\n');
    const i = lines.findIndex((l) => l.includes('本年新收'));
    // the row's second figure (商业企业), so that a figure stands on both sides of it even one cell a line
    if (layout === 'cell-per-line') lines[i + 2] = word;
    else lines[i] = (lines[i] ?? '').replace(/([ \t])(\d+)([ \t])\d+/, `$1$2$3${word}`);
    const { report, uncertain } = parse(lines.join('\n'));
    const skip = new Set(['apply.new.commercial']);
    expect(report.cells['apply.new.commercial']).toBeNull();
    expect(wrongCells(rich, report.cells, skip)).toEqual([]);
    expect(uncertain.filter((u) => u.target.startsWith('apply.')).map((u) => u.target)).toEqual(['apply.new.commercial']);
    expect(evaluate(report).filter((f) => f.rule === 'V-NUM').map((f) => [f.target, f.message])).toEqual([
      ['apply.new.commercial', expect.stringContaining(message) as string],
    ]);
  });

  it('a numeral that is a piece of a label beside a row\'s figures stays a word: a column\'s upright heading (「三」 「、」 …), a spaced-out label\'s last character', () => {
    const text = ['二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0', '三', '、', '（一）予以公开 1 0 0 0 0 0 1'].join('\n');
    expect(tokenise(textDocument(text).lines).map((t) => (t.type === 'num' ? t.raw : t.type))).toEqual([
      'text', ...Array<string>(7).fill('0'), 'text', 'text', 'text', '1', '0', '0', '0', '0', '0', '1',
    ]);
    // nor the heading's first character set beside a row's figures, nor a spaced-out label's last character
    const words = (line: string) => tokenise(textDocument(line).lines).map((t) => (t.type === 'num' ? t.raw : t.type));
    expect(words(['（七）总计 1 0 0 0 0 0 1', '三 1 0 0 0 0 0 1'].join('\n'))).toEqual(['text', '1', '0', '0', '0', '0', '0', '1', 'text', '1', '0', '0', '0', '0', '0', '1']);
    expect(words('3. 危 及 “ 三 安 全 一 0 0 0 0 0 0 0')).toEqual([...Array<string>(8).fill('text'), ...Array<string>(7).fill('0')]);
    // two characters beside a row's figures on their line are the row's cell
    expect(words('（一）予以公开 十一 0 0 0 0 0 11')).toEqual(['text', '十一', '0', '0', '0', '0', '0', '11']);
  });

  it('a figure with a note\'s mark after it (「11*」, 「11①」, 「3※」) is its figure: the mark neither ends the label nor becomes a digit', () => {
    for (const mark of ['*', '①', '※', '＊']) {
      const line = `一、本年新收政府信息公开申请数量 11${mark} 0 0 0 0 0 11`;
      expect(tokenise(textDocument(line).lines).map((t) => (t.type === 'num' ? t.raw : t.type)), mark).toEqual(['text', '11', '0', '0', '0', '0', '0', '11']);
    }
  });

  it('a row\'s figure with a sentence\'s mark after it (「11。」, 「0；」), or a row typed as a list (「11、0、0、0、0、0、11」), is the row\'s figures', () => {
    const words = (line: string) => tokenise(textDocument(line).lines).map((t) => (t.type === 'num' ? t.raw : t.type));
    const label = '一、本年新收政府信息公开申请数量';
    const row = ['text', '11', '0', '0', '0', '0', '0', '11'];
    for (const line of [`${label} 11 0 0 0 0 0 11。`, `${label} 11 0 0 0 0 0 11；`, `${label} 11， 0 0 0 0 0 11`]) expect(words(line), line).toEqual(row);
    for (const mark of ['、', '，', ',', '；']) expect(words(`${label} ${['11', '0', '0', '0', '0', '0', '11'].join(mark)}`), mark).toEqual(row);
    // a label's numbering stays the label's; a thousands comma stays in its figure
    expect(words('1、 本机关不掌握相关政府信息 0 0 0 0 0 0 0')).toEqual(['text', 'text', ...Array<string>(7).fill('0')]);
    expect(words('政府集中采购 2 1,234,567')).toEqual(['text', '2', '1,234,567']);
    // the whole report (its table 三's columns don't balance, a made-up report's): the row's total read, so its own sum
    // is judged on the figures printed, with no false alarm
    const lines = makeText(rich, { layout: 'rows' }).split('\n');
    const i = lines.findIndex((l) => l.includes('本年新收'));
    const printed = (row: string) => {
      const copy = [...lines];
      copy[i] = row;
      const { report } = parse(copy.join('\n'));
      return { report, rowSums: evaluate(report).filter((f) => f.rule === 'T3-ROW').map((f) => f.target) };
    };
    const figures = (lines[i] ?? '').match(/\d+/g) ?? [];
    const right = printed(`${label} ${figures.join(' ')}。`);
    expect(wrongCells(rich, right.report.cells)).toEqual([]);
    expect(right.rowSums).toEqual([]);
    const raised = printed(`${label} ${[...figures.slice(0, -1), String(Number(figures.at(-1)) + 1)].join('、')}。`);
    expect(raised.rowSums).toEqual(['apply.new.total']);
  });

  it('a tab or pipe row\'s cell printed 「无」 is a blank of its column; on a plain line 「无」 stays a word (a piece of 「（四）无法提供」 wrapped)', () => {
    const blank = new Set(['apply.granted.research', 'review.sued_direct.corrected']);
    const { report, cellDoubts } = parse(makeText(rich, { layout: 'tsv', blank, blankMark: '无' }));
    expect(wrongCells(rich, report.cells, blank)).toEqual([]);
    expect(cellDoubts.map((u) => [u.target, u.reason])).toEqual([...blank].map((k) => [k, expect.stringContaining('空白') as string]));
    const pipe = makeText(rich, { layout: 'tsv', blank, blankMark: '无' }).split('\n').map((l) => (l.includes('\t') ? `| ${l.split('\t').join(' | ')} |` : l));
    expect(wrongCells(rich, parse(pipe.join('\n')).report.cells, blank)).toEqual([]);
    const tokens = tokenise(textDocument('（四） 无 1 2 3').lines);
    expect(tokens.map((t) => (t.type === 'text' ? t.text : t.type))).toEqual(['（四）', '无', 'num', 'num', 'num']);
  });

  it('a line of figures between two pieces of a wrapped label with commas (a PDF\'s 「理结 分处理的，只计这一」/「3 0 0 0 0 0 3」/「果 情形，…」) is the row\'s, not prose', () => {
    const text = [
      '某局2022年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开申请数量 4 0 0 0 0 0 4',
      '二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0',
      '三、 （一）予以公开 1 0 0 0 0 0 1',
      '本年',
      '度办 （二）部分公开（区',
      '理结 分处理的，只计这一',
      '3 0 0 0 0 0 3',
      '果 情形，不计其他情',
      '形）',
      '（三）不予公开 1.属于国家秘密 0 0 0 0 0 0 0',
    ].join('\n');
    const { report } = parse(text);
    expect(report.cells['apply.partial.natural']).toBe(3);
    expect(report.cells['apply.partial.total']).toBe(3);
  });

  it('a header\'s note of decimal places (「采购总金额(单位:万元,保留4位小数)」, a PDF\'s 「保留 4 位小数」) is no figure of the row above it', () => {
    const lines = ['某乡2019年政府信息公开工作年度报告', '二、主动公开政府信息情况', '第二十条第(八)项', '信息内容', '上一年项目数量', '本年增/减', '行政事业性收费', '0'];
    for (const note of ['保留4位小数', '保留 4 位小数']) {
      const text = [...lines, '第二十条第(九)项', '信息内容', '采购项目数量', `采购总金额(单位:万元,${note})`, '政府集中采购', '6', '137.3', '三、收到和处理政府信息公开申请情况'].join('\n');
      const { report } = parse(text);
      expect(report.cells['active2019.fees.prev_items'], note).toBe(0);
      expect(report.cells['active2019.fees.change'] ?? null, note).toBeNull();
      expect(report.cells['active2019.procurement.items'], note).toBe(6);
    }
  });

  it('a line stating its own figure under the table (「…发布总数量(非新闻类、消息类):2条」) fills no cell of the row above it', () => {
    const head = ['某局2020年政府信息公开工作年度报告', '二、主动公开政府信息情况', '第二十条第(九)项 |', '|||', '信息内容 |', '采购项目数量 |', '采购总金额 |', '|', '政府集中采购 |', '|', '|', '|'];
    for (const stated of ['2020年本行政区域(或本部门)政府信息公开发布总数量(非新闻类、消息类):2条 |', '本部门政府信息公开发布总数量(非新闻类、消息类):2条']) {
      const { report } = parse([...head, stated, '三、收到和处理政府信息公开申请情况'].join('\n'));
      expect(report.cells['active2019.procurement.items'] ?? null, stated).toBeNull();
    }
  });

  it('a 2019-format table in a 2021-or-later report is read as printed and flagged', () => {
    const old = richData(FORMAT_2019, 2022);
    const { report, uncertain } = parse(makeText(old, { layout: 'tsv' }));
    expect(report.format).toBe('2019');
    expect(wrongCells(old, report.cells)).toEqual([]);
    expect(uncertain.find((u) => u.target === 'format')?.reason).toContain('2019年格式');
  });
});

describe('front matter and 落款', () => {
  it('title over two lines, a Chinese-numeral date, contact with a landline, page numbers dropped', () => {
    const text = [
      '某某市生态环境局2023年政府信息公开工作年',
      '度报告',
      '一、总体情况',
      '本局认真落实条例。',
      '— 1 —',
      '二、主动公开政府信息情况',
      makeText(rich, { layout: 'rows', signature: false }).split('二、主动公开政府信息情况')[1]?.split('五、存在的主要问题及改进情况')[0] ?? '',
      '五、存在的主要问题及改进情况',
      '无。',
      '六、其他需要报告的事项',
      '本年度没有产生信息处理费。',
      '联系人：王小明，联系电话：0373-5551234',
      '某某市生态环境局',
      '二〇二四年一月二十日',
    ].join('\n');
    const { report, uncertain } = parse(text);
    expect(report.title).toBe('某某市生态环境局2023年政府信息公开工作年度报告');
    expect(report.organ).toBe('某某市生态环境局');
    expect(report.level).toBe('department');
    expect(report.year).toBe(2023);
    expect(report.signature).toEqual({ organ: '某某市生态环境局', date: '2024-01-20' });
    expect(report.contact).toEqual({ name: '王小明', phone: '0373-5551234' });
    expect(report.sections?.other).toBe('本年度没有产生信息处理费。');
    expect(report.sections?.overview).toBe('本局认真落实条例。');
    expect(wrongCells(rich, report.cells)).toEqual([]);
    expect(uncertain.map((u) => u.target)).not.toContain('year');
  });

  it('web page text before the title, a Chinese-numeral year, a preface listing the six parts, headings worded the 2019 way', () => {
    const body = makeText(rich, { layout: 'rows', signature: false }).split('\n').slice(2).join('\n');
    const text = [
      '首页',
      '政务公开',
      '发布时间：2024-01-25 来源：县政府办',
      '某某县人民政府',
      '二〇二三年政府信息公开工作年度报告',
      '本报告分为：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况等六部分。',
      body.replace('四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开申请行政复议、提起行政诉讼的情况').replace('五、存在的主要问题及改进情况', '五、存在的主要问题和改进措施'),
    ].join('\n');
    const { report, uncertain } = parse(text);
    expect(report.title).toBe('某某县人民政府二〇二三年政府信息公开工作年度报告');
    expect(report.year).toBe(2023);
    expect(report.organ).toBe('某某县人民政府');
    expect(report.sections?.preface).toContain('本报告分为');
    expect(report.sections?.overview).toBe(rich.sections?.overview);
    expect(report.sections?.problems).toBe(rich.sections?.problems);
    expect(uncertain.filter((u) => u.target.startsWith('sections.'))).toEqual([]);
    expect(uncertain.find((u) => u.target === 'title')?.reason).toContain('3 行');
    expect(wrongCells(rich, report.cells)).toEqual([]);
  });

  it('a report without a year in its title takes the year from the 落款 and says so', () => {
    const text = makeText({ ...rich, title: '某县政府信息公开工作年度报告', signature: { organ: '某县人民政府', date: '2025-03-01' } }, { layout: 'rows' });
    const { report, uncertain } = parse(text);
    expect(report.year).toBe(2024);
    expect(uncertain.find((u) => u.target === 'year')?.reason).toContain('2024');
    expect(report.organ).toBe('某县');
    expect(report.level).toBe('government');
  });
});

/**
 * Sentences that look like rows: a line of running text (「行政规范性文件 13 件；规划计划文件 2 件」) names a
 * row's label and has figures, but never fills a cell that the printed table fills.
 */
import { describe, expect, it } from 'vitest';
import { importText, parsePublished, textDocument } from '../../shared/import/index.js';
import { isProseLine } from '../../shared/import/layoutProse.js';
import { evaluate } from '../../shared/rules/index.js';

const APPLY_ROWS = [
  '一、本年新收政府信息公开申请数量 5 0 0 0 0 0 5',
  '二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0',
  '（一）予以公开 3 0 0 0 0 0 3',
  '（七）总计 5 0 0 0 0 0 5',
  '四、结转下年度继续办理 0 0 0 0 0 0 0',
];

function report(active: readonly string[], review: readonly string[]): string {
  return [
    '某县人民政府2024年政府信息公开工作年度报告',
    '一、总体情况',
    '（一）主动公开。全年主动公开政府信息 2481 条。',
    '二、主动公开政府信息情况',
    ...active,
    '三、收到和处理政府信息公开申请情况',
    ...APPLY_ROWS,
    '四、政府信息公开行政复议、行政诉讼情况',
    ...review,
    '五、存在的主要问题及改进情况',
    '略。',
    '六、其他需要报告的事项',
    '无。',
  ].join('\n');
}

const ACTIVE_TABLE = [
  '第二十条第（一）项',
  '信息内容 本年制发件数 本年废止件数 现行有效件数',
  '规章 0 0 0',
  '行政规范性文件 3 1 6',
  '第二十条第（五）项',
  '信息内容 本年处理决定数量',
  '行政许可 66410',
  '第二十条第（六）项',
  '信息内容 本年处理决定数量',
  '行政处罚 1603',
  '行政强制 93',
  '第二十条第（八）项',
  '信息内容 本年收费金额（单位：万元）',
  '行政事业性收费 588',
];
const REVIEW_TABLE = ['行政复议 行政诉讼', '结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉', '1 0 0 0 1 0 0 0 2 2 0 0 0 0 0'];

const activeOf = (cells: Record<string, unknown>) => [
  cells['active.regulations.issued'],
  cells['active.normative.issued'],
  cells['active.normative.repealed'],
  cells['active.normative.in_force'],
  cells['active.licensing.decisions'],
  cells['active.fees.amount'],
];

describe('running text beside the tables', () => {
  it('a wrapped sentence naming the rows, before the table, fills no cell', () => {
    const text = report(
      [
        '本年度，我县制发规章 0 件，行政规范性文件 13 件；规划计划文件 2 件',
        '，行政许可 5 件，均已按要求公开。',
        ...ACTIVE_TABLE,
      ],
      REVIEW_TABLE,
    );
    const { report: r, uncertain } = parsePublished(textDocument(text));
    expect(activeOf(r.cells)).toEqual([0, 3, 1, 6, 66410, 588]);
    expect(uncertain.filter((u) => u.target.startsWith('active.'))).toEqual([]);
  });

  it('a sentence after the table, with figures, adds nothing to its last row', () => {
    const text = report([...ACTIVE_TABLE, '其中，收费项目 2 项，涉及金额 588 万元，均已公示'], REVIEW_TABLE);
    const { report: r, uncertain } = parsePublished(textDocument(text));
    expect(activeOf(r.cells)).toEqual([0, 3, 1, 6, 66410, 588]);
    expect(uncertain.filter((u) => u.target.startsWith('active.'))).toEqual([]);
  });

  it('table 四 as three tables: figures of a sentence without a full stop are not the table’s', () => {
    const header = '结果维持 结果纠正 其他结果 尚未审结 总计';
    const three = ['行政复议', header, '1 0 0 0 1', '行政诉讼：未经复议直接起诉', header, '0 0 0 2 2', '复议后起诉', header, '0 0 0 0 0'];
    const text = report(ACTIVE_TABLE, ['本年度发生行政复议 1 件，行政诉讼 2 件，均依法应诉', ...three]);
    const { report: r, uncertain } = parsePublished(textDocument(text));
    const review = ['reconsideration', 'sued_direct', 'sued_after'].flatMap((b) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => r.cells[`review.${b}.${c}`]));
    expect(review).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 2, 2, 0, 0, 0, 0, 0]);
    expect(uncertain.filter((u) => u.target.startsWith('review.'))).toEqual([]);
  });

  it('a row label holding a comma (「…逾期不补正，行政机关不再处理…」) is still a table row', () => {
    const rows = [
      '（六）其他处理',
      '1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请 2 0 0 0 0 0 2',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0',
      '3.其他 0 0 0 0 0 0 0',
    ];
    const text = report(ACTIVE_TABLE, REVIEW_TABLE).replace('（七）总计', `${rows.join('\n')}\n（七）总计`);
    const { report: r } = parsePublished(textDocument(text));
    expect(r.cells['apply.other_1.natural']).toBe(2);
    expect(r.cells['apply.other_1.total']).toBe(2);
  });

  it('an excerpt with no table: a sub-heading only like a row label (「（一）主动公开」 ~ 「（一）予以公开」) does not make sentences rows', () => {
    const text = [
      '某某区人民政府2024年政府信息公开工作年度报告',
      '一、总体情况',
      '(一)主动公开',
      '全区主动公开信息6470余条。',
      '(二)依申请公开',
      '2024年，全区收到依申请公开34件。从办理结果看，予以公开18件，部分公开9件，本机关不掌握相关政府信息6件，重复申请1件。',
    ].join('\n');
    const r = parsePublished(textDocument(text));
    const filled = Object.entries(r.report.cells).filter(([k, v]) => k.startsWith('apply.') && v !== null && v !== undefined);
    expect(filled).toEqual([]);
  });

  it('a sentence wrapped at the margin that names 「规范性文件」 among other words is no 2019 table label (no F-OLD)', () => {
    const text = report(
      ['主动公开的栏目包', '括政府工作报告、常务会议、规范性文件、政府文件、政策法规、政策解读、热点回应', '等。'],
      REVIEW_TABLE,
    );
    expect(parsePublished(textDocument(text)).report.printed?.oldLabels).toBeUndefined();
  });

  it('a sentence opening 「规范性文件方面：2021年…」 (cut short by an excerpt) is no 2019 table label either', () => {
    const text = report(['（三）政府信息管理情况', '规范性文件方面:2021'], REVIEW_TABLE);
    expect(parsePublished(textDocument(text)).report.printed?.oldLabels).toBeUndefined();
  });

  it('an excerpt cut inside 一 whose last line, broken at the margin, is 「好规范性文件清理」: no table 二 of one row (no F-OLD, no cell)', () => {
    // (a fresh report, 石家庄市长安区 2025, as a PDF's text gives its part 一 at 28 characters a line)
    const text = [
      '石家庄市长安区2025年政府信息公开工作年度报告',
      '一、总体情况',
      '(三)政府信息管理方面。建立了公文公开属性源头认定和公开',
      '前发布审查工作机制,确保公开内容合法、准确、安全。全面做',
      '好规范性文件清理',
    ].join('\n');
    expect(parsePublished(textDocument(text)).report.printed?.oldLabels).toBeUndefined();
    const r = importText(text, { kind: 'text', name: 'x.txt', evaluate: (d) => evaluate(d) });
    expect(Object.entries(r.report.cells).filter(([k, v]) => k.startsWith('active') && v !== null && v !== undefined)).toEqual([]);
    expect(r.sourceCheck.filter((f) => f.rule === 'F-OLD')).toEqual([]);
    expect(r.report.sections?.overview).toContain('好规范性文件清理');
  });

  it('an excerpt with no table whose preface names the 2019 columns (「除规章对外公开总数量…外」) is read in its year’s format', () => {
    const text = [
      '某某区人民政府办公室2021年政府信息公开工作年度报告',
      '本报告除规章对外公开总数量、规范性文件对外公开总数量两个项目外,其他项目统计时限均为2021年1月1日—12月31日。',
      '一、总体情况',
      '2021年,我办全年主动发布信息11000余条。',
    ].join('\n');
    expect(parsePublished(textDocument(text)).report.format).toBe('2021');
  });
  it('a preface whose bracket is never closed (「(以下简称《条例》有关要求,现将…」) is still running text: the overview after it is kept whole', () => {
    const text = [
      '根据《中华人民共和国政府信息公开条例》(以下简称《条例》有关要求,现将某县人民政府2024年政府信息公开工作年度报告予以公开。本报告所列数据的统计期限自2024年1月1日至2024年12月31日。',
      '一、总体情况',
      '2024年,我县坚持以“法定公开事项必须公开到位,其他事项审慎公开”的原则,不断拓宽政府信息公开范围。',
      '(一)主动公开政府信息情况',
      '主动公开各类信息2406条,其中政务动态1215条,政府信息公开类1129条。',
      '(二)依申请公开情况',
      '2024年全县共受理依申请公开12件。',
    ].join('\n');
    const r = parsePublished(textDocument(text));
    expect(r.report.sections?.overview).toContain('主动公开各类信息2406条');
    expect(r.report.sections?.overview).toContain('其他事项审慎公开');
    expect(Object.values(r.report.cells).filter((v) => v !== null && v !== undefined)).toEqual([]);
  });
  it('a sentence wrapped after a figure (「…办理行政许可处理决定 1424」/「件;办理行政处罚处理决定 8 件;…」): each label keeps the figure of its own clause, so the text agrees with itself', () => {
    const text = [
      '某某委2025年政府信息公开工作年度报告',
      '一、总体情况',
      '(一)主动公开情况。主动公开政务信息 111 条(1526 件),其中,规范性文件 5 件;办理行政许可处理决定 1424',
      '件;办理行政处罚处理决定 8 件;处理信息公开申请 89 件。',
    ].join('\n');
    const r = importText(text, { kind: 'pdf', name: 'report.pdf', evaluate: (rep) => evaluate(rep) });
    expect(r.report.cells['active.punishment.decisions'] ?? null).not.toBe(1424);
    expect(r.sourceCheck.filter((f) => f.rule === 'N-ACTIVE')).toEqual([]);
  });
  it('an overview wrapped at 28 characters (a PDF\'s text): sub-headings, a bracket the margin leaves open and a line naming 规章库、规范性文件库 are no table, and no line of it is lost', () => {
    const paragraphs = [
      '(一)主动公开方面',
      '2024年,通过市政府网站平台发布政府动态类信息1464条,其中文件15条,政策解读10条。',
      '(二)依申请公开方面',
      '2024年,共受理政府信息公开申请95件。答复政府信息公开申请98件(含上年度转结申请8件,另有5件申请转结下年度继续办理),均按规定在法定期内予以答复。',
      '(三)政府信息管理方面',
      '在市政府网站规章库、规范性文件库对现行有效的规章、规范性文件集中公开。',
    ];
    const wrapped = paragraphs.flatMap((p) => p.match(/.{1,28}/g) ?? []);
    const text = ['某某市人民政府办公厅2024年政府信息公开工作年度报告', '一、总体情况', ...wrapped].join('\n');
    const r = parsePublished(textDocument(text));
    const overview = (r.report.sections?.overview ?? '').replace(/\n/g, '');
    for (const p of paragraphs) expect(overview).toContain(p);
    expect(Object.values(r.report.cells).filter((v) => v !== null && v !== undefined)).toEqual([]);
  });
  it('a line the margin cut inside a bracket that counts things (「件(含上年度转结申请8件,另有5件申请转结下年度继续办理」) is running text; a table\'s note cut so is not', () => {
    expect(isProseLine('件(含上年度转结申请8件,另有5件申请转结下年度继续办理')).toBe(true);
    expect(isProseLine('（本列数据的勾稽关系为：第一项加第二')).toBe(false);
  });
  it('a document number broken at the margin inside its year (「(国办公开办函〔20」/「21〕30号)要求」) is joined whole: the 2021 notice, no F-OLD', () => {
    const text = [
      '某某街道2023年政府信息公开工作年度报告',
      '本报告依据《国务院办公厅政府信息与政务公开办公室关于政府',
      '信息公开工作年度报告有关事项的通知》(国办公开办函〔20',
      '21〕30号)要求编制。',
      '一、总体情况',
      '2023年,我街道扎实推进政务公开。',
    ].join('\n');
    const r = importText(text, { kind: 'pdf', name: 'report.pdf', evaluate: (rep) => evaluate(rep) });
    expect(r.report.sections?.preface).toContain('〔2021〕30号');
    expect(r.sourceCheck.filter((f) => f.rule === 'F-OLD')).toEqual([]);
  });
  it('a wrapped line with no sentence mark of its own inside a paragraph (「开历年现行有效行政规范性文件108件电子文本及PDF文本」) is running text: no cell read from it', () => {
    const text = [
      '某某县人民政府2023年政府信息公开工作年度报告',
      '一、总体情况',
      '一是持续深化规范性文件集中统一公开。进一步规范政府信息公',
      '开专栏建设,在县政府网站增设“行政规范性文件库”栏目,集中公',
      '开历年现行有效行政规范性文件108件电子文本及PDF文本',
      ',发布行政规范性文件清理结果。',
    ].join('\n');
    const r = parsePublished(textDocument(text));
    expect(Object.values(r.report.cells).filter((v) => v !== null && v !== undefined)).toEqual([]);
    expect((r.report.sections?.overview ?? '').replace(/\n/g, '')).toContain('行政规范性文件108件电子文本');
  });
});

describe('an enumeration of table 二’s labels in a sentence, and no table 二 (an excerpt, or tables printed as images)', () => {
  it('is no table: the paragraphs stay in 总体情况 and no cell takes their counts', () => {
    const text = [
      '某市市场监管局2022年政府信息公开工作年度报告',
      '一、总体情况',
      '1、主动公开',
      '2022年我局主动公开政府信息960条,发布行政规范性文件4篇,政策解读4篇。完成了建议提案办理结果答复、权责清单及行政许可结果、行政处罚信息、行政强制信息、重点领域信息等信息的主动公开。',
      '2、依申请公开',
      '2022年我局共受理依申请政府信息公开事项17例,全部按时办结。',
      '3、政府信息管理',
      '增加了权责清单及行政许可结果公开栏目及内容,及时公开办事过程和结果。',
    ].join('\n');
    const { report: r } = parsePublished(textDocument(text));
    expect(r.sections?.overview).toContain('2022年我局主动公开政府信息960条');
    expect(r.sections?.overview).toContain('2022年我局共受理依申请政府信息公开事项17例');
    for (const row of ['licensing', 'punishment', 'coercion']) expect(r.cells[`active.${row}.decisions`] ?? null, row).toBeNull();
  });
});

describe('figures of table 二’s rows in a sentence of 总体情况, and no section 二 (an excerpt)', () => {
  it('fill no cell: a table printed as text stands in its own section', () => {
    const text = [
      '子长市人民政府2022年政府信息公开工作年度报告',
      '一、总体情况',
      '(一)主动公开情况。全市通过各种形式,主动公开政府信息3131条。本年度制发规范性文件2件,现行有效规范性文件1件,本年度办理行政许可6428件,行政处罚160件。及时公开市场监管、行政执法、财政信息和解读回应等信息。',
      '(二)依法办理依申请公开。全年共收到政府信息公开申请12件,予以公开8件,部分公开2件,不予公开1件,本机关不掌握相关政府信息1件。',
    ].join('\n');
    const { report: r } = parsePublished(textDocument(text));
    expect(Object.entries(r.cells).filter(([, v]) => v !== null && v !== undefined)).toEqual([]);
    expect(r.sections?.overview).toContain('行政处罚160件');
  });
});

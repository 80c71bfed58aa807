/**
 * 汇总 with constructed units (issue 12): additive cells summed exactly, government-level cells left for entry with
 * the units' values beside them, contributions by unit, blanks not taken for 0, and the units missing, duplicated,
 * of another year or format, or unreadable listed — never summed.
 */
import { describe, expect, it } from 'vitest';
import { FORMAT_2021, FORMAT_2021_SINGLE_OTHER } from '../../shared/report/format.js';
import { resolvedCells } from '../../shared/report/model.js';
import { exactSum, matchRoster, parseRoster, refreshRollupDraft, rollUp, toMillionths, type UnitInput } from '../../shared/rollup/index.js';
import { applyReviewAction } from '../../shared/report/reviewState.js';
import { nestCells } from '../../shared/report/model.js';
import { draftToReport, parseDraftText, serializeDraft, type DraftFile } from '../../shared/schema/draft.js';
import { unitReport } from './support/units.js';

const input = (file: string, report: ReturnType<typeof unitReport>, sha256?: string): UnitInput => ({ file, loaded: { ok: true, report }, ...(sha256 ? { sha256 } : {}) });

const units = [
  input('jy.gkbg', unitReport('县教育局', { 'apply.new.natural': 3, 'apply.granted.natural': 3, 'active.fees.amount': 0.1, 'active.licensing.decisions': 120, 'active.normative.issued': 2 })),
  input('ws.gkbg', unitReport('县卫生健康委员会', { 'apply.new.natural': 5, 'apply.new.legal': 1, 'apply.granted.natural': 4, 'apply.carried_forward.natural': 1, 'apply.granted.legal': 1, 'active.fees.amount': 0.2, 'review.reconsideration.upheld': 2 })),
  input('zr.gkbg', unitReport('县自然资源局', { 'apply.new.natural': 2, 'apply.partial.natural': 2, 'active.fees.amount': 0.4, 'active.normative.issued': 1 })),
];

describe('roll-up sums', () => {
  const r = rollUp(units, { scope: 'county', organ: '某某县人民政府' });
  const cell = (key: string) => r.cells.find((c) => c.key === key);

  it('adds table 三 and 四 and the decisions and fees of table 二, exactly', () => {
    expect(cell('apply.new.natural')?.value).toBe(10);
    expect(cell('apply.new.legal')?.value).toBe(1);
    expect(cell('review.reconsideration.upheld')?.value).toBe(2);
    expect(cell('active.licensing.decisions')?.value).toBe(120);
    // 0.1 + 0.2 + 0.4 in doubles is 0.7000000000000001; the roll-up is the decimal sum
    expect(0.1 + 0.2 + 0.4).not.toBe(0.7);
    expect(cell('active.fees.amount')?.value).toBe(0.7);
  });

  it('computes the totals of the roll-up draft from the summed parts (the app never stores totals)', () => {
    const shown = resolvedCells(draftToReport(r.draft));
    expect(shown['apply.new.total']).toBe(11);
    expect(shown['apply.processed_total.total']).toBe(10);
    expect(shown['review.reconsideration.total']).toBe(2);
  });

  it("shows each cell's contributions by unit", () => {
    expect(cell('apply.new.natural')?.contributions).toEqual([
      { unit: '县教育局', value: 3 },
      { unit: '县卫生健康委员会', value: 5 },
      { unit: '县自然资源局', value: 2 },
    ]);
  });

  it("leaves 规章 and 行政规范性文件 for entry, with the units' values for reference", () => {
    const normative = cell('active.normative.issued');
    expect(normative?.rule).toBe('entry');
    expect(normative?.value).toBeNull();
    expect(normative?.contributions.map((c) => c.value)).toEqual([2, 0, 1]);
    expect(draftToReport(r.draft).cells['active.normative.issued']).toBeNull();
    expect(cell('active.regulations.in_force')?.value).toBeNull();
  });

  it('takes which cells are additive from the format definition', () => {
    const entry = FORMAT_2021.cells.filter((c) => c.rollup === 'entry').map((c) => c.key);
    expect(entry).toEqual(['regulations', 'normative'].flatMap((row) => ['issued', 'repealed', 'in_force'].map((col) => `active.${row}.${col}`)));
    for (const c of FORMAT_2021.cells) if (c.table !== 'active') expect(c.rollup).toBe('sum');
  });

  it('records scope and sources in the draft, which saves and reopens', () => {
    const reopened = parseDraftText(serializeDraft(r.draft));
    expect(reopened.ok).toBe(true);
    if (!reopened.ok) return;
    expect(reopened.draft.rollup?.scope).toBe('county');
    expect(reopened.draft.rollup?.sources.map((s) => [s.file, s.unit, s.status])).toEqual([
      ['jy.gkbg', '县教育局', 'included'],
      ['ws.gkbg', '县卫生健康委员会', 'included'],
      ['zr.gkbg', '县自然资源局', 'included'],
    ]);
    expect(reopened.draft.rollup?.sources[1]?.cells['apply.new.natural']).toBe(5);
    expect(reopened.draft.meta.organ).toBe('某某县人民政府');
    expect(reopened.draft.year).toBe(2024);
  });
});

describe('blank is not 0', () => {
  const blankUnit = unitReport('县民政局', { 'apply.new.natural': null });
  it('sums the figures given and names the units that left the cell blank', () => {
    const r = rollUp([units[0] as UnitInput, input('mz.gkbg', blankUnit)], { scope: 'county' });
    const c = r.cells.find((x) => x.key === 'apply.new.natural');
    expect(c?.value).toBe(3);
    expect(c?.blankUnits).toEqual(['县民政局']);
  });
  it('keeps a cell blank when every unit left it blank', () => {
    const r = rollUp([input('mz.gkbg', blankUnit)], { scope: 'county' });
    expect(r.cells.find((x) => x.key === 'apply.new.natural')?.value).toBeNull();
  });
  it('does not count text that is not a number, and says whose it is', () => {
    const r = rollUp([units[0] as UnitInput, input('x.gkbg', unitReport('县统计局', { 'apply.new.natural': '三件' }))], { scope: 'county' });
    const c = r.cells.find((x) => x.key === 'apply.new.natural');
    expect(c?.value).toBe(3);
    expect(c?.invalidUnits).toEqual(['县统计局']);
  });
  it('leaves out a figure no cell can hold (a hostile file), naming the unit, and still rolls up the others', () => {
    const hostile = unitReport('县民政局', { 'apply.new.natural': 1e300, 'active.fees.amount': 0.00000012 });
    const r = rollUp([units[0] as UnitInput, input('mz.json', hostile)], { scope: 'county' });
    const natural = r.cells.find((x) => x.key === 'apply.new.natural');
    const fees = r.cells.find((x) => x.key === 'active.fees.amount');
    expect([natural?.value, natural?.invalidUnits]).toEqual([3, ['县民政局']]);
    expect([fees?.value, fees?.invalidUnits]).toEqual([0.1, ['县民政局']]);
  });
});

describe('units missing, duplicated, of another year or format, unreadable', () => {
  const roster = parseRoster('# 2024 年报送单位\n1. 县教育局\n2、县卫生健康委员会\n县自然资源局\n县交通运输局\n\n县教育局\n');
  const all: UnitInput[] = [
    ...units,
    input('jy-copy.gkbg', unitReport('某某县教育局', { 'apply.new.natural': 3, 'apply.granted.natural': 3 })),
    input('old.gkbg', unitReport('县交通运输局', { 'apply.new.natural': 7, 'apply.granted.natural': 7 }, { year: 2023 })),
    { file: 'broken.docx', loaded: { ok: false, error: '无法打开此 Word 文件' } },
    input('rc.gkbg', unitReport('县人才办', {})),
  ];
  const r = rollUp(all, { scope: 'county', roster });
  const source = (file: string) => r.sources.find((s) => s.file === file);

  it('reads the roster: numbering, comments, blank lines and repeats dropped', () => {
    expect(roster).toEqual(['县教育局', '县卫生健康委员会', '县自然资源局', '县交通运输局']);
  });

  it('counts a unit once: a second report of the same unit is listed as a duplicate', () => {
    expect(source('jy-copy.gkbg')?.status).toBe('excluded');
    expect(source('jy-copy.gkbg')?.exclusion).toBe('duplicate');
    expect(source('jy-copy.gkbg')?.reason).toContain('jy.gkbg');
    expect(r.cells.find((c) => c.key === 'apply.new.natural')?.value).toBe(10);
  });

  it('leaves out a unit of another year, saying which', () => {
    expect(source('old.gkbg')?.exclusion).toBe('other-year');
    expect(source('old.gkbg')?.reason).toContain('2023');
    expect(r.year).toBe(2024);
  });

  it('lists an unreadable file with its reason', () => {
    expect(source('broken.docx')).toMatchObject({ status: 'excluded', exclusion: 'unreadable' });
    expect(source('broken.docx')?.reason).toContain('无法打开此 Word 文件');
  });

  it("names the roster's units missing and the units not on it", () => {
    expect(r.roster?.missing).toEqual(['县交通运输局']);
    expect(r.roster?.notOnRoster).toEqual(['县人才办']);
  });

  it('treats the same file handed in twice as a duplicate (same content)', () => {
    const a = unitReport('县审计局', { 'apply.new.natural': 1, 'apply.granted.natural': 1 });
    const twice = rollUp([input('a.gkbg', a, 'f'.repeat(64)), input('a (1).gkbg', { ...a, organ: '审计局' }, 'f'.repeat(64))], { scope: 'organ' });
    expect(twice.sources.map((s) => s.status)).toEqual(['included', 'excluded']);
    expect(twice.cells.find((c) => c.key === 'apply.new.natural')?.value).toBe(1);
    expect(twice.draft.rollup?.scope).toBe('organ');
  });

  it("leaves out a report of another format (2019, or table 三's single （六） row) rather than guess a mapping", () => {
    const single = unitReport('县林草局', {});
    for (const k of Object.keys(single.cells)) if (k.startsWith('apply.other_')) delete single.cells[k];
    for (const c of FORMAT_2021_SINGLE_OTHER.cells) if (c.key.startsWith('apply.other.')) single.cells[c.key] = 0;
    const r2 = rollUp([units[0] as UnitInput, input('lc.gkbg', single), input('y2019.gkbg', unitReport('县水利局', {}, { format: '2019', year: 2024 }))], { scope: 'county' });
    expect(r2.sources.map((s) => s.exclusion)).toEqual([undefined, 'other-format', 'other-format']);
  });

  it('matches roster names with or without the county prefix, never ambiguously', () => {
    expect(matchRoster('某某县教育局', ['县教育局', '县民政局'])).toBe('县教育局');
    expect(matchRoster('教育局', ['县教育局', '市教育局'])).toBeNull();
  });

  it('takes 「某某镇」 and 「某某镇人民政府」 for one unit (title and signature of a township\u2019s report), never the government\u2019s office', () => {
    expect(matchRoster('城关镇', ['城关镇人民政府', '县民政局'])).toBe('城关镇人民政府');
    expect(matchRoster('城关镇政府', ['城关镇人民政府'])).toBe('城关镇人民政府');
    expect(matchRoster('某某县人民政府办公室', ['某某县人民政府'])).toBeNull();
    const same = unitReport('新源县人民政府', { 'apply.new.natural': 11, 'apply.granted.natural': 11 });
    const r2 = rollUp([input('新源县.json', same), input('新源县.txt', { ...same, organ: '新源县' })], { scope: 'county' });
    expect(r2.sources.map((s) => s.exclusion)).toEqual([undefined, 'duplicate']);
    expect(r2.cells.find((c) => c.key === 'apply.new.natural')?.value).toBe(11);
  });
});

describe('re-run onto the roll-up draft made earlier (a unit\u2019s file changed)', () => {
  const first = rollUp(units, { scope: 'county', organ: '某某县人民政府' });
  const edited = { ...first.draft, cells: nestCells({ ...draftToReport(first.draft).cells, 'active.regulations.issued': 4 }), sections: { ...first.draft.sections, overview: '本县认真贯彻落实条例。' } };
  const changedUnit = input('jy.gkbg', unitReport('县教育局', { 'apply.new.natural': 8, 'apply.granted.natural': 8 }));
  const second = rollUp([changedUnit, ...units.slice(1)], { scope: 'county', organ: '某某县人民政府' });

  it('takes the new sums and keeps the cells left for entry and the text the clerk wrote since', () => {
    const r = refreshRollupDraft(edited, second);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const cells = draftToReport(r.draft).cells;
    expect(cells['apply.new.natural']).toBe(15);
    expect(cells['active.fees.amount']).toBe(0.6);
    expect(cells['active.regulations.issued']).toBe(4);
    expect(r.draft.sections.overview).toBe('本县认真贯彻落实条例。');
    expect(r.changed).toEqual(expect.arrayContaining(['apply.new.natural', 'apply.granted.natural', 'active.fees.amount', 'active.licensing.decisions']));
    expect(r.changed).not.toContain('active.regulations.issued');
    expect(r.draft.rollup?.sources[0]?.cells['apply.new.natural']).toBe(8);
  });

  it('changes nothing in a 定稿 draft', () => {
    let d: DraftFile = edited;
    for (const action of ['submit', 'finalize'] as const) {
      const next = applyReviewAction(d, action, { at: '2025-01-20T08:00:00Z', by: '张三' });
      if (!next.ok) throw new Error(next.error);
      d = next.draft;
    }
    const r = refreshRollupDraft(d, second);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain('重新打开');
  });

  it('refuses a draft of another year, or of the same year in another format, naming what differs', () => {
    const otherYear = refreshRollupDraft({ ...edited, year: 2023 }, second);
    expect(!otherYear.ok && otherYear.error).toBe('汇总草稿为 2023 年度，与重新汇总的 2024 年度不同');
    const otherFormat = refreshRollupDraft({ ...edited, format: '2019' }, second);
    expect(!otherFormat.ok && otherFormat.error).toBe('汇总草稿为 2019年格式，与重新汇总的 2021年格式 不同');
  });
});

describe('exact decimals', () => {
  it('adds amounts of up to six decimals without drift', () => {
    expect(exactSum([21613.91, 59237.2449])).toBe(80851.1549);
    expect(exactSum(Array.from({ length: 300 }, () => 0.1))).toBe(30);
    expect(exactSum([0.000001, 0.000002])).toBe(0.000003);
  });
  it('refuses a value with more decimals than a cell holds instead of rounding it', () => {
    expect(toMillionths(0.0000001)).toBeNull();
    expect(() => exactSum([0.0000001])).toThrow();
  });
});

describe('review rows cross the IPC boundary whatever the file is called', () => {
  it('keeps a very long file name within the row schema (a failed file is still one valid row)', async () => {
    const { failedRow, checkedRow, reviewRowSchema } = await import('../../shared/rollup/review.js');
    const long = `${'很长的文件名'.repeat(60)}.docx`;
    expect(reviewRowSchema.safeParse(failedRow(long, '无法读取')).success).toBe(true);
    expect(reviewRowSchema.safeParse(checkedRow(long, '单'.repeat(300), 'docx', 2024, [], [])).success).toBe(true);
  });
});

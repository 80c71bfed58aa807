import { describe, expect, it } from 'vitest';
import { countReviewMarks, nextYearDraft, REVIEW_MARK } from '../../shared/report/nextYear.js';
import { flattenCells, nestCells } from '../../shared/report/model.js';
import { newDraft, parseDraftText, serializeDraft, type DraftFile } from '../../shared/schema/draft.js';

/** What the next-year draft stores as last year's figure (the editor and the rules read it through previousValues). */
function storedPrevious(draft: DraftFile, key: string): number | null {
  const v = flattenCells(draft.previous?.cells)[key];
  return typeof v === 'number' ? v : null;
}

function lastYear(): DraftFile {
  const d = newDraft({ year: 2024, organ: '某县人民政府', level: 'government' });
  d.meta.signatureDate = '2025-03-20';
  d.meta.contactPhone = '0991-1234567';
  d.sections.preface = '数据统计期限为2024年1月1日至2024年12月31日。';
  d.sections.overview = '2024年，我县认真贯彻落实《2022年政务公开工作要点》，（一）主动公开……';
  d.sections.problems = '（一）存在的问题\n公开质量有待提高。\n（二）改进情况\n2025年，我县将加强培训。';
  d.sections.other = '本年度没有产生信息公开处理费。';
  d.cells = nestCells({
    'active.normative.issued': 3,
    'active.normative.repealed': 1,
    'active.normative.in_force': 25,
    'apply.new.natural': 11,
    'apply.new.legal': 1,
    'apply.granted.natural': 8,
    'apply.granted.legal': 1,
    'apply.carried_forward.natural': 3,
    'apply.carried_forward.commercial': 0,
    'apply.carried_forward.legal': null,
    'apply.carried_forward.research': '二', // raw text awaiting a fix: not a figure to carry
    'review.reconsideration.upheld': 1,
    'review.reconsideration.pending': 1,
  });
  d.acceptedWarnings = [{ rule: 'XY-JUMP', target: 'apply.new.natural', explanation: '窗口新设' }];
  return d;
}

describe('nextYearDraft', () => {
  const { draft, flags, carried } = nextYearDraft(lastYear());
  const cells = flattenCells(draft.cells);

  it('bumps the year, clears 成文日期 and accepted warnings, keeps organ and contact', () => {
    expect(draft.year).toBe(2025);
    expect(draft.meta.signatureDate).toBe('');
    expect(draft.acceptedWarnings).toEqual([]);
    expect(draft.meta.organ).toBe('某县人民政府');
    expect(draft.meta.contactPhone).toBe('0991-1234567');
    expect(draft.format).toBe('2021');
  });

  it('上年结转 per column = last year\'s 结转下年度; everything else blank (not 0)', () => {
    expect(cells['apply.carried_over.natural']).toBe(3);
    expect(cells['apply.carried_over.commercial']).toBe(0);
    expect(cells['apply.carried_over.legal']).toBeNull();
    expect(cells['apply.carried_over.research']).toBeNull();
    expect(cells['apply.carried_over.total']).toBeUndefined(); // totals are computed, never stored
    expect(Object.keys(cells).every((k) => k.startsWith('apply.carried_over.'))).toBe(true);
    expect(carried['apply.carried_over.natural']).toBe(3);
  });

  it('last year\'s resolved figures, totals included, are in previous', () => {
    expect(draft.previous?.year).toBe(2024);
    expect(storedPrevious(draft, 'apply.new.natural')).toBe(11);
    expect(storedPrevious(draft, 'apply.new.total')).toBe(12);
    expect(storedPrevious(draft, 'apply.processed_total.natural')).toBe(8);
    expect(storedPrevious(draft, 'apply.processed_total.total')).toBe(9);
    expect(storedPrevious(draft, 'apply.carried_forward.total')).toBe(3);
    expect(storedPrevious(draft, 'review.reconsideration.total')).toBe(2);
    expect(storedPrevious(draft, 'active.normative.in_force')).toBe(25);
    expect(storedPrevious(draft, 'apply.carried_forward.research')).toBeNull(); // raw text is not carried as a figure
    expect(draft.previous?.sections?.overview).toBe(lastYear().sections.overview);
  });

  it('the result is a valid draft file that round-trips', () => {
    const text = serializeDraft(draft);
    const back = parseDraftText(text);
    expect(back.ok && serializeDraft(back.draft)).toBe(text);
  });

  it('every year mention and last year\'s plan are marked 【请核对】 and listed with reasons', () => {
    expect(draft.sections.preface).toBe(`数据统计期限为${REVIEW_MARK}2024年1月1日至${REVIEW_MARK}2024年12月31日。`);
    expect(draft.sections.overview).toBe(`${REVIEW_MARK}2024年，我县认真贯彻落实《${REVIEW_MARK}2022年政务公开工作要点》，（一）主动公开……`);
    expect(draft.sections.problems).toBe(`（一）存在的问题\n公开质量有待提高。\n${REVIEW_MARK}（二）改进情况\n${REVIEW_MARK}2025年，我县将加强培训。`);
    expect(draft.sections.other).toBe('本年度没有产生信息公开处理费。');
    // each flag's span points at the original text in the new section
    for (const f of flags) expect((draft.sections[f.section] ?? '').slice(f.start, f.end)).toContain(f.text.replace(/\n.*/s, ''));
    const plan = flags.find((f) => f.section === 'problems' && f.text.startsWith('（二）改进情况'));
    expect(plan?.reason).toContain('工作计划');
    expect((draft.sections.problems ?? '').slice(plan?.start, plan?.end)).toBe(`（二）改进情况\n${REVIEW_MARK}2025年，我县将加强培训。`);
    const stale = flags.find((f) => f.text === '2022年');
    expect(stale?.reason).toContain('更早的年份');
    expect(flags.find((f) => f.section === 'overview' && f.text === '2024年')?.reason).toContain('2025');
    expect(flags.length).toBe(6);
    expect(countReviewMarks(draft)).toBe(6);
  });

  it('running it again on an unreviewed draft does not double the marks', () => {
    const twice = nextYearDraft(draft).draft;
    expect(twice.year).toBe(2026);
    expect(twice.sections.preface).toBe(draft.sections.preface);
    expect(countReviewMarks(twice)).toBe(6);
  });

  it('marks only year mentions (「2024年」「2024年度」), never a count, a code or a phone number', () => {
    const d = lastYear();
    const text = '电话0591-20241234，编号202401，共1999件，办理2035 条，面积20240平方米；2024 年度报告，2023年要点。';
    d.sections.overview = text;
    const r = nextYearDraft(d);
    expect(r.draft.sections.overview).toBe(text.replace('2024 年度', `${REVIEW_MARK}2024 年度`).replace('2023年', `${REVIEW_MARK}2023年`));
    expect(r.flags.filter((f) => f.section === 'overview').map((f) => f.text)).toEqual(['2024 年度', '2023年']);
  });

  it('marks last year\'s data sentences (their figures are last year\'s) and keeps every flag in the draft\'s review list', () => {
    const d = lastYear();
    d.sections.requests = '本年新收政府信息公开申请12件，上年结转0件，办结9件，其中予以公开9件，结转下年度3件。其他情况良好。';
    const r = nextYearDraft(d);
    expect(r.draft.sections.requests?.startsWith(`${REVIEW_MARK}本年新收政府信息公开申请12件`)).toBe(true);
    const flag = r.flags.find((f) => f.section === 'requests');
    expect(flag?.reason).toContain('数据句');
    expect(r.draft.review?.length).toBe(r.flags.length);
    expect(r.draft.review?.find((i) => i.section === 'requests')).toMatchObject({ origin: 'next-year', text: flag?.text });
    // the list survives saving and reopening
    const back = parseDraftText(serializeDraft(r.draft));
    expect(back.ok && back.draft.review).toEqual(r.draft.review);
  });

  it('a custom title has its year moved on', () => {
    const d = lastYear();
    d.meta.title = '某县人民政府2024年政府信息公开工作年度报告';
    expect(nextYearDraft(d).draft.meta.title).toBe('某县人民政府2025年政府信息公开工作年度报告');
  });

  it('a 2019-format draft for 2020 becomes a 2021-format draft for 2021', () => {
    const d = newDraft({ year: 2020, format: '2019' });
    d.cells = nestCells({ 'active2019.normative.made': 2, 'active2019.normative.total': 40, 'apply.carried_forward.natural': 4, 'apply.other.natural': 1 });
    const r = nextYearDraft(d);
    expect(r.draft.format).toBe('2021');
    expect(r.draft.year).toBe(2021);
    expect(flattenCells(r.draft.cells)).toEqual({
      'apply.carried_over.natural': 4,
      'apply.carried_over.commercial': null,
      'apply.carried_over.research': null,
      'apply.carried_over.nonprofit': null,
      'apply.carried_over.legal': null,
      'apply.carried_over.other_org': null,
    });
    expect(r.draft.previous?.format).toBe('2019');
    expect(storedPrevious(r.draft, 'active2019.normative.total')).toBe(40);
    expect(parseDraftText(serializeDraft(r.draft)).ok).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import {
  APPLY_SENTENCE_RE,
  REVIEW_SENTENCE_RE,
  applySentence,
  aspectsPresent,
  insertParagraphHeading,
  reviewSentence,
  upsertSentence,
} from '../../shared/report/narrative.js';
import type { Cells } from '../../shared/report/model.js';

function applyCells(rows: Record<string, number>, column = 'natural'): Cells {
  const cells: Cells = {};
  for (const [row, v] of Object.entries(rows)) cells[`apply.${row}.${column}`] = v;
  cells['apply.other_1.natural'] ??= 0;
  return cells;
}

describe('figures into words', () => {
  it('states 三 from the table, totals computed, empty result kinds left out', () => {
    const cells = applyCells({ new: 16, carried_over: 0, granted: 9, partial: 1, denied_1: 1, denied_4: 1, unable_1: 1, refused_2: 1, carried_forward: 2 });
    expect(applySentence({ format: '2021', cells })).toBe(
      '本年新收政府信息公开申请16件，上年结转0件，办结14件，其中予以公开9件，部分公开1件，不予公开2件，无法提供1件，不予处理1件，结转下年度2件。',
    );
  });
  it('sums the columns of 三 (总计 column) and the single 2019 （六） row', () => {
    const cells: Cells = { 'apply.new.natural': 3, 'apply.new.legal': 2, 'apply.other.natural': 1, 'apply.other.research': 1, 'apply.granted.commercial': 3 };
    expect(applySentence({ format: '2019', cells })).toBe('本年新收政府信息公开申请5件，上年结转0件，办结5件，其中予以公开3件，其他处理2件，结转下年度0件。');
  });
  it('a blank table says zero and no 「其中」', () => {
    expect(applySentence({ format: '2021', cells: {} })).toBe('本年新收政府信息公开申请0件，上年结转0件，办结0件，结转下年度0件。');
  });
  it('states 四: 行政复议 and 行政诉讼 totals with their results', () => {
    const cells: Cells = {
      'review.reconsideration.upheld': 1,
      'review.reconsideration.pending': 1,
      'review.sued_direct.upheld': 1,
      'review.sued_after.corrected': 2,
    };
    expect(reviewSentence({ format: '2021', cells })).toBe(
      '本年度发生政府信息公开行政复议2件，其中结果维持1件，尚未审结1件；行政诉讼3件，其中未经复议直接起诉1件，复议后起诉2件，结果维持1件，结果纠正2件。',
    );
    expect(reviewSentence({ format: '2021', cells: {} })).toBe('本年度发生政府信息公开行政复议0件；行政诉讼0件。');
  });
  it('the sentences match their own shapes', () => {
    expect(APPLY_SENTENCE_RE.test(applySentence({ format: '2021', cells: applyCells({ new: 3, granted: 3 }) }))).toBe(true);
    expect(REVIEW_SENTENCE_RE.test(reviewSentence({ format: '2021', cells: { 'review.sued_after.upheld': 4 } }))).toBe(true);
  });
});

describe('inserting and refreshing the sentence', () => {
  const old = '本年新收政府信息公开申请3件，上年结转0件，办结3件，其中予以公开3件，结转下年度0件。';
  const fresh = '本年新收政府信息公开申请5件，上年结转0件，办结4件，其中予以公开4件，结转下年度1件。';
  it('replaces the previously inserted sentence in place, keeping the text around it', () => {
    const text = `（二）依申请公开。我县畅通申请渠道。${old}全部按期答复。\n（三）政府信息管理`;
    const r = upsertSentence(text, fresh, APPLY_SENTENCE_RE, { afterHeading: '（二）依申请公开' });
    expect(r.replaced).toBe(true);
    expect(r.text).toBe(`（二）依申请公开。我县畅通申请渠道。${fresh}全部按期答复。\n（三）政府信息管理`);
    expect(r.text.slice(r.start, r.end)).toBe(fresh);
    // refreshing again changes nothing
    expect(upsertSentence(r.text, fresh, APPLY_SENTENCE_RE).text).toBe(r.text);
  });
  it('without one, goes under the heading: next paragraph for a heading line, appended to a run-in paragraph', () => {
    expect(upsertSentence('（一）主动公开\n（二）依申请公开\n（三）政府信息管理', fresh, APPLY_SENTENCE_RE, { afterHeading: '（二）依申请公开' }).text).toBe(
      `（一）主动公开\n（二）依申请公开\n${fresh}\n（三）政府信息管理`,
    );
    expect(upsertSentence('（二）依申请公开。我县畅通渠道。\n下一段', fresh, APPLY_SENTENCE_RE, { afterHeading: '（二）依申请公开' }).text).toBe(
      `（二）依申请公开。我县畅通渠道。${fresh}\n下一段`,
    );
  });
  it('else at the cursor, else as the last paragraph', () => {
    expect(upsertSentence('甲。乙。', fresh, APPLY_SENTENCE_RE, { cursor: 2 }).text).toBe(`甲。${fresh}乙。`);
    expect(upsertSentence('甲。', fresh, APPLY_SENTENCE_RE).text).toBe(`甲。\n${fresh}`);
    expect(upsertSentence('', fresh, APPLY_SENTENCE_RE).text).toBe(fresh);
  });
  it('inserts aspect headings as their own paragraphs and sees which are present', () => {
    const r = insertParagraphHeading('前文', '（三）政府信息管理', 2);
    expect(r.text).toBe('前文\n（三）政府信息管理\n');
    expect(insertParagraphHeading('ab', '（一）主动公开', 1).text).toBe('a\n（一）主动公开\n\nb');
    expect(aspectsPresent('（一）主动公开……(二)依申请公开')).toEqual([true, true, false, false, false]);
  });
  it('leaves the caret on an empty line below the heading, so what is typed next is not part of the heading line', () => {
    const type = (e: { text: string; caret?: number; end: number }, words: string) => {
      const at = e.caret ?? e.end;
      return e.text.slice(0, at) + words + e.text.slice(at);
    };
    const lines = (t: string) => t.split('\n');
    // at the end of the text (the clerk's first heading), between paragraphs, and in the middle of a line
    expect(lines(type(insertParagraphHeading('前言。', '（一）主动公开'), '本年度主动公开'))).toEqual(['前言。', '（一）主动公开', '本年度主动公开']);
    expect(lines(type(insertParagraphHeading('甲。\n乙。', '（二）依申请公开', 2), '新段'))).toEqual(['甲。', '（二）依申请公开', '新段', '乙。']);
    expect(lines(type(insertParagraphHeading('甲乙', '（一）存在的问题', 1), '新段'))).toEqual(['甲', '（一）存在的问题', '新段', '乙']);
    expect(lines(type(insertParagraphHeading('', '（一）主动公开'), '正文'))).toEqual(['（一）主动公开', '正文']);
  });
});

describe('the inserted sentences agree with the rule engine', () => {
  it('a report whose text carries the generated sentences has no N-APP or N-REVIEW finding; a wrong figure has', async () => {
    const { evaluate } = await import('../../shared/rules/index.js');
    const cells: Cells = {};
    const rows = ['new', 'carried_over', 'granted', 'partial', ...Array.from({ length: 8 }, (_, i) => `denied_${i + 1}`), ...Array.from({ length: 3 }, (_, i) => `unable_${i + 1}`), ...Array.from({ length: 5 }, (_, i) => `refused_${i + 1}`), 'other_1', 'other_2', 'other_3', 'carried_forward'];
    for (const r of rows) for (const c of ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org']) cells[`apply.${r}.${c}`] = 0;
    Object.assign(cells, { 'apply.new.natural': 16, 'apply.carried_over.natural': 1, 'apply.granted.natural': 9, 'apply.partial.natural': 1, 'apply.denied_4.natural': 2, 'apply.unable_1.natural': 2, 'apply.refused_2.natural': 1, 'apply.carried_forward.natural': 2 });
    for (const b of ['reconsideration', 'sued_direct', 'sued_after']) for (const c of ['upheld', 'corrected', 'other', 'pending']) cells[`review.${b}.${c}`] = 0;
    Object.assign(cells, { 'review.reconsideration.upheld': 2, 'review.reconsideration.pending': 1, 'review.sued_after.corrected': 1 });
    const base = { format: '2021' as const, year: 2025, organ: '某县人民政府', level: 'government' as const, cells };
    const a = applySentence(base);
    const r = reviewSentence(base);
    const narrative = (f: { rule: string }) => f.rule === 'N-APP' || f.rule === 'N-REVIEW';
    const good = evaluate({ ...base, sections: { overview: `（二）依申请公开\n${a}`, requests: a, review: r } }, { stage: 'draft' });
    expect(good.filter(narrative)).toEqual([]);
    const wrongApply = a.replace('办结15件', '办结14件');
    const wrongReview = r.replace('行政复议3件', '行政复议0件');
    expect(wrongApply).not.toBe(a);
    expect(wrongReview).not.toBe(r);
    const bad = evaluate({ ...base, sections: { requests: wrongApply, review: wrongReview } }, { stage: 'draft' });
    expect(bad.filter((f) => f.rule === 'N-APP').length).toBeGreaterThan(0);
    expect(bad.filter((f) => f.rule === 'N-REVIEW').length).toBeGreaterThan(0);
  });
});

/** Comparing two versions of a report (issue 13): entered cells, Chinese text word by word, findings, formats. */
import { describe, expect, it } from 'vitest';
import { compareDrafts, compareWithPrevious, cellName } from '../../shared/compare/compare.js';
import { diffText, words } from '../../shared/compare/textDiff.js';
import { FORMAT_2021 } from '../../shared/report/format.js';
import { nestCells, type Cells } from '../../shared/report/model.js';
import { newDraft, type DraftFile } from '../../shared/schema/draft.js';

function draft(cells: Cells, sections: Partial<DraftFile['sections']> = {}, format: '2021' | '2019' = '2021'): DraftFile {
  const d = newDraft({ year: 2024, format, organ: '某县人民政府', level: 'government' });
  d.cells = nestCells(cells);
  d.sections = { ...d.sections, ...sections };
  return d;
}

describe('cells', () => {
  it('lists the entered cells that changed, with both values, never a computed total', () => {
    const from = draft({ 'apply.new.natural': 5, 'apply.new.commercial': 1, 'active.fees.amount': 1.5, 'review.reconsideration.upheld': null });
    const to = draft({ 'apply.new.natural': 7, 'apply.new.commercial': 1, 'active.fees.amount': 1.5, 'review.reconsideration.upheld': 0 });
    const c = compareDrafts(from, to);
    expect(c.cells).toEqual([
      { key: 'apply.new.natural', from: 5, to: 7 },
      { key: 'review.reconsideration.upheld', from: null, to: 0 },
    ]);
    // apply.new.total went from 6 to 8, but it is computed: its parts say it
    expect(c.cells.map((x) => x.key)).not.toContain('apply.new.total');
    expect(cellName('apply.new.natural')).toBe('三、一、本年新收政府信息公开申请数量·自然人');
  });

  it('reads a figure typed with a thousands separator as the same figure', () => {
    const c = compareDrafts(draft({ 'active.licensing.decisions': 1234 }), draft({ 'active.licensing.decisions': '1,234' }));
    expect(c.cells).toEqual([]);
  });

  it('compares a 2019 and a 2021 report on the cells both formats have and lists the rest apart', () => {
    const from = draft({ 'apply.new.natural': 3, 'apply.other.natural': 1, 'active2019.licensing.decisions': 40 }, {}, '2019');
    const to = draft({ 'apply.new.natural': 4, 'apply.other_1.natural': 1, 'active.licensing.decisions': 40 });
    const c = compareDrafts(from, to);
    expect(c.formats).toEqual({ from: '2019', to: '2021' });
    expect(c.cells).toEqual([{ key: 'apply.new.natural', from: 3, to: 4 }]);
    expect(c.unmatched.from).toContainEqual({ key: 'active2019.licensing.decisions', value: 40 });
    expect(c.unmatched.from).toContainEqual({ key: 'apply.other.natural', value: 1 });
    expect(c.unmatched.to).toContainEqual({ key: 'active.licensing.decisions', value: 40 });
    expect(c.unmatched.to).toContainEqual({ key: 'apply.other_1.natural', value: 1 });
    expect(c.unmatched.to.map((x) => x.key)).not.toContain('apply.new.natural');
  });
});

describe('text, word by word', () => {
  it('splits Chinese into words, not characters', () => {
    expect(words('本年度共收到政府信息公开申请16件')).toEqual(['本年度', '共', '收到', '政府', '信息', '公开', '申请', '16', '件']);
  });

  it('marks the words that changed in a Chinese sentence', () => {
    const parts = diffText('本年度共收到政府信息公开申请16件，办结14件。', '本年度共受理政府信息公开申请21件，办结19件。');
    expect(parts).toEqual([
      { kind: 'same', text: '本年度共' },
      { kind: 'removed', text: '收到' },
      { kind: 'added', text: '受理' },
      { kind: 'same', text: '政府信息公开申请' },
      { kind: 'removed', text: '16' },
      { kind: 'added', text: '21' },
      { kind: 'same', text: '件，办结' },
      { kind: 'removed', text: '14' },
      { kind: 'added', text: '19' },
      { kind: 'same', text: '件。' },
    ]);
  });

  it('keeps unchanged paragraphs whole and gives each section its added and removed words', () => {
    const from = draft({}, { overview: '（一）主动公开\n全年主动公开政府信息1882条。\n（二）依申请公开', problems: '一是信息更新不及时。' });
    const to = draft({}, { overview: '（一）主动公开\n全年主动公开政府信息2035条，其中政策解读56条。\n（二）依申请公开', problems: '一是信息更新不及时。' });
    const c = compareDrafts(from, to);
    expect(c.sections.map((s) => s.section)).toEqual(['overview']);
    const overview = c.sections[0];
    expect(overview?.removed).toEqual(['1882']);
    expect(overview?.added).toEqual(['2035', '，其中政策解读56条']);
    expect(overview?.parts[0]).toEqual({ kind: 'same', text: '（一）主动公开\n全年主动公开政府信息' });
    // joined, each side gives its own text back
    const side = (kind: 'added' | 'removed') => overview?.parts.filter((p) => p.kind !== kind).map((p) => p.text).join('');
    expect(side('added')).toBe(from.sections.overview);
    expect(side('removed')).toBe(to.sections.overview);
  });

  it('shows a rewritten section removed and added whole, without scattering single characters', () => {
    const from = '深入推进政务公开标准化规范化。'.repeat(400);
    const to = '聚焦重点领域信息公开，回应群众关切。'.repeat(400);
    const parts = diffText(from, to);
    expect(parts).toEqual([
      { kind: 'removed', text: from },
      { kind: 'added', text: to },
    ]);
  });
});

describe('findings', () => {
  /** Every cell filled; table 三 balanced (5 new, 3 granted, 2 carried forward) unless `carried` says otherwise. */
  const balanced = (carried: number): Cells => {
    const cells: Cells = {};
    for (const c of FORMAT_2021.cells) if (!c.sumOf) cells[c.key] = 0;
    return { ...cells, 'apply.new.natural': 5, 'apply.granted.natural': 3, 'apply.carried_forward.natural': carried };
  };

  it('lists the findings that appeared and those that were resolved', () => {
    const from = draft(balanced(4));
    const to = draft({ ...balanced(2), 'apply.carried_over.commercial': 'x' });
    const c = compareDrafts(from, to);
    expect(c.findings.resolved.map((f) => f.rule)).toContain('T3-BAL');
    expect(c.findings.resolved.every((f) => f.rule === 'T3-BAL')).toBe(true);
    expect(c.findings.added.map((f) => f.rule)).toEqual(['V-NUM']);
  });

  it('lists nothing for a finding both versions have', () => {
    const c = compareDrafts(draft(balanced(4), { overview: '甲' }), draft(balanced(4), { overview: '乙' }));
    expect(c.findings).toEqual({ added: [], resolved: [] });
  });
});

describe('this year against last year', () => {
  it('takes the draft’s previous as the older side, without findings about what it doesn’t keep', () => {
    const d = draft({ 'apply.carried_over.natural': 2 }, { overview: '本年度共收到申请5件。' });
    d.previous = { year: 2023, format: '2021', cells: nestCells({ 'apply.carried_forward.natural': 2 }), sections: { overview: '本年度共收到申请3件。' } };
    const c = compareWithPrevious(d);
    expect(c?.cells).toContainEqual({ key: 'apply.carried_over.natural', from: null, to: 2 });
    expect(c?.cells).toContainEqual({ key: 'apply.carried_forward.natural', from: 2, to: null });
    expect(c?.sections[0]?.removed).toEqual(['3']);
    expect(c?.sections[0]?.added).toEqual(['5']);
    const rules = [...(c?.findings.added ?? []), ...(c?.findings.resolved ?? [])].map((f) => f.rule);
    expect(rules).not.toContain('F-DATE');
    expect(rules).not.toContain('F-TITLE');
    expect(compareWithPrevious(draft({}))).toBeNull();
  });
});

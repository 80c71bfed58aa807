import { describe, expect, it } from 'vitest';
import { cellStatuses, findingDestination, findingField, findingGroup, summariseFindings } from '../../shared/editor/issues.js';
import { findingTarget } from '../../shared/report/acceptance.js';
import type { Finding } from '../../shared/rules/types.js';

const bal: Finding = {
  rule: 'T3-BAL',
  severity: 'error',
  cells: ['apply.new.natural', 'apply.carried_over.natural', 'apply.processed_total.natural', 'apply.carried_forward.natural'],
  target: 'apply.carried_forward.natural',
  message: '「自然人」列：第一项 11 + 第二项 0 = 11，第三项（七）总计 9 + 第四项 0 = 9，相差 2',
};
const jump: Finding = { rule: 'XY-JUMP', severity: 'warning', cells: ['review.reconsideration.upheld'], target: 'review.reconsideration.upheld', message: '变化异常' };
const blank: Finding = { rule: 'V-BLANK', severity: 'warning', cells: ['active.fees.amount', 'active.licensing.decisions'], target: 'active.fees.amount', message: '空白' };
const stale: Finding = { rule: 'F-STALE', severity: 'warning', cells: [], span: { section: 'other', start: 3, end: 9 }, message: '过时' };
const date: Finding = { rule: 'F-DATE', severity: 'warning', cells: [], message: '成文日期' };

describe('issues as the editor shows them', () => {
  it('groups by the section of the cell, else of the text, else the rule', () => {
    expect(findingGroup(bal)).toBe('requests');
    expect(findingGroup(jump)).toBe('review');
    expect(findingGroup(blank)).toBe('active');
    expect(findingGroup(stale)).toBe('other');
    expect(findingGroup(date)).toBe('meta');
    expect(findingField(date)).toBe('meta.signatureDate');
    expect(findingField(stale)).toBe('sections.other');
    expect(findingTarget(stale)).toBe('other');
  });

  it('counts open errors and warnings per section; accepted warnings are listed apart and not counted', () => {
    const s = summariseFindings([bal, jump, blank, stale, date], [{ rule: 'XY-JUMP', target: 'review.reconsideration.upheld', explanation: '新增复议案件' }]);
    expect(s.total).toEqual({ errors: 1, warnings: 3 });
    expect(s.byGroup.requests).toEqual({ errors: 1, warnings: 0 });
    expect(s.byGroup.review).toEqual({ errors: 0, warnings: 0 });
    expect(s.accepted.map((i) => i.finding.rule)).toEqual(['XY-JUMP']);
    expect(s.open[0]?.finding.rule).toBe('F-DATE'); // 基本信息 first, then sections in order
    expect(new Set(s.open.map((i) => i.id)).size).toBe(s.open.length);
  });

  it('an error is never accepted, even with a matching entry', () => {
    const s = summariseFindings([bal], [{ rule: 'T3-BAL', target: 'apply.carried_forward.natural', explanation: 'x' }]);
    expect(s.total.errors).toBe(1);
    expect(s.accepted).toHaveLength(0);
  });

  it('highlights every cell of a failing rule and puts the message on the target only; V-BLANK stays in the panel', () => {
    const s = summariseFindings([bal, blank], []);
    const st = cellStatuses(s.open);
    expect(st.get('apply.new.natural')).toEqual({ severity: 'error', messages: [] });
    expect(st.get('apply.processed_total.natural')?.severity).toBe('error');
    expect(st.get('apply.carried_forward.natural')?.messages).toEqual([{ rule: 'T3-BAL', severity: 'error', message: bal.message }]);
    expect(st.has('active.fees.amount')).toBe(false);
  });
});

describe('where a click on a finding goes', () => {
  it('a finding about the text selects its words, even when it names the table cells it was compared with', () => {
    const nApp: Finding = { rule: 'N-APP', severity: 'warning', cells: ['apply.new.total'], target: 'apply.new.total', span: { section: 'requests', start: 4, end: 20 }, section: 'requests', message: '正文与表格不一致' };
    expect(findingDestination(nApp)).toEqual({ kind: 'text', section: 'requests', start: 4, end: 20 });
    expect(findingDestination(stale)).toEqual({ kind: 'text', section: 'other', start: 3, end: 9 });
  });
  it('a finding about figures goes to its cell; one about a field or a whole section to that field', () => {
    expect(findingDestination(bal)).toEqual({ kind: 'cell', key: 'apply.carried_forward.natural' });
    expect(findingDestination(date)).toEqual({ kind: 'field', name: 'meta.signatureDate' });
    const five: Finding = { rule: 'F-FIVE', severity: 'warning', cells: [], section: 'overview', message: '五个方面' };
    expect(findingDestination(five)).toEqual({ kind: 'field', name: 'sections.overview' });
  });
});

/**
 * The three published samples (test/fixtures/published) as report data: the rule engine finds exactly what a
 * careful reviewer finds in them (spec §4 "What the samples contain" and the rest listed here), nothing else.
 */
import { describe, expect, it } from 'vitest';
import { fixture, only, run, rulesOf, SAMPLES, asDraft, cleanReport } from './rules-support.js';

describe('rules on the published samples', () => {
  it('all three pass every arithmetic and value rule, with printed totals and as drafts', () => {
    for (const name of SAMPLES) {
      for (const r of [fixture(name), asDraft(fixture(name))]) {
        const found = rulesOf(run(r, { stage: 'final' }));
        for (const id of ['T3-BAL', 'T3-ROW', 'T3-SUM7', 'T4-SUM', 'V-NUM', 'V-BLANK'] as const) expect(found, `${name} ${id}`).not.toContain(id);
      }
    }
  });

  it('xinxiang-county-office-2024: 受理 21 / 办结 19 against table 16 / 14 (N-APP), and no 落款', () => {
    const findings = run(fixture('xinxiang-county-office-2024'));
    expect(rulesOf(findings).sort()).toEqual(['F-DATE', 'N-APP', 'N-APP']);
    const [received, closed] = only(findings, 'N-APP');
    expect(received?.message).toContain('21');
    expect(received?.message).toContain('16');
    expect(received?.target).toBe('apply.new.total');
    expect(received?.severity).toBe('warning');
    expect(closed?.message).toContain('19');
    expect(closed?.message).toContain('14');
    expect(closed?.target).toBe('apply.processed_total.total');
    const text = fixture('xinxiang-county-office-2024').sections?.overview ?? '';
    expect(text.slice(received!.span!.start, received!.span!.end)).toBe('受理 21 件');
    expect(text.slice(closed!.span!.start, closed!.span!.end)).toBe('办结 19 件');
  });

  it('xinyuan-county-2024: 行政复议 0 件 against 2 (N-REVIEW), 《2022 年政务公开工作要点》 (F-STALE), title, no 落款', () => {
    const r = fixture('xinyuan-county-2024');
    const findings = run(r);
    expect(rulesOf(findings).sort()).toEqual(['F-DATE', 'F-STALE', 'F-TITLE', 'N-REVIEW']);
    const review = only(findings, 'N-REVIEW')[0]!;
    expect(review.target).toBe('review.reconsideration.total');
    expect(review.message).toMatch(/0 件.*2/);
    const stale = only(findings, 'F-STALE')[0]!;
    expect(r.sections?.overview?.slice(stale.span!.start, stale.span!.end)).toBe('2022 年政务公开工作要点');
    expect(only(findings, 'F-TITLE')[0]?.message).toContain('新源县2024年政府信息公开工作年度报告');
  });

  it('urumqi-county-2024: a 人民政府 report without 考核/评议/追究 (F-KPZ) and a title without 「工作」 (F-TITLE)', () => {
    const findings = run(fixture('urumqi-county-2024'));
    expect(rulesOf(findings).sort()).toEqual(['F-KPZ', 'F-TITLE']);
    const kpz = only(findings, 'F-KPZ')[0]!;
    expect(kpz.severity).toBe('error');
    expect(kpz.span?.section).toBe('overview');
    expect(fixture('urumqi-county-2024').sections?.overview?.slice(kpz.span!.start, kpz.span!.end)).toMatch(/^（五）监督保障情况/);
    expect(only(findings, 'F-TITLE')[0]?.message).toContain('乌鲁木齐县2024年政府信息公开工作年度报告');
  });

  it('the cleaned urumqi report has no finding at all, draft or final', () => {
    expect(run(cleanReport())).toEqual([]);
    expect(run(cleanReport(), { stage: 'final' })).toEqual([]);
    expect(run(asDraft(cleanReport()), { stage: 'final' })).toEqual([]);
  });
});

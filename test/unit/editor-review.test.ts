import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import type { Uncertain } from '../../shared/import/result.js';
import { previousFigures } from '../../shared/editor/previous.js';
import { confirmReviewItem, importDoubts, locateReviewItem } from '../../shared/editor/review.js';
import { acceptanceFor, acceptWarning } from '../../shared/report/acceptance.js';
import { nestCells } from '../../shared/report/model.js';
import { nextYearDraft, REVIEW_MARK } from '../../shared/report/nextYear.js';
import { balanceHints } from '../../shared/rules/arithmetic.js';
import { previousValues } from '../../shared/rules/prepare.js';
import type { Finding } from '../../shared/rules/types.js';
import { draftToReport, emptySections, newDraft, parseDraftText, serializeDraft } from '../../shared/schema/draft.js';

describe('the review list', () => {
  const last = newDraft({ year: 2024, organ: '某县人民政府' });
  last.sections.overview = '2024年，我县认真落实工作要点。';
  last.sections.problems = '（一）存在的问题\n不足。\n（二）改进情况\n2025年加强培训。';
  const next = nextYearDraft(last).draft;

  it('finds a passage again after the clerk edited around it, and confirming takes out its mark only', () => {
    const review = next.review ?? [];
    const first = review.findIndex((i) => i.section === 'overview');
    const edited = { ...emptySections(), ...next.sections, overview: `新加的开头。${next.sections.overview ?? ''}` };
    const at = locateReviewItem(edited.overview, review[first]!);
    expect(edited.overview.slice(at?.start, at?.end)).toBe(`${REVIEW_MARK}2024年`);
    const r = confirmReviewItem(edited, review, first);
    expect(r.review.length).toBe(review.length - 1);
    expect(r.sections.overview).toBe('新加的开头。2024年，我县认真落实工作要点。');
    expect(r.sections.problems).toBe(edited.problems);
  });

  it('an item whose mark the clerk deleted by hand stays until confirmed; confirming it changes no text', () => {
    const review = next.review ?? [];
    const sections = { ...emptySections(), ...next.sections };
    sections.overview = sections.overview.replace(REVIEW_MARK, '');
    const i = review.findIndex((x) => x.section === 'overview');
    const r = confirmReviewItem(sections, review, i);
    expect(r.sections.overview).toBe(sections.overview);
    expect(r.review.length).toBe(review.length - 1);
  });

  it('survives saving and reopening; a draft without a list still opens (old files)', () => {
    const back = parseDraftText(serializeDraft(next));
    expect(back.ok && back.draft.review).toEqual(next.review);
    const old = newDraft({ year: 2024 });
    delete old.review;
    const reopened = parseDraftText(serializeDraft(old));
    expect(reopened.ok && reopened.draft.review).toBeUndefined();
  });

  it('a report imported on the command line keeps the importer\'s doubts in the draft\'s review list, as the app does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-review-'));
    const out = join(dir, '导入.gkbg');
    const published = join(import.meta.dirname, '..', 'fixtures', 'published', 'xinxiang-county-office-2024.txt');
    const run = await runCli('import', published, '--out', out, '--json');
    expect(run.code).toBe(0);
    const { uncertain } = JSON.parse(run.out) as { uncertain: Uncertain[] };
    expect(uncertain.length).toBeGreaterThan(0);
    const reopened = parseDraftText(readFileSync(out, 'utf8'));
    expect(reopened.ok && reopened.draft.review).toEqual(importDoubts(uncertain));
  }, 60_000);

  it('the importer\'s doubts become review items naming the field or section', () => {
    const items = importDoubts([
      { target: 'year', name: '年度', reason: '标题中没有年度' },
      { target: 'sections.other', name: '六、其他需要报告的事项', reason: '未找到该部分' },
    ]);
    expect(items).toEqual([
      { origin: 'import', target: 'year', text: '年度', reason: '标题中没有年度' },
      { origin: 'import', target: 'sections.other', section: 'other', text: '六、其他需要报告的事项', reason: '未找到该部分' },
    ]);
  });
});

describe('acceptance of a warning', () => {
  const w: Finding = { rule: 'XY-JUMP', severity: 'warning', cells: ['apply.new.natural'], target: 'apply.new.natural', message: '变化异常' };
  it('is kept once per warning, replaced when given again, and never covers an error', () => {
    const once = acceptWarning([], w, ' 窗口新设 ', new Date('2025-01-01T00:00:00Z'));
    expect(once).toEqual([{ rule: 'XY-JUMP', target: 'apply.new.natural', explanation: '窗口新设', acceptedAt: '2025-01-01T00:00:00.000Z' }]);
    expect(acceptWarning(once, w, '另一理由').map((a) => a.explanation)).toEqual(['另一理由']);
    expect(acceptWarning(once, w, '   ')).toBe(once);
    const error: Finding = { ...w, severity: 'error' };
    expect(acceptWarning([], error, '理由')).toEqual([]);
    expect(acceptanceFor(error, once)).toBeUndefined();
    expect(acceptanceFor(w, once)?.explanation).toBe('窗口新设');
  });
});

describe('the running balance of table 三', () => {
  it('shows a column\'s difference while blanks remain; T3-BAL takes over once the column is complete', () => {
    const d = newDraft({ year: 2025 });
    d.cells = nestCells({ 'apply.new.natural': 11, 'apply.granted.natural': 9 });
    const hints = balanceHints(draftToReport(d));
    expect(hints).toHaveLength(2); // the 自然人 column and the 总计 column
    expect(hints[0]).toMatchObject({ target: 'apply.carried_forward.natural', difference: 2 });
    expect(hints[0]?.message).toContain('「自然人」列');
    expect(hints[0]?.message).toContain('2');
    // balanced so far: no hint
    d.cells = nestCells({ 'apply.new.natural': 9, 'apply.granted.natural': 9 });
    expect(balanceHints(draftToReport(d))).toEqual([]);
  });
});

describe('last year\'s figures', () => {
  it('the editor\'s 「上年」 shows what the cross-year rules read: a printed total of last year\'s report wins over the sum', () => {
    const d = newDraft({ year: 2025 });
    d.previous = { year: 2024, format: '2021', cells: nestCells({ 'apply.new.natural': 3, 'apply.new.legal': 1, 'apply.new.total': 5 }) };
    const shown = previousFigures(d);
    const rules = previousValues(draftToReport(d).previous!);
    expect(shown?.values.get('apply.new.total')).toBe('5');
    expect(rules.value('apply.new.total')).toBe(5);
    expect(shown?.values.get('apply.new.natural')).toBe('3');
    expect(shown?.year).toBe(2024);
  });
});

describe('one truth for the title and the 机关层级', () => {
  it('F-TITLE suggests the title the importer puts in the draft (`standardTitle`)', async () => {
    const { evaluate } = await import('../../shared/rules/index.js');
    const { importText } = await import('../../shared/import/index.js');
    const { canonicalTitle, standardTitle } = await import('../../shared/report/model.js');
    const report = { format: '2021' as const, year: 2024, organ: '某县人民政府办公室', title: '某县政务公开办2024年度政府信息公开工作年度报告', cells: {}, sections: {} };
    const f = evaluate(report).find((x) => x.rule === 'F-TITLE');
    expect(f?.message).toContain(`应为“${standardTitle(report)}”`);
    const text = `${report.title}\n一、总体情况\n本年度工作。\n某县人民政府办公室\n2025年1月20日`;
    const imported = importText(text, { kind: 'pasted', name: 'x', evaluate });
    const doubt = imported.uncertain.find((u) => u.target === 'title');
    const suggested = standardTitle({ ...imported.report, title: report.title });
    expect(doubt?.reason).toContain(`「${suggested}」`);
    // a draft without its own title prints the organ's canonical one (render/model.ts): either way, F-TITLE's suggestion
    expect(imported.draft.meta.title ?? canonicalTitle(imported.draft.meta.organ, imported.draft.year)).toBe(suggested);
  });

  it('F-TITLE\'s suggestion reads the organ from a title as the importer does, for a draft whose organ is blank', async () => {
    const { evaluate } = await import('../../shared/rules/index.js');
    const report = { format: '2021' as const, year: 2024, organ: '', title: '2024年某镇人民政府信息公开工作年度报告', cells: {}, sections: {} };
    // 「某镇人民政府」, as the importer reads that heading (its 政府 is also the 政府 of 「政府信息公开」), never 「某镇人民」
    expect(evaluate(report).find((x) => x.rule === 'F-TITLE')?.message).toContain('应为“某镇人民政府2024年政府信息公开工作年度报告”');
  });

  it('the rules and the importer read the 机关层级 of an organ name alike (organLevel)', async () => {
    const { inferLevel } = await import('../../shared/rules/prepare.js');
    const { organAndLevel } = await import('../../shared/import/front.js');
    const { organLevel } = await import('../../shared/report/level.js');
    for (const organ of ['某县政府', '某县人民政府', '某县人民政府办公室', '某县教育局', '某镇人民政府', '某街道办事处']) {
      const imported = organAndLevel(`${organ}2024年政府信息公开工作年度报告`, organ, []);
      expect([organ, imported.level]).toEqual([organ, organLevel(organ)]);
      expect(inferLevel({ organ })).toBe(organLevel(organ));
    }
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSummary, exportReadiness, readyToExport } from '../../shared/editor/exportGate.js';
import { draftToFormValues, formValuesToReport } from '../../shared/editor/formValues.js';
import { acceptWarning, findingTarget } from '../../shared/report/acceptance.js';
import { enteredCells, FORMAT_2021 } from '../../shared/report/format.js';
import { REVIEW_MARK } from '../../shared/report/nextYear.js';
import { loadReportText } from '../../shared/schema/reportData.js';
import { reportToDraft, type AcceptedWarning, type DraftFile } from '../../shared/schema/draft.js';
import { nestCells, flattenCells } from '../../shared/report/model.js';

function sampleDraft(name: string): DraftFile {
  const r = loadReportText(readFileSync(join(__dirname, '..', 'fixtures', 'data', `${name}.json`), 'utf8'));
  if (!r.ok) throw new Error(r.error);
  const d = reportToDraft(r.report, new Set(enteredCells(FORMAT_2021).map((c) => c.key)));
  d.meta.signatureDate = '2025-01-20';
  return d;
}

describe('export gate', () => {
  it('a complete, consistent report with an open warning asks first; once every warning is accepted it goes straight through', () => {
    const d = sampleDraft('xinxiang-county-office-2024');
    const r = exportReadiness(d);
    expect(r.errors).toEqual([]);
    expect(r.openWarnings.map((f) => f.rule)).toContain('N-APP');
    expect(readyToExport(r)).toBe(false);
    let accepted = d.acceptedWarnings as readonly AcceptedWarning[];
    for (const f of r.openWarnings) accepted = acceptWarning(accepted, f, '已核实，原文如此');
    const done = exportReadiness({ ...d, acceptedWarnings: [...accepted] });
    expect(done.openWarnings).toEqual([]);
    expect(done.summary.accepted.length).toBe(r.openWarnings.length);
    expect(readyToExport(done)).toBe(true);
  });

  it('the panel\'s 「定稿检查」 counts what the gate counts, read through the form as the panel reads it; while drafting the blank is only a reminder', () => {
    const d = sampleDraft('xinxiang-county-office-2024');
    const cells = flattenCells(d.cells);
    cells['apply.granted.natural'] = null;
    d.cells = nestCells(cells as Record<string, number | null>);
    const asThePanelReadsIt = formValuesToReport(draftToFormValues(d), d);
    const gate = exportReadiness(d);
    expect(gate.errors.map((f) => f.rule)).toEqual(['V-BLANK']);
    expect(gate.summary.open.find((i) => i.finding.rule === 'V-BLANK')?.group).toBe('requests');
    const finalCheck = checkSummary(asThePanelReadsIt, d.acceptedWarnings, 'final');
    expect(finalCheck.total).toEqual(gate.summary.total);
    expect(finalCheck.total.errors).toBe(1);
    // 「填写中」: the same blank is a reminder, not an error (the panel said 「错误 0」 while the gate said 「还有 1 个错误」)
    const drafting = checkSummary(asThePanelReadsIt, d.acceptedWarnings, 'draft');
    expect(drafting.total.errors).toBe(0);
    expect(drafting.open.some((i) => i.finding.rule === 'V-BLANK')).toBe(true);
  });

  it('an unconfirmed review item stops it even when its mark was deleted by hand', () => {
    const d = sampleDraft('xinxiang-county-office-2024');
    d.review = [{ origin: 'next-year', section: 'overview', text: '2024年', reason: '上年报告的年度' }];
    const r = exportReadiness(d);
    expect(r.reviewMarks).toBe(0);
    expect(r.reviewItems).toBe(1);
    expect(readyToExport(r)).toBe(false);
  });

  it('blank cells and arithmetic errors of a finished report stop it', () => {
    const d = sampleDraft('xinxiang-county-office-2024');
    const cells = flattenCells(d.cells);
    cells['apply.granted.natural'] = null;
    cells['apply.carried_forward.commercial'] = 3;
    d.cells = nestCells(cells as Record<string, number | null>);
    const r = exportReadiness(d);
    expect(r.errors.map((f) => f.rule).sort()).toEqual(['T3-BAL', 'V-BLANK']);
    expect(readyToExport(r)).toBe(false);
  });

  it('【请核对】 marks left from last year stop it; an accepted warning is no longer open', () => {
    const d = sampleDraft('xinxiang-county-office-2024');
    d.sections.problems = `${d.sections.problems ?? ''}${REVIEW_MARK}`;
    expect(exportReadiness(d).reviewMarks).toBe(1);
    expect(readyToExport(exportReadiness(d))).toBe(false);
    const open = exportReadiness(sampleDraft('xinxiang-county-office-2024')).openWarnings;
    const nApp = open.find((f) => f.rule === 'N-APP');
    if (!nApp) throw new Error('N-APP expected');
    const accepted = sampleDraft('xinxiang-county-office-2024');
    accepted.acceptedWarnings = open
      .filter((f) => f.rule === 'N-APP')
      .map((f) => ({ rule: f.rule, target: findingTarget(f), explanation: '原文如此，已核实' }));
    expect(exportReadiness(accepted).openWarnings.some((f) => f.rule === 'N-APP')).toBe(false);
  });

  it('accepting a figure written in one section leaves the same figure written in another open', () => {
    const d = sampleDraft('xinxiang-county-office-2024');
    d.sections.overview = `${d.sections.overview ?? ''}政府信息公开申请结转下年度99件。`;
    d.sections.requests = `${d.sections.requests ?? ''}政府信息公开申请结转下年度99件。`;
    const mismatches = exportReadiness(d).openWarnings.filter((f) => f.rule === 'N-APP' && f.message.includes('99'));
    expect(mismatches.map((f) => f.span?.section).sort()).toEqual(['overview', 'requests']);
    const inOverview = mismatches.find((f) => f.span?.section === 'overview');
    if (!inOverview) throw new Error('N-APP in overview expected');
    d.acceptedWarnings = [...acceptWarning([], inOverview, '已核实')];
    const open = exportReadiness(d).openWarnings.filter((f) => f.rule === 'N-APP' && f.message.includes('99'));
    expect(open.map((f) => f.span?.section)).toEqual(['requests']);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportReadiness, readyToExport } from '../../shared/editor/exportGate.js';
import { enteredCells, FORMAT_2021 } from '../../shared/report/format.js';
import { REVIEW_MARK } from '../../shared/report/nextYear.js';
import { loadReportText } from '../../shared/schema/reportData.js';
import { reportToDraft, type DraftFile } from '../../shared/schema/draft.js';
import { nestCells, flattenCells } from '../../shared/report/model.js';

function sampleDraft(name: string): DraftFile {
  const r = loadReportText(readFileSync(join(__dirname, '..', 'fixtures', 'data', `${name}.json`), 'utf8'));
  if (!r.ok) throw new Error(r.error);
  const d = reportToDraft(r.report, new Set(enteredCells(FORMAT_2021).map((c) => c.key)));
  d.meta.signatureDate = '2025-01-20';
  return d;
}

describe('export gate', () => {
  it('a complete, consistent report goes straight through; its open warnings are listed, not blocking', () => {
    const d = sampleDraft('xinxiang-county-office-2024');
    const r = exportReadiness(d);
    expect(r.errors).toEqual([]);
    expect(r.openWarnings.map((f) => f.rule)).toContain('N-APP');
    expect(readyToExport(r)).toBe(true);
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
      .map((f) => ({ rule: f.rule, target: f.target ?? f.span?.section ?? f.section ?? '', explanation: '原文如此，已核实' }));
    expect(exportReadiness(accepted).openWarnings.some((f) => f.rule === 'N-APP')).toBe(false);
  });
});

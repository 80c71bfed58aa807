/**
 * What stands between a draft and its export or print (issue 5: "when rule errors remain, the export asks first
 * and lists them"). The same `evaluate` the form runs, at stage 'final' (blank cells and unwritten sections are
 * errors now), plus the 【请核对】 marks next year's report left in the text and warnings nobody has accepted yet.
 */
import { countReviewMarks } from '../report/nextYear.js';
import { evaluate } from '../rules/index.js';
import type { Finding } from '../rules/types.js';
import { draftToReport, type DraftFile } from '../schema/draft.js';
import { acceptanceMatches } from './issues.js';

export interface ExportReadiness {
  /** rule errors of the finished report */
  errors: Finding[];
  /** warnings without an accepted explanation (shown, never blocking) */
  openWarnings: Finding[];
  /** 【请核对】 marks still in the text */
  reviewMarks: number;
}

export function exportReadiness(draft: DraftFile): ExportReadiness {
  const findings = evaluate(draftToReport(draft), { stage: 'final' });
  return {
    errors: findings.filter((f) => f.severity === 'error'),
    openWarnings: findings.filter((f) => f.severity === 'warning' && !draft.acceptedWarnings.some((a) => acceptanceMatches(a, f))),
    reviewMarks: countReviewMarks(draft),
  };
}

/** True when the export may go ahead without asking. */
export function readyToExport(r: ExportReadiness): boolean {
  return r.errors.length === 0 && r.reviewMarks === 0;
}

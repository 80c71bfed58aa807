/**
 * What stands between a draft and its export or print: the same `evaluate` the form runs, at stage 'final' (blank
 * cells and unwritten sections are errors now), every warning nobody has accepted yet, and the review list (passages
 * carried over from last year, import doubts) with the 【请核对】 marks still in the text. The issue panel's
 * 「定稿检查」 view shows the same summary (`checkSummary` at stage 'final'), so the panel and the gate never disagree.
 */
import { countReviewMarks } from '../report/nextYear.js';
import type { Report } from '../report/model.js';
import { evaluate } from '../rules/index.js';
import type { CheckStage, Finding } from '../rules/types.js';
import { draftToReport, type AcceptedWarning, type DraftFile } from '../schema/draft.js';
import type { ReviewSheetInput } from '../render/review.js';
import { summariseFindings, type IssueSummary } from './issues.js';

export interface ExportReadiness {
  /** every open finding of the finished report, by section (errors first), and the accepted ones */
  summary: IssueSummary;
  /** rule errors of the finished report */
  errors: Finding[];
  /** warnings without an accepted explanation: exporting with them takes a deliberate click */
  openWarnings: Finding[];
  /** 【请核对】 marks still in the text */
  reviewMarks: number;
  /** items of the review list not yet confirmed */
  reviewItems: number;
}

export type { CheckStage };

/** The findings of a report at a stage, as the issue panel shows them: one function for the panel and the gate. */
export function checkSummary(report: Report, accepted: readonly AcceptedWarning[], stage: CheckStage): IssueSummary {
  return summariseFindings(evaluate(report, { stage }), accepted);
}

export function exportReadiness(draft: DraftFile): ExportReadiness {
  const summary = checkSummary(draftToReport(draft), draft.acceptedWarnings, 'final');
  const open = summary.open.map((i) => i.finding);
  return {
    summary,
    errors: open.filter((f) => f.severity === 'error'),
    openWarnings: open.filter((f) => f.severity === 'warning'),
    reviewMarks: countReviewMarks(draft),
    reviewItems: draft.review?.length ?? 0,
  };
}

/** True when the export may go ahead without asking: no error, no open warning, nothing left to review. */
export function readyToExport(r: ExportReadiness): boolean {
  return r.errors.length === 0 && r.openWarnings.length === 0 && r.reviewMarks === 0 && r.reviewItems === 0;
}

/** What the 审核单 lists: the finished report's findings with the clerk's explanations, dated (one input for every host). */
export function reviewSheetInput(draft: DraftFile, date: Date = new Date()): ReviewSheetInput {
  const report = draftToReport(draft);
  const input: ReviewSheetInput = { report, findings: evaluate(report, { stage: 'final' }), acceptedWarnings: draft.acceptedWarnings, date: date.toISOString().slice(0, 10) };
  if (draft.stateChanges?.length) input.stateChanges = draft.stateChanges;
  return input;
}

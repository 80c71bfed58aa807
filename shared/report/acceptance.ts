/**
 * Acceptance of a warning (「接受并说明」): which warning an accepted explanation stands for, and the record the
 * draft keeps. One definition for the editor's issue panel, the export gate, the 审核单 writer and the command line.
 */
import type { Finding } from '../rules/types.js';
import type { AcceptedWarning } from '../schema/draft.js';

/**
 * What a finding points at: its target cell, else its first cell, else the section of its text or the section. A
 * finding about a passage that names a cell is told apart by the passage's section too, so accepting the figure in
 * 总体情况 does not also accept the same figure written again in 申请情况.
 */
export function findingTarget(f: Finding): string {
  const cell = f.target ?? f.cells[0];
  if (cell && f.span) return `${cell}@${f.span.section}`;
  return cell ?? f.span?.section ?? f.section ?? '';
}

/** An accepted explanation covers a warning of the same rule on the same target (never an error). */
export function acceptanceMatches(a: AcceptedWarning, f: Finding): boolean {
  return f.severity === 'warning' && a.rule === f.rule && a.target === findingTarget(f);
}

/** The accepted explanation of a finding, if any. */
export function acceptanceFor(f: Finding, accepted: readonly AcceptedWarning[]): AcceptedWarning | undefined {
  return accepted.find((a) => acceptanceMatches(a, f));
}

/** The explanation longest kept (the draft schema's limit). */
export const MAX_EXPLANATION = 2000;

/**
 * The accepted list after the clerk accepts `f` with `explanation`: replaces an earlier acceptance of the same
 * warning; unchanged for an error or a blank explanation.
 */
export function acceptWarning(accepted: readonly AcceptedWarning[], f: Finding, explanation: string, now: Date = new Date()): readonly AcceptedWarning[] {
  const text = explanation.trim();
  if (!text || f.severity !== 'warning') return accepted;
  const entry: AcceptedWarning = { rule: f.rule, target: findingTarget(f), explanation: text.slice(0, MAX_EXPLANATION), acceptedAt: now.toISOString() };
  return [...accepted.filter((a) => !(a.rule === entry.rule && a.target === entry.target)), entry];
}

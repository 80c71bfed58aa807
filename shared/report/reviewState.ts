/**
 * Review states (审核状态): 草稿 → 送审 → 退回修改 (with the reason) → 送审 … → 定稿; 定稿 locks the figures and the
 * text until 「重新打开」 (with a reason) makes it a 草稿 again. Each change is kept in the draft (`stateChanges`) with
 * its time and the name the clerk gave; the current state is the last change's (none: 草稿). The one place of these
 * rules: the toolbar offers what `availableActions` says, the editor and the history ask `isLocked`.
 */
import { MAX_REASON, MAX_SHORT, MAX_STATE_CHANGES, type DraftFile, type ReviewStateId, type StateChange } from '../schema/draft.js';

export const STATE_NAMES: Record<ReviewStateId, string> = { draft: '草稿', submitted: '送审', returned: '退回修改', final: '定稿' };

export type ReviewAction = 'submit' | 'return' | 'finalize' | 'reopen';

interface ActionRule {
  label: string;
  from: readonly ReviewStateId[];
  to: ReviewStateId;
  /** a return and a reopening say why */
  needsReason: boolean;
}

export const REVIEW_ACTIONS: Record<ReviewAction, ActionRule> = {
  submit: { label: '送审', from: ['draft', 'returned'], to: 'submitted', needsReason: false },
  return: { label: '退回修改', from: ['submitted'], to: 'returned', needsReason: true },
  finalize: { label: '定稿', from: ['submitted'], to: 'final', needsReason: false },
  reopen: { label: '重新打开', from: ['final'], to: 'draft', needsReason: true },
};

export const LOCKED_MESSAGE = '报告已定稿，表格和正文不能修改；如需修改，请先「重新打开」并注明原因。';

export function currentState(draft: DraftFile): ReviewStateId {
  return draft.stateChanges?.at(-1)?.state ?? 'draft';
}

/** 定稿: the form, the text and every button that would change them refuse until reopened. */
export function isLocked(draft: DraftFile): boolean {
  return currentState(draft) === 'final';
}

export function availableActions(state: ReviewStateId): ReviewAction[] {
  return (Object.keys(REVIEW_ACTIONS) as ReviewAction[]).filter((a) => REVIEW_ACTIONS[a].from.includes(state));
}

export interface ActionInput {
  /** ISO time */
  at: string;
  /** the name the clerk gives */
  by: string;
  reason?: string;
}

export type ActionResult = { ok: true; draft: DraftFile } | { ok: false; error: string };

/** A state change, or why it can't be made (in the clerk's words). The oldest changes go beyond MAX_STATE_CHANGES. */
export function applyReviewAction(draft: DraftFile, action: ReviewAction, input: ActionInput): ActionResult {
  const rule = REVIEW_ACTIONS[action];
  const state = currentState(draft);
  if (!rule.from.includes(state)) return { ok: false, error: `报告当前为「${STATE_NAMES[state]}」，不能「${rule.label}」` };
  const by = input.by.trim();
  if (!by) return { ok: false, error: '请填写姓名' };
  if (by.length > MAX_SHORT) return { ok: false, error: `姓名不能超过 ${MAX_SHORT} 个字符` };
  const reason = input.reason?.trim() ?? '';
  if (rule.needsReason && !reason) return { ok: false, error: `「${rule.label}」须注明原因` };
  if (reason.length > MAX_REASON) return { ok: false, error: `原因不能超过 ${MAX_REASON} 个字符` };
  const change: StateChange = { state: rule.to, at: input.at, by, ...(reason ? { reason } : {}) };
  const changes = [...(draft.stateChanges ?? []), change].slice(-MAX_STATE_CHANGES);
  return { ok: true, draft: { ...draft, stateChanges: changes } };
}

/**
 * The review state in the title bar: 「状态：送审」 with the last change's name and time, and the buttons the state
 * allows (shared/report/reviewState.ts) — each asks for the clerk's name (remembered) and, for 退回修改 and
 * 重新打开, the reason.
 */
import { useState } from 'react';
import { formatTimestamp } from '../../shared/report/history.js';
import { availableActions, currentState, REVIEW_ACTIONS, STATE_NAMES, type ReviewAction } from '../../shared/report/reviewState.js';
import type { DocumentController } from '../files/useDocument.js';
import { PromptDialog } from './PromptDialog.js';

const STATE_COLOURS = { draft: '#57606a', submitted: '#1f6feb', returned: '#b54708', final: '#1a7f37' } as const;

const ACTION_HINTS: Record<ReviewAction, string> = {
  submit: '把报告交给审核人审核。',
  return: '审核未通过，退回经办人修改；请写明要改什么。',
  finalize: '审核通过。定稿后表格和正文锁定，不能再修改，直到「重新打开」。',
  reopen: '定稿后需要修改时重新打开（回到草稿）；请写明原因。',
};

export function ReviewStateBar({ doc }: { doc: DocumentController }) {
  const [asking, setAsking] = useState<ReviewAction | null>(null);
  const state = currentState(doc.draft);
  const last = doc.draft.stateChanges?.at(-1);
  const detail = last ? `${last.by} ${formatTimestamp(last.at)}${last.reason ? `：${last.reason}` : ''}` : '尚未送审';
  return (
    <div className="review-state" style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
      <span
        data-testid="review-state"
        title={detail}
        style={{ background: STATE_COLOURS[state], color: '#fff', borderRadius: 3, padding: '2px 8px', fontSize: 13, border: '1px solid rgba(255,255,255,0.6)' }}
      >
        状态：{STATE_NAMES[state]}
        {state === 'final' ? '（已锁定）' : ''}
      </span>
      {availableActions(state).map((action) => (
        <button key={action} type="button" className="bar-button" onClick={() => setAsking(action)} title={ACTION_HINTS[action]}>
          {REVIEW_ACTIONS[action].label}…
        </button>
      ))}
      {asking ? (
        <PromptDialog
          title={REVIEW_ACTIONS[asking].label}
          hint={ACTION_HINTS[asking]}
          askName
          reason={REVIEW_ACTIONS[asking].needsReason ? 'required' : 'optional'}
          reasonPlaceholder={asking === 'return' ? '例如：表三结转数据有误' : undefined}
          confirmLabel={REVIEW_ACTIONS[asking].label}
          testId="review-state-dialog"
          onSubmit={({ name, reason }) => {
            const problem = doc.changeReviewState(asking, name, reason);
            if (!problem) setAsking(null);
            return problem;
          }}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </div>
  );
}

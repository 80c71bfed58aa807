/** What the office dialogs share: their size in the app's dialog frame (../DialogFrame.tsx) and a job's progress. */
import { styles } from './styles.js';

export const OFFICE_DIALOG_SIZE = { width: 'min(1100px, 96vw)', height: 'min(820px, 92vh)' } as const;

/** Progress of a running job with its cancel button. */
export function JobProgress({ done, total, what, onCancel }: { done: number; total: number; what: string; onCancel: () => void }) {
  return (
    <div style={styles.row} role="status" aria-live="polite">
      <progress style={{ ...styles.progress, flex: 1 }} value={done} max={Math.max(1, total)} aria-label={`${what}进度`} />
      <span style={{ fontSize: 14, whiteSpace: 'nowrap' }}>
        {what} {done} / {total}
      </span>
      <button type="button" style={styles.button} onClick={onCancel}>
        取消
      </button>
    </div>
  );
}

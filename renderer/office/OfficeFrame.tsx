/** The frame both office dialogs share: a modal with a title, Escape and × to close (not while work runs). */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { styles } from './styles.js';

export function OfficeFrame({ title, busy, onClose, footer, children, testId }: { title: string; busy: boolean; onClose: () => void; footer?: ReactNode; children: ReactNode; testId: string }) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('button:not([aria-label="关闭"]), input, textarea')?.focus();
  }, []);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape' && !busy) {
      e.stopPropagation();
      onClose();
    }
  };
  return (
    <div style={styles.backdrop}>
      <div ref={ref} role="dialog" aria-modal="true" aria-labelledby={titleId} style={styles.dialog} onKeyDown={onKeyDown} data-testid={testId}>
        <header style={styles.head}>
          <h2 id={titleId} style={styles.title}>
            {title}
          </h2>
          <button type="button" onClick={onClose} aria-label="关闭" style={styles.close} disabled={busy}>
            ×
          </button>
        </header>
        <div style={styles.body}>{children}</div>
        {footer ? <footer style={styles.footer}>{footer}</footer> : null}
      </div>
    </div>
  );
}

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

/**
 * The frame the app's panel dialogs share (roll-up, batch review, version history, a version read-only): a modal in
 * the app's dialog look with a title, × and Escape to close (not while work runs), a scrolling body and an optional
 * footer. Focus goes to the first control inside, else to ×.
 */
import { useEffect, useId, useRef, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { dialogStyles } from './dialogStyles.js';

export interface DialogFrameProps {
  title: ReactNode;
  testId: string;
  onClose: () => void;
  /** work is running: × and Escape don't close */
  busy?: boolean;
  footer?: ReactNode;
  /** the dialog's width and height (each dialog its own) */
  size: CSSProperties;
  children: ReactNode;
}

const body: CSSProperties = { padding: 16, overflow: 'auto', display: 'flex', flexDirection: 'column', gap: 10, flex: 1, minHeight: 0 };
const footerStyle: CSSProperties = { display: 'flex', gap: 8, alignItems: 'center', padding: '10px 16px', borderTop: '1px solid #d0d7de' };

export function DialogFrame({ title, testId, onClose, busy = false, footer, size, children }: DialogFrameProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>('button:not([aria-label="关闭"]), input, textarea') ?? ref.current?.querySelector<HTMLElement>('button');
    first?.focus();
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !busy) {
      e.stopPropagation();
      onClose();
    }
  };
  return (
    <div style={dialogStyles.backdrop}>
      <div ref={ref} role="dialog" aria-modal="true" aria-labelledby={titleId} style={{ ...dialogStyles.dialog, ...size }} onKeyDown={onKeyDown} data-testid={testId}>
        <header style={dialogStyles.head}>
          <h2 id={titleId} style={dialogStyles.title}>
            {title}
          </h2>
          <button type="button" onClick={onClose} aria-label="关闭" style={dialogStyles.close} disabled={busy}>
            ×
          </button>
        </header>
        <div style={body}>{children}</div>
        {footer ? <footer style={footerStyle}>{footer}</footer> : null}
      </div>
    </div>
  );
}

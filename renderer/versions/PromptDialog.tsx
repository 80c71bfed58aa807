/**
 * A small question in the app's dialog look (renderer/dialogStyles.ts): an optional name (remembered for next time),
 * an optional or required reason, 确定 / 取消. Used by 「保存并注明原因…」, the review-state buttons and the versions
 * panel's 「恢复」/「删除」 (which ask first). `onSubmit` returns an error to show, or null when done.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { dialogStyles } from '../dialogStyles.js';

const REVIEWER_KEY = 'gkbg.reviewer';

/** The last name typed in a review dialog (kept in the browser profile; none when storage is unavailable). */
export function rememberedName(): string {
  try {
    return window.localStorage.getItem(REVIEWER_KEY) ?? '';
  } catch {
    return '';
  }
}

function rememberName(name: string): void {
  try {
    window.localStorage.setItem(REVIEWER_KEY, name);
  } catch {
    // storage unavailable: typed again next time
  }
}

export interface PromptDialogProps {
  title: string;
  hint?: string;
  /** ask for the clerk's name (remembered) */
  askName?: boolean;
  /** 'required' | 'optional' | undefined (no reason field) */
  reason?: 'required' | 'optional';
  reasonLabel?: string;
  reasonPlaceholder?: string;
  confirmLabel: string;
  onSubmit: (answer: { name: string; reason: string }) => string | null | Promise<string | null>;
  onCancel: () => void;
  testId?: string;
}

export function PromptDialog(props: PromptDialogProps) {
  const { title, hint, askName, reason, confirmLabel, onSubmit, onCancel } = props;
  const titleId = useId();
  const [name, setName] = useState(() => (askName ? rememberedName() : ''));
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => (askName || reason ? first.current?.focus() : confirmButton.current?.focus()), [askName, reason]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (askName && !name.trim()) return setError('请填写姓名');
    if (reason === 'required' && !text.trim()) return setError('请注明原因');
    setBusy(true);
    try {
      const problem = await onSubmit({ name: name.trim(), reason: text.trim() });
      if (problem) setError(problem);
      else if (askName) rememberName(name.trim());
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={dialogStyles.backdrop}>
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={props.testId}
        style={{ ...dialogStyles.dialog, width: 'min(520px, 92vw)' }}
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onCancel();
          }
        }}
      >
        <div style={dialogStyles.head}>
          <h2 id={titleId} style={dialogStyles.title}>
            {title}
          </h2>
          <button type="button" style={dialogStyles.close} aria-label="关闭" onClick={onCancel}>
            ×
          </button>
        </div>
        <div style={{ padding: 16, display: 'flex', flexDirection: 'column', gap: 12 }}>
          {hint ? <p style={dialogStyles.hint}>{hint}</p> : null}
          {askName ? (
            <label style={dialogStyles.label}>
              姓名
              <input ref={first} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} style={{ ...dialogStyles.textarea, resize: undefined }} />
            </label>
          ) : null}
          {reason ? (
            <label style={dialogStyles.label}>
              {props.reasonLabel ?? (reason === 'required' ? '原因（必填）' : '原因（可不填）')}
              <textarea
                ref={askName ? undefined : first}
                value={text}
                rows={3}
                maxLength={1000}
                placeholder={props.reasonPlaceholder}
                onChange={(e) => setText(e.target.value)}
                style={dialogStyles.textarea}
              />
            </label>
          ) : null}
          {error ? (
            <p role="alert" style={dialogStyles.error}>
              {error}
            </p>
          ) : null}
          <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
            <button type="submit" ref={confirmButton} style={dialogStyles.primary} disabled={busy}>
              {confirmLabel}
            </button>
            <button type="button" style={dialogStyles.button} onClick={onCancel}>
              取消
            </button>
          </div>
        </div>
      </form>
    </div>
  );
}

/** 「接受并说明…」: a warning the clerk accepts with a short explanation (kept in the draft, printed on the 审核单). */
import { useState } from 'react';
import { MAX_EXPLANATION } from '../../shared/report/acceptance.js';

export function AcceptWarning({ onAccept }: { onAccept: (explanation: string) => void }) {
  const [accepting, setAccepting] = useState(false);
  const [text, setText] = useState('');
  const submit = () => {
    if (!text.trim()) return;
    onAccept(text);
    setAccepting(false);
    setText('');
  };
  if (!accepting) {
    return (
      <button type="button" className="small accept" onClick={() => setAccepting(true)}>
        接受并说明…
      </button>
    );
  }
  return (
    <div className="accept-form">
      <input
        autoFocus
        value={text}
        maxLength={MAX_EXPLANATION}
        placeholder="简要说明理由，如：机构改革后文件划转"
        aria-label="接受此提示的说明"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            submit();
          } else if (e.key === 'Escape') {
            e.stopPropagation();
            setAccepting(false);
          }
        }}
      />
      <button type="button" className="small primary" disabled={!text.trim()} onClick={submit}>
        确定
      </button>
      <button type="button" className="small" onClick={() => setAccepting(false)}>
        取消
      </button>
    </div>
  );
}

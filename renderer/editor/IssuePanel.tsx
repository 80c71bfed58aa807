/**
 * The issue panel: every open error and warning of the live check, grouped by section with counts; clicking one
 * focuses the cell or selects the text; a warning can be accepted with a short explanation (kept in the draft's
 * acceptedWarnings and listed as accepted, not counted as open).
 */
import { memo, useState } from 'react';
import { ISSUE_GROUPS, ISSUE_GROUP_NAMES, type ShownIssue } from '../../shared/editor/issues.js';
import { useEditor } from './context.js';
import { usePanelView } from './store.js';

const MAX_SHOWN_PER_GROUP = 60;

export const IssuePanel = memo(function IssuePanel() {
  const api = useEditor();
  const panel = usePanelView(api.store);
  const { summary, engineError } = panel;
  const [showAccepted, setShowAccepted] = useState(false);
  return (
    <aside className="issues" data-testid="issues" aria-label="检查结果">
      <header className="issues-head">
        <h2>检查结果</h2>
        <div className="totals" aria-live="polite">
          <span className={`count error${summary.total.errors ? '' : ' zero'}`} data-count="errors">
            错误 {summary.total.errors}
          </span>
          <span className={`count warning${summary.total.warnings ? '' : ' zero'}`} data-count="warnings">
            提示 {summary.total.warnings}
          </span>
          {summary.accepted.length ? (
            <span className="count accepted" data-count="accepted">
              已接受 {summary.accepted.length}
            </span>
          ) : null}
        </div>
      </header>
      {engineError ? (
        <p className="engine-error" role="alert">
          检查程序出错：{engineError}
        </p>
      ) : null}
      <div className="issues-body">
        {summary.open.length === 0 && !engineError ? <p className="all-clear">未发现问题。</p> : null}
        {ISSUE_GROUPS.map((g) => {
          const items = summary.open.filter((i) => i.group === g);
          if (items.length === 0) return null;
          const c = summary.byGroup[g];
          return (
            <section key={g} className="issue-group" data-group={g}>
              <h3>
                <span>{ISSUE_GROUP_NAMES[g]}</span>
                <span className="group-counts">
                  {c.errors ? <span className="badge error">{c.errors} 错误</span> : null}
                  {c.warnings ? <span className="badge warning">{c.warnings} 提示</span> : null}
                </span>
              </h3>
              <ul>
                {items.slice(0, MAX_SHOWN_PER_GROUP).map((i) => (
                  <IssueItem key={i.id} issue={i} />
                ))}
                {items.length > MAX_SHOWN_PER_GROUP ? <li className="more">另有 {items.length - MAX_SHOWN_PER_GROUP} 项……</li> : null}
              </ul>
            </section>
          );
        })}
        {summary.accepted.length ? (
          <section className="issue-group accepted-group">
            <h3>
              <button type="button" className="link" aria-expanded={showAccepted} onClick={() => setShowAccepted((v) => !v)}>
                {showAccepted ? '▾' : '▸'} 已接受的提示（{summary.accepted.length}）
              </button>
            </h3>
            {showAccepted ? (
              <ul>
                {summary.accepted.map((i) => (
                  <li key={i.id} className="issue accepted" data-rule={i.finding.rule} data-accepted="true">
                    <button type="button" className="issue-main" onClick={() => api.focusIssue(i)}>
                      <span className="rule">{i.finding.rule}</span>
                      <span className="msg">{i.finding.message}</span>
                    </button>
                    <p className="explanation">说明：{i.accepted?.explanation}</p>
                    <button type="button" className="small" onClick={() => api.unaccept(i)}>
                      撤销接受
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        ) : null}
      </div>
    </aside>
  );
});

/** Re-rendered only when what it shows changes (the list re-renders on every change of any message). */
const IssueItem = memo(IssueItemImpl, (a, b) => a.issue.sig === b.issue.sig);

function IssueItemImpl({ issue }: { issue: ShownIssue }) {
  const api = useEditor();
  const [accepting, setAccepting] = useState(false);
  const [text, setText] = useState('');
  const f = issue.finding;
  const submit = () => {
    if (!text.trim()) return;
    api.accept(issue, text);
    setAccepting(false);
    setText('');
  };
  return (
    <li className={`issue ${f.severity}`} data-rule={f.rule} data-severity={f.severity} data-target={issue.target}>
      <button type="button" className="issue-main" onClick={() => api.focusIssue(issue)} title="定位到相关单元格或文字">
        <span className="rule">{f.rule}</span>
        <span className="msg">{f.message}</span>
      </button>
      {f.rule === 'V-BLANK' ? (
        <button type="button" className="small" onClick={api.fillZeros} title="把三张表中所有未填写的格子填为 0（可撤销）">
          空格填0
        </button>
      ) : null}
      {f.severity === 'warning' ? (
        accepting ? (
          <div className="accept-form">
            <input
              autoFocus
              value={text}
              maxLength={2000}
              placeholder="简要说明理由，如：机构改革后文件划转"
              aria-label="接受此提示的说明"
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  submit();
                } else if (e.key === 'Escape') setAccepting(false);
              }}
            />
            <button type="button" className="small primary" disabled={!text.trim()} onClick={submit}>
              确定
            </button>
            <button type="button" className="small" onClick={() => setAccepting(false)}>
              取消
            </button>
          </div>
        ) : (
          <button type="button" className="small accept" onClick={() => setAccepting(true)}>
            接受并说明…
          </button>
        )
      ) : null}
    </li>
  );
}

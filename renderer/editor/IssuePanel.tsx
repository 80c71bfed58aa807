/**
 * The issue panel: every open error and warning of the live check, grouped by section with counts; clicking one
 * goes to the text or the cell; a warning can be accepted with a short explanation. 「定稿检查」 shows the check the
 * export gate runs (blank cells are errors then), with the same counts. Above the findings: the review list.
 */
import { memo } from 'react';
import { ISSUE_GROUPS, ISSUE_GROUP_NAMES, type ShownIssue } from '../../shared/editor/issues.js';
import { RULES } from '../../shared/rules/index.js';
import { AcceptWarning } from './AcceptWarning.js';
import { useEditor } from './context.js';
import { ReviewList } from './ReviewList.js';
import { usePanelView } from './store.js';
import { useState } from 'react';

const MAX_SHOWN_PER_GROUP = 60;

export const IssuePanel = memo(function IssuePanel() {
  const api = useEditor();
  const { summary, engineError, stage } = usePanelView(api.store);
  const [showAccepted, setShowAccepted] = useState(false);
  return (
    <aside className="issues" data-testid="issues" aria-label="检查结果" data-stage={stage}>
      <header className="issues-head">
        <h2>检查结果</h2>
        <div className="stage-switch" role="radiogroup" aria-label="检查范围">
          <button type="button" role="radio" aria-checked={stage === 'draft'} onClick={() => api.setStage('draft')} title="填写过程中的检查：空格只作提示">
            填写中
          </button>
          <button type="button" role="radio" aria-checked={stage === 'final'} onClick={() => api.setStage('final')} title="与导出前的检查相同：空格、未写的部分都是错误">
            定稿检查
          </button>
        </div>
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
        <ReviewList />
        {summary.open.length === 0 && !engineError ? <p className="all-clear">{stage === 'final' ? '定稿检查未发现问题。' : '未发现问题。'}</p> : null}
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
                    <button type="button" className="issue-main" onClick={() => api.focusFinding(i.finding)}>
                      <span className="rule">{i.finding.rule}</span>
                      <span className="msg">{i.finding.message}</span>
                    </button>
                    <p className="explanation">说明：{i.accepted?.explanation}</p>
                    <button type="button" className="small" onClick={() => i.accepted && api.unaccept(i.accepted)}>
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
  const f = issue.finding;
  const blankTable = f.rule === 'V-BLANK' ? api.format.cellByKey.get(f.cells[0] ?? '')?.table : undefined;
  return (
    <li className={`issue ${f.severity}`} data-rule={f.rule} data-severity={f.severity} data-target={issue.target}>
      <button type="button" className="issue-main" onClick={() => api.focusFinding(f)} title={f.span ? '选中相关文字' : '定位到相关单元格或栏目'}>
        <span className="rule" title={RULES[f.rule].name}>
          {f.rule}
        </span>
        <span className="msg">{f.message}</span>
      </button>
      {blankTable ? (
        <button type="button" className="small" onClick={() => api.fillTable(blankTable)} title="把本表未填写的格子填为 0（可撤销）；请先确认这些格子确实为0">
          本表空格填0
        </button>
      ) : null}
      {f.severity === 'warning' ? <AcceptWarning onAccept={(text) => api.accept(f, text)} /> : null}
    </li>
  );
}

/**
 * 导出前检查: before a DOCX/PDF export or printing, the finished-report check (`exportReadiness`: every error at stage
 * 'final' and every warning not yet accepted, by section; the review list and the 【请核对】 marks) and the font check.
 * Goes straight on only when there is nothing to say; otherwise lists it all — each warning with 「接受并说明」 right
 * there, each finding with 「定位」 — and going on anyway takes a deliberate click.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { exportReadiness, readyToExport } from '../../shared/editor/exportGate.js';
import { ISSUE_GROUPS, ISSUE_GROUP_NAMES, type ShownIssue } from '../../shared/editor/issues.js';
import type { HostResult, ReportHost } from '../../shared/ipc/contract.js';
import { RULES } from '../../shared/rules/index.js';
import type { Finding } from '../../shared/rules/types.js';
import type { DraftFile } from '../../shared/schema/draft.js';
import { AcceptWarning } from '../editor/AcceptWarning.js';

export type GatedAction = 'docx' | 'pdf' | 'bundle' | 'print';

const ACTION_NAMES: Record<GatedAction, string> = { docx: '导出 Word 文档', pdf: '导出 PDF', bundle: '导出发布包', print: '打印' };

export interface ExportGateProps {
  host: Pick<ReportHost, 'fontCheck'>;
  draft: DraftFile;
  action: GatedAction;
  /** 定稿: nothing can be accepted here (the draft is locked); the gate says how to change that */
  locked?: boolean;
  onProceed: () => void;
  onCancel: () => void;
  /** 「接受并说明」 of a warning listed here (the editor keeps it) */
  onAccept: (f: Finding, explanation: string) => void;
  /** 「定位」: close the check and go to what the finding is about */
  onJump: (f: Finding) => void;
}

export function ExportGate({ host, draft, action, locked = false, onProceed, onCancel, onAccept, onJump }: ExportGateProps) {
  const readiness = useMemo(() => exportReadiness(draft), [draft]);
  const [fonts, setFonts] = useState<HostResult<'fontCheck'> | null>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  /** once the gate has asked, it never goes on by itself (accepting the last warning doesn't export) */
  const asked = useRef(false);

  useEffect(() => {
    let live = true;
    host.fontCheck({}).then(
      (r) => live && setFonts(r),
      () => live && setFonts([]),
    );
    return () => {
      live = false;
    };
  }, [host]);

  const missingFonts = (fonts ?? []).filter((f) => !f.installed);
  const nothingToSay = fonts !== null && !asked.current && readyToExport(readiness) && missingFonts.length === 0;

  useEffect(() => {
    if (nothingToSay) onProceed();
  }, [nothingToSay, onProceed]);
  useEffect(() => {
    if (fonts !== null && !nothingToSay && !asked.current) {
      asked.current = true;
      cancelButton.current?.focus();
    }
  }, [fonts, nothingToSay]);

  if (fonts === null || nothingToSay) return null;
  const { errors, openWarnings, reviewMarks, reviewItems, summary } = readiness;
  const name = ACTION_NAMES[action];
  const proceedLabel = errors.length ? `仍然${name}（还有 ${errors.length} 个错误）` : openWarnings.length ? `${name}（${openWarnings.length} 个提示未接受）` : name;
  return (
    <div className="file-dialog-backdrop">
      <div
        className="file-dialog export-gate"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="export-gate-title"
        data-testid="export-gate"
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      >
        <h2 id="export-gate-title">{name}前的检查</h2>
        <p className="export-gate-summary" data-testid="export-gate-summary">
          错误 <strong data-count="errors">{errors.length}</strong>，未接受的提示 <strong data-count="warnings">{openWarnings.length}</strong>
          {reviewItems || reviewMarks ? (
            <>
              ，需核对 <strong data-count="review">{Math.max(reviewItems, reviewMarks)}</strong>
            </>
          ) : null}
          。{errors.length ? '按规定格式，有错误的报告不宜发布。' : openWarnings.length ? '每个提示请核实：确属如此的，写明理由后接受。' : ''}
          {locked && openWarnings.length ? <span data-testid="export-gate-locked">报告已定稿，不能在此接受提示；如需接受，请先「重新打开」。</span> : null}
        </p>
        <div className="export-gate-groups">
          {ISSUE_GROUPS.map((g) => {
            const items = summary.open.filter((i) => i.group === g);
            if (items.length === 0) return null;
            return (
              <section key={g} className="export-gate-group" data-group={g}>
                <h3>{ISSUE_GROUP_NAMES[g]}</h3>
                <ol className="export-gate-list">
                  {items.map((i) => (
                    <GateItem key={i.id} issue={i} onAccept={locked ? null : onAccept} onJump={onJump} />
                  ))}
                </ol>
              </section>
            );
          })}
        </div>
        {reviewItems || reviewMarks ? (
          <p data-testid="export-gate-marks">
            {reviewItems ? `「需核对」列表中还有 ${reviewItems} 项未确认（沿用上年的文字、导入时的存疑之处），` : ''}
            {reviewMarks ? `正文中还有 ${reviewMarks} 处「【请核对】」标记，` : ''}请在右侧「需核对」中逐项核对并点「已核对」。
          </p>
        ) : null}
        {missingFonts.length > 0 ? (
          <div data-testid="export-gate-fonts">
            <p>本机缺少公文规定的字体，{action === 'docx' ? '文档中仍写明规定字体，在装有该字体的电脑上打开即按规定显示；本机' : ''}将以替代字体排版：</p>
            <ul className="export-gate-list">
              {missingFonts.map((f) => (
                <li key={f.font}>
                  「{f.font}」→ 使用「{f.fallback}」
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="file-dialog-buttons">
          <button type="button" ref={cancelButton} onClick={onCancel}>
            返回修改
          </button>
          <button type="button" className={errors.length ? 'danger' : undefined} onClick={onProceed} data-testid="export-gate-proceed">
            {proceedLabel}
          </button>
        </div>
      </div>
    </div>
  );
}

function GateItem({ issue, onAccept, onJump }: { issue: ShownIssue; onAccept: ExportGateProps['onAccept'] | null; onJump: ExportGateProps['onJump'] }) {
  const f = issue.finding;
  return (
    <li data-rule={f.rule} data-severity={f.severity} className={f.severity}>
      <span className={`export-gate-rule ${f.severity}`}>{f.severity === 'error' ? '错误' : '提示'} · {RULES[f.rule].name}</span>
      {f.message}
      <span className="export-gate-actions">
        <button type="button" className="small" onClick={() => onJump(f)}>
          定位
        </button>
        {f.severity === 'warning' && onAccept ? <AcceptWarning onAccept={(text) => onAccept(f, text)} /> : null}
      </span>
    </li>
  );
}

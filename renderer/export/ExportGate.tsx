/**
 * 导出前检查: before a DOCX/PDF export or printing, the finished-report check (`exportReadiness`: rule errors at
 * stage 'final', 【请核对】 marks left by next year's report) and the font check (which named fonts this machine
 * lacks and what will stand in). Goes straight on when there is nothing to say; otherwise lists it all and asks.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { exportReadiness, readyToExport } from '../../shared/editor/exportGate.js';
import type { HostResult, ReportHost } from '../../shared/ipc/contract.js';
import { RULES } from '../../shared/rules/index.js';
import type { DraftFile } from '../../shared/schema/draft.js';

export type GatedAction = 'docx' | 'pdf' | 'print';

const ACTION_NAMES: Record<GatedAction, string> = { docx: '导出 Word 文档', pdf: '导出 PDF', print: '打印' };
/** Errors listed by name; the rest are counted (the issue panel has them all). */
const LIST_LIMIT = 12;

export interface ExportGateProps {
  host: Pick<ReportHost, 'fontCheck'>;
  draft: DraftFile;
  action: GatedAction;
  onProceed: () => void;
  onCancel: () => void;
}

export function ExportGate({ host, draft, action, onProceed, onCancel }: ExportGateProps) {
  const readiness = useMemo(() => exportReadiness(draft), [draft]);
  const [fonts, setFonts] = useState<HostResult<'fontCheck'> | null>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

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
  const nothingToSay = fonts !== null && readyToExport(readiness) && missingFonts.length === 0;

  useEffect(() => {
    if (nothingToSay) onProceed();
  }, [nothingToSay, onProceed]);
  useEffect(() => {
    if (fonts !== null && !nothingToSay) cancelButton.current?.focus();
  }, [fonts, nothingToSay]);

  if (fonts === null || nothingToSay) return null;
  const { errors, reviewMarks } = readiness;
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
        <h2 id="export-gate-title">{ACTION_NAMES[action]}前的检查</h2>
        {errors.length > 0 ? (
          <>
            <p>
              报告中还有 <strong>{errors.length}</strong> 个错误，按规定格式这样的报告不宜发布：
            </p>
            <ol className="export-gate-list">
              {errors.slice(0, LIST_LIMIT).map((f, i) => (
                <li key={i} data-rule={f.rule}>
                  <span className="export-gate-rule">{RULES[f.rule].name}</span>
                  {f.message}
                </li>
              ))}
            </ol>
            {errors.length > LIST_LIMIT ? <p>另有 {errors.length - LIST_LIMIT} 个错误，见右侧问题列表。</p> : null}
          </>
        ) : null}
        {reviewMarks > 0 ? (
          <p data-testid="export-gate-marks">
            正文中还有 <strong>{reviewMarks}</strong> 处「【请核对】」标记（沿用上年文字时加上的），核对修改后请删除。
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
          <button type="button" onClick={onProceed}>
            仍然{ACTION_NAMES[action]}
          </button>
        </div>
      </div>
    </div>
  );
}

/**
 * The file toolbar: 新建 / 打开 / 最近打开 / 保存 / 保存并注明原因… / 另存为 / 从本报告创建下一年度报告 / 导出 / 打印, with the
 * file area's banner and dialogs below it (FileDialogs.tsx); the shell's events and the browser's shortcuts are
 * useShellCommands.ts's.
 *
 *   <FileToolbar doc={useDocument(host)} host={host} onExport={…optional gate…} onImport={…optional…} />
 *
 * Shell events handled here: new, open, save, saveAs, nextYear, exportDocx/exportPdf/exportReview, print, open-file;
 * `import` goes to `onImport` when given, `rollup`/`review` to `onRollup`/`onReview`; undo/redo are the editor's (App.tsx).
 */
import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { ReportHost } from '../../shared/ipc/contract.js';
import { PromptDialog } from '../versions/PromptDialog.js';
import { ChangedOnDiskDialog, ConfirmDialog, DamagedDialog, LegacyData, MessageBanner, RecoveryDialog } from './FileDialogs.js';
import { useShellCommands } from './useShellCommands.js';
import type { DocumentController, ExportKind } from './useDocument.js';
import './files.css';

export interface FileToolbarProps {
  doc: DocumentController;
  host: ReportHost;
  /** called instead of `doc.exportDocument(kind)` when given (e.g. to check the rules first) */
  onExport?: (kind: ExportKind) => void;
  onImport?: () => void;
  onPrint?: () => void;
  /** 汇总下级单位报告… and 批量核查… (the office above), when given */
  onRollup?: () => void;
  onReview?: () => void;
}

export function FileToolbar({ doc, host, onExport, onImport, onPrint, onRollup, onReview }: FileToolbarProps) {
  const [recentOpen, setRecentOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [askingReason, setAskingReason] = useState(false);
  useShellCommands(host, { doc, onExport, onImport, onPrint, onRollup, onReview });

  // A click anywhere outside an open menu closes it.
  const toolbarRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!recentOpen && !exportOpen) return;
    const onDown = (e: MouseEvent) => {
      if (!toolbarRef.current?.contains(e.target as Node)) {
        setRecentOpen(false);
        setExportOpen(false);
      }
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [recentOpen, exportOpen]);

  const closeMenus = () => {
    setRecentOpen(false);
    setExportOpen(false);
  };
  const menuKeys = (e: ReactKeyboardEvent) => {
    if (e.key === 'Escape') closeMenus();
  };
  const exportAs = (k: ExportKind) => {
    closeMenus();
    if (onExport) onExport(k);
    else void doc.exportDocument(k);
  };

  return (
    <div className="file-area">
      <div className="file-toolbar" role="toolbar" aria-label="文件" onKeyDown={menuKeys} ref={toolbarRef}>
        <button type="button" onClick={() => void doc.newDraft()} title="新建报告（Ctrl+N）" disabled={doc.busy}>
          新建
        </button>
        <button type="button" onClick={() => void doc.open()} title="打开报告草稿（Ctrl+O）" disabled={doc.busy}>
          打开
        </button>
        {host.kind !== 'browser' && <RecentMenu doc={doc} open={recentOpen} setOpen={setRecentOpen} onChoose={closeMenus} />}
        <button type="button" onClick={() => void doc.save()} title="保存（Ctrl+S）" disabled={doc.busy}>
          保存
        </button>
        <button type="button" onClick={() => setAskingReason(true)} title="保存，并在这次保存的版本上注明原因（如「退回修改：表三结转数据有误」）" disabled={doc.busy}>
          保存并注明原因…
        </button>
        <button type="button" onClick={() => void doc.saveAs()} title="另存为（Ctrl+Shift+S）" disabled={doc.busy}>
          另存为
        </button>
        <button type="button" onClick={() => void doc.nextYear()} title="以本报告为基础创建下一年度的报告" disabled={doc.busy}>
          从本报告创建下一年度报告
        </button>
        {doc.draft.format === '2019' && (
          <button type="button" onClick={() => doc.convertTo2021()}>
            转换为2021年格式
          </button>
        )}
        {onImport ? (
          <button type="button" onClick={onImport} title="从已发布的报告（DOCX、PDF、文本）导入">
            导入已发布的报告…
          </button>
        ) : null}
        {onRollup ? (
          <button type="button" onClick={onRollup} title="把下级单位的报告汇总为本级政府的报告草稿">
            汇总下级单位报告…
          </button>
        ) : null}
        {onReview ? (
          <button type="button" onClick={onReview} title="核查一个文件夹中各单位的报告，列出问题，导出核查结果和审核意见">
            批量核查…
          </button>
        ) : null}
        <ExportMenu busy={doc.busy} open={exportOpen} setOpen={setExportOpen} exportAs={exportAs} />
        <button type="button" onClick={() => (onPrint ? onPrint() : void doc.print())} title="打印（Ctrl+P）">
          打印
        </button>
        <span className="file-name" data-testid="document-name" title={doc.file?.location ?? ''}>
          {doc.dirty ? '*' : ''}
          {doc.fileName}
        </span>
      </div>
      <MessageBanner doc={doc} />
      {doc.autosaveProblem && (
        <div className="file-banner file-banner-error" role="alert" data-testid="autosave-problem">
          <span>{doc.autosaveProblem}</span>
        </div>
      )}
      <LegacyData doc={doc} />
      {askingReason && (
        <PromptDialog
          title="保存并注明原因"
          hint="这次保存的版本会记下原因，在「版本记录」中列出。"
          reason="required"
          reasonPlaceholder="例如：退回修改：表三结转数据有误"
          confirmLabel="保存"
          testId="save-reason-dialog"
          onSubmit={async ({ reason }) => {
            setAskingReason(false);
            await doc.saveWithReason(reason);
            return null;
          }}
          onCancel={() => setAskingReason(false)}
        />
      )}
      {doc.confirm && <ConfirmDialog message={doc.confirm.message} onAnswer={doc.answerConfirm} />}
      {doc.changedOnDisk && <ChangedOnDiskDialog message={doc.changedOnDisk.message} onAnswer={doc.answerChangedOnDisk} />}
      {doc.damaged && !doc.confirm && <DamagedDialog doc={doc} />}
      {doc.recovery && !doc.confirm && !doc.damaged && <RecoveryDialog doc={doc} />}
    </div>
  );
}

interface MenuState {
  open: boolean;
  setOpen: (open: boolean) => void;
}

/** 最近打开: the recent files, each opened on a click (not in a browser, which has no file paths). */
function RecentMenu({ doc, open, setOpen, onChoose }: MenuState & { doc: DocumentController; onChoose: () => void }) {
  return (
    <div className="file-menu">
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} disabled={doc.busy}>
        最近打开
      </button>
      {open && (
        <ul role="menu" className="file-menu-list" aria-label="最近打开">
          {doc.recent.length === 0 && <li className="file-menu-empty">（无）</li>}
          {doc.recent.map((f) => (
            <li key={f.id} role="none">
              <button
                type="button"
                role="menuitem"
                title={f.location}
                onClick={() => {
                  onChoose();
                  void doc.openFile(f);
                }}
              >
                {f.name}
                <span className="file-menu-path">{f.location}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** 导出: Word, PDF, the internal 审核单 and the publication bundle. */
function ExportMenu({ busy, open, setOpen, exportAs }: MenuState & { busy: boolean; exportAs: (kind: ExportKind) => void }) {
  return (
    <div className="file-menu">
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} disabled={busy}>
        导出
      </button>
      {open && (
        <ul role="menu" className="file-menu-list" aria-label="导出">
          <li role="none">
            <button type="button" role="menuitem" onClick={() => exportAs('docx')}>
              Word 文档（.docx）
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" onClick={() => exportAs('pdf')}>
              PDF
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" onClick={() => exportAs('review-docx')}>
              审核单（.docx，内部核对用）
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" onClick={() => exportAs('bundle')} title="DOCX、PDF、网页版、报告数据和带 SHA-256 校验值的审核单，存入一个文件夹">
              导出发布包…
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}

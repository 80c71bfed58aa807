/**
 * The file toolbar: 新建 / 打开 / 最近打开 / 保存 / 保存并注明原因… / 另存为 / 从本报告创建下一年度报告 / 导出 / 打印, the keyboard shortcuts
 * Ctrl+N/O/S/Shift+S/P in a browser (in Electron the menu's accelerators do it), the shell's events (menu commands,
 * files opened by the OS), the message banner, the 「是否保存？」 question and the crash-recovery dialog.
 *
 *   <FileToolbar doc={useDocument(host)} host={host} onExport={…optional gate…} onImport={…optional…} />
 *
 * Shell events handled here: new, open, save, saveAs, nextYear, exportDocx/exportPdf/exportReview, print, open-file;
 * `import` goes to `onImport` when given, `rollup`/`review` to `onRollup`/`onReview`; undo/redo are the editor's (App.tsx).
 */
import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { ReportHost, ShellEvent } from '../../shared/ipc/contract.js';
import { FORMAT_2019 } from '../../shared/report/format.js';
import { flattenCells } from '../../shared/report/model.js';
import { formatCellValue } from '../../shared/report/numbers.js';
import { PromptDialog } from '../versions/PromptDialog.js';
import { formatSavedAt, type ChangedOnDiskChoice, type DocumentController, type ExportKind } from './useDocument.js';
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
  // Handlers read the latest controller through a ref so listeners registered once never act on stale state.
  const latest = useRef({ doc, onExport, onImport, onPrint, onRollup, onReview });
  latest.current = { doc, onExport, onImport, onPrint, onRollup, onReview };

  useEffect(() => {
    const run = (e: ShellEvent) => {
      const { doc: d, onExport: ex, onImport: im, onPrint: pr } = latest.current;
      if (e.type === 'open-file') {
        void d.openFile(e.file);
        return;
      }
      const exportAs = (k: ExportKind) => (ex ? ex(k) : void d.exportDocument(k));
      switch (e.command) {
        case 'new':
          return void d.newDraft();
        case 'open':
          return void d.open();
        case 'save':
          return void d.save();
        case 'saveAs':
          return void d.saveAs();
        case 'nextYear':
          return void d.nextYear();
        case 'exportDocx':
          return exportAs('docx');
        case 'exportPdf':
          return exportAs('pdf');
        case 'exportReview':
          return exportAs('review-docx');
        case 'print':
          return pr ? pr() : void d.print();
        case 'import':
          return im?.();
        case 'rollup':
          return latest.current.onRollup?.();
        case 'review':
          return latest.current.onReview?.();
        default:
          return undefined; // undo/redo: the editor's history
      }
    };
    const off = host.onShellEvent?.(run);
    // files given by the OS before the page was listening (double-click on a .gkbg to start the app)
    void host
      .pendingOpens({})
      .then((files) => {
        const first = files[0];
        if (first) run({ type: 'open-file', file: first });
      })
      .catch(() => undefined);
    if (host.kind === 'electron') return off;
    const onKey = (ev: KeyboardEvent) => {
      if (!(ev.ctrlKey || ev.metaKey) || ev.altKey) return;
      const k = ev.key.toLowerCase();
      const command = k === 'n' ? 'new' : k === 'o' ? 'open' : k === 's' ? (ev.shiftKey ? 'saveAs' : 'save') : k === 'p' && !ev.shiftKey ? 'print' : null;
      if (!command) return;
      ev.preventDefault();
      run({ type: 'command', command });
    };
    window.addEventListener('keydown', onKey);
    return () => {
      off?.();
      window.removeEventListener('keydown', onKey);
    };
  }, [host]);

  // Closing a browser tab with unsaved changes asks (Electron asks in main).
  useEffect(() => {
    if (host.kind === 'electron' || !doc.dirty) return;
    const onUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [host, doc.dirty]);

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
        {host.kind !== 'browser' && (
          <div className="file-menu">
            <button type="button" aria-haspopup="menu" aria-expanded={recentOpen} onClick={() => setRecentOpen((o) => !o)} disabled={doc.busy}>
              最近打开
            </button>
            {recentOpen && (
              <ul role="menu" className="file-menu-list" aria-label="最近打开">
                {doc.recent.length === 0 && <li className="file-menu-empty">（无）</li>}
                {doc.recent.map((f) => (
                  <li key={f.id} role="none">
                    <button
                      type="button"
                      role="menuitem"
                      title={f.location}
                      onClick={() => {
                        closeMenus();
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
        )}
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
        <div className="file-menu">
          <button type="button" aria-haspopup="menu" aria-expanded={exportOpen} onClick={() => setExportOpen((o) => !o)} disabled={doc.busy}>
            导出
          </button>
          {exportOpen && (
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

export function MessageBanner({ doc }: { doc: DocumentController }) {
  if (!doc.error && !doc.notice) return null;
  return (
    <div className={doc.error ? 'file-banner file-banner-error' : 'file-banner'} role={doc.error ? 'alert' : 'status'} data-testid={doc.error ? 'file-error' : 'file-notice'}>
      <span>{doc.error ?? doc.notice}</span>
      <button type="button" className="file-banner-close" aria-label="关闭提示" onClick={doc.clearMessages}>
        ×
      </button>
    </div>
  );
}

function ConfirmDialog({ message, onAnswer }: { message: string; onAnswer: (c: 'save' | 'discard' | 'cancel') => void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div className="file-dialog-backdrop">
      <div className="file-dialog" role="alertdialog" aria-modal="true" aria-labelledby="file-confirm-title" onKeyDown={(e) => e.key === 'Escape' && onAnswer('cancel')}>
        <h2 id="file-confirm-title">{message}</h2>
        <p>如果不保存，所做的修改将会丢失。</p>
        <div className="file-dialog-buttons">
          <button type="button" ref={first} onClick={() => onAnswer('save')}>
            保存
          </button>
          <button type="button" onClick={() => onAnswer('discard')}>
            不保存
          </button>
          <button type="button" onClick={() => onAnswer('cancel')}>
            取消
          </button>
        </div>
      </div>
    </div>
  );
}

/** The file changed on disk since it was opened: never overwritten silently. Keeping both is the first choice. */
function ChangedOnDiskDialog({ message, onAnswer }: { message: string; onAnswer: (c: ChangedOnDiskChoice) => void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div className="file-dialog-backdrop">
      <div className="file-dialog" role="alertdialog" aria-modal="true" aria-labelledby="file-changed-title" onKeyDown={(e) => e.key === 'Escape' && onAnswer('cancel')}>
        <h2 id="file-changed-title">文件已被修改</h2>
        <p>{message}</p>
        <p>可以把您的修改另存为旁边的新文件（两份都保留），或者确认覆盖。</p>
        <div className="file-dialog-buttons">
          <button type="button" ref={first} onClick={() => onAnswer('keep-both')}>
            另存为新文件（保留两份）
          </button>
          <button type="button" onClick={() => onAnswer('overwrite')}>
            覆盖
          </button>
          <button type="button" onClick={() => onAnswer('cancel')}>
            取消
          </button>
        </div>
      </div>
    </div>
  );
}

/** A draft that didn't open: what is wrong, and its .bak and latest autosave with their times. */
function DamagedDialog({ doc }: { doc: DocumentController }) {
  const d = doc.damaged;
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [d?.file.id]);
  if (!d) return null;
  return (
    <div className="file-dialog-backdrop">
      <div className="file-dialog" role="alertdialog" aria-modal="true" aria-labelledby="file-damaged-title" onKeyDown={(e) => e.key === 'Escape' && void doc.openDamagedCopy('cancel')}>
        <h2 id="file-damaged-title">报告草稿已损坏</h2>
        <p>{d.message}</p>
        <p>{d.backup || d.recovery ? '可以改为打开下面的副本：' : '没有找到可用的备份或自动保存的副本。'}</p>
        <div className="file-dialog-buttons">
          {d.backup && (
            <button type="button" ref={first} onClick={() => void doc.openDamagedCopy('backup')}>
              打开备份（保存于 {formatSavedAt(d.backup.savedAt)}）
            </button>
          )}
          {d.recovery && (
            <button type="button" ref={d.backup ? undefined : first} onClick={() => void doc.openDamagedCopy('recovery')}>
              打开自动保存的副本（{formatSavedAt(d.recovery.savedAt)}）
            </button>
          )}
          <button type="button" ref={d.backup || d.recovery ? undefined : first} onClick={() => void doc.openDamagedCopy('cancel')}>
            取消
          </button>
        </div>
      </div>
    </div>
  );
}

export function RecoveryDialog({ doc }: { doc: DocumentController }) {
  const r = doc.recovery;
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [r?.id]);
  if (!r) return null;
  if (r.problem)
    return (
      <div className="file-dialog-backdrop">
        <div className="file-dialog" role="dialog" aria-modal="true" aria-labelledby="file-recovery-title">
          <h2 id="file-recovery-title">自动恢复的文件已损坏</h2>
          <p>
            {r.problem}（文件保存于 <strong>{formatSavedAt(r.savedAt)}</strong>）。可以删除它，或暂时保留（下次启动时会再次提示）。
            {r.more > 0 ? `（另有 ${r.more} 份可恢复的报告）` : ''}
          </p>
          <div className="file-dialog-buttons">
            <button type="button" ref={first} onClick={() => void doc.discardRecoveryOffer()}>
              删除
            </button>
            <button type="button" onClick={doc.skipRecoveryOffer}>
              暂时保留
            </button>
          </div>
        </div>
      </div>
    );
  return (
    <div className="file-dialog-backdrop">
      <div className="file-dialog" role="dialog" aria-modal="true" aria-labelledby="file-recovery-title">
        <h2 id="file-recovery-title">发现未保存的报告</h2>
        <p>
          {r.notSaved ? '报告从未保存过，上次选择「不保存」时保留了它的唯一副本。' : '程序上次没有正常关闭。'}报告「{r.title || '未命名'}」有自动保存于{' '}
          <strong>{formatSavedAt(r.savedAt)}</strong> 的内容尚未保存
          {r.file ? `（原文件：${r.file.location}${r.file.location ? '中的' : ''}「${r.file.name}」）` : ''}。
        </p>
        <p>是否恢复？{r.more > 0 ? `（另有 ${r.more} 份可恢复的报告）` : ''}</p>
        <div className="file-dialog-buttons">
          <button type="button" ref={first} onClick={() => void doc.restoreRecovery()}>
            恢复
          </button>
          <button type="button" onClick={() => void doc.discardRecoveryOffer()}>
            放弃
          </button>
        </div>
      </div>
    </div>
  );
}

/**
 * 旧格式数据: figures of a migrated 2019-format draft that have no 2021 column (spec §3.2), shown — never dropped,
 * never moved into a 2021 cell.
 */
export function LegacyData({ doc }: { doc: DocumentController }) {
  const legacy = doc.draft.legacy;
  if (!legacy) return null;
  const rows = Object.entries(flattenCells(legacy.cells)).filter(([, v]) => v !== null && v !== undefined);
  if (rows.length === 0) return null;
  return (
    <details className="file-legacy" data-testid="legacy-data">
      <summary>旧格式数据（{rows.length} 项）：2019年格式中没有对应2021年栏目的数据，保留供核对，不会写入报告表格</summary>
      <table>
        <tbody>
          {rows.map(([key, value]) => (
            <tr key={key}>
              <th scope="row">{FORMAT_2019.cellByKey.get(key)?.name ?? key}</th>
              <td>{typeof value === 'number' || typeof value === 'string' ? formatCellValue(value) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}


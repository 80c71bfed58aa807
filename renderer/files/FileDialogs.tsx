/**
 * The file area's banner and dialogs: the message banner, 「是否保存？」, a file changed on disk, a damaged file, the
 * crash-recovery offer, and the 2019 figures a 2021 conversion could not place.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { FORMAT_2019 } from '../../shared/report/format.js';
import { flattenCells } from '../../shared/report/model.js';
import { formatCellValue } from '../../shared/report/numbers.js';
import { formatSavedAt, type ChangedOnDiskChoice, type DocumentController } from './useDocument.js';

/** The frame every file dialog shares: a modal over the page, its heading named for screen readers, Escape when given. */
function DialogFrame({ role, titleId, title, onEscape, children, buttons }: { role: 'dialog' | 'alertdialog'; titleId: string; title: ReactNode; onEscape?: () => void; children: ReactNode; buttons: ReactNode }) {
  return (
    <div className="file-dialog-backdrop">
      <div className="file-dialog" role={role} aria-modal="true" aria-labelledby={titleId} onKeyDown={onEscape ? (e) => e.key === 'Escape' && onEscape() : undefined}>
        <h2 id={titleId}>{title}</h2>
        {children}
        <div className="file-dialog-buttons">{buttons}</div>
      </div>
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

export function ConfirmDialog({ message, onAnswer }: { message: string; onAnswer: (c: 'save' | 'discard' | 'cancel') => void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <DialogFrame role="alertdialog" titleId="file-confirm-title" title={message} onEscape={() => onAnswer('cancel')}
      buttons={
        <>
          <button type="button" ref={first} onClick={() => onAnswer('save')}>
            保存
          </button>
          <button type="button" onClick={() => onAnswer('discard')}>
            不保存
          </button>
          <button type="button" onClick={() => onAnswer('cancel')}>
            取消
          </button>
        </>
      }
    >
      <p>如果不保存，所做的修改将会丢失。</p>
    </DialogFrame>
  );
}

/** The file changed on disk since it was opened: never overwritten silently. Keeping both is the first choice. */
export function ChangedOnDiskDialog({ message, onAnswer }: { message: string; onAnswer: (c: ChangedOnDiskChoice) => void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <DialogFrame role="alertdialog" titleId="file-changed-title" title="文件已被修改" onEscape={() => onAnswer('cancel')}
      buttons={
        <>
          <button type="button" ref={first} onClick={() => onAnswer('keep-both')}>
            另存为新文件（保留两份）
          </button>
          <button type="button" onClick={() => onAnswer('overwrite')}>
            覆盖
          </button>
          <button type="button" onClick={() => onAnswer('cancel')}>
            取消
          </button>
        </>
      }
    >
      <p>{message}</p>
      <p>可以把您的修改另存为旁边的新文件（两份都保留），或者确认覆盖。</p>
    </DialogFrame>
  );
}

/** A draft that didn't open: what is wrong, and its .bak and latest autosave with their times. */
export function DamagedDialog({ doc }: { doc: DocumentController }) {
  const d = doc.damaged;
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [d?.file.id]);
  if (!d) return null;
  return (
    <DialogFrame role="alertdialog" titleId="file-damaged-title" title="报告草稿已损坏" onEscape={() => void doc.openDamagedCopy('cancel')}
      buttons={
        <>
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
        </>
      }
    >
      <p>{d.message}</p>
      <p>{d.backup || d.recovery ? '可以改为打开下面的副本：' : '没有找到可用的备份或自动保存的副本。'}</p>
    </DialogFrame>
  );
}

export function RecoveryDialog({ doc }: { doc: DocumentController }) {
  const r = doc.recovery;
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [r?.id]);
  if (!r) return null;
  if (r.problem)
    return (
      <DialogFrame role="dialog" titleId="file-recovery-title" title="自动恢复的文件已损坏"
        buttons={
          <>
            <button type="button" ref={first} onClick={() => void doc.discardRecoveryOffer()}>
              删除
            </button>
            <button type="button" onClick={doc.skipRecoveryOffer}>
              暂时保留
            </button>
          </>
        }
      >
        <p>
          {r.problem}（文件保存于 <strong>{formatSavedAt(r.savedAt)}</strong>）。可以删除它，或暂时保留（下次启动时会再次提示）。
          {r.more > 0 ? `（另有 ${r.more} 份可恢复的报告）` : ''}
        </p>
      </DialogFrame>
    );
  return (
    <DialogFrame role="dialog" titleId="file-recovery-title" title="发现未保存的报告"
      buttons={
        <>
          <button type="button" ref={first} onClick={() => void doc.restoreRecovery()}>
            恢复
          </button>
          <button type="button" onClick={() => void doc.discardRecoveryOffer()}>
            放弃
          </button>
        </>
      }
    >
      <p>
        {r.notSaved ? '报告从未保存过，上次选择「不保存」时保留了它的唯一副本。' : '程序上次没有正常关闭。'}报告「{r.title || '未命名'}」有自动保存于{' '}
        <strong>{formatSavedAt(r.savedAt)}</strong> 的内容尚未保存
        {r.file ? `（原文件：${r.file.location}${r.file.location ? '中的' : ''}「${r.file.name}」）` : ''}。
      </p>
      <p>是否恢复？{r.more > 0 ? `（另有 ${r.more} 份可恢复的报告）` : ''}</p>
    </DialogFrame>
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


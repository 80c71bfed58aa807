/**
 * 版本记录: the versions the draft keeps (shared/report/history.ts), newest first, with the current draft on top.
 * Each can be opened read-only (its printed pages, marked 「只读」), restored as the current draft (asks first;
 * recorded as a new version) or dropped (asks first); any two are compared (part B's CompareView), and the draft
 * with last year's report (「与上年比较」).
 *
 *   <VersionsButton doc={doc} />             // 「版本记录…」 and the panel it opens (the title bar)
 *   <VersionsPanel doc={doc} onClose={…} />
 */
import { useMemo, useState } from 'react';
import { compareDrafts, compareWithPrevious, type DraftComparison } from '../../shared/compare/compare.js';
import { findVersion, formatTimestamp, MAX_VERSIONS, versionAsDraft } from '../../shared/report/history.js';
import { LOCKED_MESSAGE, STATE_NAMES } from '../../shared/report/reviewState.js';
import { draftModelOptions, draftToReport, type DraftFile, type DraftVersion } from '../../shared/schema/draft.js';
import { CompareView } from '../compare/CompareView.js';
import { DialogFrame } from '../DialogFrame.js';
import { dialogStyles } from '../dialogStyles.js';
import type { DocumentController } from '../files/useDocument.js';
import { Preview } from '../preview/Preview.js';
import { PromptDialog } from './PromptDialog.js';

/** 0 stands for the current draft in the selection */
const CURRENT = 0;

type Open =
  | { kind: 'view'; n: number }
  | { kind: 'restore'; n: number }
  | { kind: 'drop'; n: number }
  | { kind: 'compare'; comparison: DraftComparison; fromLabel: string; toLabel: string }
  | null;

export function versionLabel(v: DraftVersion): string {
  return `第 ${v.n} 版（${formatTimestamp(v.savedAt) || v.savedAt}）`;
}

export function VersionsButton({ doc, className }: { doc: DocumentController; className?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)} title="每次保存的版本：查看、比较、恢复、删除；与上年比较">
        版本记录…
      </button>
      {open ? <VersionsPanel doc={doc} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

export function VersionsPanel({ doc, onClose }: { doc: DocumentController; onClose: () => void }) {
  const [selected, setSelected] = useState<number[]>([]);
  const [open, setOpen] = useState<Open>(null);
  const versions = useMemo(() => [...(doc.draft.history ?? [])].reverse(), [doc.draft.history]);

  const draftOf = (n: number): DraftFile | null => {
    if (n === CURRENT) return doc.draft;
    const v = findVersion(doc.draft, n);
    return v ? versionAsDraft(doc.draft, v) : null;
  };
  const labelOf = (n: number) => {
    const v = findVersion(doc.draft, n);
    return n === CURRENT || !v ? '当前' : versionLabel(v);
  };
  const toggle = (n: number) => setSelected((s) => (s.includes(n) ? s.filter((x) => x !== n) : [...s, n].slice(-2)));

  const compareSelected = () => {
    // older → newer: the current draft is the newest
    const [a, b] = [...selected].sort((x, y) => (x === CURRENT ? Infinity : x) - (y === CURRENT ? Infinity : y));
    const from = a === undefined ? null : draftOf(a);
    const to = b === undefined ? null : draftOf(b);
    if (from && to && a !== undefined && b !== undefined) setOpen({ kind: 'compare', comparison: compareDrafts(from, to), fromLabel: labelOf(a), toLabel: labelOf(b) });
  };
  const compareLastYear = () => {
    const comparison = compareWithPrevious(doc.draft);
    if (comparison) setOpen({ kind: 'compare', comparison, fromLabel: `${doc.draft.previous?.year ?? ''}年报告`, toLabel: `${doc.draft.year}年（当前）` });
  };

  return (
    <>
      <DialogFrame title="版本记录" testId="versions-panel" onClose={onClose} size={{ width: 'min(980px, 94vw)', maxHeight: '88vh' }}>
          <p style={dialogStyles.hint}>
            每次保存记录一个版本，随草稿文件保存（最多 {MAX_VERSIONS} 个，超出时删除最早的，并会提示）。勾选两个版本后可比较；「恢复」把该版本作为当前内容，并记为新的版本。
          </p>
          {doc.locked ? <p style={dialogStyles.error}>{LOCKED_MESSAGE}</p> : null}
          <table style={{ borderCollapse: 'collapse', fontSize: 14, width: '100%' }} aria-label="版本">
            <thead>
              <tr>
                {['比较', '版本', '保存时间', '状态', '原因', ''].map((h) => (
                  <th key={h} style={CELL_HEAD}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr data-testid="version-current">
                <td style={CELL}>
                  <input type="checkbox" aria-label="选择当前内容比较" checked={selected.includes(CURRENT)} onChange={() => toggle(CURRENT)} />
                </td>
                <td style={CELL} colSpan={5}>
                  当前内容{doc.dirty ? '（含未保存的修改）' : ''}
                </td>
              </tr>
              {versions.map((v) => (
                <tr key={v.n} data-testid={`version-${v.n}`}>
                  <td style={CELL}>
                    <input type="checkbox" aria-label={`选择第 ${v.n} 版比较`} checked={selected.includes(v.n)} onChange={() => toggle(v.n)} />
                  </td>
                  <td style={CELL}>第 {v.n} 版</td>
                  <td style={CELL}>{formatTimestamp(v.savedAt) || v.savedAt}</td>
                  <td style={CELL}>{v.state ? STATE_NAMES[v.state] : ''}</td>
                  <td style={{ ...CELL, maxWidth: 320 }}>{v.reason ?? ''}</td>
                  <td style={{ ...CELL, whiteSpace: 'nowrap' }}>
                    <button type="button" style={SMALL} onClick={() => setOpen({ kind: 'view', n: v.n })}>
                      查看
                    </button>{' '}
                    <button type="button" style={SMALL} disabled={doc.locked} title={doc.locked ? LOCKED_MESSAGE : '以此版本为当前内容'} onClick={() => setOpen({ kind: 'restore', n: v.n })}>
                      恢复…
                    </button>{' '}
                    <button type="button" style={SMALL} onClick={() => setOpen({ kind: 'drop', n: v.n })}>
                      删除…
                    </button>
                  </td>
                </tr>
              ))}
              {versions.length === 0 ? (
                <tr>
                  <td style={CELL} colSpan={6}>
                    还没有保存过版本。保存后，这里会列出每次保存的内容。
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
          <div style={{ display: 'flex', gap: 8 }}>
            <button type="button" style={dialogStyles.primary} disabled={selected.length !== 2} onClick={compareSelected}>
              比较所选的两个版本
            </button>
            <button type="button" style={dialogStyles.button} disabled={!doc.draft.previous} title={doc.draft.previous ? '' : '本报告没有上年报告的数据'} onClick={compareLastYear}>
              与上年比较
            </button>
            <span style={{ flex: 1 }} />
            <button type="button" style={dialogStyles.button} onClick={onClose}>
              关闭
            </button>
          </div>
      </DialogFrame>
      {open?.kind === 'view' ? <ReadOnlyVersion doc={doc} n={open.n} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'compare' ? <CompareView comparison={open.comparison} fromLabel={open.fromLabel} toLabel={open.toLabel} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'restore' ? (
        <PromptDialog
          title={`恢复为第 ${open.n} 版？`}
          hint="当前的表格和正文将换成该版本的内容，并记为一个新的版本；还没有记入版本的修改会先记为一个版本，不会丢失。"
          confirmLabel="恢复"
          testId="restore-dialog"
          onSubmit={() => {
            const problem = doc.restoreVersion(open.n);
            if (problem) return problem;
            setOpen(null);
            onClose();
            return null;
          }}
          onCancel={() => setOpen(null)}
        />
      ) : null}
      {open?.kind === 'drop' ? (
        <PromptDialog
          title={`删除第 ${open.n} 版？`}
          hint="该版本将从版本记录中删除（保存后写入文件），不影响当前内容和其他版本。"
          confirmLabel="删除"
          testId="drop-dialog"
          onSubmit={() => {
            const problem = doc.dropVersion(open.n);
            if (problem) return problem;
            setSelected((s) => s.filter((x) => x !== open.n));
            setOpen(null);
            return null;
          }}
          onCancel={() => setOpen(null)}
        />
      ) : null}
    </>
  );
}

/** One version's printed pages, clearly read-only (nothing here can change it). */
function ReadOnlyVersion({ doc, n, onClose }: { doc: DocumentController; n: number; onClose: () => void }) {
  const version = findVersion(doc.draft, n);
  const shown = useMemo(() => {
    if (!version) return null;
    const draft = versionAsDraft(doc.draft, version);
    return { report: draftToReport(draft), options: draftModelOptions(draft) };
  }, [doc.draft, version]);
  if (!version || !shown) return null;
  const title = (
    <>
      <span style={READ_ONLY_BADGE}>只读</span> {versionLabel(version)}
      {version.reason ? `：${version.reason}` : ''}
    </>
  );
  return (
    <DialogFrame title={title} testId="version-view" onClose={onClose} size={{ width: 'min(900px, 94vw)', height: '90vh' }}>
      <p style={dialogStyles.hint}>这是第 {version.n} 版保存时的内容，只能查看，不能修改；如需以它为准，请在版本记录中「恢复」。</p>
      <div style={{ flex: 1, minHeight: 0, overflow: 'auto', background: '#d9dde3', padding: 8 }}>
        <Preview report={shown.report} options={shown.options} label={`第 ${version.n} 版（只读）`} />
      </div>
    </DialogFrame>
  );
}

const CELL_HEAD = { border: '1px solid #d0d7de', padding: '4px 8px', background: '#f6f8fa', textAlign: 'left' } as const;
const CELL = { border: '1px solid #d0d7de', padding: '4px 8px', verticalAlign: 'top' } as const;
const SMALL = { ...dialogStyles.button, padding: '2px 8px', fontSize: 13 } as const;
const READ_ONLY_BADGE = { background: '#57606a', color: '#fff', borderRadius: 3, padding: '1px 8px', fontSize: 14, marginRight: 6 } as const;

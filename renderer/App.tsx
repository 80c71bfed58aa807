/**
 * The application window: the file toolbar and the open document (`useDocument`: draft, path, dirty state,
 * revision), the editor showing it (remounted with `key={revision}` whenever another draft is loaded), and the live
 * preview of the printed report beside it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { draftModelOptions, draftToReport } from '../shared/schema/draft.js';
import { Editor, type EditorHandle } from './editor/Editor.js';
import { ExportGate, type GatedAction } from './export/ExportGate.js';
import type { ExportKind } from './files/documentNames.js';
import type { Finding } from '../shared/rules/types.js';
import { FileToolbar, useDocument } from './files/index.js';
import { getHost } from './host/index.js';
import { ImportDialog } from './import/ImportDialog.js';
import { ReviewDialog, RollupDialog } from './office/index.js';
import { Preview } from './preview/Preview.js';
import { ReviewStateBar } from './versions/ReviewStateBar.js';
import { VersionsButton } from './versions/VersionsPanel.js';

const PREVIEW_KEY = 'gkbg.preview';

export function App() {
  const host = useMemo(() => getHost(), []);
  const doc = useDocument(host);
  const editor = useRef<EditorHandle>(null);
  const [preview, setPreview] = useState<boolean>(() => readPreviewSetting());
  const shown = useMemo(() => (preview ? { report: draftToReport(doc.draft), options: draftModelOptions(doc.draft) } : null), [preview, doc.draft]);
  const previewPane = useMemo(
    () =>
      shown ? (
        <aside className="preview-pane" aria-label="报告预览">
          <Preview report={shown.report} options={shown.options} />
        </aside>
      ) : undefined,
    [shown],
  );

  useEffect(() => {
    try {
      window.localStorage.setItem(PREVIEW_KEY, preview ? '1' : '0');
    } catch {
      // storage unavailable: the choice lasts for this session
    }
  }, [preview]);

  // The shell's undo/redo menu items reach the form's own history.
  useEffect(
    () =>
      host.onShellEvent?.((e) => {
        if (e.type !== 'command') return;
        if (e.command === 'undo') editor.current?.undo();
        if (e.command === 'redo') editor.current?.redo();
      }),
    [host],
  );

  const togglePreview = useCallback(() => setPreview((p) => !p), []);

  // Export and print go through the finished-report check first; the review sheet (审核单) is internal and doesn't.
  const [gate, setGate] = useState<GatedAction | null>(null);
  const requestExport = useCallback(
    (kind: ExportKind) => {
      if (kind === 'review-docx') void doc.exportDocument(kind);
      else setGate(kind);
    },
    [doc],
  );
  const requestPrint = useCallback(() => setGate('print'), []);
  const proceed = useCallback(() => {
    const action = gate;
    setGate(null);
    if (action === 'print') void doc.print();
    else if (action) void doc.exportDocument(action);
  }, [gate, doc]);
  const cancelGate = useCallback(() => setGate(null), []);
  const acceptInGate = useCallback((f: Finding, explanation: string) => editor.current?.accept(f, explanation), []);
  const jumpFromGate = useCallback((f: Finding) => {
    setGate(null);
    // after the dialog is gone, so the focus stays where it was put
    window.requestAnimationFrame(() => editor.current?.focusFinding(f));
  }, []);

  const [importing, setImporting] = useState(false);
  const openImport = useCallback(() => setImporting(true), []);
  const closeImport = useCallback(() => setImporting(false), []);

  // 汇总下级单位报告 / 批量核查 (the office above), in this window
  const [office, setOffice] = useState<'rollup' | 'review' | null>(null);
  const openRollup = useCallback(() => setOffice('rollup'), []);
  const openReview = useCallback(() => setOffice('review'), []);
  const closeOffice = useCallback(() => setOffice(null), []);

  return (
    <div className="app">
      <header className="app-bar">
        <h1>政府信息公开工作年度报告</h1>
        <span className="spacer" />
        <ReviewStateBar doc={doc} />
        <VersionsButton doc={doc} className="bar-button" />
        <button type="button" className="bar-button" aria-pressed={preview} onClick={togglePreview} title="在右侧显示排版后的报告">
          {preview ? '隐藏预览' : '显示预览'}
        </button>
      </header>
      <FileToolbar doc={doc} host={host} onExport={requestExport} onPrint={requestPrint} onImport={openImport} onRollup={openRollup} onReview={openReview} />
      <main className={`app-main${preview ? ' with-preview' : ''}`}>
        <Editor key={doc.revision} draft={doc.draft} onChange={doc.update} handleRef={editor} aside={previewPane} locked={doc.locked} />
      </main>
      {gate ? <ExportGate host={host} draft={doc.draft} action={gate} locked={doc.locked} onProceed={proceed} onCancel={cancelGate} onAccept={acceptInGate} onJump={jumpFromGate} /> : null}
      {importing ? (
          <ImportDialog
            host={host}
            onOpenAsDraft={(draftText, result) => {
              setImporting(false);
              void doc.openImported({ draftText, sourceName: result.source.name, doubts: result.uncertain });
            }}
            onCreateNextYear={(result, draftText) => {
              setImporting(false);
              void doc.openImported({ draftText, sourceName: result.source.name, asLastYear: true });
            }}
            onClose={closeImport}
          />
      ) : null}
      {office === 'rollup' ? (
        <RollupDialog
          host={host}
          onOpenDraft={(draftText, name) => {
            setOffice(null);
            void doc.openImported({ draftText, sourceName: name, origin: 'rollup' });
          }}
          onClose={closeOffice}
        />
      ) : null}
      {office === 'review' ? <ReviewDialog host={host} onClose={closeOffice} /> : null}
    </div>
  );
}

function readPreviewSetting(): boolean {
  try {
    const v = window.localStorage.getItem(PREVIEW_KEY);
    if (v === '1' || v === '0') return v === '1';
  } catch {
    // ignore
  }
  return window.innerWidth >= 1700;
}

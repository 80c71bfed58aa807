/**
 * The application window: the file toolbar and the open document (`useDocument`: draft, path, dirty state,
 * revision), the editor showing it (remounted with `key={revision}` whenever another draft is loaded), and the live
 * preview of the printed report beside it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { draftToReport } from '../shared/schema/draft.js';
import { Editor, type EditorHandle } from './editor/Editor.js';
import { FileToolbar, useDocument } from './files/index.js';
import { getHost } from './host/index.js';
import { Preview } from './preview/Preview.js';

const PREVIEW_KEY = 'gkbg.preview';

export function App() {
  const host = useMemo(() => getHost(), []);
  const doc = useDocument(host);
  const editor = useRef<EditorHandle>(null);
  const [preview, setPreview] = useState<boolean>(() => readPreviewSetting());
  const report = useMemo(() => (preview ? draftToReport(doc.draft) : null), [preview, doc.draft]);

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

  return (
    <div className="app">
      <header className="app-bar">
        <h1>政府信息公开工作年度报告</h1>
        <span className="spacer" />
        <button type="button" className="bar-button" aria-pressed={preview} onClick={togglePreview} title="在右侧显示排版后的报告">
          {preview ? '隐藏预览' : '显示预览'}
        </button>
      </header>
      <FileToolbar doc={doc} host={host} />
      <main className={`app-main${preview ? ' with-preview' : ''}`}>
        <Editor key={doc.revision} draft={doc.draft} onChange={doc.update} handleRef={editor} />
        {report ? (
          <aside className="preview-pane" aria-label="报告预览">
            <Preview report={report} />
          </aside>
        ) : null}
      </main>
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

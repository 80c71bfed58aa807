/**
 * The application window: the document (a draft, its path and dirty state) and the editor showing it. The editor
 * is remounted with `key` whenever another draft is loaded.
 */
import { useCallback, useRef, useState } from 'react';
import { newDraft, type DraftFile } from '../shared/schema/draft.js';
import { Editor, type EditorHandle } from './editor/Editor.js';

function initialDraft(): DraftFile {
  return newDraft({ year: new Date().getFullYear() - 1 });
}

export function App() {
  const [doc, setDoc] = useState<{ draft: DraftFile; revision: number; dirty: boolean }>(() => ({ draft: initialDraft(), revision: 0, dirty: false }));
  const editor = useRef<EditorHandle>(null);
  const update = useCallback((draft: DraftFile) => setDoc((d) => ({ ...d, draft, dirty: true })), []);
  return (
    <div className="app">
      <header className="app-bar">
        <h1>政府信息公开工作年度报告</h1>
        <span className="doc-state">{doc.dirty ? '未保存' : ''}</span>
      </header>
      <main className="app-main">
        <Editor key={doc.revision} draft={doc.draft} onChange={update} handleRef={editor} />
      </main>
    </div>
  );
}

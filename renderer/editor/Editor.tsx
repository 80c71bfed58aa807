/**
 * The report editor: every part of the draft as one form (`useEditorModel`: react-hook-form, the live check, undo),
 * the tables as spreadsheets (`gridActions`), the tool buttons and the issue panel's actions (`editorActions`).
 * The draft is read once; give the editor a new `key` to show another draft.
 */
import { memo, useEffect, useImperativeHandle, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import type { Finding } from '../../shared/rules/types.js';
import type { DraftFile } from '../../shared/schema/draft.js';
import { EditorContext, type EditorApi, type Notice } from './context.js';
import { CellPopover } from './CellPopover.js';
import { createEditorActions } from './editorActions.js';
import { EditorForm } from './EditorForm.js';
import { EditToolbar } from './EditToolbar.js';
import { gridKeyDown, gridMouseDown, gridPaste } from './gridActions.js';
import { IssuePanel } from './IssuePanel.js';
import { LOCKED_MESSAGE } from '../../shared/report/reviewState.js';
import { useEditorModel, type UndoState } from './useEditorModel.js';

const LOCKED_UNDO: UndoState = { canUndo: false, canRedo: false };
const LOCK_FIELDSET: CSSProperties = { display: 'contents', border: 0, margin: 0, padding: 0, minWidth: 0 };
const LOCKED_BANNER: CSSProperties = { padding: '6px 16px', background: '#fff4e5', borderBottom: '1px solid #f0c36d', color: '#7a4b00', fontSize: 14 };

export interface EditorHandle {
  undo(): void;
  redo(): void;
  /** the draft as the form holds it right now */
  currentDraft(): DraftFile;
  focusCell(key: string): boolean;
  /** go to what a finding is about (the export gate's 「定位」) */
  focusFinding(f: Finding): boolean;
  /** 「接受并说明」 from outside the panel (the export gate) */
  accept(f: Finding, explanation: string): void;
}

export interface EditorProps {
  /** read once: give the editor a new `key` to show another draft */
  draft: DraftFile;
  onChange?: (draft: DraftFile) => void;
  handleRef?: Ref<EditorHandle>;
  /**
   * A pane beside the issue panel (the print preview). In a window too narrow for the form, the panel and the pane
   * side by side (1366 × 768), the pane takes the panel's place while it is shown, so table 三 keeps all its columns.
   */
  aside?: ReactNode;
  /** 定稿: the form and the text are read-only and the model refuses every change (shared/report/reviewState.ts) */
  locked?: boolean;
}

/**
 * The draft is read once, so the editor ignores later `draft` props (the document echoes every change back):
 * it re-renders only for a new callback or handle.
 */
export const Editor = memo(EditorImpl, (a, b) => a.onChange === b.onChange && a.handleRef === b.handleRef && a.aside === b.aside && a.locked === b.locked);

function EditorImpl({ draft, onChange, handleRef, aside, locked = false }: EditorProps) {
  const { model, undoState } = useEditorModel(draft, onChange, locked);
  const rootRef = useRef<HTMLDivElement>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const actions = useMemo(() => createEditorActions(model, () => rootRef.current, setNotice), [model]);
  // reopened: the lock's own notice goes with it
  useEffect(() => {
    if (!locked) setNotice((n) => (n?.text === LOCKED_MESSAGE ? null : n));
  }, [locked]);

  useImperativeHandle(
    handleRef,
    () => ({
      undo: model.undo,
      redo: model.redo,
      currentDraft: model.currentDraft,
      focusCell: actions.focusCell,
      focusFinding: actions.focusFinding,
      accept: actions.accept,
    }),
    [model, actions],
  );

  const { format, store, form, previous, rollup } = model;
  const api = useMemo<EditorApi>(
    () => ({
      format,
      store,
      register: form.register,
      control: form.control,
      previous: previous?.values ?? null,
      previousYear: previous?.year ?? null,
      rollup,
      gridKeyDown,
      gridPaste: (e, map) => gridPaste(model, setNotice, e, map),
      gridMouseDown,
      editText: actions.editText,
      focusFinding: actions.focusFinding,
      fillTable: (table) => actions.fillTables([table]),
      accept: actions.accept,
      unaccept: actions.unaccept,
      showReview: actions.showReview,
      confirmReview: actions.confirmReview,
      setStage: model.setStage,
    }),
    [model, format, store, form, previous, rollup, actions],
  );

  // Undo/redo anywhere in the editor (the browser's own per-input undo would fight the form-wide history).
  const onKeyDownCapture = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const k = e.key.toLowerCase();
    if (k === 'z' && !e.shiftKey) {
      e.preventDefault();
      model.undo();
    } else if (k === 'y' || (k === 'z' && e.shiftKey)) {
      e.preventDefault();
      model.redo();
    }
  };

  return (
    <EditorContext.Provider value={api}>
      <div className="editor" ref={rootRef} onKeyDownCapture={onKeyDownCapture} onFocusCapture={model.seal}>
        <EditToolbar model={model} undoState={locked ? LOCKED_UNDO : undoState} notice={notice} onFillAll={locked ? () => setNotice({ text: LOCKED_MESSAGE, tone: 'warn' }) : actions.askFillAll} onDismiss={() => setNotice(null)} />
        {locked ? (
          <div className="editor-locked" role="status" data-testid="editor-locked" style={LOCKED_BANNER}>
            已定稿（只读）：{LOCKED_MESSAGE}
          </div>
        ) : null}
        <div className={`editor-body${aside ? ' with-aside' : ''}`}>
          {/* a disabled fieldset makes every input and button of the form and the panel inert at once (the model refuses
              changes too); display: contents keeps the layout */}
          <fieldset className="editor-lock" disabled={locked} aria-label={locked ? '已定稿（只读）' : undefined} style={LOCK_FIELDSET}>
            <EditorForm form={form} base={model.base} />
            <IssuePanel />
          </fieldset>
          {aside}
        </div>
        <CellPopover root={rootRef} />
      </div>
    </EditorContext.Provider>
  );
}

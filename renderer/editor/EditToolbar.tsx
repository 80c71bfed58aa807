/** The edit toolbar: undo/redo, 「全部空格填0」 (asks first), the format, and the notice line of the last step. */
import type { Notice } from './context.js';
import type { EditorModel, UndoState } from './useEditorModel.js';

export function EditToolbar({ model, undoState, notice, onFillAll, onDismiss }: { model: EditorModel; undoState: UndoState; notice: Notice | null; onFillAll: () => void; onDismiss: () => void }) {
  const { format } = model;
  return (
    <div className="edit-toolbar" role="toolbar" aria-label="编辑">
      <button type="button" onClick={model.undo} disabled={!undoState.canUndo} title="撤销（Ctrl+Z）">
        ↶ 撤销
      </button>
      <button type="button" onClick={model.redo} disabled={!undoState.canRedo} title="重做（Ctrl+Y / Ctrl+Shift+Z）">
        ↷ 重做
      </button>
      <span className="sep" />
      <button type="button" onClick={onFillAll} title="把三张表中所有未填写的格子填为 0（先列出各表的空格数，确认后才填）">
        全部空格填0…
      </button>
      <span className="format-tag" title={format.source}>
        {format.name}
      </span>
      <span className={`notice ${notice?.tone ?? ''}`} role="status" aria-live="polite" data-testid="notice">
        {notice?.text ?? ''}
        {notice?.confirm ? (
          <>
            {' '}
            <button
              type="button"
              className="small primary"
              onClick={() => {
                notice.confirm?.run();
              }}
            >
              {notice.confirm.label}
            </button>{' '}
            <button type="button" className="small" onClick={onDismiss}>
              取消
            </button>
          </>
        ) : null}
      </span>
    </div>
  );
}

/**
 * A report table laid out like the printed one (the format's `TableLayout`: same labels, same merges), as an
 * ARIA grid of uncontrolled inputs. Totals are read-only outputs computed live. Rows and cells are memoised:
 * a keystroke re-renders only the cells whose status or total changed.
 */
import { memo, useMemo } from 'react';
import { cellFieldName } from '../../shared/editor/formValues.js';
import { buildGridMap } from '../../shared/editor/grid.js';
import type { CellDef, GridCell, TableLayout } from '../../shared/report/format.js';
import { MAX_RAW_CELL } from '../../shared/schema/draft.js';
import { useEditor } from './context.js';
import { useCellView } from './store.js';

export const TableGrid = memo(function TableGrid({ layout, caption }: { layout: TableLayout; caption: string }) {
  const api = useEditor();
  const map = useMemo(() => buildGridMap(layout, api.format), [layout, api.format]);
  return (
    <div className="table-wrap">
      <table
        role="grid"
        aria-label={caption}
        className={`grid grid-${layout.id}`}
        data-table={layout.id}
        onKeyDown={(e) => api.gridKeyDown(e, map)}
        onPaste={(e) => api.gridPaste(e, map)}
        onMouseDown={api.gridMouseDown}
      >
        <colgroup>
          {layout.widths.map((w, i) => (
            <col key={i} style={{ width: `${w}%` }} />
          ))}
        </colgroup>
        <tbody>
          {layout.rows.map((row, r) => (
            <GridRow key={r} row={row} header={r < layout.headerRows} />
          ))}
        </tbody>
      </table>
      <div className="table-tools">
        <button type="button" className="small" onClick={() => api.fillTable(layout.id)} title="把本表未填写的格子填为 0（可撤销）；空格表示还没填，填0表示确实为零">
          本表空格填0
        </button>
      </div>
      {layout.id === 'apply' ? (
        <p className="grid-hint">
          方向键、回车、Tab 在格子间移动，Home/End 到行首行尾；可从 Excel/WPS 复制整块，在起始格粘贴；标 Σ 的灰底格为自动合计，无需填写。
        </p>
      ) : null}
    </div>
  );
});

const GridRow = memo(function GridRow({ row, header }: { row: readonly GridCell[]; header: boolean }) {
  const { format } = useEditor();
  return (
    <tr role="row" className={header ? 'head-row' : undefined}>
      {row.map((cell, i) => {
        if (cell.cell) {
          const def = format.cellByKey.get(cell.cell);
          if (!def) return <td key={i} role="gridcell" colSpan={cell.colSpan} />;
          return def.sumOf ? <ComputedCell key={i} def={def} colSpan={cell.colSpan} /> : <EntryCell key={i} def={def} colSpan={cell.colSpan} />;
        }
        const cls = `${cell.role}${cell.vertical ? ' vertical' : ''}`;
        const role = cell.role === 'header' ? 'columnheader' : 'rowheader';
        return (
          <th key={i} role={role} scope={cell.role === 'header' ? 'col' : 'row'} colSpan={cell.colSpan} rowSpan={cell.rowSpan} className={cls}>
            {cell.vertical ? <span className="vertical-text">{cell.text}</span> : cell.text}
          </th>
        );
      })}
    </tr>
  );
});

function Previous({ k }: { k: string }) {
  const { previous, previousYear } = useEditor();
  const v = previous?.get(k);
  if (v === undefined) return null;
  return (
    <span className="prev" title={`${previousYear ?? '上'}年度：${v}`}>
      上年 {v}
    </span>
  );
}

/**
 * A roll-up draft's units' figures (shared/rollup/contributions.ts): a summed cell's contributions by unit, or the
 * units' values beside a cell left for entry (规章, 行政规范性文件) — the whole list in the cell's tooltip and its
 * description. Drawn like 「上年」, above it when the cell shows both.
 */
function RollupHint({ k }: { k: string }) {
  const { rollup, previous } = useEditor();
  const c = rollup?.get(k);
  if (!c) return null;
  return (
    <span id={`rollup-${k}`} className={`rollup-hint${previous?.has(k) ? ' above' : ''}`} data-rollup={c.rule}>
      {c.short}
    </span>
  );
}

function Messages({ id, messages }: { id: string; messages: { rule: string; severity: string; message: string }[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="cell-msg" id={id} role="tooltip">
      {messages.map((m, i) => (
        <p key={i} className={m.severity} data-rule={m.rule}>
          <b>{m.rule}</b> {m.message}
        </p>
      ))}
    </div>
  );
}

const EntryCell = memo(function EntryCell({ def, colSpan }: { def: CellDef; colSpan?: number }) {
  const api = useEditor();
  const view = useCellView(api.store, def.key);
  const sev = view.status.severity;
  const msgId = `msg-${def.key}`;
  const has = view.status.messages.length > 0;
  const field = useMemo(() => api.register(cellFieldName(def.key)), [api, def.key]);
  const units = api.rollup?.get(def.key);
  const describedBy = [has ? msgId : '', units ? `rollup-${def.key}` : ''].filter(Boolean).join(' ');
  return (
    <td role="gridcell" colSpan={colSpan} className={`value${sev ? ` ${sev}` : ''}${has ? ' carrier' : ''}`} title={units?.full}>
      <input
        {...field}
        data-cell={def.key}
        className={`cell-input kind-${def.kind}`}
        inputMode={def.kind === 'text' ? 'text' : def.kind === 'amount' ? 'decimal' : 'numeric'}
        maxLength={MAX_RAW_CELL}
        autoComplete="off"
        spellCheck={false}
        aria-label={def.name}
        aria-invalid={sev === 'error' || view.parseError ? true : undefined}
        aria-describedby={describedBy || undefined}
        data-severity={sev ?? undefined}
        onFocus={(e) => e.currentTarget.select()}
      />
      <Previous k={def.key} />
      <RollupHint k={def.key} />
      {view.hint && !has ? (
        <span className="cell-hint" data-hint="balance" title={view.hint.message}>
          {view.hint.short}
        </span>
      ) : null}
      <Messages id={msgId} messages={view.status.messages} />
    </td>
  );
});

const ComputedCell = memo(function ComputedCell({ def, colSpan }: { def: CellDef; colSpan?: number }) {
  const api = useEditor();
  const view = useCellView(api.store, def.key);
  const sev = view.status.severity;
  const msgId = `msg-${def.key}`;
  const has = view.status.messages.length > 0;
  return (
    <td role="gridcell" aria-readonly="true" colSpan={colSpan} className={`value computed${sev ? ` ${sev}` : ''}${has ? ' carrier' : ''}`}>
      <output
        data-cell={def.key}
        tabIndex={-1}
        aria-live="off"
        className="cell-output"
        aria-label={`${def.name}（自动合计）`}
        aria-describedby={has ? msgId : undefined}
        data-severity={sev ?? undefined}
        title="自动合计，无需填写"
      >
        {view.value}
      </output>
      <Previous k={def.key} />
      <Messages id={msgId} messages={view.status.messages} />
    </td>
  );
});

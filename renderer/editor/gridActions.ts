/**
 * Table 三 as a spreadsheet (engineering §4): arrows, Enter, Tab, Home/End move between cells; a pasted block from
 * Excel/WPS fills the grid in one undoable step and says what it did; a click selects the cell's text.
 */
import type { ClipboardEvent, KeyboardEvent, MouseEvent } from 'react';
import { clipboardBlock, isMultiCell } from '../../shared/editor/clipboard.js';
import { cloneValues, fieldKey } from '../../shared/editor/formValues.js';
import { moveInGrid, placeBlock, type GridMap, type GridMove } from '../../shared/editor/grid.js';
import { parseCell } from '../../shared/report/numbers.js';
import type { Notice } from './context.js';
import type { EditorModel } from './useEditorModel.js';

/** The move a key asks for in a cell, given where the caret is in its text (null: the key is the input's own). */
function moveFor(e: KeyboardEvent<HTMLElement>, input: HTMLInputElement | null): GridMove | null {
  const all = input ? input.selectionStart === 0 && input.selectionEnd === input.value.length : true;
  const atStart = input ? all || (input.selectionStart === 0 && input.selectionEnd === 0) : true;
  const atEnd = input ? all || (input.selectionStart === input.value.length && input.selectionEnd === input.value.length) : true;
  switch (e.key) {
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'ArrowLeft':
      return atStart ? 'left' : null;
    case 'ArrowRight':
      return atEnd ? 'right' : null;
    case 'Enter':
      return e.shiftKey ? 'up' : 'down';
    case 'Tab':
      return e.shiftKey ? 'prev' : 'next';
    case 'Home':
      return e.ctrlKey || e.metaKey ? 'tableStart' : 'rowStart';
    case 'End':
      return e.ctrlKey || e.metaKey ? 'tableEnd' : 'rowEnd';
    default:
      return null;
  }
}

export function gridKeyDown(e: KeyboardEvent<HTMLElement>, map: GridMap): void {
  const target = e.target as HTMLElement;
  const key = target.dataset.cell;
  if (!key || e.altKey || e.nativeEvent.isComposing) return;
  const input = target instanceof HTMLInputElement ? target : null;
  const move = moveFor(e, input);
  if (!move) return;
  if (e.ctrlKey && move !== 'tableStart' && move !== 'tableEnd') return;
  const to = moveInGrid(map, key, move);
  if (!to) {
    // Tab at the table's edge leaves the grid as usual; other moves stay put
    if (e.key !== 'Tab') e.preventDefault();
    if (e.key === 'Enter' && input) input.select();
    return;
  }
  e.preventDefault();
  const table = (e.currentTarget as HTMLElement).closest('table') ?? e.currentTarget;
  table.querySelector<HTMLElement>(`[data-cell="${CSS.escape(to)}"]`)?.focus();
}

export function gridMouseDown(e: MouseEvent<HTMLElement>): void {
  const t = e.target as HTMLElement;
  if (t instanceof HTMLInputElement && t.dataset.cell && document.activeElement !== t && e.button === 0) {
    // focus selects the whole content (a click would otherwise drop the selection on mouseup)
    e.preventDefault();
    t.focus();
  }
}

/** A pasted block: placed from the focused cell in one undoable step; the notice says what was taken and what not. */
export function gridPaste(model: EditorModel, say: (n: Notice) => void, e: ClipboardEvent<HTMLElement>, map: GridMap): void {
  const target = e.target as HTMLElement;
  const key = target.dataset.cell;
  if (!key || !map.byKey.get(key)?.editable) return;
  const block = clipboardBlock({ text: e.clipboardData.getData('text/plain'), html: e.clipboardData.getData('text/html') });
  if (!isMultiCell(block)) return; // one value: the input's own paste
  e.preventDefault();
  const placement = placeBlock(map, key, block);
  const values = cloneValues(model.form.getValues());
  for (const u of placement.updates) values.cells[fieldKey(u.key)] = u.raw;
  const { totals } = model.commit(values);
  const bad = placement.updates.filter((u) => {
    const def = model.format.cellByKey.get(u.key);
    return def && !parseCell(u.raw, def.kind).ok;
  }).length;
  const mismatched = placement.onComputed.filter((c) => {
    const p = parseCell(c.raw, 'count');
    return p.ok && typeof p.value === 'number' && p.value !== (totals.get(c.key) ?? 0);
  }).length;
  const parts = [`已粘贴 ${placement.updates.length} 个单元格（可撤销）`];
  if (placement.clipped) parts.push(`超出表格的 ${placement.clipped} 个值未粘贴`);
  if (placement.onComputed.length) parts.push(`合计由程序计算，粘贴内容中的 ${placement.onComputed.length} 个合计值未采用`);
  if (mismatched) parts.push(`其中 ${mismatched} 个与计算结果不符，请核对是否错行错列`);
  if (bad) parts.push(`${bad} 个值不是有效数字，已保留原文并标红`);
  say({ text: parts.join('；'), tone: bad || mismatched || placement.clipped ? 'warn' : 'info' });
  (target as HTMLInputElement).select?.();
}

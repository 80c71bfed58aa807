/**
 * The report editor: every part of the draft as one form (react-hook-form, uncontrolled inputs, complete
 * defaultValues; remount with a new `key` for another draft). On every change the whole draft is rebuilt from the
 * form values and the rule engine runs once (`form.subscribe`); each cell reads its own status from a store, the
 * issue panel reads the summary. Undo/redo keeps snapshots of the form; typing is coalesced per field.
 */
import {
  memo,
  startTransition,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type MouseEvent,
  type Ref,
} from 'react';
import { useForm } from 'react-hook-form';
import { clipboardBlock, isMultiCell } from '../../shared/editor/clipboard.js';
import {
  cloneValues,
  draftFormat,
  draftToFormValues,
  fieldKey,
  fillBlanksWithZero,
  createCellReader,
  formValuesToDraft,
  formValuesToReport,
  sameValues,
  type FormValues,
} from '../../shared/editor/formValues.js';
import { moveInGrid, placeBlock, type GridMap, type GridMove } from '../../shared/editor/grid.js';
import { UndoHistory } from '../../shared/editor/history.js';
import {
  cellStatuses,
  findingField,
  findingTarget,
  OK_STATUS,
  summariseFindings,
  type ShownIssue,
} from '../../shared/editor/issues.js';
import { formatFor, type SectionKey } from '../../shared/report/format.js';
import { computeTotals, flattenCells, type Cells, type Report } from '../../shared/report/model.js';
import { formatCellValue, parseCell } from '../../shared/report/numbers.js';
import type { SentenceEdit } from '../../shared/report/narrative.js';
import { evaluate } from '../../shared/rules/index.js';
import type { Finding } from '../../shared/rules/types.js';
import { draftToReport, type AcceptedWarning, type DraftFile } from '../../shared/schema/draft.js';
import { EditorContext, type EditorApi } from './context.js';
import { EditorForm } from './EditorForm.js';
import { CellPopover } from './CellPopover.js';
import { IssuePanel } from './IssuePanel.js';
import { LiveStore, type CellView } from './store.js';

interface Snapshot {
  values: FormValues;
  accepted: readonly AcceptedWarning[];
}

export interface EditorHandle {
  undo(): void;
  redo(): void;
  fillZeros(): void;
  /** the draft as the form holds it right now */
  currentDraft(): DraftFile;
  focusCell(key: string): boolean;
}

export interface EditorProps {
  /** read once: give the editor a new `key` to show another draft */
  draft: DraftFile;
  onChange?: (draft: DraftFile) => void;
  handleRef?: Ref<EditorHandle>;
}

const TEXT_COALESCE_MS = 1500;

/**
 * The draft is read once, so the editor ignores later `draft` props (the document echoes every change back):
 * it re-renders only for a new callback or handle. Another draft needs a new `key`.
 */
export const Editor = memo(EditorImpl, (a, b) => a.onChange === b.onChange && a.handleRef === b.handleRef);

function EditorImpl({ draft, onChange, handleRef }: EditorProps) {
  const [base] = useState(draft);
  const format = useMemo(() => draftFormat(base), [base]);
  const defaults = useMemo(() => draftToFormValues(base, format), [base, format]);
  const form = useForm<FormValues>({ defaultValues: defaults, mode: 'onSubmit', shouldUnregister: false });
  const store = useMemo(() => new LiveStore(), []);
  const acceptedRef = useRef<readonly AcceptedWarning[]>(base.acceptedWarnings);
  const history = useMemo(() => new UndoHistory<Snapshot>({ values: cloneValues(defaults), accepted: base.acceptedWarnings }), [defaults, base]);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const applying = useRef(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const [hist, setHist] = useState({ canUndo: false, canRedo: false });
  const [notice, setNotice] = useState<{ text: string; tone: 'info' | 'warn' } | null>(null);

  const previous = useMemo(() => previousFigures(base), [base]);
  const readCells = useMemo(() => createCellReader(base, format), [base, format]);
  /** the document hears of a change after the frame is painted (building the nested draft costs ~1 ms) */
  const pendingEmit = useRef<number | null>(null);
  const emitNow = useCallback(() => {
    if (pendingEmit.current === null) return;
    window.clearTimeout(pendingEmit.current);
    pendingEmit.current = null;
    const cb = onChangeRef.current;
    if (!cb) return;
    const values = form.getValues();
    cb(formValuesToDraft(values, base, acceptedRef.current, format, readCells(values).cells));
  }, [base, form, format, readCells]);

  const syncHist = useCallback(() => {
    setHist((h) => (h.canUndo === history.canUndo && h.canRedo === history.canRedo ? h : { canUndo: history.canUndo, canRedo: history.canRedo }));
  }, [history]);

  /** Rebuild the draft from the form, run the rules once, publish what each cell and the panel show. */
  const recompute = useCallback(
    (emit: boolean): { totals: Map<string, number | null> } => {
      const values = form.getValues();
      const { cells, parseErrors } = readCells(values);
      const report = formValuesToReport(values, base, format, cells);
      let findings: Finding[] = [];
      let engineError: string | null = null;
      try {
        findings = evaluate(report, { stage: 'draft' });
      } catch (e) {
        engineError = e instanceof Error ? e.message : String(e);
      }
      for (const [key, message] of parseErrors) {
        if (findings.some((f) => f.rule === 'V-NUM' && (f.target === key || f.cells.includes(key)))) continue;
        const def = format.cellByKey.get(key);
        findings.push({ rule: 'V-NUM', severity: 'error', cells: [key], target: key, message: `${def?.name ?? key}：${message}` });
      }
      const summary = summariseFindings(findings, acceptedRef.current);
      const statuses = cellStatuses(summary.open);
      const totals = computeTotals(format, report.cells);
      const views = new Map<string, Omit<CellView, 'sig'>>();
      for (const def of format.cells) {
        const status = statuses.get(def.key) ?? OK_STATUS;
        const parseError = parseErrors.get(def.key) ?? null;
        const value = def.sumOf ? formatCellValue(totals.get(def.key) ?? null) : '';
        if (status !== OK_STATUS || parseError || value) views.set(def.key, { status, parseError, value });
      }
      const sig = `${engineError ?? ''}§${summary.open.map((i) => i.sig).join('¦')}§${summary.accepted.map((i) => `${i.sig}:${i.accepted?.explanation ?? ''}`).join('¦')}`;
      store.publish(views, { summary, engineError, sig });
      if (emit && pendingEmit.current === null) pendingEmit.current = window.setTimeout(() => startTransition(emitNow), 0);
      return { totals };
    },
    [emitNow, base, form, format, readCells, store],
  );

  const snapshot = useCallback((): Snapshot => ({ values: cloneValues(form.getValues()), accepted: acceptedRef.current }), [form]);

  /** Put a whole set of values into the form as one update (paste, fill, undo), then check once. */
  const applyValues = useCallback(
    (values: FormValues) => {
      applying.current = true;
      try {
        form.setValues(cloneValues(values));
      } finally {
        applying.current = false;
      }
    },
    [form],
  );

  const commit = useCallback(
    (values: FormValues, accepted: readonly AcceptedWarning[] = acceptedRef.current) => {
      history.seal();
      applyValues(values);
      acceptedRef.current = accepted;
      history.record({ values: cloneValues(values), accepted });
      syncHist();
      return recompute(true);
    },
    [applyValues, history, recompute, syncHist],
  );

  // Typing: one subscription for the whole form; keystrokes in one field coalesce into one undo step.
  useEffect(() => {
    const unsubscribe = form.subscribe({
      formState: { values: true },
      callback: ({ name }) => {
        if (applying.current) return;
        const snap = snapshot();
        // blur and other notifications that change nothing make no undo step and need no check
        if (sameValues(snap.values, history.current.values) && snap.accepted === history.current.accepted) return;
        const isText = typeof name === 'string' && name.startsWith('sections.');
        history.record(snap, { coalesce: name ?? '*', now: performance.now(), coalesceMs: isText ? TEXT_COALESCE_MS : undefined });
        syncHist();
        recompute(true);
      },
    });
    recompute(false);
    performance.mark('editor-ready');
    document.documentElement.dataset.editorReady = 'true';
    return () => {
      unsubscribe();
      delete document.documentElement.dataset.editorReady;
    };
  }, [form, history, recompute, snapshot, syncHist]);

  const restore = useCallback(
    (snap: Snapshot | null) => {
      if (!snap) return;
      applyValues(snap.values);
      acceptedRef.current = snap.accepted;
      syncHist();
      recompute(true);
    },
    [applyValues, recompute, syncHist],
  );

  const undo = useCallback(() => restore(history.undo()), [history, restore]);
  const redo = useCallback(() => restore(history.redo()), [history, restore]);

  const fillZeros = useCallback(() => {
    const values = cloneValues(form.getValues());
    const { cells, filled } = fillBlanksWithZero(values, format);
    if (filled === 0) {
      setNotice({ text: '没有空格需要填0', tone: 'info' });
      return;
    }
    commit({ ...values, cells });
    setNotice({ text: `已将 ${filled} 个空格填为0（可撤销）`, tone: 'info' });
  }, [commit, form, format]);

  const focusCell = useCallback((key: string): boolean => {
    const el = rootRef.current?.querySelector<HTMLElement>(`[data-cell="${CSS.escape(key)}"]`);
    if (!el) return false;
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    el.focus({ preventScroll: true });
    flash(el.closest('td') ?? el);
    return true;
  }, []);

  // Anything that may read the document (a click on 保存, Ctrl+S, leaving the window) first gets the latest draft.
  useEffect(() => {
    const flush = () => emitNow();
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) emitNow();
    };
    window.addEventListener('pointerdown', flush, true);
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('blur', flush);
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pointerdown', flush, true);
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('blur', flush);
      window.removeEventListener('pagehide', flush);
      // unmounting because another draft was loaded: the old form's pending change must not reach the new document
      if (pendingEmit.current !== null) window.clearTimeout(pendingEmit.current);
      pendingEmit.current = null;
    };
  }, [emitNow]);

  useImperativeHandle(
    handleRef,
    () => ({
      undo,
      redo,
      fillZeros,
      currentDraft: () => {
        emitNow();
        return formValuesToDraft(form.getValues(), base, acceptedRef.current, format);
      },
      focusCell,
    }),
    [undo, redo, fillZeros, focusCell, emitNow, form, base, format],
  );

  const api = useMemo<EditorApi>(() => {
    const gridKeyDown = (e: KeyboardEvent<HTMLElement>, map: GridMap) => {
      const target = e.target as HTMLElement;
      const key = target.dataset.cell;
      if (!key || e.altKey || e.nativeEvent.isComposing) return;
      let move: GridMove | null = null;
      const input = target instanceof HTMLInputElement ? target : null;
      const all = input ? input.selectionStart === 0 && input.selectionEnd === input.value.length : true;
      const atStart = input ? all || (input.selectionStart === 0 && input.selectionEnd === 0) : true;
      const atEnd = input ? all || (input.selectionStart === input.value.length && input.selectionEnd === input.value.length) : true;
      switch (e.key) {
        case 'ArrowUp':
          move = 'up';
          break;
        case 'ArrowDown':
          move = 'down';
          break;
        case 'ArrowLeft':
          if (atStart) move = 'left';
          break;
        case 'ArrowRight':
          if (atEnd) move = 'right';
          break;
        case 'Enter':
          move = e.shiftKey ? 'up' : 'down';
          break;
        case 'Tab':
          move = e.shiftKey ? 'prev' : 'next';
          break;
        case 'Home':
          move = e.ctrlKey || e.metaKey ? 'tableStart' : 'rowStart';
          break;
        case 'End':
          move = e.ctrlKey || e.metaKey ? 'tableEnd' : 'rowEnd';
          break;
        default:
          return;
      }
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
      const el = table.querySelector<HTMLElement>(`[data-cell="${CSS.escape(to)}"]`);
      el?.focus();
    };

    const gridPaste = (e: ClipboardEvent<HTMLElement>, map: GridMap) => {
      const target = e.target as HTMLElement;
      const key = target.dataset.cell;
      if (!key || !map.byKey.get(key)?.editable) return;
      const block = clipboardBlock({ text: e.clipboardData.getData('text/plain'), html: e.clipboardData.getData('text/html') });
      if (!isMultiCell(block)) return; // one value: the input's own paste
      e.preventDefault();
      const placement = placeBlock(map, key, block);
      const values = cloneValues(form.getValues());
      for (const u of placement.updates) values.cells[fieldKey(u.key)] = u.raw;
      const { totals } = commit(values);
      let bad = 0;
      for (const u of placement.updates) {
        const def = format.cellByKey.get(u.key);
        if (def && !parseCell(u.raw, def.kind).ok) bad++;
      }
      let mismatched = 0;
      for (const c of placement.onComputed) {
        const p = parseCell(c.raw, 'count');
        if (p.ok && typeof p.value === 'number' && p.value !== (totals.get(c.key) ?? 0)) mismatched++;
      }
      const parts = [`已粘贴 ${placement.updates.length} 个单元格（可撤销）`];
      if (placement.clipped) parts.push(`超出表格的 ${placement.clipped} 个值未粘贴`);
      if (placement.onComputed.length) parts.push(`合计由程序计算，粘贴内容中的 ${placement.onComputed.length} 个合计值未采用`);
      if (mismatched) parts.push(`其中 ${mismatched} 个与计算结果不符，请核对是否错行错列`);
      if (bad) parts.push(`${bad} 个值不是有效数字，已保留原文并标红`);
      setNotice({ text: parts.join('；'), tone: bad || mismatched || placement.clipped ? 'warn' : 'info' });
      (target as HTMLInputElement).select?.();
    };

    const gridMouseDown = (e: MouseEvent<HTMLElement>) => {
      const t = e.target as HTMLElement;
      if (t instanceof HTMLInputElement && t.dataset.cell && document.activeElement !== t && e.button === 0) {
        // focus selects the whole content (a click would otherwise drop the selection on mouseup)
        e.preventDefault();
        t.focus();
      }
    };

    const editText = (section: SectionKey, edit: (text: string, cursor: number | undefined, report: Report) => SentenceEdit) => {
      const values = cloneValues(form.getValues());
      const area = rootRef.current?.querySelector<HTMLTextAreaElement>(`textarea[data-section="${section}"]`);
      const cursor = area && document.activeElement === area ? area.selectionStart : undefined;
      const report = draftToReport(formValuesToDraft(values, base, acceptedRef.current, format));
      const result = edit(values.sections[section] ?? '', cursor, report);
      if (result.text === values.sections[section]) {
        setNotice({ text: '文字已与表格一致，无需更新', tone: 'info' });
      } else {
        values.sections[section] = result.text;
        commit(values);
        setNotice({ text: result.replaced ? '已按表格数据更新原句（可撤销）' : '已插入（可撤销）', tone: 'info' });
      }
      if (area) {
        // caret after the insertion (typing goes on from there); the inserted words flash
        area.focus();
        area.setSelectionRange(result.end, result.end);
        flash(area);
      }
    };

    const focusIssue = (issue: ShownIssue) => {
      const f = issue.finding;
      const key = f.target ?? f.cells.find((k) => format.cellByKey.has(k)) ?? f.cells[0];
      if (key && focusCell(key)) return;
      const root = rootRef.current;
      if (!root) return;
      if (f.span) {
        const area = root.querySelector<HTMLTextAreaElement>(`textarea[data-section="${f.span.section}"]`);
        if (area) {
          area.scrollIntoView({ block: 'center' });
          area.focus({ preventScroll: true });
          area.setSelectionRange(f.span.start, f.span.end);
          flash(area);
          return;
        }
      }
      const field = findingField(f) ?? (issue.group !== 'meta' ? `sections.${issue.group}` : null);
      const el = field ? root.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]`) : root.querySelector<HTMLElement>('[name="meta.organ"]');
      if (el) {
        el.scrollIntoView({ block: 'center' });
        el.focus({ preventScroll: true });
        flash(el);
      }
    };

    const accept = (issue: ShownIssue, explanation: string) => {
      const text = explanation.trim();
      if (!text || issue.finding.severity !== 'warning') return;
      const entry: AcceptedWarning = { rule: issue.finding.rule, target: findingTarget(issue.finding), explanation: text.slice(0, 2000), acceptedAt: new Date().toISOString() };
      const next = [...acceptedRef.current.filter((a) => !(a.rule === entry.rule && a.target === entry.target)), entry];
      commit(cloneValues(form.getValues()), next);
    };
    const unaccept = (issue: ShownIssue) => {
      const a = issue.accepted;
      if (!a) return;
      commit(
        cloneValues(form.getValues()),
        acceptedRef.current.filter((x) => x !== a),
      );
    };

    return {
      format,
      store,
      register: form.register,
      control: form.control,
      previous: previous?.values ?? null,
      previousYear: previous?.year ?? null,
      gridKeyDown,
      gridPaste,
      gridMouseDown,
      editText,
      focusIssue,
      fillZeros,
      accept,
      unaccept,
    };
  }, [base, commit, fillZeros, focusCell, form, format, previous, store]);

  // Undo/redo anywhere in the editor (the browser's own per-input undo would fight the form-wide history).
  const onKeyDownCapture = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const k = e.key.toLowerCase();
    if (k === 'z' && !e.shiftKey) {
      e.preventDefault();
      undo();
    } else if (k === 'y' || (k === 'z' && e.shiftKey)) {
      e.preventDefault();
      redo();
    }
  };

  return (
    <EditorContext.Provider value={api}>
      <div className="editor" ref={rootRef} onKeyDownCapture={onKeyDownCapture} onFocusCapture={() => history.seal()}>
        <div className="edit-toolbar" role="toolbar" aria-label="编辑">
          <button type="button" onClick={undo} disabled={!hist.canUndo} title="撤销（Ctrl+Z）">
            ↶ 撤销
          </button>
          <button type="button" onClick={redo} disabled={!hist.canRedo} title="重做（Ctrl+Y / Ctrl+Shift+Z）">
            ↷ 重做
          </button>
          <span className="sep" />
          <button type="button" onClick={fillZeros} title="把三张表中所有未填写的格子填为 0">
            全部空格填0
          </button>
          <span className="format-tag" title={format.source}>
            {format.name}
          </span>
          <span className={`notice ${notice?.tone ?? ''}`} role="status" aria-live="polite" data-testid="notice">
            {notice?.text ?? ''}
          </span>
        </div>
        <div className="editor-body">
          <EditorForm form={form} base={base} />
          <IssuePanel />
        </div>
        <CellPopover root={rootRef} />
      </div>
    </EditorContext.Provider>
  );
}

function flash(el: Element) {
  el.classList.remove('flash');
  void (el as HTMLElement).offsetWidth;
  el.classList.add('flash');
  window.setTimeout(() => el.classList.remove('flash'), 1300);
}

/** Last year's figures for the quiet 「上年 12」 beside each cell (computed totals included). */
function previousFigures(draft: DraftFile): { year: number; values: Map<string, string> } | null {
  const prev = draft.previous;
  if (!prev) return null;
  const flat = flattenCells(prev.cells);
  const cells: Cells = {};
  for (const [k, v] of Object.entries(flat)) if (v === null || typeof v === 'number' || typeof v === 'string') cells[k] = v;
  const fmt = formatFor(prev.format ?? draft.format, Object.keys(cells));
  const totals = computeTotals(fmt, cells);
  const values = new Map<string, string>();
  for (const [k, v] of Object.entries(cells)) if (typeof v === 'number') values.set(k, formatCellValue(v));
  for (const [k, v] of totals) if (v !== null) values.set(k, formatCellValue(v));
  return { year: prev.year, values };
}


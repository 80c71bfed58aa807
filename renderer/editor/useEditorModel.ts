/**
 * The editor's state: the form (react-hook-form, uncontrolled inputs, complete defaultValues), what the editor keeps
 * beside it (accepted warnings, the review list), the undo history of both, and the live check. On every change the
 * rule engine runs once and publishes what each cell and the panel show (`LiveStore`); the document hears of the
 * change after the frame is painted.
 */
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { balanceHints } from '../../shared/rules/arithmetic.js';
import {
  cloneValues,
  createCellReader,
  draftFormat,
  draftToFormValues,
  extrasOf,
  formValuesToDraft,
  formValuesToReport,
  sameValues,
  type DraftExtras,
  type FormValues,
} from '../../shared/editor/formValues.js';
import { UndoHistory } from '../../shared/editor/history.js';
import { checkSummary } from '../../shared/editor/exportGate.js';
import { cellStatuses, OK_STATUS, summariseFindings, type IssueSummary } from '../../shared/editor/issues.js';
import { previousFigures } from '../../shared/editor/previous.js';
import { rollupContributions, type CellContributions } from '../../shared/rollup/contributions.js';
import type { ReportFormat } from '../../shared/report/format.js';
import { computeTotals } from '../../shared/report/model.js';
import { formatCellValue } from '../../shared/report/numbers.js';
import type { DraftFile } from '../../shared/schema/draft.js';
import { LiveStore, type CellView, type CheckStage } from './store.js';

interface Snapshot {
  values: FormValues;
  extras: DraftExtras;
}

const TEXT_COALESCE_MS = 1500;

export interface EditorModel {
  base: DraftFile;
  format: ReportFormat;
  form: UseFormReturn<FormValues>;
  store: LiveStore;
  previous: { year: number; values: Map<string, string> } | null;
  /** a roll-up draft's units' figures by cell (from its own record), null for other drafts */
  rollup: ReadonlyMap<string, CellContributions> | null;
  extras(): DraftExtras;
  /** one undoable step: new values and, when given, new extras; returns the computed totals */
  commit(values: FormValues, extras?: DraftExtras): { totals: Map<string, number | null> };
  undo(): void;
  redo(): void;
  /** a new undo step starts with the next keystroke (focus moved) */
  seal(): void;
  /** the draft as the form holds it now (and the document is told of it) */
  currentDraft(): DraftFile;
  /** tell the document of the pending change now (before a save, a shortcut, leaving the window) */
  emitNow(): void;
  setStage(stage: CheckStage): void;
}

/** Whether undo and redo have a step to take (for the toolbar; kept apart so the model object stays the same). */
export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

export function useEditorModel(draft: DraftFile, onChange: ((draft: DraftFile) => void) | undefined, locked = false): { model: EditorModel; undoState: UndoState } {
  const [base] = useState(draft);
  const format = useMemo(() => draftFormat(base), [base]);
  const defaults = useMemo(() => draftToFormValues(base, format), [base, format]);
  const form = useForm<FormValues>({ defaultValues: defaults, mode: 'onSubmit', shouldUnregister: false });
  const store = useMemo(() => new LiveStore(), []);
  const extrasRef = useRef<DraftExtras>(extrasOf(base));
  const stageRef = useRef<CheckStage>('draft');
  const history = useMemo(() => new UndoHistory<Snapshot>({ values: cloneValues(defaults), extras: extrasOf(base) }), [defaults, base]);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  // 定稿: read by every path that changes the form, so the lock holds whatever asks (typing is put back; paste, fill,
  // tools, accepting and undo do nothing)
  const lockedRef = useRef(locked);
  lockedRef.current = locked;
  const applying = useRef(false);
  const [undoState, setUndoState] = useState<UndoState>({ canUndo: false, canRedo: false });
  const previous = useMemo(() => previousFigures(base), [base]);
  const rollup = useMemo(() => rollupContributions(base), [base]);
  const readCells = useMemo(() => createCellReader(base, format), [base, format]);

  const pendingEmit = useRef<number | null>(null);
  const emitNow = useCallback(() => {
    if (pendingEmit.current === null) return;
    window.clearTimeout(pendingEmit.current);
    pendingEmit.current = null;
    const values = form.getValues();
    onChangeRef.current?.(formValuesToDraft(values, base, extrasRef.current, format, readCells(values).cells));
  }, [base, form, format, readCells]);

  const syncHist = useCallback(() => {
    setUndoState((h) => (h.canUndo === history.canUndo && h.canRedo === history.canRedo ? h : { canUndo: history.canUndo, canRedo: history.canRedo }));
  }, [history]);

  const recompute = useCallback(
    (emit: boolean): { totals: Map<string, number | null> } => {
      const values = form.getValues();
      const { cells, parseErrors } = readCells(values);
      const report = formValuesToReport(values, base, format, cells);
      const stage = stageRef.current;
      const extras = extrasRef.current;
      // the panel's summary is the gate's function (`checkSummary`), so 「定稿检查」 counts what the export will;
      // V-NUM comes from the rules alone (the form hands them the raw text), parseErrors only mark the cell itself
      let summary: IssueSummary = summariseFindings([], extras.accepted);
      let engineError: string | null = null;
      try {
        summary = checkSummary(report, extras.accepted, stage);
      } catch (e) {
        engineError = e instanceof Error ? e.message : String(e);
      }
      const statuses = cellStatuses(summary.open);
      const hints = new Map(balanceHints(report).map((h) => [h.target, { short: `尚差 ${Math.abs(h.difference)}`, message: h.message }]));
      const totals = computeTotals(format, report.cells);
      const views = new Map<string, Omit<CellView, 'sig'>>();
      for (const def of format.cells) {
        const status = statuses.get(def.key) ?? OK_STATUS;
        const parseError = parseErrors.get(def.key) ?? null;
        const value = def.sumOf ? formatCellValue(totals.get(def.key) ?? null) : '';
        const hint = hints.get(def.key) ?? null;
        if (status !== OK_STATUS || parseError || value || hint) views.set(def.key, { status, parseError, value, hint });
      }
      const sig = [
        stage,
        engineError ?? '',
        summary.open.map((i) => i.sig).join('¦'),
        summary.accepted.map((i) => `${i.sig}:${i.accepted?.explanation ?? ''}`).join('¦'),
        extras.review.map((r) => `${r.section ?? r.target ?? ''}:${r.text}`).join('¦'),
      ].join('§');
      store.publish(views, { summary, engineError, stage, review: extras.review, sig });
      if (emit && pendingEmit.current === null) pendingEmit.current = window.setTimeout(() => startTransition(emitNow), 0);
      return { totals };
    },
    [emitNow, base, form, format, readCells, store],
  );

  /** Put a whole set of values into the form as one update (paste, fill, undo). */
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
    (values: FormValues, extras: DraftExtras = extrasRef.current) => {
      if (lockedRef.current) return recompute(false);
      history.seal();
      applyValues(values);
      extrasRef.current = extras;
      history.record({ values: cloneValues(values), extras });
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
        const snap: Snapshot = { values: cloneValues(form.getValues()), extras: extrasRef.current };
        // blur and other notifications that change nothing make no undo step and need no check
        if (sameValues(snap.values, history.current.values) && snap.extras === history.current.extras) return;
        if (lockedRef.current) {
          applyValues(history.current.values); // typed while locked: put back
          return;
        }
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
  }, [form, history, recompute, syncHist, applyValues]);

  const restore = useCallback(
    (snap: Snapshot | null) => {
      if (!snap) return;
      applyValues(snap.values);
      extrasRef.current = snap.extras;
      syncHist();
      recompute(true);
    },
    [applyValues, recompute, syncHist],
  );
  const undo = useCallback(() => {
    if (!lockedRef.current) restore(history.undo());
  }, [history, restore]);
  const redo = useCallback(() => {
    if (!lockedRef.current) restore(history.redo());
  }, [history, restore]);

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

  const setStage = useCallback(
    (stage: CheckStage) => {
      stageRef.current = stage;
      recompute(false);
    },
    [recompute],
  );

  const model = useMemo<EditorModel>(
    () => ({
      base,
      format,
      form,
      store,
      previous,
      rollup,
      extras: () => extrasRef.current,
      commit,
      undo,
      redo,
      seal: () => history.seal(),
      currentDraft: () => {
        emitNow();
        return formValuesToDraft(form.getValues(), base, extrasRef.current, format);
      },
      emitNow,
      setStage,
    }),
    [base, format, form, store, previous, rollup, commit, undo, redo, history, emitNow, setStage],
  );
  return { model, undoState };
}

/**
 * The live check results the form shows, computed once per change and read by each cell on its own: a cell
 * subscribes to its key and re-renders only when its status (or, for a total, its value) changes.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { OK_STATUS, statusSignature, type CellStatus, type IssueSummary } from '../../shared/editor/issues.js';
import type { CheckStage } from '../../shared/editor/exportGate.js';
import type { ReviewItem } from '../../shared/schema/draft.js';

/** 'draft': the checks while filling in; 'final': the 「定稿检查」 view, the same check the export gate runs. */
export type { CheckStage };

export interface CellView {
  status: CellStatus;
  /** the cell's own format problem (parse error), shown while typing */
  parseError: string | null;
  /** computed totals: the value shown */
  value: string;
  /** a quiet hint while the clerk types (the running balance of a column of table 三) */
  hint: { short: string; message: string } | null;
  sig: string;
}

const EMPTY_VIEW: CellView = { status: OK_STATUS, parseError: null, value: '', hint: null, sig: '' };

export interface PanelView {
  summary: IssueSummary;
  sig: string;
  /** the rule engine failed (shown, never hidden) */
  engineError: string | null;
  stage: CheckStage;
  /** passages and fields still to review (the draft's review list) */
  review: readonly ReviewItem[];
}

type Listener = () => void;

export class LiveStore {
  private cells = new Map<string, CellView>();
  private cellListeners = new Map<string, Set<Listener>>();
  private panel: PanelView = {
    summary: { open: [], accepted: [], total: { errors: 0, warnings: 0 }, byGroup: {} as IssueSummary['byGroup'] },
    sig: '',
    engineError: null,
    stage: 'draft',
    review: [],
  };
  private panelListeners = new Set<Listener>();

  getCell = (key: string): CellView => this.cells.get(key) ?? EMPTY_VIEW;
  getPanel = (): PanelView => this.panel;

  subscribeCell(key: string, l: Listener): () => void {
    let set = this.cellListeners.get(key);
    if (!set) this.cellListeners.set(key, (set = new Set()));
    set.add(l);
    return () => set.delete(l);
  }
  subscribePanel = (l: Listener): (() => void) => {
    this.panelListeners.add(l);
    return () => this.panelListeners.delete(l);
  };

  /** Replace all views; only listeners of views that changed are told. */
  publish(cells: Map<string, Omit<CellView, 'sig'>>, panel: Omit<PanelView, 'sig'> & { sig: string }): void {
    const changed: string[] = [];
    const keys = new Set([...this.cells.keys(), ...cells.keys()]);
    for (const k of keys) {
      const next = cells.get(k);
      const sig = next ? `${statusSignature(next.status)}#${next.parseError ?? ''}#${next.value}#${next.hint?.message ?? ''}` : '';
      const prev = this.cells.get(k);
      if ((prev?.sig ?? '') === sig) continue;
      if (next) this.cells.set(k, { ...next, sig });
      else this.cells.delete(k);
      changed.push(k);
    }
    const panelChanged = panel.sig !== this.panel.sig;
    if (panelChanged) this.panel = panel;
    for (const k of changed) for (const l of this.cellListeners.get(k) ?? []) l();
    if (panelChanged) for (const l of this.panelListeners) l();
  }
}

export function useCellView(store: LiveStore, key: string): CellView {
  const subscribe = useCallback((l: Listener) => store.subscribeCell(key, l), [store, key]);
  const get = useCallback(() => store.getCell(key), [store, key]);
  return useSyncExternalStore(subscribe, get);
}

export function usePanelView(store: LiveStore): PanelView {
  return useSyncExternalStore(store.subscribePanel, store.getPanel);
}

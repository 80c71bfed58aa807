/** What every part of the form reads from the editor, through one context value that never changes. */
import { createContext, useContext, type ClipboardEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { Control, UseFormRegister } from 'react-hook-form';
import type { FormValues } from '../../shared/editor/formValues.js';
import type { GridMap } from '../../shared/editor/grid.js';
import type { SentenceEdit } from '../../shared/report/narrative.js';
import type { ReportFormat, SectionKey, TableId } from '../../shared/report/format.js';
import type { Report } from '../../shared/report/model.js';
import type { CellContributions } from '../../shared/rollup/contributions.js';
import type { Finding } from '../../shared/rules/types.js';
import type { AcceptedWarning } from '../../shared/schema/draft.js';
import type { CheckStage, LiveStore } from './store.js';

/** The line under the edit toolbar; `confirm` asks before a step that changes much (「全部空格填0」). */
export interface Notice {
  text: string;
  tone: 'info' | 'warn';
  confirm?: { label: string; run: () => void };
}

export interface EditorApi {
  format: ReportFormat;
  store: LiveStore;
  register: UseFormRegister<FormValues>;
  control: Control<FormValues>;
  /** last year's figures as shown beside each cell (entered and computed), when the draft has them */
  previous: ReadonlyMap<string, string> | null;
  previousYear: number | null;
  /** a roll-up draft's units' figures by cell (contributions of a summed cell, reference values of a cell left for entry) */
  rollup: ReadonlyMap<string, CellContributions> | null;
  gridKeyDown(e: KeyboardEvent<HTMLElement>, map: GridMap): void;
  gridPaste(e: ClipboardEvent<HTMLElement>, map: GridMap): void;
  gridMouseDown(e: MouseEvent<HTMLElement>): void;
  /** a change to one section's text as one undoable step (insert a heading, refresh a sentence) */
  editText(section: SectionKey, edit: (text: string, cursor: number | undefined, report: Report) => SentenceEdit): void;
  focusFinding(f: Finding): void;
  /** 「本表空格填0」 */
  fillTable(table: TableId): void;
  accept(f: Finding, explanation: string): void;
  unaccept(a: AcceptedWarning): void;
  /** the review list: select item `index`'s passage; confirm it (it leaves the list and its mark the text) */
  showReview(index: number): void;
  confirmReview(index: number): void;
  /** the panel's view: the checks while filling in, or the 「定稿检查」 the export gate runs */
  setStage(stage: CheckStage): void;
}

export const EditorContext = createContext<EditorApi | null>(null);

export function useEditor(): EditorApi {
  const api = useContext(EditorContext);
  if (!api) throw new Error('useEditor outside <Editor>');
  return api;
}

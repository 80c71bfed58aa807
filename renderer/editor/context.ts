/** What every part of the form reads from the editor, through one context value that never changes. */
import { createContext, useContext, type ClipboardEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { Control, UseFormRegister } from 'react-hook-form';
import type { FormValues } from '../../shared/editor/formValues.js';
import type { GridMap } from '../../shared/editor/grid.js';
import type { ShownIssue } from '../../shared/editor/issues.js';
import type { SentenceEdit } from '../../shared/report/narrative.js';
import type { ReportFormat, SectionKey } from '../../shared/report/format.js';
import type { Report } from '../../shared/report/model.js';
import type { LiveStore } from './store.js';

export interface EditorApi {
  format: ReportFormat;
  store: LiveStore;
  register: UseFormRegister<FormValues>;
  control: Control<FormValues>;
  /** last year's figures as shown beside each cell (entered and computed), when the draft has them */
  previous: ReadonlyMap<string, string> | null;
  previousYear: number | null;
  gridKeyDown(e: KeyboardEvent<HTMLElement>, map: GridMap): void;
  gridPaste(e: ClipboardEvent<HTMLElement>, map: GridMap): void;
  gridMouseDown(e: MouseEvent<HTMLElement>): void;
  /** a change to one section's text as one undoable step (insert a heading, refresh a sentence) */
  editText(section: SectionKey, edit: (text: string, cursor: number | undefined, report: Report) => SentenceEdit): void;
  focusIssue(issue: ShownIssue): void;
  /** 「全部空格填0」 */
  fillZeros(): void;
  accept(issue: ShownIssue, explanation: string): void;
  unaccept(issue: ShownIssue): void;
}

export const EditorContext = createContext<EditorApi | null>(null);

export function useEditor(): EditorApi {
  const api = useContext(EditorContext);
  if (!api) throw new Error('useEditor outside <Editor>');
  return api;
}

/**
 * The open document and everything the app does with files, as one hook.
 *
 *   const doc = useDocument(host);            // host = getHost() from renderer/host/index.ts
 *   <FileToolbar doc={doc} />                 // buttons, shortcuts, shell events, error banner, recovery dialog
 *   <Editor key={doc.revision} draft={doc.draft} onChange={doc.update} />
 *
 * DocumentController:
 * - `draft: DraftFile` the document as last reported by the editor (or as loaded);
 * - `file: FileRef | null` where it is saved (null: never saved) — main's opaque id plus a name to show; the page never
 *   names a path; `dirty: boolean` unsaved changes;
 * - `revision: number` bumps whenever a *different* draft is loaded (new, open, recovery, next year): the editor
 *   remounts its form with `key={revision}`; it does not bump on `update`;
 * - `update(draft)` the editor calls it with the form's current draft on every change: marks dirty and schedules an
 *   autosave (written `AUTOSAVE_DELAY_MS` after the first unsaved change, then again after each later change, so
 *   nothing typed more than a few seconds before a crash is lost);
 * - `newDraft()` (year = last calendar year, format 2021, organ kept), `open()`, `openFile(ref)`, `save()`, `saveAs()`
 *   (each resolves true when done), `nextYear()` (从本报告创建下一年度报告: see shared/report/nextYear.ts), `recent`;
 * - `recovery` the crash-recovery offer shown at start (`restoreRecovery()` / `discardRecoveryOffer()` /
 *   `skipRecoveryOffer()`); a damaged entry is offered too, with its `problem` (to delete or keep);
 * - `damaged` a draft that didn't open, with its `.bak` and latest autosave and their times (`openDamagedCopy(which)`);
 * - `confirm` the pending 「是否保存？」 question before unsaved changes would be replaced (`answerConfirm(choice)`);
 * - `changedOnDisk` the pending question when the file changed on disk since it was opened: keep both (save as a new
 *   file beside it), overwrite deliberately, or cancel (`answerChangedOnDisk(choice)`);
 * - `error` / `notice` messages for the banner (`clearMessages()`); the passages to review live in the draft (`review`);
 * - `autosaveProblem` why autosave (and saving) can't write the draft right now — shown until fixed, never silently;
 * - `exportDocument(kind)`, `print()`, `convertTo2021()` for a 2019-format draft;
 * - `openImported({ draftText, sourceName, asLastYear, doubts, origin })` an imported published report or a roll-up (its doubts go to the review
 *   list), as a draft of its own or as
 *   last year's of a new report (the next-year step).
 * - versions (shared/report/history.ts): every save records one in the draft before it is serialised — in useSaving.ts,
 *   the one place, so every host gets it; `saveWithReason(reason)` 「保存并注明原因」; `restoreVersion(n)` (the editor remounts
 *   with it), `dropVersion(n)`. The document owns the versions and the review states: a draft the editor reports gets
 *   the document's (`carryRecords`), since the editor's copy is the one it was opened with.
 * - review states (shared/report/reviewState.ts): `changeReviewState(action, by, reason)` (an error, or null);
 *   `locked` while 定稿 (the editor refuses changes, restoring and converting are refused).
 * Every host call is awaited and its failure ends up in `error`; the draft in memory never changes on a failure.
 *
 * This hook holds the document and the banner's messages and composes its parts, one job each: useSaving.ts (saving,
 * 「是否保存？」), useOpening.ts (opening, new, next year, import, conversion), useVersions.ts (versions and review
 * states), useRecovery.ts (crash recovery, damaged drafts), useDocumentParts.ts (autosave, export and print).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FileRef, ReportHost } from '../../shared/ipc/contract.js';
import { carryRecords } from '../../shared/report/history.js';
import { isLocked, type ReviewAction } from '../../shared/report/reviewState.js';
import { newDraft as blankDraft, type DraftFile } from '../../shared/schema/draft.js';
import { defaultYear, sessionId, suggestedName, type ExportKind, type ImportedOpening } from './documentNames.js';
import { useAutosave, useOutput, type DocState } from './useDocumentParts.js';
import { useOpening } from './useOpening.js';
import { useRecovery, type DamagedOffer, type RecoveryOffer } from './useRecovery.js';
import { useSaving, type ChangedOnDiskChoice, type ConfirmChoice } from './useSaving.js';
import { useVersions } from './useVersions.js';

export { defaultYear, formatSavedAt, suggestedName, type ExportKind } from './documentNames.js';
export type { RecoveryOffer } from './useRecovery.js';
export type { ChangedOnDiskChoice, ConfirmChoice } from './useSaving.js';

export { AUTOSAVE_DELAY_MS } from './useDocumentParts.js';

export interface DocumentController {
  draft: DraftFile;
  file: FileRef | null;
  dirty: boolean;
  revision: number;
  update(draft: DraftFile): void;
  newDraft(): Promise<boolean>;
  open(): Promise<boolean>;
  openFile(file: FileRef): Promise<boolean>;
  save(): Promise<boolean>;
  saveAs(): Promise<boolean>;
  nextYear(): Promise<boolean>;
  recent: FileRef[];
  recovery: RecoveryOffer | null;
  restoreRecovery(): Promise<boolean>;
  discardRecoveryOffer(): Promise<void>;
  skipRecoveryOffer(): void;
  damaged: DamagedOffer | null;
  openDamagedCopy(which: 'backup' | 'recovery' | 'cancel'): Promise<boolean>;
  confirm: { message: string } | null;
  answerConfirm(choice: ConfirmChoice): void;
  changedOnDisk: { message: string } | null;
  answerChangedOnDisk(choice: ChangedOnDiskChoice): void;
  error: string | null;
  notice: string | null;
  autosaveProblem: string | null;
  clearMessages(): void;
  exportDocument(kind: ExportKind): Promise<boolean>;
  print(): Promise<boolean>;
  convertTo2021(): void;
  openImported(opening: ImportedOpening): Promise<boolean>;
  /** 「保存并注明原因」: a save whose version carries the reason */
  saveWithReason(reason: string): Promise<boolean>;
  /** null when done, else why not (also shown in the banner) */
  restoreVersion(n: number): string | null;
  dropVersion(n: number): string | null;
  /** a review state change (送审 …): null when made, else why not */
  changeReviewState(action: ReviewAction, by: string, reason?: string): string | null;
  /** 定稿: nothing may change the figures or the text */
  locked: boolean;
  /** the document's display name: file name, or the suggested one for a new draft */
  fileName: string;
  busy: boolean;
}

export function useDocument(host: ReportHost): DocumentController {
  const [doc, setDoc] = useState<DocState>(() => ({ draft: blankDraft({ year: defaultYear() }), file: null, dirty: false, revision: 0 }));
  const [recent, setRecent] = useState<FileRef[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The latest state for callbacks and timers (they must never act on a stale draft).
  const docRef = useRef(doc);
  docRef.current = doc;
  const idRef = useRef<string>(sessionId());

  const fileName = doc.file ? doc.file.name : suggestedName(doc.draft);

  const refreshRecent = useCallback(async () => {
    try {
      setRecent(await host.recentFiles({}));
    } catch {
      setRecent([]);
    }
  }, [host]);

  const autosave = useAutosave(host, docRef, idRef);
  const { autosaveProblem, setAutosaveProblem, scheduleAutosave, cancelAutosave } = autosave;

  // ---- loading ------------------------------------------------------------------------------
  const load = useCallback(
    (draft: DraftFile, file: FileRef | null, dirty: boolean) => {
      cancelAutosave();
      setAutosaveProblem(null);
      setDoc((d) => ({ draft, file, dirty, revision: d.revision + 1 }));
      docRef.current = { draft, file, dirty, revision: docRef.current.revision + 1 };
      if (dirty) scheduleAutosave();
    },
    [cancelAutosave, scheduleAutosave],
  );

  const update = useCallback(
    (edited: DraftFile) => {
      const draft = carryRecords(edited, docRef.current.draft);
      docRef.current = { ...docRef.current, draft, dirty: true };
      setDoc((d) => ({ ...d, draft, dirty: true }));
      scheduleAutosave();
    },
    [scheduleAutosave],
  );

  // ---- the parts, one job each ----------------------------------------------------------------
  const saving = useSaving({ ...autosave, host, docRef, setDoc, idRef, refreshRecent, setError, setNotice, setBusy });
  const { mayReplace, mayStillReplace } = saving;
  const rec = useRecovery({ host, docRef, idRef, load, mayReplace, mayStillReplace, refreshRecent, setError, setNotice });
  const opening = useOpening({ host, docRef, idRef, load, mayReplace, mayStillReplace, refreshRecent, setDamaged: rec.setDamaged, setError, setNotice });
  const { exportDocument, print } = useOutput(host, docRef, { setError, setNotice, setBusy });
  const versions = useVersions({ docRef, setDoc, load, scheduleAutosave, setError, setNotice });
  const locked = isLocked(doc.draft);

  // ---- the shell's title and unsaved mark ---------------------------------------------------------
  useEffect(() => {
    void host.setDocumentState({ title: fileName.slice(0, 300), dirty: doc.dirty }).catch(() => undefined);
  }, [host, fileName, doc.dirty]);

  const clearMessages = useCallback(() => {
    setError(null);
    setNotice(null);
  }, []);

  return useMemo(
    () => ({
      draft: doc.draft,
      file: doc.file,
      dirty: doc.dirty,
      revision: doc.revision,
      update,
      newDraft: opening.newDraft,
      open: opening.open,
      openFile: opening.openFile,
      save: saving.save,
      saveAs: saving.saveAs,
      nextYear: opening.nextYear,
      recent,
      recovery: rec.recovery,
      restoreRecovery: rec.restoreRecovery,
      discardRecoveryOffer: rec.discardRecoveryOffer,
      skipRecoveryOffer: rec.skipRecoveryOffer,
      damaged: rec.damaged,
      openDamagedCopy: rec.openDamagedCopy,
      confirm: saving.confirm,
      answerConfirm: saving.answerConfirm,
      changedOnDisk: saving.changedOnDisk,
      answerChangedOnDisk: saving.answerChangedOnDisk,
      error,
      notice,
      autosaveProblem,
      clearMessages,
      exportDocument,
      print,
      convertTo2021: opening.convertTo2021,
      openImported: opening.openImported,
      saveWithReason: saving.saveWithReason,
      restoreVersion: versions.restoreVersion,
      dropVersion: versions.dropVersion,
      changeReviewState: versions.changeReviewState,
      locked,
      fileName,
      busy,
    }),
    [doc, update, opening, saving, versions, recent, rec, error, notice, autosaveProblem, clearMessages, exportDocument, print, locked, fileName, busy],
  );
}

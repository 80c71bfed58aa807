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
 * - `openImported(draftText, asLastYear, sourceName, doubts)` an imported published report (its doubts go to the review
 *   list), as a draft of its own or as
 *   last year's of a new report (the next-year step).
 * - versions (shared/report/history.ts): every save records one in the draft before it is serialised — here, the one
 *   place, so every host gets it; `saveWithReason(reason)` 「保存并注明原因」; `restoreVersion(n)` (the editor remounts
 *   with it), `dropVersion(n)`. The document owns the versions and the review states: a draft the editor reports gets
 *   the document's (`carryRecords`), since the editor's copy is the one it was opened with.
 * - review states (shared/report/reviewState.ts): `changeReviewState(action, by, reason)` (an error, or null);
 *   `locked` while 定稿 (the editor refuses changes, restoring and converting are refused).
 * Every host call is awaited and its failure ends up in `error`; the draft in memory never changes on a failure.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { draftWithImportDoubts } from '../../shared/editor/review.js';
import type { Uncertain } from '../../shared/import/result.js';
import type { FileRef, HostResult, ReportHost } from '../../shared/ipc/contract.js';
import { migrate2019 } from '../../shared/report/migrate2019.js';
import { carryRecords, dropVersion as dropFromHistory, localTimestamp, recordVersion, restoreVersion as restoreFromHistory } from '../../shared/report/history.js';
import { nextYearDraft } from '../../shared/report/nextYear.js';
import { applyReviewAction, isLocked, LOCKED_MESSAGE, REVIEW_ACTIONS, type ReviewAction } from '../../shared/report/reviewState.js';
import { newDraft as blankDraft, parseDraftText, trySerializeDraft, type DraftFile } from '../../shared/schema/draft.js';
import { defaultYear, failureText, sessionId, suggestedName, writtenNotice, type ExportKind } from './documentNames.js';
import { useAutosave, useOutput, type DocState } from './useDocumentParts.js';
import { useRecovery, type DamagedOffer, type RecoveryOffer } from './useRecovery.js';

export { defaultYear, failureText, formatSavedAt, suggestedName, type ExportKind } from './documentNames.js';
export type { DamagedOffer, RecoveryOffer } from './useRecovery.js';

export { AUTOSAVE_DELAY_MS } from './useDocumentParts.js';

export type ConfirmChoice = 'save' | 'discard' | 'cancel';
export type ChangedOnDiskChoice = 'keep-both' | 'overwrite' | 'cancel';


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
  openImported(draftText: string, asLastYear: boolean, sourceName: string, doubts?: readonly Uncertain[]): Promise<boolean>;
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
  const [confirm, setConfirm] = useState<{ message: string } | null>(null);
  const [changedOnDisk, setChangedOnDisk] = useState<{ message: string } | null>(null);
  const changedResolve = useRef<((c: ChangedOnDiskChoice) => void) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The latest state for callbacks and timers (they must never act on a stale draft).
  const docRef = useRef(doc);
  docRef.current = doc;
  const idRef = useRef<string>(sessionId());
  const confirmResolve = useRef<((c: ConfirmChoice) => void) | null>(null);

  const fileName = doc.file ? doc.file.name : suggestedName(doc.draft);

  const refreshRecent = useCallback(async () => {
    try {
      setRecent(await host.recentFiles({}));
    } catch {
      setRecent([]);
    }
  }, [host]);

  const { autosaveProblem, setAutosaveProblem, scheduleAutosave, cancelAutosave, discardOwnRecovery } = useAutosave(host, docRef, idRef);

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

  // ---- saving -------------------------------------------------------------------------------
  const saveImpl = useCallback(
    async (saveAs: boolean, reason?: string): Promise<boolean> => {
      const cur = docRef.current;
      const recorded = recordVersion(cur.draft, { at: localTimestamp(new Date()), reason });
      const serialized = trySerializeDraft(recorded.draft);
      if (!serialized.ok) {
        setError(`未保存：${serialized.error}`);
        return false;
      }
      const text = serialized.text;
      setBusy(true);
      try {
        const arg = { file: cur.file?.id ?? null, text, saveAs, suggestedName: cur.file ? cur.file.name : suggestedName(cur.draft) };
        let r = await host.saveDraft(arg);
        if (r.status === 'changed-on-disk') {
          const message = r.message;
          const choice = await new Promise<ChangedOnDiskChoice>((resolve) => {
            changedResolve.current = resolve;
            setChangedOnDisk({ message });
          });
          if (choice === 'cancel') return false;
          r = await host.saveDraft({ ...arg, ifChanged: choice });
        }
        if (r.status === 'canceled' || r.status === 'changed-on-disk') return false;
        if (r.status === 'error') {
          setError(r.message);
          return false;
        }
        // Typing during the save keeps the newer text dirty (with the version just written).
        const unchanged = docRef.current.draft === cur.draft;
        const history = recorded.draft.history;
        const draft = unchanged ? recorded.draft : { ...docRef.current.draft, ...(history ? { history } : {}) };
        docRef.current = { ...docRef.current, draft, file: r.file, dirty: !unchanged };
        setDoc((d) => ({ ...d, draft, file: r.file, dirty: !unchanged }));
        if (unchanged) await discardOwnRecovery();
        setAutosaveProblem(null);
        setError(null);
        const dropped = recorded.dropped ? `；版本记录已达上限，最早的 ${recorded.dropped} 个版本已删除` : '';
        setNotice(`${writtenNotice(host, 'save', r.file.name)}${dropped}`);
        void refreshRecent();
        return true;
      } catch (e) {
        setError(failureText('保存失败', e));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [host, discardOwnRecovery, refreshRecent],
  );
  const save = useCallback(() => saveImpl(false), [saveImpl]);
  const saveWithReason = useCallback((reason: string) => saveImpl(false, reason), [saveImpl]);
  const saveAs = useCallback(() => saveImpl(true), [saveImpl]);

  /**
   * 「不保存」: the changes since the last save are dropped — but never the only copy. A draft saved to a file has that
   * file; one that never was (new, imported, next year's, restored) keeps its autosave, offered at the next start.
   */
  const discardUnsaved = useCallback(async () => {
    const cur = docRef.current;
    if (cur.file) return discardOwnRecovery();
    cancelAutosave();
    const serialized = trySerializeDraft(cur.draft);
    try {
      // the current text when it can be written; otherwise the last autosave stays as it is
      if (serialized.ok) await host.autosave({ id: idRef.current, file: null, title: suggestedName(cur.draft), text: serialized.text, reason: 'not-saved' });
    } catch {
      // the last autosave stays
    }
    idRef.current = sessionId();
  }, [host, cancelAutosave, discardOwnRecovery]);

  /** Before replacing a dirty document: ask 保存 / 不保存 / 取消. True when it may be replaced. */
  const mayReplace = useCallback(async (): Promise<boolean> => {
    if (!docRef.current.dirty) return true;
    const name = docRef.current.file ? docRef.current.file.name : suggestedName(docRef.current.draft);
    const choice = await new Promise<ConfirmChoice>((resolve) => {
      confirmResolve.current = resolve;
      setConfirm({ message: `是否保存对「${name}」的修改？` });
    });
    if (choice === 'cancel') return false;
    if (choice === 'save') return saveImpl(false);
    await discardUnsaved();
    return true;
  }, [saveImpl, discardUnsaved]);

  const answerChangedOnDisk = useCallback((choice: ChangedOnDiskChoice) => {
    const resolve = changedResolve.current;
    changedResolve.current = null;
    setChangedOnDisk(null);
    resolve?.(choice);
  }, []);

  const answerConfirm = useCallback((choice: ConfirmChoice) => {
    const resolve = confirmResolve.current;
    confirmResolve.current = null;
    setConfirm(null);
    resolve?.(choice);
  }, []);

  const rec = useRecovery({ host, idRef, load, mayReplace, refreshRecent, setError, setNotice });
  const { setDamaged } = rec;

  // ---- opening --------------------------------------------------------------------------------
  const acceptOpened = useCallback(
    (r: HostResult<'openDraftAt'>): boolean => {
      if (r.status === 'error') {
        setError(r.message);
        return false;
      }
      if (r.status === 'damaged') {
        setDamaged(r);
        return false;
      }
      const parsed = parseDraftText(r.text);
      if (!parsed.ok) {
        setError(`无法打开「${r.file.name}」：${parsed.error}`);
        return false;
      }
      idRef.current = sessionId();
      load(parsed.draft, r.file, false);
      setError(null);
      const formatNote = parsed.draft.format === '2019' ? '这是2019年格式的报告，可用「转换为2021年格式」转换（无法对应的数据保留为旧格式数据）' : '';
      setNotice([formatNote, parsed.historyProblem ?? ''].filter(Boolean).join('；') || null);
      void refreshRecent();
      return true;
    },
    [load, refreshRecent, setDamaged],
  );

  const open = useCallback(async () => {
    if (!(await mayReplace())) return false;
    try {
      const r = await host.openDraft({});
      if (r.status === 'canceled') return false;
      return acceptOpened(r);
    } catch (e) {
      setError(failureText('无法打开文件', e));
      return false;
    }
  }, [host, mayReplace, acceptOpened]);

  const openFile = useCallback(
    async (file: FileRef) => {
      if (!(await mayReplace())) return false;
      try {
        return acceptOpened(await host.openDraftAt({ file: file.id }));
      } catch (e) {
        setError(failureText(`无法打开「${file.name}」`, e));
        return false;
      }
    },
    [host, mayReplace, acceptOpened],
  );

  const newDraft = useCallback(async () => {
    if (!(await mayReplace())) return false;
    const cur = docRef.current.draft;
    idRef.current = sessionId();
    load(blankDraft({ year: defaultYear(), organ: cur.meta.organ, level: cur.meta.level }), null, false);
    setError(null);
    setNotice(null);
    return true;
  }, [mayReplace, load]);

  const nextYear = useCallback(async () => {
    if (!(await mayReplace())) return false;
    const from = docRef.current.draft;
    const r = nextYearDraft(from);
    idRef.current = sessionId();
    load(r.draft, null, true);
    setError(null);
    setNotice(
      `已创建${r.draft.year}年度报告：「上年结转」已按${from.year}年「结转下年度」填入，上年数据显示在各单元格旁；` +
        (r.flags.length ? `正文中 ${r.flags.length} 处标有「【请核对】」，列在右侧「需核对」中，逐项核对后点「已核对」。` : '正文已沿用上年内容，请逐段修改。'),
    );
    return true;
  }, [mayReplace, load]);

  const convertTo2021 = useCallback(() => {
    const cur = docRef.current;
    if (cur.draft.format !== '2019') return;
    if (isLocked(cur.draft)) {
      setError(LOCKED_MESSAGE);
      return;
    }
    const r = migrate2019(cur.draft);
    load(r.draft, cur.file, true);
    setNotice(`已转换为2021年格式：${r.mapped.length} 项数据已对应；${r.legacy.length} 项没有对应栏目，保留为「旧格式数据」。`);
  }, [load]);

  const openImported = useCallback(
    async (draftText: string, asLastYear: boolean, sourceName: string, doubts: readonly Uncertain[] = []) => {
      const parsed = parseDraftText(draftText);
      if (!parsed.ok) {
        setError(`无法打开导入的报告：${parsed.error}`);
        return false;
      }
      if (!(await mayReplace())) return false;
      idRef.current = sessionId();
      setError(null);
      if (asLastYear) {
        // the doubts concern last year's figures, now shown beside each cell: the carried-over text is what to review
        const r = nextYearDraft(parsed.draft);
        load(r.draft, null, true);
        setNotice(
          `已以「${sourceName}」为上年报告创建${r.draft.year}年度报告：「上年结转」已按其「结转下年度」填入，上年数据显示在各单元格旁` +
            (r.flags.length ? `；正文中 ${r.flags.length} 处标有「【请核对】」，列在右侧「需核对」中。` : '。'),
        );
      } else {
        const imported = draftWithImportDoubts(parsed.draft, doubts);
        load(imported, null, true);
        setNotice(`已导入「${sourceName}」：表格合计由程序计算；导入时存疑的 ${imported.review?.length ?? 0} 处列在右侧「需核对」中，请逐项核对后再保存。`);
      }
      return true;
    },
    [mayReplace, load],
  );


  const { exportDocument, print } = useOutput(host, docRef, { setError, setNotice, setBusy });

  // ---- versions and review states -----------------------------------------------------------------
  /** A change to the document's own records (not the editor's content): the editor is not remounted. */
  const replaceRecords = useCallback(
    (draft: DraftFile) => {
      docRef.current = { ...docRef.current, draft, dirty: true };
      setDoc((d) => ({ ...d, draft, dirty: true }));
      scheduleAutosave();
    },
    [scheduleAutosave],
  );

  const restoreVersion = useCallback(
    (n: number) => {
      const cur = docRef.current;
      const r = restoreFromHistory(cur.draft, n, localTimestamp(new Date()));
      if (!r.ok) {
        setError(r.error);
        return r.error;
      }
      load(r.draft, cur.file, true);
      setError(null);
      setNotice(`已恢复为第 ${n} 版，并记为第 ${r.draft.history?.at(-1)?.n ?? ''} 版；保存后写入文件。`);
      return null;
    },
    [load],
  );

  const dropVersion = useCallback(
    (n: number) => {
      const r = dropFromHistory(docRef.current.draft, n);
      if (!r.ok) {
        setError(r.error);
        return r.error;
      }
      replaceRecords(r.draft);
      setNotice(`已删除第 ${n} 版；保存后写入文件。`);
      return null;
    },
    [replaceRecords],
  );

  const changeReviewState = useCallback(
    (action: ReviewAction, by: string, reason?: string) => {
      const r = applyReviewAction(docRef.current.draft, action, { at: localTimestamp(new Date()), by, reason });
      if (!r.ok) return r.error;
      replaceRecords(r.draft);
      setError(null);
      setNotice(`已${REVIEW_ACTIONS[action].label}${action === 'finalize' ? '：表格和正文已锁定，如需修改请「重新打开」' : ''}；保存后写入文件。`);
      return null;
    },
    [replaceRecords],
  );
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
      newDraft,
      open,
      openFile,
      save,
      saveAs,
      nextYear,
      recent,
      recovery: rec.recovery,
      restoreRecovery: rec.restoreRecovery,
      discardRecoveryOffer: rec.discardRecoveryOffer,
      skipRecoveryOffer: rec.skipRecoveryOffer,
      damaged: rec.damaged,
      openDamagedCopy: rec.openDamagedCopy,
      confirm,
      answerConfirm,
      changedOnDisk,
      answerChangedOnDisk,
      error,
      notice,
      autosaveProblem,
      clearMessages,
      exportDocument,
      print,
      convertTo2021,
      openImported,
      saveWithReason,
      restoreVersion,
      dropVersion,
      changeReviewState,
      locked,
      fileName,
      busy,
    }),
    [saveWithReason, restoreVersion, dropVersion, changeReviewState, locked, doc, update, newDraft, open, openFile, save, saveAs, nextYear, recent, rec, confirm, answerConfirm, changedOnDisk, answerChangedOnDisk, error, notice, autosaveProblem, clearMessages, exportDocument, print, convertTo2021, openImported, fileName, busy],
  );
}

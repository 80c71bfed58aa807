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
 * - `error` / `notice` messages for the banner (`clearMessages()`), `reviewFlags` after next year's report was made;
 * - `autosaveProblem` why autosave (and saving) can't write the draft right now — shown until fixed, never silently;
 * - `exportDocument(kind)`, `print()`, `convertTo2021()` for a 2019-format draft;
 * - `openImported(draftText, asLastYear, sourceName)` an imported published report, as a draft of its own or as
 *   last year's of a new report (the next-year step).
 * Every host call is awaited and its failure ends up in `error`; the draft in memory never changes on a failure.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FileRef, HostResult, ReportHost } from '../../shared/ipc/contract.js';
import { fileNameOf } from '../../shared/ipc/title.js';
import { canonicalTitle } from '../../shared/report/model.js';
import { migrate2019 } from '../../shared/report/migrate2019.js';
import { nextYearDraft, type ReviewFlag } from '../../shared/report/nextYear.js';
import { DRAFT_EXTENSION, newDraft as blankDraft, parseDraftText, serializeDraft, trySerializeDraft, type DraftFile } from '../../shared/schema/draft.js';

export const AUTOSAVE_DELAY_MS = 2000;

export type ExportKind = 'docx' | 'pdf' | 'review-docx';
export type ConfirmChoice = 'save' | 'discard' | 'cancel';
export type ChangedOnDiskChoice = 'keep-both' | 'overwrite' | 'cancel';

export interface RecoveryOffer {
  id: string;
  title: string;
  file: FileRef | null;
  /** ISO time of the autosave */
  savedAt: string;
  /** further entries after this one */
  more: number;
  /** why a damaged entry can't be restored */
  problem?: string;
  /** kept after 「不保存」 on a draft that had no file (its only copy), not left by a crash */
  notSaved?: boolean;
}

export type DamagedOffer = Extract<HostResult<'openDraftAt'>, { status: 'damaged' }>;

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
  reviewFlags: ReviewFlag[];
  exportDocument(kind: ExportKind): Promise<boolean>;
  print(): Promise<boolean>;
  convertTo2021(): void;
  openImported(draftText: string, asLastYear: boolean, sourceName: string): Promise<boolean>;
  /** the document's display name: file name, or the suggested one for a new draft */
  fileName: string;
  busy: boolean;
}

/**
 * What the clerk reads when a host call itself failed (not a result with a message: a rejected call — the channel, a
 * refused argument, a crash in main). Its text is for developers (English, codes, paths), so it goes to the console
 * and the clerk gets a Chinese sentence; a message that is already plain Chinese (the draft schema's) is kept.
 */
export function failureText(what: string, e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  console.error(what, e);
  const plainChinese = /[\u4e00-\u9fff]/.test(text) && !/[A-Za-z]{3,}|[\\/]/.test(text);
  return `${what}：${plainChinese ? text : '程序内部出错，请重试；如果反复出现，请先另存一份，再重新启动程序'}`;
}

export function defaultYear(now: Date = new Date()): number {
  return now.getFullYear() - 1;
}

export function suggestedName(draft: DraftFile): string {
  const base = draft.meta.title?.trim() || canonicalTitle(draft.meta.organ.trim(), draft.year);
  return `${base.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').slice(0, 150)}.${DRAFT_EXTENSION}`;
}

function sessionId(): string {
  const rnd = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return `s-${rnd.replace(/[^A-Za-z0-9-]/g, '')}`.slice(0, 100);
}

/** 2025-02-20T08:30:00Z → 「2025年2月20日 16:30」 (local time) */
export function formatSavedAt(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${p(d.getHours())}:${p(d.getMinutes())}`;
}

interface DocState {
  draft: DraftFile;
  file: FileRef | null;
  dirty: boolean;
  revision: number;
}

export function useDocument(host: ReportHost): DocumentController {
  const [doc, setDoc] = useState<DocState>(() => ({ draft: blankDraft({ year: defaultYear() }), file: null, dirty: false, revision: 0 }));
  const [recent, setRecent] = useState<FileRef[]>([]);
  const [recoveryList, setRecoveryList] = useState<HostResult<'listRecovery'>['entries']>([]);
  const [recoveryMore, setRecoveryMore] = useState(0);
  const skippedRecovery = useRef(new Set<string>());
  const [damaged, setDamaged] = useState<DamagedOffer | null>(null);
  const [confirm, setConfirm] = useState<{ message: string } | null>(null);
  const [changedOnDisk, setChangedOnDisk] = useState<{ message: string } | null>(null);
  const changedResolve = useRef<((c: ChangedOnDiskChoice) => void) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [autosaveProblem, setAutosaveProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reviewFlags, setReviewFlags] = useState<ReviewFlag[]>([]);
  const [busy, setBusy] = useState(false);

  // The latest state for callbacks and timers (they must never act on a stale draft).
  const docRef = useRef(doc);
  docRef.current = doc;
  const idRef = useRef<string>(sessionId());
  const autosaveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const confirmResolve = useRef<((c: ConfirmChoice) => void) | null>(null);

  const fileName = doc.file ? doc.file.name : suggestedName(doc.draft);

  const refreshRecent = useCallback(async () => {
    try {
      setRecent(await host.recentFiles({}));
    } catch {
      setRecent([]);
    }
  }, [host]);

  // ---- autosave ---------------------------------------------------------------------------
  const writeAutosave = useCallback(async () => {
    autosaveTimer.current = null;
    const cur = docRef.current;
    if (!cur.dirty) return;
    const serialized = trySerializeDraft(cur.draft);
    if (!serialized.ok) {
      // never silently: the clerk sees why until it is fixed; the last good autosave stays, what was typed stays
      setAutosaveProblem(`自动保存已暂停：${serialized.error}。已输入的内容仍在窗口中，修改后会继续自动保存。`);
      return;
    }
    try {
      const r = await host.autosave({ id: idRef.current, file: cur.file?.id ?? null, title: cur.file ? cur.file.name : suggestedName(cur.draft), text: serialized.text });
      setAutosaveProblem(r.status === 'error' ? r.message : null);
    } catch {
      setAutosaveProblem('自动保存失败：程序内部通信出错，请尽快保存');
    }
  }, [host]);

  const scheduleAutosave = useCallback(() => {
    if (autosaveTimer.current === null) autosaveTimer.current = setTimeout(() => void writeAutosave(), AUTOSAVE_DELAY_MS);
  }, [writeAutosave]);

  const cancelAutosave = useCallback(() => {
    if (autosaveTimer.current !== null) clearTimeout(autosaveTimer.current);
    autosaveTimer.current = null;
  }, []);

  useEffect(() => cancelAutosave, [cancelAutosave]);

  const discardOwnRecovery = useCallback(async () => {
    cancelAutosave();
    try {
      await host.discardRecovery({ id: idRef.current });
    } catch {
      // nothing to discard
    }
  }, [host, cancelAutosave]);

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
    (draft: DraftFile) => {
      docRef.current = { ...docRef.current, draft, dirty: true };
      setDoc((d) => ({ ...d, draft, dirty: true }));
      scheduleAutosave();
    },
    [scheduleAutosave],
  );

  // ---- saving -------------------------------------------------------------------------------
  const saveImpl = useCallback(
    async (saveAs: boolean): Promise<boolean> => {
      const cur = docRef.current;
      const serialized = trySerializeDraft(cur.draft);
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
        // Typing during the save keeps the newer text dirty.
        const unchanged = docRef.current.draft === cur.draft;
        docRef.current = { ...docRef.current, file: r.file, dirty: !unchanged };
        setDoc((d) => ({ ...d, file: r.file, dirty: d.draft !== cur.draft }));
        if (unchanged) await discardOwnRecovery();
        setAutosaveProblem(null);
        setError(null);
        setNotice(`已保存到「${r.file.name}」`);
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
      setReviewFlags([]);
      setError(null);
      setNotice(parsed.draft.format === '2019' ? '这是2019年格式的报告，可用「转换为2021年格式」转换（无法对应的数据保留为旧格式数据）' : null);
      void refreshRecent();
      return true;
    },
    [load, refreshRecent],
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
    setReviewFlags([]);
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
    setReviewFlags(r.flags);
    setError(null);
    setNotice(
      `已创建${r.draft.year}年度报告：「上年结转」已按${from.year}年「结转下年度」填入，上年数据显示在各单元格旁；` +
        (r.flags.length ? `正文中 ${r.flags.length} 处标有「【请核对】」，核对修改后请删除该标记。` : '正文已沿用上年内容，请逐段修改。'),
    );
    return true;
  }, [mayReplace, load]);

  const convertTo2021 = useCallback(() => {
    const cur = docRef.current;
    if (cur.draft.format !== '2019') return;
    const r = migrate2019(cur.draft);
    load(r.draft, cur.file, true);
    setNotice(`已转换为2021年格式：${r.mapped.length} 项数据已对应；${r.legacy.length} 项没有对应栏目，保留为「旧格式数据」。`);
  }, [load]);

  const openImported = useCallback(
    async (draftText: string, asLastYear: boolean, sourceName: string) => {
      const parsed = parseDraftText(draftText);
      if (!parsed.ok) {
        setError(`无法打开导入的报告：${parsed.error}`);
        return false;
      }
      if (!(await mayReplace())) return false;
      idRef.current = sessionId();
      setError(null);
      if (asLastYear) {
        const r = nextYearDraft(parsed.draft);
        load(r.draft, null, true);
        setReviewFlags(r.flags);
        setNotice(
          `已以「${sourceName}」为上年报告创建${r.draft.year}年度报告：「上年结转」已按其「结转下年度」填入，上年数据显示在各单元格旁` +
            (r.flags.length ? `；正文中 ${r.flags.length} 处标有「【请核对】」，核对修改后请删除该标记。` : '。'),
        );
      } else {
        load(parsed.draft, null, true);
        setReviewFlags([]);
        setNotice(`已导入「${sourceName}」：表格合计由程序计算，请先核对导入时标出的存疑之处，再保存。`);
      }
      return true;
    },
    [mayReplace, load],
  );

  // ---- recovery -------------------------------------------------------------------------------
  const fetchRecovery = useCallback(async () => {
    try {
      const list = await host.listRecovery({});
      setRecoveryList(list.entries.filter((e) => e.id !== idRef.current && !skippedRecovery.current.has(e.id)));
      setRecoveryMore(list.more);
    } catch {
      // no recovery in this host
    }
  }, [host]);

  useEffect(() => {
    void fetchRecovery();
    void refreshRecent();
  }, [fetchRecovery, refreshRecent]);

  // more than one list's worth (101 and up): the older ones are offered once these are dealt with
  useEffect(() => {
    if (recoveryList.length === 0 && recoveryMore > 0) void fetchRecovery();
  }, [recoveryList.length, recoveryMore, fetchRecovery]);

  const recovery = useMemo<RecoveryOffer | null>(() => {
    const first = recoveryList[0];
    if (!first) return null;
    const offer: RecoveryOffer = { id: first.id, title: first.title, file: first.file, savedAt: first.savedAt, more: recoveryList.length - 1 + recoveryMore };
    if (first.problem) offer.problem = first.problem;
    if (first.reason === 'not-saved') offer.notSaved = true;
    return offer;
  }, [recoveryList, recoveryMore]);

  const restoreById = useCallback(
    async (id: string, savedAt: string): Promise<boolean> => {
      try {
        const r = await host.readRecovery({ id });
        if (r.status === 'error') {
          setError(r.message);
          return false;
        }
        const parsed = parseDraftText(r.text);
        if (!parsed.ok) {
          setError(`无法恢复：${parsed.error}`);
          return false;
        }
        // Keep writing to the same recovery entry; a save or a clean close discards it.
        idRef.current = id;
        load(parsed.draft, r.file, true);
        setError(null);
        setNotice(`已恢复自动保存于 ${formatSavedAt(savedAt)} 的报告，请及时保存`);
        return true;
      } catch (e) {
        setError(failureText('无法恢复', e));
        return false;
      }
    },
    [host, load],
  );

  const restoreRecovery = useCallback(async () => {
    const entry = recoveryList[0];
    if (!entry || entry.problem) return false;
    // a second offer while the first restored draft is still unsaved: ask before replacing it
    if (!(await mayReplace())) return false;
    setRecoveryList((l) => l.slice(1));
    return restoreById(entry.id, entry.savedAt);
  }, [recoveryList, mayReplace, restoreById]);

  const discardRecoveryOffer = useCallback(async () => {
    const entry = recoveryList[0];
    if (!entry) return;
    setRecoveryList((l) => l.slice(1));
    try {
      await host.discardRecovery({ id: entry.id });
    } catch {
      // already gone
    }
  }, [host, recoveryList]);

  /** Not now: kept on disk, offered again at the next start. */
  const skipRecoveryOffer = useCallback(() => {
    const entry = recoveryList[0];
    if (!entry) return;
    skippedRecovery.current.add(entry.id);
    setRecoveryList((l) => l.slice(1));
  }, [recoveryList]);

  /** A damaged draft: open its .bak (saving replaces the damaged file) or its latest autosave instead. */
  const openDamagedCopy = useCallback(
    async (which: 'backup' | 'recovery' | 'cancel') => {
      const offer = damaged;
      setDamaged(null);
      if (!offer || which === 'cancel') return false;
      if (which === 'recovery') return offer.recovery ? restoreById(offer.recovery.id, offer.recovery.savedAt) : false;
      try {
        const r = await host.openDraftAt({ file: offer.file.id, copy: 'backup' });
        if (r.status !== 'opened') {
          setError(r.message);
          return false;
        }
        const parsed = parseDraftText(r.text);
        if (!parsed.ok) {
          setError(`无法打开备份：${parsed.error}`);
          return false;
        }
        idRef.current = sessionId();
        load(parsed.draft, r.file, true);
        setError(null);
        setNotice(`已打开「${offer.file.name}」的备份（保存于 ${formatSavedAt(offer.backup?.savedAt ?? '')}），保存后将替换已损坏的文件`);
        return true;
      } catch (e) {
        setError(failureText('无法打开备份', e));
        return false;
      }
    },
    [damaged, host, load, restoreById],
  );

  // ---- output ---------------------------------------------------------------------------------
  const exportDocument = useCallback(
    async (kind: ExportKind) => {
      const cur = docRef.current;
      const serialized = trySerializeDraft(cur.draft);
      if (!serialized.ok) {
        setError(`无法导出：${serialized.error}`);
        return false;
      }
      const text = serialized.text;
      const stem = suggestedName(cur.draft).replace(/\.gkbg$/, '');
      const name = kind === 'docx' ? `${stem}.docx` : kind === 'pdf' ? `${stem}.pdf` : `${stem}（审核单）.docx`;
      setBusy(true);
      try {
        const r = await host.exportDocument({ text, kind, suggestedName: name });
        if (r.status === 'error') setError(r.message);
        if (r.status === 'saved') setNotice(`已导出「${fileNameOf(r.path)}」`);
        return r.status === 'saved';
      } catch (e) {
        setError(failureText('导出失败', e));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [host],
  );

  const print = useCallback(async () => {
    try {
      const r = await host.print({ text: serializeDraft(docRef.current.draft) });
      if (r.status === 'error') setError(r.message);
      return r.status === 'ok';
    } catch (e) {
      setError(failureText('无法打印', e));
      return false;
    }
  }, [host]);

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
      recovery,
      restoreRecovery,
      discardRecoveryOffer,
      skipRecoveryOffer,
      damaged,
      openDamagedCopy,
      confirm,
      answerConfirm,
      changedOnDisk,
      answerChangedOnDisk,
      error,
      notice,
      autosaveProblem,
      clearMessages,
      reviewFlags,
      exportDocument,
      print,
      convertTo2021,
      openImported,
      fileName,
      busy,
    }),
    [doc, update, newDraft, open, openFile, save, saveAs, nextYear, recent, recovery, restoreRecovery, discardRecoveryOffer, skipRecoveryOffer, damaged, openDamagedCopy, confirm, answerConfirm, changedOnDisk, answerChangedOnDisk, error, notice, autosaveProblem, clearMessages, reviewFlags, exportDocument, print, convertTo2021, openImported, fileName, busy],
  );
}

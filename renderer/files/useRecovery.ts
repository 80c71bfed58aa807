/**
 * Crash recovery and damaged drafts, for `useDocument`: the autosaves offered at start (one at a time, a damaged one
 * with its problem, to delete or keep), and a draft that didn't open with its `.bak` and latest autosave.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import type { FileRef, HostResult, ReportHost } from '../../shared/ipc/contract.js';
import { parseDraftText } from '../../shared/schema/draft.js';
import { failureText, formatSavedAt, sessionId } from './documentNames.js';
import type { DocState, DocumentLoading } from './useDocumentParts.js';

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

export interface RecoveryDeps extends DocumentLoading {
  host: ReportHost;
  /** the editing session's autosave id */
  idRef: MutableRefObject<string>;
  docRef: MutableRefObject<DocState>;
  mayReplace(): Promise<boolean>;
  /** `mayReplace` again after a read, if the draft changed since `asked` (useSaving.ts) */
  mayStillReplace(asked: DocState['draft']): Promise<boolean>;
  refreshRecent(): Promise<void>;
}

export function useRecovery({ host, docRef, idRef, load, mayReplace, mayStillReplace, refreshRecent, setError, setNotice }: RecoveryDeps) {
  const [recoveryList, setRecoveryList] = useState<HostResult<'listRecovery'>['entries']>([]);
  const [recoveryMore, setRecoveryMore] = useState(0);
  const skippedRecovery = useRef(new Set<string>());
  const [damaged, setDamaged] = useState<DamagedOffer | null>(null);

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
    async (id: string, savedAt: string, asked?: DocState['draft']): Promise<boolean> => {
      try {
        const r = await host.readRecovery({ id });
        if (r.status === 'error') {
          setError(r.message);
          return false;
        }
        if (asked && !(await mayStillReplace(asked))) return false;
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
    [host, load, mayStillReplace],
  );

  const restoreRecovery = useCallback(async () => {
    const entry = recoveryList[0];
    if (!entry || entry.problem) return false;
    // a second offer while the first restored draft is still unsaved: ask before replacing it
    const asked = docRef.current.draft;
    if (!(await mayReplace())) return false;
    setRecoveryList((l) => l.slice(1));
    return restoreById(entry.id, entry.savedAt, asked);
  }, [recoveryList, docRef, mayReplace, restoreById]);

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

  // one object while its members stay the same, so the document controller built from it is memoised too
  return useMemo(() => ({ recovery, restoreRecovery, discardRecoveryOffer, skipRecoveryOffer, damaged, setDamaged, openDamagedCopy }), [recovery, restoreRecovery, discardRecoveryOffer, skipRecoveryOffer, damaged, setDamaged, openDamagedCopy]);
}

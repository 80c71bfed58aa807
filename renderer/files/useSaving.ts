/**
 * Saving, for `useDocument`: `save()`, `saveAs()`, `saveWithReason(reason)` — every save records a version in the draft
 * before it is serialised (shared/report/history.ts), here, the one place, so every host gets it — the question when
 * the file changed on disk (`changedOnDisk` / `answerChangedOnDisk`), and `mayReplace()`, the 「是否保存？」 question
 * before unsaved changes would be replaced (`confirm` / `answerConfirm`).
 */
import { type Dispatch, type MutableRefObject, type SetStateAction, useCallback, useMemo, useRef, useState } from 'react';
import type { ReportHost } from '../../shared/ipc/contract.js';
import { localTimestamp, recordVersion } from '../../shared/report/history.js';
import { trySerializeDraft } from '../../shared/schema/draft.js';
import { failureText, sessionId, suggestedName, writtenNotice } from './documentNames.js';
import type { DocState, OutputMessages, useAutosave } from './useDocumentParts.js';

export type ConfirmChoice = 'save' | 'discard' | 'cancel';
export type ChangedOnDiskChoice = 'keep-both' | 'overwrite' | 'cancel';

export interface SavingDeps extends OutputMessages, Pick<ReturnType<typeof useAutosave>, 'setAutosaveProblem' | 'cancelAutosave' | 'discardOwnRecovery'> {
  host: ReportHost;
  docRef: MutableRefObject<DocState>;
  setDoc: Dispatch<SetStateAction<DocState>>;
  /** the editing session's autosave id */
  idRef: MutableRefObject<string>;
  refreshRecent(): Promise<void>;
}

export function useSaving(deps: SavingDeps) {
  const { host, docRef, setDoc, idRef, refreshRecent, setAutosaveProblem, cancelAutosave, discardOwnRecovery, setError, setNotice, setBusy } = deps;
  const [confirm, setConfirm] = useState<{ message: string } | null>(null);
  const confirmResolve = useRef<((c: ConfirmChoice) => void) | null>(null);
  const [changedOnDisk, setChangedOnDisk] = useState<{ message: string } | null>(null);
  const changedResolve = useRef<((c: ChangedOnDiskChoice) => void) | null>(null);

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
    [host, docRef, setDoc, discardOwnRecovery, refreshRecent, setAutosaveProblem, setError, setNotice, setBusy],
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
  }, [host, docRef, idRef, cancelAutosave, discardOwnRecovery]);

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
  }, [docRef, saveImpl, discardUnsaved]);

  /**
   * Asked again after a read that takes time (a file chosen and read, a recovery entry): if the clerk typed since
   * `asked` was the draft, the question comes back — what was typed while the file was read is never dropped unasked.
   */
  const mayStillReplace = useCallback(async (asked: DocState['draft']): Promise<boolean> => docRef.current.draft === asked || mayReplace(), [docRef, mayReplace]);

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

  // one object while its members stay the same, so the document controller built from it is memoised too
  return useMemo(
    () => ({ save, saveAs, saveWithReason, mayReplace, mayStillReplace, confirm, answerConfirm, changedOnDisk, answerChangedOnDisk }),
    [save, saveAs, saveWithReason, mayReplace, mayStillReplace, confirm, answerConfirm, changedOnDisk, answerChangedOnDisk],
  );
}

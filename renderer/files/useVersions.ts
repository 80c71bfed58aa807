/**
 * Versions and review states, for `useDocument` (shared/report/history.ts, reviewState.ts): `restoreVersion(n)` (the
 * editor remounts with it), `dropVersion(n)` and `changeReviewState(action, by, reason)`, each null when done, else why
 * not. Dropping a version or changing the state changes the document's own records, not the editor's content: the
 * editor is not remounted.
 */
import { type Dispatch, type MutableRefObject, type SetStateAction, useCallback, useMemo } from 'react';
import { dropVersion as dropFromHistory, localTimestamp, restoreVersion as restoreFromHistory } from '../../shared/report/history.js';
import { applyReviewAction, REVIEW_ACTIONS, type ReviewAction } from '../../shared/report/reviewState.js';
import type { DraftFile } from '../../shared/schema/draft.js';
import type { DocState, DocumentLoading } from './useDocumentParts.js';

export interface VersionDeps extends DocumentLoading {
  docRef: MutableRefObject<DocState>;
  setDoc: Dispatch<SetStateAction<DocState>>;
  scheduleAutosave(): void;
}

export function useVersions({ docRef, setDoc, load, scheduleAutosave, setError, setNotice }: VersionDeps) {
  /** A change to the document's own records (not the editor's content): the editor is not remounted. */
  const replaceRecords = useCallback(
    (draft: DraftFile) => {
      docRef.current = { ...docRef.current, draft, dirty: true };
      setDoc((d) => ({ ...d, draft, dirty: true }));
      scheduleAutosave();
    },
    [docRef, setDoc, scheduleAutosave],
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
    [docRef, load, setError, setNotice],
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
    [docRef, replaceRecords, setError, setNotice],
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
    [docRef, replaceRecords, setError, setNotice],
  );

  // one object while its members stay the same, so the document controller built from it is memoised too
  return useMemo(() => ({ restoreVersion, dropVersion, changeReviewState }), [restoreVersion, dropVersion, changeReviewState]);
}

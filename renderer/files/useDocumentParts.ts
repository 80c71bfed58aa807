/**
 * Two jobs of `useDocument` on their own: the autosave (written `AUTOSAVE_DELAY_MS` after the first unsaved change,
 * never silently stopped) and the output (export and print, each through the host, failures in the banner).
 */
import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import type { FileRef, ReportHost } from '../../shared/ipc/contract.js';
import { fileNameOf } from '../../shared/ipc/title.js';
import { serializeDraft, trySerializeDraft, type DraftFile } from '../../shared/schema/draft.js';
import { exportFileName, failureText, suggestedName, writtenNotice, type ExportKind } from './documentNames.js';

export const AUTOSAVE_DELAY_MS = 2000;

export interface DocState {
  draft: DraftFile;
  file: FileRef | null;
  dirty: boolean;
  revision: number;
}

export function useAutosave(host: ReportHost, docRef: MutableRefObject<DocState>, idRef: MutableRefObject<string>) {
  const [autosaveProblem, setAutosaveProblem] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const writeAutosave = useCallback(async () => {
    timer.current = null;
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
  }, [host, docRef, idRef]);

  const scheduleAutosave = useCallback(() => {
    if (timer.current === null) timer.current = setTimeout(() => void writeAutosave(), AUTOSAVE_DELAY_MS);
  }, [writeAutosave]);

  const cancelAutosave = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  useEffect(() => cancelAutosave, [cancelAutosave]);

  const discardOwnRecovery = useCallback(async () => {
    cancelAutosave();
    try {
      await host.discardRecovery({ id: idRef.current });
    } catch {
      // nothing to discard
    }
  }, [host, idRef, cancelAutosave]);

  return { autosaveProblem, setAutosaveProblem, scheduleAutosave, cancelAutosave, discardOwnRecovery };
}

/** The banner's messages, for the parts of `useDocument`. */
export interface DocumentMessages {
  setError(message: string | null): void;
  setNotice(message: string | null): void;
}

/** Loading a different draft (the editor remounts), for the parts of `useDocument` that replace the document. */
export interface DocumentLoading extends DocumentMessages {
  load(draft: DraftFile, file: FileRef | null, dirty: boolean): void;
}

export interface OutputMessages extends DocumentMessages {
  setBusy(busy: boolean): void;
}

export function useOutput(host: ReportHost, docRef: MutableRefObject<DocState>, { setError, setNotice, setBusy }: OutputMessages) {
  const exportDocument = useCallback(
    async (kind: ExportKind) => {
      const cur = docRef.current;
      const serialized = trySerializeDraft(cur.draft);
      if (!serialized.ok) {
        setError(`无法导出：${serialized.error}`);
        return false;
      }
      setBusy(true);
      try {
        const r = await host.exportDocument({ text: serialized.text, kind, suggestedName: exportFileName(cur.draft, kind) });
        if (r.status === 'error') setError(r.message);
        if (r.status === 'saved') setNotice(writtenNotice(host, 'export', fileNameOf(r.path)));
        return r.status === 'saved';
      } catch (e) {
        setError(failureText('导出失败', e));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [host, docRef, setError, setNotice, setBusy],
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
  }, [host, docRef, setError]);

  return { exportDocument, print };
}

/**
 * The file side of the host contract in plain Node: open, save (atomic, with backup), 最近打开, autosave and recovery.
 * The Electron glue and the end-to-end test host both use these, with their own `Dialogs` (native dialogs in Electron,
 * answers queued by the test in Playwright), so the tests exercise the same code the app runs.
 *
 * Paths belong to main: a path reaches these services only from `Dialogs`, the recent list, recovery records or the
 * glue (`queueOpen`, files the OS gave); the page names files by the opaque ids of `FileHandles`.
 */
import type { FileRef, HostArg, HostResult } from '../../../shared/ipc/contract.js';
import { readDraftFile, saveDraftFile, withDraftExtension } from './draftFiles.js';
import { FileHandles } from './fileHandles.js';
import { RecentFiles } from './recentFiles.js';
import { RecoveryStore } from './recovery.js';

export interface Dialogs {
  /** ask for a draft to open; null when the user cancels */
  chooseOpen(): Promise<string | null>;
  /** ask where to save; null when the user cancels */
  chooseSave(suggestedName: string, currentPath: string | null): Promise<string | null>;
}

export interface FileServicesOptions {
  dataDir: string;
  dialogs: Dialogs;
  /** told about every file opened or saved (the glue calls app.addRecentDocument) */
  onRecent?: (path: string) => void;
}

type Method<M extends 'openDraft' | 'openDraftAt' | 'saveDraft' | 'recentFiles' | 'autosave' | 'listRecovery' | 'readRecovery' | 'discardRecovery' | 'pendingOpens'> = (
  arg: HostArg<M>,
) => Promise<HostResult<M>>;

export type FileServices = {
  openDraft: Method<'openDraft'>;
  openDraftAt: Method<'openDraftAt'>;
  saveDraft: Method<'saveDraft'>;
  recentFiles: Method<'recentFiles'>;
  autosave: Method<'autosave'>;
  listRecovery: Method<'listRecovery'>;
  readRecovery: Method<'readRecovery'>;
  discardRecovery: Method<'discardRecovery'>;
  pendingOpens: Method<'pendingOpens'>;
};

/** What the page sees when it names a file main never handed out. */
export const UNKNOWN_FILE = '找不到这个文件的记录，请用「打开」重新选择文件';

export function createFileServices(options: FileServicesOptions): FileServices & {
  recovery: RecoveryStore;
  recent: RecentFiles;
  handles: FileHandles;
  /** a file the OS gave before the page was listening (double-click at start): returned once by pendingOpens */
  queueOpen(path: string): void;
} {
  const recent = new RecentFiles(options.dataDir);
  const recovery = new RecoveryStore(options.dataDir);
  const handles = new FileHandles();
  const pending: string[] = [];
  const refOf = (path: string | null): FileRef | null => (path ? handles.grant(path) : null);
  const remember = async (path: string) => {
    await recent.add(path).catch(() => undefined);
    options.onRecent?.(path);
  };
  const openAt = async (path: string): Promise<HostResult<'openDraftAt'>> => {
    const read = await readDraftFile(path);
    if (!read.ok) return { status: 'error', message: read.error };
    await remember(path);
    return { status: 'opened', file: handles.grant(path), text: read.text };
  };
  return {
    recovery,
    recent,
    handles,
    queueOpen: (path) => void pending.push(path),
    async openDraft() {
      const path = await options.dialogs.chooseOpen();
      if (!path) return { status: 'canceled' };
      return openAt(path);
    },
    async openDraftAt({ file }) {
      const path = handles.pathOf(file);
      return path ? openAt(path) : { status: 'error', message: UNKNOWN_FILE };
    },
    async saveDraft({ file, text, saveAs, suggestedName }) {
      const current = file === null ? null : handles.pathOf(file);
      if (file !== null && current === null) return { status: 'error', message: UNKNOWN_FILE };
      let target = current;
      if (!target || saveAs) {
        const chosen = await options.dialogs.chooseSave(suggestedName, current);
        if (!chosen) return { status: 'canceled' };
        target = withDraftExtension(chosen);
      }
      const saved = await saveDraftFile(target, text);
      if (!saved.ok) return { status: 'error', message: saved.error };
      await remember(target);
      return { status: 'saved', file: handles.grant(target) };
    },
    recentFiles: async () => (await recent.list()).map((p) => handles.grant(p)),
    async autosave({ id, file, title, text }) {
      const path = file === null ? null : handles.pathOf(file);
      if (file !== null && path === null) return { status: 'error', message: UNKNOWN_FILE };
      try {
        await recovery.write({ id, path, title, text });
        return { status: 'ok' };
      } catch (e) {
        return { status: 'error', message: `自动保存失败：${e instanceof Error ? e.message : String(e)}` };
      }
    },
    listRecovery: async () => (await recovery.list()).map(({ path, ...entry }) => ({ ...entry, file: refOf(path) })),
    async readRecovery({ id }) {
      const record = await recovery.read(id);
      if (!record) return { status: 'error', message: '恢复文件已损坏或已不存在' };
      recovery.adopt(id);
      return { status: 'opened', file: refOf(record.path), text: record.text };
    },
    async discardRecovery({ id }) {
      await recovery.discard(id);
      return { status: 'ok' };
    },
    pendingOpens: async () => pending.splice(0).map((p) => handles.grant(p)),
  };
}

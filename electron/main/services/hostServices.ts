/**
 * The file side of the host contract in plain Node: open, save (atomic, with backup), 最近打开, autosave and recovery.
 * The Electron glue and the end-to-end test host both use these, with their own `Dialogs` (native dialogs in Electron,
 * answers queued by the test in Playwright), so the tests exercise the same code the app runs.
 */
import type { HostArg, HostResult } from '../../../shared/ipc/contract.js';
import { readDraftFile, saveDraftFile, withDraftExtension } from './draftFiles.js';
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

export type FileServices = {
  openDraft: (arg: HostArg<'openDraft'>) => Promise<HostResult<'openDraft'>>;
  openDraftAt: (arg: HostArg<'openDraftAt'>) => Promise<HostResult<'openDraftAt'>>;
  saveDraft: (arg: HostArg<'saveDraft'>) => Promise<HostResult<'saveDraft'>>;
  recentFiles: (arg: HostArg<'recentFiles'>) => Promise<HostResult<'recentFiles'>>;
  autosave: (arg: HostArg<'autosave'>) => Promise<HostResult<'autosave'>>;
  listRecovery: (arg: HostArg<'listRecovery'>) => Promise<HostResult<'listRecovery'>>;
  readRecovery: (arg: HostArg<'readRecovery'>) => Promise<HostResult<'readRecovery'>>;
  discardRecovery: (arg: HostArg<'discardRecovery'>) => Promise<HostResult<'discardRecovery'>>;
};

export function createFileServices(options: FileServicesOptions): FileServices & { recovery: RecoveryStore; recent: RecentFiles } {
  const recent = new RecentFiles(options.dataDir);
  const recovery = new RecoveryStore(options.dataDir);
  const remember = async (path: string) => {
    await recent.add(path).catch(() => undefined);
    options.onRecent?.(path);
  };
  const openAt = async (path: string): Promise<HostResult<'openDraftAt'>> => {
    const read = await readDraftFile(path);
    if (!read.ok) return { status: 'error', message: read.error };
    await remember(path);
    return { status: 'opened', path, text: read.text };
  };
  return {
    recovery,
    recent,
    async openDraft() {
      const path = await options.dialogs.chooseOpen();
      if (!path) return { status: 'canceled' };
      return openAt(path);
    },
    openDraftAt: ({ path }) => openAt(path),
    async saveDraft({ path, text, saveAs, suggestedName }) {
      let target = path;
      if (!target || saveAs) {
        const chosen = await options.dialogs.chooseSave(suggestedName, path);
        if (!chosen) return { status: 'canceled' };
        target = withDraftExtension(chosen);
      }
      const saved = await saveDraftFile(target, text);
      if (!saved.ok) return { status: 'error', message: saved.error };
      await remember(target);
      return { status: 'saved', path: target };
    },
    recentFiles: () => recent.list(),
    async autosave({ id, path, title, text }) {
      try {
        await recovery.write({ id, path, title, text });
        return { status: 'ok' };
      } catch (e) {
        return { status: 'error', message: `自动保存失败：${e instanceof Error ? e.message : String(e)}` };
      }
    },
    listRecovery: () => recovery.list(),
    async readRecovery({ id }) {
      const record = await recovery.read(id);
      if (!record) return { status: 'error', message: '恢复文件已损坏或已不存在' };
      recovery.adopt(id);
      return { status: 'opened', path: record.path, text: record.text };
    },
    async discardRecovery({ id }) {
      await recovery.discard(id);
      return { status: 'ok' };
    },
  };
}

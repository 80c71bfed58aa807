/**
 * The file side of the host contract in plain Node: open, save (atomic, with backup), 最近打开, autosave and recovery.
 * The Electron glue and the end-to-end test host both use these, with their own `Dialogs` (native dialogs in Electron,
 * answers queued by the test in Playwright), so the tests exercise the same code the app runs.
 *
 * Paths belong to main: a path reaches these services only from `Dialogs`, the recent list, recovery records or the
 * glue (`queueOpen`, files the OS gave); the page names files by the opaque ids of `FileHandles`.
 */
import { lstat, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PENDING_OPENS_MAX, RECOVERY_LIST_MAX, type FileRef, type HostArg, type HostResult } from '../../../shared/ipc/contract.js';
import { BACKUP_SUFFIX } from './atomicWrite.js';
import { DRAFT_EXTENSION } from '../../../shared/schema/draft.js';
import { readDraftFile, readRegularText, saveDraftFile, withDraftExtension } from './draftFiles.js';
import { contentDigest, FileHandles } from './fileHandles.js';
import { describeFileError, errorCode } from './fsErrors.js';
import { RecentFiles, samePathKey } from './recentFiles.js';
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

/**
 * Has the file changed on disk since this run read or wrote it (another clerk, another copy of the app)? A file that
 * is gone has nobody's work to lose; a file this run never read can't be proven unchanged.
 */
export async function changedSinceSeen(path: string, seenDigest: string | null): Promise<boolean> {
  const current = await readRegularText(path);
  if (!current.ok) return false; // missing or unreadable: the save itself reports what is wrong
  return seenDigest === null || contentDigest(current.text) !== seenDigest;
}

/** 「报告（副本）.gkbg」, 「报告（副本 2）.gkbg」…: the first name beside `path` that no file has. */
export async function freeNameBeside(path: string): Promise<string> {
  const stem = basename(path).replace(new RegExp(`\\.${DRAFT_EXTENSION}$`, 'i'), '');
  for (let n = 1; n < 1000; n++) {
    const candidate = join(dirname(path), `${stem}（副本${n > 1 ? ` ${n}` : ''}）.${DRAFT_EXTENSION}`);
    try {
      await lstat(candidate);
    } catch {
      return candidate;
    }
  }
  return join(dirname(path), `${stem}（副本 ${Date.now()}）.${DRAFT_EXTENSION}`);
}

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
  /** A damaged draft: what is wrong, and the copies that open — its .bak and the latest autosave of it. */
  const damaged = async (path: string, message: string): Promise<HostResult<'openDraftAt'>> => {
    const bak = `${path}${BACKUP_SUFFIX}`;
    const bakOk = (await readDraftFile(bak)).ok;
    const bakTime = bakOk ? (await stat(bak).catch(() => null))?.mtime.toISOString() : undefined;
    const key = samePathKey(path);
    const latest = (await recovery.list()).find((e) => !e.problem && e.path !== null && samePathKey(e.path) === key);
    const file = handles.grant(path);
    // what is on disk now is what a save from one of these copies replaces (no "changed on disk" question)
    const current = await readRegularText(path);
    if (current.ok) handles.markSeen(file.id, contentDigest(current.text));
    return { status: 'damaged', message, file, backup: bakTime ? { savedAt: bakTime } : null, recovery: latest ? { id: latest.id, savedAt: latest.savedAt } : null };
  };
  const openAt = async (path: string): Promise<HostResult<'openDraftAt'>> => {
    const read = await readDraftFile(path);
    if (!read.ok) return read.damaged ? damaged(path, read.error) : { status: 'error', message: read.error };
    await remember(path);
    const file = handles.grant(path);
    handles.markSeen(file.id, contentDigest(read.text));
    return { status: 'opened', file, text: read.text };
  };
  const openBackup = async (path: string): Promise<HostResult<'openDraftAt'>> => {
    const read = await readDraftFile(`${path}${BACKUP_SUFFIX}`);
    if (!read.ok) return { status: 'error', message: read.error };
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
    async openDraftAt({ file, copy }) {
      const path = handles.pathOf(file);
      if (!path) return { status: 'error', message: UNKNOWN_FILE };
      return copy === 'backup' ? openBackup(path) : openAt(path);
    },
    async saveDraft({ file, text, saveAs, suggestedName, ifChanged = 'ask' }) {
      const current = file === null ? null : handles.pathOf(file);
      if (file !== null && current === null) return { status: 'error', message: UNKNOWN_FILE };
      let target = current;
      if (!target || saveAs) {
        const chosen = await options.dialogs.chooseSave(suggestedName, current);
        if (!chosen) return { status: 'canceled' };
        target = withDraftExtension(chosen);
      } else if (file !== null && ifChanged !== 'overwrite' && (await changedSinceSeen(target, handles.seenDigest(file)))) {
        if (ifChanged === 'ask') return { status: 'changed-on-disk', message: `「${basename(target)}」在打开后已被其他人或其他程序修改过，直接保存会覆盖那些修改。` };
        target = await freeNameBeside(target);
      }
      const saved = await saveDraftFile(target, text);
      if (!saved.ok) return { status: 'error', message: saved.error };
      await remember(target);
      const ref = handles.grant(target);
      handles.markSeen(ref.id, contentDigest(text));
      return { status: 'saved', file: ref };
    },
    recentFiles: async () => (await recent.list()).map((p) => handles.grant(p)),
    async autosave({ id, file, title, text, reason }) {
      const path = file === null ? null : handles.pathOf(file);
      if (file !== null && path === null) return { status: 'error', message: UNKNOWN_FILE };
      try {
        await recovery.write({ id, path, title, text, base: file === null ? null : handles.seenDigest(file), ...(reason ? { reason } : {}) });
        return { status: 'ok' };
      } catch (e) {
        return { status: 'error', message: `${describeFileError({ code: errorCode(e) }, title || '未命名', 'autosave')}。已输入的内容仍在窗口中，请尽快保存。` };
      }
    },
    async listRecovery() {
      const all = await recovery.list();
      const entries = all
        .slice(0, RECOVERY_LIST_MAX)
        .map(({ id, savedAt, title, path, problem, reason }) => ({ id, savedAt, title, file: refOf(path), ...(problem ? { problem } : {}), ...(reason ? { reason } : {}) }));
      return { entries, more: all.length - entries.length };
    },
    async readRecovery({ id }) {
      const record = await recovery.read(id);
      if (!record) return { status: 'error', message: '恢复文件已损坏或已不存在' };
      recovery.adopt(id);
      const file = refOf(record.path);
      // the restored draft is based on the version it was autosaved from: a save notices a change since then
      if (file && record.base) handles.markSeen(file.id, record.base);
      return { status: 'opened', file, text: record.text };
    },
    async discardRecovery({ id }) {
      await recovery.discard(id);
      return { status: 'ok' };
    },
    // 25 files on the command line must not fail the result's limit whole: the first ones, in order; the rest are
    // dropped, not left queued to open unasked at a later call
    pendingOpens: async () => pending.splice(0).slice(0, PENDING_OPENS_MAX).map((p) => handles.grant(p)),
  };
}

/**
 * Atomic file writes (engineering §1): the new content goes to a temp file in the same folder, is flushed to
 * disk (fsync), and only then renamed over the target — so a crash, a power loss or a full disk at any moment
 * leaves either the old file or the new one, never a half-written mix. Optionally the previous version is kept
 * as `<name>.bak` (itself written atomically) before the rename.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const BACKUP_SUFFIX = '.bak';

export interface AtomicWriteOptions {
  /** keep the file being replaced as `<path>.bak` */
  backup?: boolean;
  /** test seam: called after the temp file is durable and before the rename (fault injection) */
  beforeRename?: (tempPath: string) => Promise<void> | void;
}

/** The temp name: hidden, in the same folder (a rename across file systems is not atomic). */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** True for names this module leaves behind only when killed mid-write (safe to delete, never to open). */
export function isTempName(name: string): boolean {
  return /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/.test(name);
}

async function writeDurably(path: string, data: string | Uint8Array, flags: string): Promise<void> {
  const handle = await open(path, flags, 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flush the folder entry after a rename, where the platform allows it (not on Windows). */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(folder, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // some file systems refuse fsync on a folder: the rename itself is still atomic
  }
}

export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const temp = tempPathFor(path);
  try {
    await writeDurably(temp, data, 'wx');
    if (options.backup) await backupExisting(path);
    await options.beforeRename?.(temp);
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await syncFolder(dirname(path));
}

/** Copy the current file (if any) to `<path>.bak`, atomically: a crash never leaves a half-copied backup. */
async function backupExisting(path: string): Promise<void> {
  const bak = `${path}${BACKUP_SUFFIX}`;
  const temp = tempPathFor(bak);
  try {
    await copyFile(path, temp, constants.COPYFILE_EXCL);
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return; // nothing to back up yet
    throw e;
  }
  try {
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, bak);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}

/**
 * Remove temp files an earlier, killed process left beside `path` (another pid; this process's own are in use).
 * On Windows a leading dot doesn't hide a file, so the clerk would see them. Best effort: never throws.
 */
export async function removeStaleTemps(path: string, pid: number = process.pid): Promise<string[]> {
  const removed: string[] = [];
  const names = [basename(path), `${basename(path)}${BACKUP_SUFFIX}`];
  let entries: string[];
  try {
    entries = await readdir(dirname(path));
  } catch {
    return removed;
  }
  for (const entry of entries) {
    if (!isTempName(entry)) continue;
    const m = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(entry);
    if (!m || !names.includes(m[1] ?? '') || Number(m[2]) === pid) continue;
    try {
      await unlink(join(dirname(path), entry));
      removed.push(entry);
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}

export function errorCode(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
}

/** A Chinese message for a failed write: what happened and that nothing was lost. */
export function describeWriteError(e: unknown, path: string): string {
  const name = basename(path);
  switch (errorCode(e)) {
    case 'ENOENT':
      return `无法保存「${name}」：所在文件夹不存在（可能已被移动、删除或 U 盘已拔出）`;
    case 'EACCES':
    case 'EPERM':
      return `无法保存「${name}」：没有写入权限（文件或文件夹可能是只读的）`;
    case 'EROFS':
      return `无法保存「${name}」：所在位置是只读的`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `无法保存「${name}」：磁盘空间不足`;
    case 'EISDIR':
      return `无法保存「${name}」：同名的文件夹已存在`;
    case 'ENOTDIR':
      return `无法保存「${name}」：路径中有一部分不是文件夹`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `无法保存「${name}」：文件正被其他程序占用，请关闭后重试`;
    case 'ENAMETOOLONG':
      return `无法保存「${name}」：文件名或路径过长`;
    case 'EIO':
      return `无法保存「${name}」：磁盘读写出错`;
    default: {
      const code = errorCode(e);
      return `无法保存「${name}」${code ? `（${code}）` : ''}`;
    }
  }
}

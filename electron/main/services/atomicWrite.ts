/**
 * Atomic file writes (engineering §1): the new content goes to a temp file in the same folder, is flushed to
 * disk (fsync), and only then renamed over the target — so a crash, a power loss or a full disk at any moment
 * leaves either the old file or the new one, never a half-written mix. Optionally the previous version is kept
 * as `<name>.bak` (itself written atomically) before the rename.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, lstat, open, readdir, rename, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

export const BACKUP_SUFFIX = '.bak';

export interface AtomicWriteOptions {
  /** keep the file being replaced as `<path>.bak` */
  backup?: boolean;
  /** test seam: called after the temp file is durable and before the rename (fault injection) */
  beforeRename?: (tempPath: string) => Promise<void> | void;
}

/** This machine, as a short tag in temp names: a pid only proves anything on the machine that wrote it. */
export const HOST_TAG = createHash('sha256').update(hostname()).digest('hex').slice(0, 6);

/**
 * The temp name: hidden, in the same folder (a rename across file systems is not atomic), unique per machine, process
 * and attempt: `.<name>.<host>-<pid>.<random>.tmp`.
 */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${HOST_TAG}-${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

const TEMP_NAME = /^\.(.+)\.(?:([0-9a-f]{6})-)?(\d+)\.[0-9a-f]{8}\.tmp$/;

/** The parts of a temp name (older builds wrote no host tag: `host` null), or null for any other name. */
export function parseTempName(name: string): { target: string; host: string | null; pid: number } | null {
  const m = TEMP_NAME.exec(name);
  return m ? { target: m[1] ?? '', host: m[2] ?? null, pid: Number(m[3]) } : null;
}

/** True for names this module leaves behind only when killed mid-write (never to open). */
export function isTempName(name: string): boolean {
  return TEMP_NAME.test(name);
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

/** Older than this, a temp file is abandoned whoever wrote it (no save takes a day). */
export const ABANDONED_TEMP_MS = 24 * 60 * 60 * 1000;

/** Is a process with this pid running on this machine? (EPERM: it runs, under another user.) */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errorCode(e) === 'EPERM';
  }
}

/**
 * A temp file is provably stale when the process that wrote it is gone: same machine and its pid not running, or so
 * old no save can still be writing it. A temp of a live process — another copy of the app saving the same draft, or
 * another machine on a shared folder — is never touched: deleting it would fail that save.
 */
export function isStaleTemp(name: string, modifiedMs: number, now: number = Date.now()): boolean {
  const parsed = parseTempName(name);
  if (!parsed) return false;
  if (now - modifiedMs > ABANDONED_TEMP_MS) return true;
  return parsed.host === HOST_TAG && parsed.pid !== process.pid && !isProcessAlive(parsed.pid);
}

/**
 * Remove temp files a killed process left beside `path` (the draft's and its backup's). On Windows a leading dot
 * doesn't hide a file, so the clerk would see them. Best effort: never throws.
 */
export async function removeStaleTemps(path: string): Promise<string[]> {
  const removed: string[] = [];
  const names = [basename(path), `${basename(path)}${BACKUP_SUFFIX}`];
  let entries: string[];
  try {
    entries = await readdir(dirname(path));
  } catch {
    return removed;
  }
  for (const entry of entries) {
    const parsed = parseTempName(entry);
    if (!parsed || !names.includes(parsed.target)) continue;
    try {
      const info = await lstat(join(dirname(path), entry));
      if (!info.isFile() || !isStaleTemp(entry, info.mtimeMs)) continue;
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

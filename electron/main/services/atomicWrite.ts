/**
 * Atomic file writes (engineering §1): the new content goes to a temp file in the same folder, is flushed to
 * disk (fsync), and only then renamed over the target — so a crash, a power loss or a full disk at any moment
 * leaves either the old file or the new one, never a half-written mix. Optionally the previous version is kept
 * as `<name>.bak` (itself written atomically) before the rename.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, readdir, readlink, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { describeFileError, errorCode, notRegularFileError } from './fsErrors.js';

export { errorCode } from './fsErrors.js';

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

/**
 * Where a write to `path` really goes: a symlinked draft is written through to its target (renaming over the link
 * would replace it with a regular file); a special file (FIFO, device, socket) or a folder is refused before anything
 * opens it — opening a FIFO blocks until someone writes to it, and with it every later save.
 */
export async function resolveWriteTarget(path: string, hops = 0): Promise<string> {
  let info;
  try {
    info = await lstat(path);
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return path;
    throw e;
  }
  if (info.isSymbolicLink()) {
    if (hops >= 16) throw Object.assign(new Error('symlink loop'), { code: 'ELOOP', path });
    return resolveWriteTarget(resolve(dirname(path), await readlink(path)), hops + 1);
  }
  if (info.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR', path });
  if (!info.isFile()) throw notRegularFileError(path);
  return path;
}

/** Open an existing file for reading without blocking on a FIFO, and refuse anything but a regular file. */
export async function openRegularFile(path: string) {
  const before = await stat(path);
  if (!before.isFile()) throw before.isDirectory() ? Object.assign(new Error('is a folder'), { code: 'EISDIR', path }) : notRegularFileError(path);
  // O_NONBLOCK: if the file was swapped for a FIFO since the stat, opening still returns at once (not on Windows).
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  const info = await handle.stat();
  if (!info.isFile()) {
    await handle.close();
    throw notRegularFileError(path);
  }
  return handle;
}

/** Thrown by readRegularFile for a file over its limit; `size` is what was found (the fstat's, or more if it grew). */
export class FileTooLargeError extends Error {
  constructor(readonly size: number, readonly limit: number) {
    super(`file of ${size} bytes over the limit of ${limit}`);
  }
}

/** The bytes as UTF-8 text, or null when they are not UTF-8 (only the decoder's own error: anything else is a bug). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    if (errorCode(e) === 'ERR_ENCODING_INVALID_ENCODED_DATA') return null;
    throw e;
  }
}

/**
 * A regular file's bytes through openRegularFile (a FIFO refused, never waited on): at most `limit` bytes — a larger
 * file, also one that grew after its fstat, throws FileTooLargeError. The one way this program reads a whole file.
 */
export async function readRegularFile(path: string, limit = Number.POSITIVE_INFINITY): Promise<Buffer> {
  const handle = await openRegularFile(path);
  try {
    if (limit === Number.POSITIVE_INFINITY) return await handle.readFile();
    const { size } = await handle.stat();
    if (size > limit) throw new FileTooLargeError(size, limit);
    // one byte past the limit: a file that grew after the fstat is still refused by size
    const buf = Buffer.allocUnsafe(Math.min(size, limit) + 1);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    if (bytesRead > limit) throw new FileTooLargeError(bytesRead, limit);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const target = await resolveWriteTarget(path);
  const temp = tempPathFor(target);
  try {
    await writeDurably(temp, data, 'wx');
    if (options.backup) await backupExisting(target);
    await options.beforeRename?.(temp);
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await syncFolder(dirname(target));
}

/** Copy the current file (if any) to `<path>.bak`, atomically: a crash never leaves a half-copied backup. */
async function backupExisting(path: string): Promise<void> {
  const bak = `${path}${BACKUP_SUFFIX}`;
  let current: Buffer;
  try {
    current = await readRegularFile(path);
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return; // nothing to back up yet
    throw e;
  }
  const temp = tempPathFor(bak);
  try {
    await writeDurably(temp, current, 'wx');
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

/** A Chinese message for a failed save (see fsErrors.ts: names the file that failed, never a code or a temp path). */
export function describeWriteError(e: unknown, path: string): string {
  return describeFileError(e, path, 'save');
}

/**
 * The one place a Node file-system error becomes what the clerk reads: Simplified Chinese, naming the file that
 * failed by its own name (the `.bak` when the backup failed, the draft when its temp file failed) — never an error
 * code, a temp-file path or an English message.
 */
import { basename } from 'node:path';

/** `read`: a file the command line or a review reads (a draft, report data, a published report), not opened for editing. */
export type FileAction = 'save' | 'open' | 'read' | 'autosave' | 'export';

const ACTION_LEAD: Record<FileAction, string> = { save: '无法保存', open: '无法打开', read: '无法读取', autosave: '自动保存失败', export: '无法导出' };
const WRITES: ReadonlySet<FileAction> = new Set(['save', 'autosave', 'export']);

/** Thrown before a special file (FIFO, device, socket, folder) is opened: it would block or isn't a draft. */
export const NOT_REGULAR_FILE = 'ENOTREGULAR';

export function errorCode(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
}

export function notRegularFileError(path: string): Error {
  return Object.assign(new Error('not a regular file'), { code: NOT_REGULAR_FILE, path });
}

const TEMP = /^\.(.+)\.(?:[0-9a-f]{6}-)?\d+\.[0-9a-f]{8}\.tmp$/;

/** The file the clerk knows that an error is about: the rename's target, a temp file's draft, else `fallback`. */
export function failedFileName(e: unknown, fallback: string): string {
  const err = (typeof e === 'object' && e !== null ? e : {}) as { dest?: unknown; path?: unknown };
  const named = typeof err.dest === 'string' ? err.dest : typeof err.path === 'string' ? err.path : fallback;
  const name = basename(named);
  return TEMP.exec(name)?.[1] ?? name;
}

function reason(code: string, action: FileAction): string {
  const writing = WRITES.has(action);
  switch (code) {
    case 'ENOENT':
      return writing ? '所在文件夹不存在（可能已被移动、删除或 U 盘已拔出）' : '文件不存在（可能已被移动、删除或 U 盘已拔出）';
    case 'EACCES':
    case 'EPERM':
      return writing ? '没有写入权限（文件或文件夹可能是只读的）' : '没有读取权限';
    case 'EROFS':
      return '所在位置是只读的';
    case 'ENOSPC':
    case 'EDQUOT':
      return '磁盘空间不足';
    case 'EISDIR':
      return writing ? '同名的文件夹已存在' : '这是一个文件夹，不是文件';
    case 'ENOTDIR':
      return '路径中有一部分不是文件夹';
    case 'EBUSY':
    case 'ETXTBSY':
      return '文件正被其他程序占用，请关闭后重试';
    case 'ENAMETOOLONG':
      return '文件名或路径过长';
    case 'EIO':
      return '磁盘读写出错';
    case 'EMFILE':
    case 'ENFILE':
      return '打开的文件过多，请关闭一些程序后重试';
    case 'ELOOP':
      return '快捷方式（符号链接）指向自身，无法使用';
    case NOT_REGULAR_FILE:
      return '这不是普通文件（可能是管道、设备或文件夹）';
    default:
      return '';
  }
}

/** `无法保存「报告.gkbg」：磁盘空间不足` — for every failure of `action` on `path`. */
export function describeFileError(e: unknown, path: string, action: FileAction): string {
  const why = reason(errorCode(e), action);
  const name = failedFileName(e, path);
  return `${ACTION_LEAD[action]}「${name}」${why ? `：${why}` : '（发生未知错误）'}`;
}

/** `无法读取文件夹「各单位报告」：文件夹不存在…` — a folder a review or roll-up reads. */
export function describeFolderError(e: unknown, folder: string): string {
  const code = errorCode(e);
  const why = code === 'ENOENT' ? '文件夹不存在（可能已被移动、删除或 U 盘已拔出）' : code === 'ENOTDIR' ? '这是一个文件，不是文件夹' : reason(code, 'read');
  return `无法读取文件夹「${basename(folder)}」${why ? `：${why}` : '（发生未知错误）'}`;
}

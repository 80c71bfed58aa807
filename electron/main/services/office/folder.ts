/**
 * The units' files of a folder (批量核查, `report check <folder>`, `report rollup <folder>`): every regular file in it,
 * in name order, but hidden files, Office's 「~$」 lock files and the outputs of a review itself — so a .doc or an
 * image handed in by mistake becomes a row saying why it can't be read, never silently skipped.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ROLLUP_MAX_SOURCES } from '../../../../shared/rollup/record.js';
import { describeFolderError } from '../fsErrors.js';

/** Most files one review or roll-up takes: as many as a roll-up draft records. */
export const MAX_FOLDER_FILES = ROLLUP_MAX_SOURCES;

function isCandidate(name: string): boolean {
  return !name.startsWith('.') && !name.startsWith('~$') && !/^(汇总|核查结果|审核意见)/.test(name);
}

/** The files of a folder to review, sorted by name (zh collation); throws a Chinese message when it can't be read. */
export async function unitFilesIn(folder: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (e) {
    throw new Error(describeFolderError(e, folder));
  }
  const names = entries.filter((e) => !e.isDirectory() && isCandidate(e.name)).map((e) => e.name);
  names.sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
  if (names.length > MAX_FOLDER_FILES) throw new Error(`文件夹中的文件过多（${names.length} 个，上限 ${MAX_FOLDER_FILES} 个）`);
  return names.map((n) => join(folder, n));
}

/** Files and folders given together: each folder's files in place of the folder; at most MAX_FOLDER_FILES in all. */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (info?.isDirectory()) out.push(...(await unitFilesIn(input)));
    else out.push(input);
  }
  // the same cap as one folder: a roll-up records at most this many files, a review's rows cross IPC within it
  if (out.length > MAX_FOLDER_FILES) throw new Error(`选择的文件过多（${out.length} 个，上限 ${MAX_FOLDER_FILES} 个）`);
  return out;
}

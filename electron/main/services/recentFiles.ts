/**
 * The 最近打开 list, persisted as JSON in the app's data folder (written atomically). Most recent first, no
 * duplicates, at most `RECENT_MAX` entries. A missing or damaged list is simply empty.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomicWrite.js';

export const RECENT_MAX = 10;
const recentSchema = z.object({ files: z.array(z.string().min(1).max(4096)).max(100) });

export class RecentFiles {
  readonly file: string;
  constructor(dataDir: string) {
    this.file = join(dataDir, 'recent.json');
  }

  async list(): Promise<string[]> {
    try {
      const parsed = recentSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      return parsed.success ? parsed.data.files.slice(0, RECENT_MAX) : [];
    } catch {
      return [];
    }
  }

  /** Put `path` first; returns the new list. */
  async add(path: string): Promise<string[]> {
    const full = resolve(path);
    const key = samePathKey(full);
    const files = [full, ...(await this.list()).filter((p) => samePathKey(p) !== key)].slice(0, RECENT_MAX);
    await this.store(files);
    return files;
  }

  async remove(path: string): Promise<string[]> {
    const key = samePathKey(resolve(path));
    const files = (await this.list()).filter((p) => samePathKey(p) !== key);
    await this.store(files);
    return files;
  }

  private async store(files: string[]): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, `${JSON.stringify({ files }, null, 2)}\n`);
  }
}

/** Windows paths compare without case. */
export function samePathKey(path: string, platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' ? path.toLowerCase() : path;
}

/**
 * Autosave and crash recovery: a few seconds after each change the renderer sends the draft here; it is written
 * atomically to `<dataDir>/recovery/<id>.json` with when it was saved and where the draft lives. After a crash the
 * next start lists these entries and offers to restore them. An explicit save or a clean close discards the entry.
 */
import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { parseDraftText } from '../../../shared/schema/draft.js';
import { isTempName, readRegularFile, writeFileAtomic } from './atomicWrite.js';

const ID = /^[A-Za-z0-9_-]{1,100}$/;
/** A recovery file's text: one open and its fstat, so a FIFO in the folder is refused, never waited on (every later read would queue behind it). */
async function readRegular(path: string): Promise<string> {
  return (await readRegularFile(path)).toString('utf8');
}

/** An autosave id is a plain token: never a path. */
export function isRecoveryId(id: string): boolean {
  return ID.test(id);
}

const entrySchema = z.object({
  id: z.string().regex(ID),
  savedAt: z.string().max(40),
  path: z.string().min(1).max(4096).nullable(),
  title: z.string().max(300),
  text: z.string(),
  /** the digest of the file's content this draft was based on (to notice a change on disk after a restore) */
  base: z.string().max(64).nullable().optional(),
  /** 'not-saved': the clerk chose 「不保存」 for a draft that had no file — kept, as the only copy, and offered again */
  reason: z.enum(['crash', 'not-saved']).optional(),
});
export type RecoveryRecord = z.infer<typeof entrySchema>;
export type RecoveryEntry = Omit<RecoveryRecord, 'text'> & { problem?: string };
export const DAMAGED_RECOVERY = '自动恢复的文件已损坏，无法恢复';

export class RecoveryStore {
  readonly dir: string;
  /** ids this process wrote: a clean close discards exactly these */
  private readonly owned = new Set<string>();
  /**
   * Each entry's writes and discards, one at a time in the order called: an autosave still being written when the save
   * discards the entry (two calls from the page in flight at once) would otherwise land after the discard, and the saved
   * draft be offered at the next start as unsaved work.
   */
  private readonly queues = new Map<string, Promise<void>>();
  constructor(
    dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.dir = join(dataDir, 'recovery');
  }

  private inTurn(id: string, job: () => Promise<void>): Promise<void> {
    const done = (this.queues.get(id) ?? Promise.resolve()).then(job);
    const settled = done.catch(() => undefined);
    this.queues.set(id, settled);
    void settled.then(() => {
      if (this.queues.get(id) === settled) this.queues.delete(id);
    });
    return done;
  }

  private fileFor(id: string): string {
    if (!isRecoveryId(id)) throw new Error('invalid recovery id');
    return join(this.dir, `${id}.json`);
  }

  async write(entry: { id: string; path: string | null; title: string; text: string; base?: string | null; reason?: 'not-saved' }): Promise<void> {
    const file = this.fileFor(entry.id);
    await this.inTurn(entry.id, async () => {
      // a copy kept after 「不保存」 belongs to no run: a clean close must not delete it
      if (entry.reason === 'not-saved') this.owned.delete(entry.id);
      else this.owned.add(entry.id);
      await mkdir(this.dir, { recursive: true });
      const record: RecoveryRecord = { ...entry, savedAt: this.now().toISOString() };
      await writeFileAtomic(file, JSON.stringify(record));
    });
  }

  /** Every entry, newest first; a damaged one is listed with its `problem` (reported, never silently skipped). */
  async list(options: { excludeOwned?: boolean } = {}): Promise<RecoveryEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const out: RecoveryEntry[] = [];
    for (const name of names) {
      if (isTempName(name) || !name.endsWith('.json')) continue;
      const id = name.slice(0, -5);
      if (!isRecoveryId(id) || (options.excludeOwned && this.owned.has(id))) continue;
      const record = await this.read(id);
      if (record) out.push({ id: record.id, savedAt: record.savedAt, path: record.path, title: record.title, base: record.base ?? null, ...(record.reason ? { reason: record.reason } : {}) });
      else {
        const info = await stat(this.fileFor(id)).catch(() => null);
        if (info?.isFile()) out.push({ id, savedAt: info.mtime.toISOString(), path: null, title: '', base: null, problem: DAMAGED_RECOVERY });
      }
    }
    return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  async read(id: string): Promise<RecoveryRecord | null> {
    if (!isRecoveryId(id)) return null;
    try {
      const parsed = entrySchema.safeParse(JSON.parse(await readRegular(this.fileFor(id))));
      if (!parsed.success || parsed.data.id !== id || !parsed.data.savedAt) return null;
      if (!parseDraftText(parsed.data.text).ok) return null;
      return parsed.data;
    } catch {
      return null;
    }
  }

  async discard(id: string): Promise<void> {
    if (!isRecoveryId(id)) return;
    await this.inTurn(id, async () => {
      this.owned.delete(id);
      await unlink(this.fileFor(id)).catch(() => undefined);
    });
  }

  /**
   * Clean close: forget what this process autosaved — except a draft that has no file, whose autosave is its only
   * copy: that one is kept as 「不保存」 and offered at the next start.
   */
  async discardOwned(): Promise<void> {
    for (const id of [...this.owned]) {
      const record = await this.read(id);
      if (record && record.path === null) {
        this.owned.delete(id);
        await writeFileAtomic(this.fileFor(id), JSON.stringify({ ...record, reason: 'not-saved' }));
      } else await this.discard(id);
    }
  }

  /** The page crashed or hung: its autosaves are no longer this run's to discard; they are offered after the reload. */
  releaseOwned(): string[] {
    const released = [...this.owned];
    this.owned.clear();
    return released;
  }

  /** Adopt an entry restored from a crashed run, so this run's clean close discards it too. */
  adopt(id: string): void {
    if (isRecoveryId(id)) this.owned.add(id);
  }
}

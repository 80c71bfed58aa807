/**
 * Paths belong to main (engineering §3): every file main found itself — its dialogs, the recent list, recovery
 * records, files the OS opened — gets an opaque id, and the page names a file by that id only. An id the page made up
 * resolves to nothing, so a compromised page can't make main read or write a path of its choosing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { basename, dirname, resolve } from 'node:path';
import type { FileRef } from '../../../shared/ipc/contract.js';
import { samePathKey } from './recentFiles.js';

/** The fingerprint of a file's content, to notice that it changed on disk since this run read or wrote it. */
export function contentDigest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export class FileHandles {
  private readonly byId = new Map<string, string>();
  private readonly byPath = new Map<string, string>();
  /** the content this run last read from or wrote to each file, by id */
  private readonly seen = new Map<string, string>();

  /** The ref of a path main chose or was given by the OS (the same id for the same file, as long as this runs). */
  grant(path: string): FileRef {
    const full = resolve(path);
    const key = samePathKey(full);
    let id = this.byPath.get(key);
    if (!id) {
      id = `f-${randomBytes(16).toString('hex')}`;
      this.byPath.set(key, id);
      this.byId.set(id, full);
    }
    return { id, name: basename(full), location: dirname(full) };
  }

  /** The path behind an id main handed out; null for any other string. */
  pathOf(id: string): string | null {
    return this.byId.get(id) ?? null;
  }

  /** Remember the content of the file as this run read or wrote it (its digest). */
  markSeen(id: string, digest: string): void {
    if (this.byId.has(id)) this.seen.set(id, digest);
  }

  /** The digest of the content last seen, or null when this run never read or wrote the file. */
  seenDigest(id: string): string | null {
    return this.seen.get(id) ?? null;
  }
}

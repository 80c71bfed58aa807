/**
 * Paths belong to main (engineering §3): every file main found itself — its dialogs, the recent list, recovery
 * records, files the OS opened — gets an opaque id, and the page names a file by that id only. An id the page made up
 * resolves to nothing, so a compromised page can't make main read or write a path of its choosing.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, resolve } from 'node:path';
import type { FileRef } from '../../../shared/ipc/contract.js';
import { samePathKey } from './recentFiles.js';

export class FileHandles {
  private readonly byId = new Map<string, string>();
  private readonly byPath = new Map<string, string>();

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
}

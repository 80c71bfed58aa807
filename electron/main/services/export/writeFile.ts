/** Writing an exported file: atomically (temp file beside the target, fsync, rename), never half a file. */
import { writeFileAtomic } from '../atomicWrite.js';

export async function writeOutputFile(path: string, data: Uint8Array): Promise<void> {
  await writeFileAtomic(path, data);
}

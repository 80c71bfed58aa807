/**
 * Child process for the kill test: saves a draft to `argv[2]` over and over the way the app saves (`writeFileAtomic`
 * with backup: temp file, fsync, backup, rename), each version a little different, until it is killed. The draft
 * text is the template in `argv[3]` with `__N__` replaced by the version number (kept free of zod so the process
 * starts fast; the parent validates every result with the full `readDraftFile`). Prints "saving\n" once it runs.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../../electron/main/services/atomicWrite.js';

const target = process.argv[2];
const templatePath = process.argv[3];
if (!target || !templatePath) process.exit(2);
const template = readFileSync(templatePath, 'utf8');
// (no top-level await: bundled as CommonJS, which starts faster than an ES module)
void (async () => {
  let n = 0;
  process.stdout.write('saving\n');
  for (;;) {
    n++;
    await writeFileAtomic(target, template.replace('__N__', String(n)), { backup: true });
  }
})();

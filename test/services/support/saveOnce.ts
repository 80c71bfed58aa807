/**
 * Child process for the concurrent-save test: saves the draft text in `argv[3]` to `argv[2]` once, exactly as the app
 * saves (`saveDraftFile`: validate, temp file, backup, rename, clean-up of stale temps), and prints the result as JSON.
 */
import { readFileSync } from 'node:fs';
import { saveDraftFile } from '../../../electron/main/services/draftFiles.js';

const target = process.argv[2];
const textPath = process.argv[3];
if (!target || !textPath) process.exit(2);
void saveDraftFile(target, readFileSync(textPath, 'utf8')).then((r) => process.stdout.write(JSON.stringify(r)));

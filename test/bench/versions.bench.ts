/**
 * `npm run bench -- versions`: what the version history and the comparison cost on a real report — saving with a
 * version recorded (30 versions kept), the draft file's size with them, opening it again, and comparing two years
 * of a real published report (cells, text word by word, findings). Reported, not asserted.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareReports } from '../../shared/compare/compare.js';
import { recordVersion } from '../../shared/report/history.js';
import { parseDraftText, serializeDraft, type DraftFile } from '../../shared/schema/draft.js';
import { importRead, readPublishedBytes } from '../../electron/main/services/import/index.js';
import type { ImportResult } from '../../shared/import/index.js';
import { loadReportText } from '../../shared/schema/reportData.js';
import { fmtMs, summarise, timeMany } from './stats.js';

async function imported(id: string): Promise<ImportResult> {
  const path = fileURLToPath(new URL(`../fixtures/real/${id}/source.html`, import.meta.url));
  const read = await readPublishedBytes(new Uint8Array(readFileSync(path)), 'source.html');
  if (!read.ok) throw new Error(read.error);
  return importRead(read);
}

export default async function bench(): Promise<void> {
  const [y2023, y2024] = await Promise.all([imported('pingtan-experimental-zone-2023'), imported('pingtan-experimental-zone-2024')]);
  // 30 saves, each with a changed figure and a reason: the history at its count limit
  let draft: DraftFile = y2024.draft;
  for (let i = 0; i < 30; i++) {
    draft = { ...draft, sections: { ...draft.sections, overview: `${draft.sections.overview ?? ''}第${i}次修改。` } };
    draft = recordVersion(draft, { at: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(), reason: `退回修改：第${i}次` }).draft;
  }
  const text = serializeDraft(draft);
  const bare = serializeDraft({ ...draft, history: [] });
  console.log(`versions · draft file with ${draft.history?.length ?? 0} versions: ${(text.length / 1024).toFixed(0)} KB (without them ${(bare.length / 1024).toFixed(0)} KB)`);
  let k = 0;
  const save = summarise(timeMany(() => serializeDraft(recordVersion(draft, { at: new Date(Date.UTC(2025, 1, 1, 0, k++)).toISOString(), reason: '再次保存' }).draft), 50, 5));
  console.log(`versions · save with a version recorded (30 kept, oldest dropped): median ${fmtMs(save.median)}, p95 ${fmtMs(save.p95)}`);
  const open = summarise(timeMany(() => parseDraftText(text), 50, 5));
  console.log(`versions · open the draft with its 30 versions (zod, each version checked): median ${fmtMs(open.median)}, p95 ${fmtMs(open.p95)}`);
  const from = loadReportText(JSON.stringify(y2023.report));
  const to = loadReportText(JSON.stringify(y2024.report));
  if (!from.ok || !to.ok) throw new Error('report data of the imports does not load');
  const chars = Object.values(to.report.sections ?? {}).reduce((n, t) => n + (t?.length ?? 0), 0);
  const diff = summarise(timeMany(() => compareReports(from.report, to.report), 20, 2));
  console.log(`versions · compare 2023 with 2024 (Pingtan, real; ${chars} chars of text, cells, findings): median ${fmtMs(diff.median)}, p95 ${fmtMs(diff.p95)}`);
}

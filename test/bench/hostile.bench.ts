/**
 * Hostile files (issue 9), each imported in a process of its own so its peak memory is its own: read + parse +
 * source check time, and the process's peak resident memory (making the file in memory included; a process that
 * only loads the importer is the baseline). Before the fixes: the 落款 line ~10 s, 40,000 unclosed <script>s 111 s, the 62 MB document.xml 38 s and
 * 690 MB, the PDF flate bomb 10.8 GB. Reported, not asserted.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { importRead, readPublishedBytes } from '../../electron/main/services/import/index.js';
import { flateBombPdf, hugeDocumentXmlDocx, longSignatureText, manyCommentsHtml, numberRowsPdf, numberRowsText } from '../import/hostileFiles.js';

const CASES: Record<string, { label: string; make: () => { bytes: Uint8Array; name: string } }> = {
  baseline: { label: '（基线：一行文本）', make: () => ({ bytes: Buffer.from('一、总体情况'), name: 'a.txt' }) },
  signature: { label: '落款行 5,000 字（年月日…）', make: () => ({ bytes: Buffer.from(longSignatureText()), name: 'sig.txt' }) },
  'rows-text': { label: '文本 1,000 行 × 40 个数字', make: () => ({ bytes: Buffer.from(numberRowsText()), name: 'rows.txt' }) },
  'rows-pdf': { label: 'PDF 1,000 行 × 40 个数字', make: () => ({ bytes: numberRowsPdf(), name: 'rows.pdf' }) },
  'html-comments': { label: 'HTML 40,000 个注释', make: () => ({ bytes: Buffer.from(manyCommentsHtml(40_000, 'comments')), name: 'c.html' }) },
  'html-open-comments': { label: 'HTML 40,000 个未闭合注释', make: () => ({ bytes: Buffer.from(manyCommentsHtml(40_000, 'open-comments')), name: 'oc.html' }) },
  'html-scripts': { label: 'HTML 40,000 个 <script>', make: () => ({ bytes: Buffer.from(manyCommentsHtml(40_000, 'scripts')), name: 's.html' }) },
  'html-open-scripts': { label: 'HTML 40,000 个未闭合 <script>', make: () => ({ bytes: Buffer.from(manyCommentsHtml(40_000, 'open-scripts')), name: 'os.html' }) },
  'docx-62mb': { label: 'DOCX 4 MB，document.xml 62 MB', make: () => ({ bytes: hugeDocumentXmlDocx(62), name: 'big.docx' }) },
  'pdf-bomb-10gb': { label: 'PDF 10 MB flate 炸弹（解压 10 GB）', make: () => ({ bytes: flateBombPdf(10), name: 'bomb.pdf' }) },
  'pdf-bomb-256mb': { label: 'PDF flate 炸弹（解压 256 MB）', make: () => ({ bytes: flateBombPdf(0.25), name: 'bomb.pdf' }) },
};

/** In the child: make the file, import it, print one JSON line. */
async function runCase(id: string): Promise<void> {
  const c = CASES[id];
  if (!c) throw new Error(`no case ${id}`);
  const { bytes, name } = c.make();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const read = await readPublishedBytes(bytes, name);
  const outcome = read.ok ? `导入（读出 ${importRead(read).stats.cellsRead} 格）` : `拒绝：${read.error.slice(0, 40)}`;
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  // CPU time too: on a busy machine (other builds, tests) the wall-clock time says more about the load than the file
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(JSON.stringify({ ms, cpuMs, kb: bytes.length / 1024, rssMb: process.resourceUsage().maxRSS / 1024, outcome }));
}

export default async function bench(): Promise<void> {
  console.log(`hostile files: import time (read + parse + check; wall clock and CPU) and peak memory of the importing process (load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)`);
  for (const [id, c] of Object.entries(CASES)) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], { env: { ...process.env, HOSTILE_CASE: id }, encoding: 'utf8', timeout: 180_000 });
    const line = r.stdout.trim().split('\n').pop() ?? '';
    let figures: { ms: number; cpuMs: number; kb: number; rssMb: number; outcome: string };
    try {
      figures = JSON.parse(line) as typeof figures;
    } catch {
      console.log(`  ${c.label.padEnd(30)} failed (${r.signal ?? r.status}): ${r.stderr.slice(0, 200)}`);
      continue;
    }
    const { ms, cpuMs, kb, rssMb, outcome } = figures;
    console.log(`  ${c.label.padEnd(30)} ${kb.toFixed(0).padStart(7)} KB  ${ms.toFixed(0).padStart(6)} ms (CPU ${cpuMs.toFixed(0).padStart(6)} ms)  peak ${rssMb.toFixed(0).padStart(5)} MB  ${outcome}`);
  }
}

if (process.env.HOSTILE_CASE) await runCase(process.env.HOSTILE_CASE);

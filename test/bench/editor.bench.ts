/**
 * Editor responsiveness in Debian's Chromium: builds the renderer, serves it on 127.0.0.1 and measures
 * - keystroke → updated check results on screen, in the full 2021 form (every cell filled, narrative present):
 *   from the keydown event's timestamp to the next animation frame after the handler, the rule engine and React's
 *   commit ran (totals, cell highlights and the issue panel are updated synchronously in that event), and to just
 *   after that frame was painted; next to the same measure on a page holding one plain <input>, in the same run;
 * - the synchronous work per keystroke (keydown → end of the input event's handlers);
 * - page load → an editable form (the editor's `editor-ready` mark, relative to navigation start).
 * Figures are printed; nothing is asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../electron/main/services/export/pdfOptions.js';
import { startServer, serverPort } from '../e2e/support/serve.js';
import { fmtMs, summarise } from './stats.js';

const KEYSTROKES = 240;
const WARMUP = 20;

interface Sample {
  frame: number;
  painted: number;
  sync: number;
}

/** In-page probes: per keydown, when the input handlers finished, the next frame, and just after its paint. */
function instrument(): void {
  const w = window as unknown as { __samples: { frame: number; painted: number; sync: number }[] };
  w.__samples = [];
  let t0 = 0;
  let sync = 0;
  document.addEventListener(
    'keydown',
    (e) => {
      t0 = e.timeStamp;
      sync = 0;
      requestAnimationFrame(() => {
        const frame = performance.now() - t0;
        const ch = new MessageChannel();
        ch.port1.onmessage = () => w.__samples.push({ frame, painted: performance.now() - t0, sync });
        ch.port2.postMessage(0);
      });
    },
    true,
  );
  // registered on window, bubbling: runs after React's root listener and the microtasks it queued
  window.addEventListener('input', () => {
    sync = performance.now() - t0;
  });
}

async function typeKeys(page: Page, focus: (i: number) => Promise<void>): Promise<Sample[]> {
  await page.evaluate(instrument);
  for (let i = 0; i < KEYSTROKES + WARMUP; i++) {
    if (i % 4 === 0) await focus(i / 4);
    await page.keyboard.press(String((i * 7) % 10));
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0))));
  }
  const samples = await page.evaluate(() => (window as unknown as { __samples: Sample[] }).__samples);
  return samples.slice(WARMUP);
}

function line(name: string, xs: number[]): string {
  const s = summarise(xs);
  return `${name.padEnd(44)} median ${fmtMs(s.median).padStart(9)}   p95 ${fmtMs(s.p95).padStart(9)}   max ${fmtMs(s.max).padStart(9)}   (n=${s.n})`;
}

const SECTION_FIELDS = ['preface', 'overview', 'active', 'requests', 'review', 'problems', 'other'] as const;

const REALISTIC: Record<string, string> = {
  preface: '本报告根据《中华人民共和国政府信息公开条例》编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。数据统计期限为2025年1月1日至2025年12月31日。',
  overview:
    '（一）主动公开\n全年通过政府网站主动公开政府信息1200余条，其中政策文件86件，政策解读32篇。\n（二）依申请公开\n本年新收政府信息公开申请0件，上年结转0件，办结0件，结转下年度0件。\n（三）政府信息管理\n动态调整主动公开基本目录，开展政策文件清理。\n（四）政府信息公开平台建设\n优化政府网站信息公开专栏，规范政务新媒体管理。\n（五）监督保障\n将政务公开纳入年度绩效考核，开展社会评议，本年度未发生责任追究情况。',
  active: '',
  requests: '',
  review: '本年度发生政府信息公开行政复议0件；行政诉讼0件。',
  problems: '（一）存在的问题\n部分栏目更新不够及时，政策解读形式较为单一。\n（二）改进情况\n加强业务培训，丰富图表、视频等解读形式，完善信息发布审核机制。',
  other: '本年度没有产生信息公开处理费。按要求落实年度政务公开工作要点，办理人大代表建议和政协提案共12件，已全部公开办理结果。',
};

async function measureForm(browser: Browser, base: string, texts: Record<string, string>) {
  // a fresh context each time: no autosaved draft from an earlier page offers recovery
  const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForSelector('html[data-editor-ready]');
  await page.getByRole('button', { name: '全部空格填0' }).click();
  for (const [k, text] of Object.entries(texts)) await page.locator(`textarea[data-section="${k}"]`).fill(text);
  const cells = await page.locator('table[data-table="apply"] input[data-cell]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.cell ?? ''));
  const samples = await typeKeys(page, async (i) => {
    const key = cells[(i * 5) % cells.length] ?? '';
    await page.locator(`[data-cell="${key}"]`).focus();
  });
  const findings = await page.getByTestId('issues').locator('.issue').count();
  await context.close();
  return { samples, cells: cells.length, findings };
}

/**
 * With the paged preview shown: keystroke latency in the form (as above), and the time from the last keystroke of a
 * burst of typing in the narrative to the preview showing the new pages (the Preview's `preview-updated` mark).
 */
async function measurePreview(browser: Browser, base: string) {
  const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
  await context.addInitScript(() => localStorage.setItem('gkbg.preview', '1'));
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForSelector('html[data-editor-ready]');
  await page.getByRole('button', { name: '全部空格填0' }).click();
  for (const [k, text] of Object.entries(REALISTIC)) await page.locator(`textarea[data-section="${k}"]`).fill(text);
  const preview = page.locator('[data-testid="report-preview"][data-pending="false"]');
  await preview.waitFor({ timeout: 20_000 });
  const pages = await preview.getAttribute('data-pages');
  const cells = await page.locator('table[data-table="apply"] input[data-cell]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.cell ?? ''));
  const samples = await typeKeys(page, async (i) => {
    await page.locator(`[data-cell="${cells[(i * 5) % cells.length] ?? ''}"]`).focus();
  });
  await page.evaluate(() => {
    const w = window as unknown as { __lastKey: number };
    w.__lastKey = 0;
    window.addEventListener('keydown', () => (w.__lastKey = performance.now()), true);
  });
  const catchUp: number[] = [];
  for (let i = 0; i < 12; i++) {
    // a burst of typing into a cell of table 三 (its figures change the pages' text)
    await page.locator(`[data-cell="${cells[(i * 7) % cells.length] ?? ''}"]`).focus();
    await page.keyboard.type(String(100 + i * 13), { delay: 40 });
    await page.waitForFunction(() => (window as unknown as { __lastKey: number }).__lastKey > 0);
    await page.waitForFunction(
      () => {
        const last = performance.getEntriesByName('preview-updated').at(-1)?.startTime ?? 0;
        return last > (window as unknown as { __lastKey: number }).__lastKey;
      },
      undefined,
      { timeout: 20_000 },
    );
    catchUp.push(await page.evaluate(() => (performance.getEntriesByName('preview-updated').at(-1)?.startTime ?? NaN) - (window as unknown as { __lastKey: number }).__lastKey));
  }
  await context.close();
  return { samples, catchUp, pages };
}

export default async function editorBench(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'gkbg-bench-renderer-'));
  const built = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'error'], {
    stdio: 'inherit',
    env: { ...process.env, RENDERER_OUT_DIR: out },
  });
  if (built.status !== 0) throw new Error('renderer build failed');
  const server = await startServer(out, 0);
  const base = `http://127.0.0.1:${serverPort(server)}/index.html`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  try {
    const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });

    // page load → editable form
    const loads: number[] = [];
    for (let i = 0; i < 7; i++) {
      const p = await context.newPage();
      await p.goto(base);
      await p.waitForSelector('html[data-editor-ready]');
      await p.locator('[data-cell="apply.new.natural"]').waitFor({ state: 'visible' });
      loads.push(await p.evaluate(() => performance.getEntriesByName('editor-ready')[0]?.startTime ?? NaN));
      await p.close();
    }

    // the full 2021 form: every cell filled, a real report's narrative (a few figures stated in the text)
    const realistic = await measureForm(browser, base, REALISTIC);
    // stress: every section repeats a sentence with figures 12 times, so ~70 findings change on every keystroke
    const para = '本年度，我单位认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息1200条，办理依申请公开16件。';
    const stressText = Object.fromEntries(SECTION_FIELDS.map((k) => [k, Array.from({ length: 12 }, () => para).join('\n')]));
    const stress = await measureForm(browser, base, stressText);
    const form = realistic.samples;
    const cells = { length: realistic.cells };
    const findings = `${realistic.findings} (stress run: ${stress.findings})`;

    // one plain input, same browser, same measure
    const plainPage = await context.newPage();
    await plainPage.setContent('<!doctype html><meta charset="utf-8"><input id="x" autofocus>');
    const plain = await typeKeys(plainPage, async () => {
      await plainPage.evaluate(() => {
        const x = document.getElementById('x') as HTMLInputElement;
        x.value = '';
        x.focus();
      });
    });

    const fs = summarise(form.map((s) => s.frame));
    const ps = summarise(plain.map((s) => s.frame));
    console.log(`Chromium ${browser.version()}, ${KEYSTROKES} measured keystrokes each (after ${WARMUP} warm-up) into the ${cells.length} cells of 三; open findings at the end: ${findings}`);
    console.log(line('full form: keydown → next frame', form.map((s) => s.frame)));
    console.log(line('plain input: keydown → next frame', plain.map((s) => s.frame)));
    console.log(line('full form: keydown → after paint', form.map((s) => s.painted)));
    console.log(line('plain input: keydown → after paint', plain.map((s) => s.painted)));
    console.log(line('full form: synchronous work per keystroke', form.map((s) => s.sync)));
    console.log(line('stress form: keydown → next frame', stress.samples.map((s) => s.frame)));
    console.log(line('stress form: keydown → after paint', stress.samples.map((s) => s.painted)));
    console.log(line('stress form: synchronous work per keystroke', stress.samples.map((s) => s.sync)));
    console.log(line('plain input: synchronous work per keystroke', plain.map((s) => s.sync)));
    console.log(`ratio full/plain (next frame): median ${(fs.median / ps.median).toFixed(2)}×, p95 ${(fs.p95 / ps.p95).toFixed(2)}×   (target ≤ 2×, p95 < 16 ms)`);
    console.log(line('page load → editable form', loads));

    const withPreview = await measurePreview(browser, base);
    const vs = summarise(withPreview.samples.map((s) => s.frame));
    console.log(`paged preview shown (${withPreview.pages} pages):`);
    console.log(line('form + paged preview: keydown → next frame', withPreview.samples.map((s) => s.frame)));
    console.log(line('form + paged preview: keydown → after paint', withPreview.samples.map((s) => s.painted)));
    console.log(`ratio preview-shown/plain (next frame): median ${(vs.median / ps.median).toFixed(2)}×, p95 ${(vs.p95 / ps.p95).toFixed(2)}×`);
    console.log(line('last keystroke → paged preview up to date', withPreview.catchUp) + '   (target ≤ 500 ms)');
  } finally {
    await browser.close();
    server.close();
    rmSync(out, { recursive: true, force: true });
  }
}

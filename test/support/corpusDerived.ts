/**
 * DOCX and PDF forms of the corpus's published web pages, made by real third-party programs the way a reviewer gets
 * them: the page printed to PDF by Chromium (what 「打印 → 另存为 PDF」 gives), and the page opened in LibreOffice
 * Writer and saved as Word. The search index holds no published DOCX or PDF, so this is how the DOCX and PDF readers
 * meet real reports' layouts (tables as the site set them, running headers, the site's navigation text).
 *
 * A derived case keeps its page's hand-typed truth (the content is the page's) and its split: a held-out page's
 * derived forms are held out too. Nothing here is stored in the corpus; the files are made in a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH } from '../../electron/main/services/export/pdfOptions.js';
import type { CorpusCase } from './corpus.js';

/**
 * `pdf-restyled`: the page printed as another site would set it — a serif face, looser lines, narrower tables.
 * `pdf-writer`: the Word save exported to PDF by LibreOffice Writer, as an office suite (Word, WPS) makes a report's PDF:
 * its text layer differs from a browser's (a symbol font's bullets, cells set apart by the row's height).
 */
export type DerivedKind = 'pdf' | 'docx' | 'pdf-restyled' | 'pdf-writer';
export const DERIVED_KINDS: readonly DerivedKind[] = ['pdf', 'docx', 'pdf-restyled', 'pdf-writer'];

/** Another site's style sheet, appended to the page: cells wrap differently and fonts change inside labels. */
const RESTYLE = `<style>body, td, p { font-family: 'Noto Serif CJK SC', serif !important; line-height: 1.9 !important }
table { width: 55% !important; table-layout: auto !important } td, th { font-size: 13px !important }</style>`;

/** A text case's web page: the same report as the crawl saved its page beside the text the truth was typed from. */
export const SIBLING_PAGE = 'page.html';

/**
 * The web pages of text cases that have one (`page.html` in the case folder), as cases of their own (id `<case>~html`):
 * the page's HTML tables read against the text's truth.
 */
export function siblingPages(cases: readonly CorpusCase[]): CorpusCase[] {
  return cases
    .filter((c) => c.truth.kind !== 'html' && existsSync(join(c.dir, SIBLING_PAGE)))
    .map((c) => ({ id: `${c.id}~html`, dir: c.dir, source: join(c.dir, SIBLING_PAGE), truth: { ...c.truth, kind: 'html' as const } }));
}

/** The cases a DOCX and a PDF are made from: the published web pages, and the text cases' pages. */
export function derivableCases(cases: readonly CorpusCase[]): CorpusCase[] {
  return [...cases.filter((c) => c.truth.kind === 'html'), ...siblingPages(cases)];
}

let workDir: string | null = null;
function work(): string {
  workDir ??= mkdtempSync(join(tmpdir(), 'corpus-derived-'));
  return workDir;
}

/**
 * Pages printed by Chromium, one browser for all (starting Chromium costs more than printing a page): what
 * `--print-to-pdf` does, the same DevTools print with its defaults (Letter, 1 cm margins, tagged, no header or footer line —
 * those carry the printing time, never the same twice). A page's references off this machine fail at once, as offline.
 */
async function printAll(jobs: readonly { html: string; out: string }[]): Promise<void> {
  if (jobs.length === 0) return;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'], headless: true });
  try {
    const queue = [...jobs];
    const printer = async (): Promise<void> => {
      for (let job = queue.shift(); job; job = queue.shift()) await printOne(browser, job);
    };
    await Promise.all(Array.from({ length: PRINTS_AT_ONCE }, printer));
  } finally {
    await browser.close();
  }
}

/** Pages printed side by side in the one browser (a print waits on its page's load and layout as much as on the CPU). */
const PRINTS_AT_ONCE = 3;

async function printOne(browser: Browser, { html, out }: { html: string; out: string }): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.route((url) => url.protocol !== 'file:', (route) => route.abort());
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load', timeout: 120_000 });
    await page.pdf({ path: out, tagged: true, margin: { top: '1cm', right: '1cm', bottom: '1cm', left: '1cm' } });
  } catch {
    // a page Chromium can't print: only its own cases fail (`derivedCase` names it), not every page's
  } finally {
    await context.close();
  }
}

/** Files converted by LibreOffice (headless, with a throwaway profile) into `outDir`. */
function soffice(args: readonly string[], outDir: string, ...files: string[]): void {
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', ...args, '--outdir', outDir, ...files], {
    stdio: 'ignore',
    timeout: 300_000,
  });
}

/** Pages opened as Writer documents (LibreOffice's HTML import) and saved as Word. */
function saveAsDocx(html: readonly string[], outDir: string): void {
  soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML'], outDir, ...html);
}

/** `<case>~pdf`, `<case>~docx`, `<case>~pdf-restyled`, `<case>~pdf-writer`: a text case's page gives its forms under the case's own id. */
export function derivedId(page: Pick<CorpusCase, 'id'>, kind: DerivedKind): string {
  return `${page.id.replace(/~html$/, '')}~${kind}`;
}

/**
 * The page as the site served it, for the programs that render it: UTF-8 bytes declared UTF-8. An archive keeps a
 * page converted to UTF-8 under its site's old 「charset=gb2312」, or with no charset at all, and a browser or Writer
 * opening the file would then show what the site never showed (mojibake); the importer reads the bytes as they are.
 */
function pageAsServed(bytes: Buffer): string | Buffer {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes;
  }
  const declared = text.replace(/<meta\b[^>]*charset\s*=[^>]*>/gi, '');
  const meta = '<meta charset="utf-8">';
  return /<head\b[^>]*>/i.test(declared) ? declared.replace(/<head\b[^>]*>/i, (head) => `${head}${meta}`) : `${meta}${declared}`;
}

/** The page as served, written once per run into the work folder (`<case>.html`). */
function servedPage(c: CorpusCase): string {
  const html = join(work(), `${c.id}.html`);
  if (!existsSync(html)) writeFileSync(html, pageAsServed(readFileSync(c.source)));
  return html;
}

/** Where a page's form of this kind is made (`<case>.<kind>` in the run's work folder). */
const derivedFile = (c: CorpusCase, kind: DerivedKind) => join(work(), `${c.id}.${kind}`);

/**
 * Every derived form of these pages, made once per run: Chromium's prints in one browser, LibreOffice's conversions
 * in runs over all pages (Word save, then its PDF export) — starting either program costs seconds, converting a page
 * a fraction of one. A page a run stumbles on is converted again alone.
 */
export async function makeDerived(pages: readonly CorpusCase[], kinds: readonly DerivedKind[] = DERIVED_KINDS): Promise<void> {
  const prints = pages.flatMap((c) => {
    const html = servedPage(c);
    const restyled = join(work(), `${c.id}~restyled.html`);
    if (kinds.includes('pdf-restyled') && !existsSync(restyled)) writeFileSync(restyled, readFileSync(html, 'utf8') + RESTYLE);
    const jobs: { kind: DerivedKind; html: string; out: string }[] = [
      { kind: 'pdf', html, out: derivedFile(c, 'pdf') },
      { kind: 'pdf-restyled', html: restyled, out: derivedFile(c, 'pdf-restyled') },
    ];
    return jobs.filter((p) => kinds.includes(p.kind) && !existsSync(p.out));
  });
  await printAll(prints);
  if (!kinds.includes('docx') && !kinds.includes('pdf-writer')) return;
  const toDocx = pages.filter((c) => !existsSync(derivedFile(c, 'docx'))).map(servedPage);
  inRuns(toDocx, (html) => saveAsDocx(html, work()), (html) => existsSync(html.replace(/\.html$/, '.docx')));
  if (!kinds.includes('pdf-writer')) return;
  const pdfDir = mkdtempSync(join(tmpdir(), 'lo-pdf-'));
  const writerPdf = (docx: string) => join(pdfDir, basename(docx).replace(/\.docx$/, '.pdf'));
  const toPdf = pages.filter((c) => existsSync(derivedFile(c, 'docx')) && !existsSync(derivedFile(c, 'pdf-writer'))).map((c) => derivedFile(c, 'docx'));
  inRuns(toPdf, (docx) => soffice(['--convert-to', 'pdf:writer_pdf_Export'], pdfDir, ...docx), (docx) => existsSync(writerPdf(docx)));
  for (const docx of toPdf) if (existsSync(writerPdf(docx))) copyFileSync(writerPdf(docx), docx.replace(/\.docx$/, '.pdf-writer'));
}

/** Files converted in runs of 40, then one by one those a run left out (a file the converter stumbles on ends its run). */
function inRuns(files: readonly string[], convert: (files: string[]) => void, made: (file: string) => boolean): void {
  for (let i = 0; i < files.length; i += 40) tryConvert(() => convert(files.slice(i, i + 40)));
  for (const file of files.filter((f) => !made(f))) tryConvert(() => convert([file]));
}

/** The case in the derived kind (made by `makeDerived`), its truth the page's with the kind changed. */
export function derivedCase(c: CorpusCase, kind: DerivedKind): CorpusCase {
  const out = derivedFile(c, kind);
  if (!existsSync(out)) throw new Error(`${c.id}: no ${kind} was made from the page`);
  return { id: derivedId(c, kind), dir: c.dir, source: out, truth: { ...c.truth, kind: kind === 'docx' ? 'docx' : 'pdf' } };
}

// ---------------------------------------------------------------------------------------------
// Text as a PDF's text layer gives it: prose broken at the margin, anywhere in a word or a number

/** Characters a line holds when a converted PDF's prose is wrapped: GB/T 9704's 28 a line (a 156 mm line of 16 pt type). */
export const WRAP_WIDTH = 28;
/** A one-line crawl (the whole page on a few lines, tables included) has no margin to wrap at: left out. */
const ONE_LINE_CRAWL = 400;

/** The text/markdown cases whose prose can be wrapped as a PDF's text would be. */
export function wrappableCases(cases: readonly CorpusCase[]): CorpusCase[] {
  return cases.filter((c) => {
    if (c.truth.kind !== 'text' && c.truth.kind !== 'markdown') return false;
    return readFileSync(c.source, 'utf8').split(/\r?\n/).every((l) => l.length <= ONE_LINE_CRAWL);
  });
}

/** Every prose line longer than the margin broken into pieces of WRAP_WIDTH characters; table rows (tabs, pipes) kept. */
export function wrapProse(text: string): string {
  return text
    .split(/\r?\n/)
    .flatMap((line) => {
      if (/[\t|]/.test(line) || line.length <= WRAP_WIDTH + 2) return [line];
      const pieces: string[] = [];
      for (let i = 0; i < line.length; i += WRAP_WIDTH) pieces.push(line.slice(i, i + WRAP_WIDTH));
      return pieces;
    })
    .join('\n');
}

/** The case with its prose wrapped (id `<case>~wrapped`), judged against the same truth. */
export function wrappedCase(c: CorpusCase): CorpusCase {
  const out = join(work(), `${c.id}~wrapped${c.source.slice(c.source.lastIndexOf('.'))}`);
  if (!existsSync(out)) writeFileSync(out, wrapProse(readFileSync(c.source, 'utf8')));
  return { id: `${c.id}~wrapped`, dir: c.dir, source: out, truth: c.truth };
}

// ---------------------------------------------------------------------------------------------
// Text set as a document and exported to PDF by an office suite (LibreOffice Writer)

/**
 * Each text case (not markdown: its pipe tables would print as text) opened in Writer as a plain-text document and
 * exported to PDF, ids `<case>~writer-pdf`: a real PDF maker's text layer over the whole corpus's text, where only a
 * few published pages give a PDF otherwise. Writer converts them in runs of 40; `failed` names the cases it made no PDF of.
 */
export function writerPdfCases(cases: readonly CorpusCase[]): { made: CorpusCase[]; failed: string[] } {
  const texts = wrappableCases(cases).filter((c) => c.truth.kind === 'text');
  const dir = join(work(), 'writer-pdf');
  if (texts.length > 0 && !existsSync(dir)) {
    const inputs = texts.map((c) => {
      const input = join(work(), `${c.id}.txt`);
      copyFileSync(c.source, input);
      return input;
    });
    const toPdf = (files: string[]) => soffice(['--infilter=Text (encoded):UTF8', '--convert-to', 'pdf:writer_pdf_Export'], dir, ...files);
    inRuns(inputs, toPdf, (f) => existsSync(join(dir, basename(f).replace(/\.txt$/, '.pdf'))));
  }
  const all = texts.map((c) => ({ id: `${c.id}~writer-pdf`, dir: c.dir, source: join(dir, `${c.id}.pdf`), truth: { ...c.truth, kind: 'pdf' as const } }));
  return { made: all.filter((c) => existsSync(c.source)), failed: all.filter((c) => !existsSync(c.source)).map((c) => c.id) };
}

/** A conversion that may fail on a file (its output is then missing: retried alone, else the case is named as failed). */
function tryConvert(convert: () => void): void {
  try {
    convert();
  } catch {
    // a crash or time-out of the converter: the files it didn't write are retried or left out
  }
}

/**
 * Import of published reports in Node: read a file (DOCX, PDF, HTML, TXT — the type found by content, not
 * only by extension) or pasted text, parse it (shared/import), check it with the rules, and return the
 * ImportResult as JSON text for the host method `importPublished`. Untrusted input: size refused before
 * reading, ZIP sizes checked before inflating, XML validated, PDF time and pages bounded; every failure is
 * a Chinese message, never a crash.
 */
import { basename, extname } from 'node:path';
import { MAX_IMPORT_CHARS, importDocument, parsePublished, textDocument, type ImportResult, type SourceDocument } from '../../../../shared/import/index.js';
import { findingsToJson, importResultSchema, type ImportSourceKind } from '../../../../shared/import/result.js';
import { cleanText } from '../../../../shared/report/cleanText.js';
import { formatFor } from '../../../../shared/report/format.js';
import type { Report } from '../../../../shared/report/model.js';
import { DRAFT_APP_ID, DRAFT_EXTENSION, MAX_DRAFT_BYTES, draftToReport, fileTooLargeMessage, parseDraftText, type DraftFile } from '../../../../shared/schema/draft.js';
import { toReportData } from '../../../../shared/schema/reportData.js';
import type { HostResult } from '../../../../shared/ipc/contract.js';
import { evaluate } from '../../../../shared/rules/index.js';
import { FileTooLargeError, decodeUtf8, openRegularFile, readRegularFile } from '../atomicWrite.js';
import { describeFileError } from '../fsErrors.js';
import { readDocx } from './docx.js';
import { htmlToLines } from './html.js';
import { readPdf } from './pdf.js';
import { ImportError } from './zip.js';

/** Largest published report file accepted (a real one is well under 10 MB). */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;

export type DetectedKind = 'docx' | 'pdf' | 'html' | 'text';

/** The file's type from its first bytes (and, for text, whether it looks like HTML). */
export function detectKind(head: Uint8Array, name = ''): DetectedKind | { error: string } {
  const b = head;
  if (b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05) && (b[3] === 0x04 || b[3] === 0x06)) return 'docx';
  const start = new TextDecoder('latin1').decode(b.subarray(0, 1024));
  if (start.includes('%PDF-')) return 'pdf';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) {
    return { error: '这是旧版 Word（.doc）或 WPS 格式的文件，无法直接导入；请在 Word 或 WPS 中“另存为” .docx 后再导入' };
  }
  if (b[0] === 0x7b && /\\rtf/.test(start)) return { error: '这是 RTF 文件，无法直接导入；请另存为 .docx 后再导入' };
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return { error: '这是图片文件，无法识别其中的文字；请使用 DOCX、PDF 或文本文件' };
  if (b[0] === 0xff && b[1] === 0xd8) return { error: '这是图片文件，无法识别其中的文字；请使用 DOCX、PDF 或文本文件' };
  const ext = extname(name).toLowerCase();
  const textStart = start.replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().slice(0, 200).toLowerCase();
  if (ext === '.html' || ext === '.htm' || /^<(!doctype html|html|head|body|meta|table|div|p)\b/.test(textStart)) return 'html';
  if (b.subarray(0, 4096).includes(0) && !(b[0] === 0xff && b[1] === 0xfe) && !(b[0] === 0xfe && b[1] === 0xff)) {
    return { error: '无法识别的文件类型（不是 DOCX、PDF、HTML 或文本文件）' };
  }
  return 'text';
}

/** Text files of Chinese offices come as UTF-8, UTF-16 (with BOM) or GB18030/GBK. */
export function decodeText(buf: Uint8Array): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  const utf8 = decodeUtf8(buf);
  if (utf8 !== null) return utf8.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(buf);
  } catch {
    throw new ImportError('文本文件的编码无法识别（不是 UTF-8 或 GBK）');
  }
}

/** `draft`: the file is one of our own drafts, not a published report (its caller may open it as a draft). */
export type ReadResult = { ok: true; doc: SourceDocument; kind: ImportSourceKind; name: string } | { ok: false; error: string; draft?: DraftFile };

/** This program's own draft (`.gkbg`, found by its content whatever its name), else null. */
function ownDraft(buf: Uint8Array): DraftFile | null {
  const start = new TextDecoder('latin1').decode(buf.subarray(0, 256)).replace(/^\xEF\xBB\xBF/, '').trimStart();
  if (!start.startsWith('{') || !start.includes(DRAFT_APP_ID) || buf.length > MAX_DRAFT_BYTES) return null;
  try {
    const parsed = parseDraftText(new TextDecoder('utf-8', { fatal: true }).decode(buf));
    return parsed.ok ? parsed.draft : null;
  } catch {
    return null;
  }
}

export const draftNotPublished = (name: string): string => `「${name}」是本程序的报告草稿（.${DRAFT_EXTENSION}），不是已发布的报告，无需导入：已按草稿原样读取`;

/** Lines as the parser takes them: terminal escapes and bidi/format controls gone (they would reach the draft). */
export function cleanDocument(doc: SourceDocument): SourceDocument {
  return { lines: doc.lines.map((l) => ({ ...l, text: cleanText(l.text), ...(l.cells ? { cells: l.cells.map(cleanText) } : {}) })) };
}

/** A file's name as the import shows it and keeps it (in the notes of the draft): no escapes or bidi controls. */
function importedFileName(path: string): string {
  return cleanText(basename(path));
}

/** Read a published report from bytes. Never throws. */
export async function readPublishedBytes(buf: Uint8Array, name: string): Promise<ReadResult> {
  try {
    if (buf.length > MAX_IMPORT_FILE_BYTES) return { ok: false, error: tooBig(buf.length) };
    if (buf.length === 0) return { ok: false, error: '文件是空的' };
    const draft = ownDraft(buf);
    if (draft) return { ok: false, error: draftNotPublished(name), draft };
    const kind = detectKind(buf.subarray(0, 4096), name);
    if (typeof kind === 'object') return { ok: false, error: kind.error };
    let doc: SourceDocument;
    if (kind === 'docx') doc = await readDocx(buf);
    else if (kind === 'pdf') doc = await readPdf(buf);
    else {
      const text = decodeText(buf);
      if (text.length > MAX_IMPORT_CHARS) return { ok: false, error: '文本过长，不像是一份年度报告' };
      doc = kind === 'html' ? htmlToLines(text) : textDocument(text);
    }
    return { ok: true, doc: cleanDocument(doc), kind, name };
  } catch (e) {
    // a library's own message is English and may name a temp path: never shown to the clerk
    return { ok: false, error: e instanceof ImportError ? e.message : '无法读取此文件：文件可能已损坏或格式不受支持' };
  }
}

function tooBig(size: number): string {
  return `${fileTooLargeMessage(MAX_IMPORT_FILE_BYTES, size)}，不像是一份年度报告`;
}

/**
 * Read a published report file: a special file (FIFO, device, socket) refused before it is opened (opening a FIFO
 * blocks until someone writes to it), one open and its fstat; refused by size before reading. Never throws.
 */
export async function readPublishedFile(path: string): Promise<ReadResult> {
  const name = importedFileName(path);
  try {
    const buf = await readRegularFile(path, MAX_IMPORT_FILE_BYTES);
    return await readPublishedBytes(new Uint8Array(buf.buffer, buf.byteOffset, buf.length), name);
  } catch (e) {
    if (e instanceof FileTooLargeError) return { ok: false, error: tooBig(e.size) };
    return { ok: false, error: describeFileError(e, path, 'open') };
  }
}

/**
 * A draft chosen for import: taken as it is (nothing to parse), with one note saying what it is, so the dialog's
 * 「作为草稿打开」 opens it.
 */
export function draftAsImport(draft: DraftFile, name: string): ImportResult {
  const report = draftToReport(draft);
  const format = formatFor(report.format, Object.keys(report.cells));
  return importResultSchema.parse({
    source: { kind: 'draft', name: name.slice(0, 500) },
    report: toReportData(report),
    draft,
    sourceCheck: findingsToJson(evaluate(report)),
    uncertain: [{ target: 'source', name: '文件类型', reason: draftNotPublished(name) }],
    stats: { cellsRead: format.cells.filter((c) => typeof report.cells[c.key] === 'number').length, cellsTotal: format.cells.length },
  });
}

/** Parse and check a read document. */
export function importRead(read: { doc: SourceDocument; kind: ImportSourceKind; name: string }): ImportResult {
  return importDocument(read.doc, { kind: read.kind, name: read.name, evaluate: (r) => evaluate(r) });
}

/** The parser failing is a bug of ours, not the clerk's: said in Chinese, the details left out. */
const PARSE_FAILED = '导入失败：无法识别此报告的内容（程序内部错误），请改用其他格式的文件或粘贴全文';

type ImportOutcome = Exclude<HostResult<'importPublished'>, { status: 'canceled' }>;

/** The Node side of the host method `importPublished` for a chosen file: the ImportResult as JSON text. */
export async function importPublishedFile(path: string): Promise<ImportOutcome> {
  const read = await readPublishedFile(path);
  const name = importedFileName(path);
  if (!read.ok && read.draft) return { status: 'imported', name, result: JSON.stringify(draftAsImport(read.draft, name)) };
  if (!read.ok) return { status: 'error', message: read.error };
  try {
    return { status: 'imported', name: read.name, result: JSON.stringify(importRead(read)) };
  } catch (e) {
    return { status: 'error', message: PARSE_FAILED };
  }
}

/** The Node side of `importPublished` for pasted text. */
export async function importPastedText(text: string): Promise<ImportOutcome> {
  if (text.trim() === '') return { status: 'error', message: '粘贴的内容是空的' };
  if (text.length > MAX_IMPORT_CHARS) return { status: 'error', message: '粘贴的内容过长，不像是一份年度报告' };
  try {
    const name = '粘贴的文本';
    return { status: 'imported', name, result: JSON.stringify(importRead({ doc: cleanDocument(textDocument(text)), kind: 'pasted', name })) };
  } catch (e) {
    return { status: 'error', message: PARSE_FAILED };
  }
}

const PUBLISHED_EXTENSIONS = new Set(['.docx', '.pdf', '.txt', '.html', '.htm', '.text', '.md', '.markdown']);

/** Is this file a published report (by extension, or by content: a ZIP or a PDF) rather than a draft/report data JSON? */
export async function isPublishedReportFile(path: string): Promise<boolean> {
  if (PUBLISHED_EXTENSIONS.has(extname(path).toLowerCase())) return true;
  try {
    const handle = await openRegularFile(path);
    try {
      const head = Buffer.alloc(1024);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      const kind = detectKind(head.subarray(0, bytesRead), path);
      if (kind === 'docx' || kind === 'pdf' || kind === 'html') return true;
      // a draft or report data is JSON; text that isn't (a conversion under another name) is a published report
      return kind === 'text' && !['.json', '.gkbg'].includes(extname(path).toLowerCase()) && !/^\s*[{[]/.test(new TextDecoder('utf-8').decode(head.subarray(0, bytesRead)).replace(/^\uFEFF/, ''));
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/**
 * A published report as the command line reads it (`data`, `check`): the report as published — printed
 * totals included, blanks null — in the shape `loadReportFile` returns. Never throws.
 */
export async function loadPublishedReport(path: string): Promise<{ ok: true; kind: 'data'; report: Report } | { ok: false; error: string }> {
  const read = await readPublishedFile(path);
  if (!read.ok) return read;
  try {
    const { report } = parsePublished(read.doc);
    return { ok: true, kind: 'data', report };
  } catch (e) {
    return { ok: false, error: PARSE_FAILED };
  }
}



/**
 * One unit's file, whatever it is — a draft, report data JSON, a published report (DOCX, PDF, HTML, text) or tables
 * filled in Excel — read into a report, checked by the rules, with the parser's doubts and the file's hash. Runs in a
 * worker (untrusted input); never throws: a file that can't be read is the reason why.
 */
import { createHash } from 'node:crypto';
import { lstat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parsePublished } from '../../../../shared/import/index.js';
import { findingsToJson, type ImportResult } from '../../../../shared/import/result.js';
import type { Report } from '../../../../shared/report/model.js';
import { checkedRow, failedRow, type ReviewRow, type UnitFileKind } from '../../../../shared/rollup/review.js';
import { evaluate } from '../../../../shared/rules/index.js';
import type { CheckStage } from '../../../../shared/rules/types.js';
import { MAX_DRAFT_BYTES, NOT_UTF8_TEXT, fileTooLargeMessage } from '../../../../shared/schema/draft.js';
import { loadReportText } from '../../../../shared/schema/reportData.js';
import { FileTooLargeError, decodeUtf8, readRegularFile } from '../atomicWrite.js';
import { describeFileError } from '../fsErrors.js';
import { MAX_IMPORT_FILE_BYTES, importRead, readPublishedBytes } from '../import/index.js';
import { readTablesXlsx } from './xlsx.js';

export type UnitRead =
  | { ok: true; file: string; sha256: string; kind: UnitFileKind; report: Report; findings: ReturnType<typeof findingsToJson>; uncertain: ImportResult['uncertain'] }
  | { ok: false; file: string; sha256?: string; kind?: UnitFileKind; error: string };

const JSON_EXTENSIONS = new Set(['.gkbg', '.json']);

/** How a unit's report is checked: the stage (V-BLANK) and last year's report for the cross-year rules. */
export interface CheckOptions {
  stage?: CheckStage;
  previous?: Report['previous'];
}

function check(report: Report, options: CheckOptions): ReturnType<typeof findingsToJson> {
  return findingsToJson(evaluate(options.previous ? { ...report, previous: options.previous } : report, { stage: options.stage ?? 'draft' }));
}

function isXlsx(buf: Uint8Array, name: string): boolean {
  return extname(name).toLowerCase() === '.xlsx' && buf[0] === 0x50 && buf[1] === 0x4b;
}

function fromDraftOrData(file: string, sha256: string, buf: Uint8Array, options: CheckOptions): UnitRead {
  if (buf.length > MAX_DRAFT_BYTES) return { ok: false, file, sha256, error: `${fileTooLargeMessage(MAX_DRAFT_BYTES, buf.length)}，不是有效的报告草稿或报告数据` };
  const text = decodeUtf8(buf);
  if (text === null) return { ok: false, file, sha256, error: `${NOT_UTF8_TEXT}，不是有效的报告草稿或报告数据` };
  const loaded = loadReportText(text);
  if (!loaded.ok) return { ok: false, file, sha256, error: loaded.error };
  return { ok: true, file, sha256, kind: loaded.kind, report: loaded.report, findings: check(loaded.report, options), uncertain: [] };
}

/** A .docx or .pdf whose bytes are something else is a broken file, not a text to parse. */
function extensionMismatch(buf: Uint8Array, name: string): string | null {
  const ext = extname(name).toLowerCase();
  const zip = buf[0] === 0x50 && buf[1] === 0x4b;
  const pdf = new TextDecoder('latin1').decode(buf.subarray(0, 1024)).includes('%PDF-');
  if (ext === '.docx' && !zip) return '扩展名为 .docx，但内容不是 Word 文档（文件可能已损坏）';
  if (ext === '.pdf' && !pdf) return '扩展名为 .pdf，但内容不是 PDF 文件（文件可能已损坏）';
  return null;
}

async function fromPublished(file: string, sha256: string, buf: Uint8Array, options: CheckOptions): Promise<UnitRead> {
  const mismatch = extensionMismatch(buf, file);
  if (mismatch) return { ok: false, file, sha256, error: mismatch };
  const read = await readPublishedBytes(buf, file);
  if (!read.ok) return { ok: false, file, sha256, error: read.error };
  const kind: UnitFileKind = read.kind === 'pasted' ? 'text' : read.kind;
  const result = importRead(read);
  // No table figure and hardly a section: a notice or a letter, not an annual report.
  const sections = Object.entries(result.report.sections ?? {}).filter(([k, t]) => k !== 'preface' && t?.trim()).length;
  if (result.stats.cellsRead === 0 && sections < 3) {
    return { ok: false, file, sha256, kind, error: '未能从此文件中读出年度报告的表格或正文，不像是一份年度报告' };
  }
  // The importer's source check is the default check; another stage or last year's report checks the report as
  // published (printed headings and totals included) again.
  const findings = options.stage === 'final' || options.previous ? check(parsePublished(read.doc).report, options) : result.sourceCheck;
  return { ok: true, file, sha256, kind, report: result.report, findings, uncertain: result.uncertain };
}

/** Read and check one unit's file. */
export async function readUnitFile(path: string, options: CheckOptions = {}): Promise<UnitRead> {
  const file = basename(path);
  try {
    const info = await lstat(path);
    if (!info.isFile()) return { ok: false, file, error: '不是普通文件（文件夹、链接或设备），未读取' };
    if (info.size > MAX_IMPORT_FILE_BYTES) return { ok: false, file, error: `${fileTooLargeMessage(MAX_IMPORT_FILE_BYTES, info.size)}，不像是一份年度报告` };
    // read with readRegularFile: a file swapped for a FIFO after the lstat is refused, not waited on
    const buf = await readRegularFile(path, MAX_IMPORT_FILE_BYTES);
    const sha256 = createHash('sha256').update(buf).digest('hex');
    if (buf.length === 0) return { ok: false, file, sha256, error: '文件是空的' };
    if (isXlsx(buf, file)) {
      const x = await readTablesXlsx(buf);
      if (!x.ok) return { ok: false, file, sha256, kind: 'xlsx', error: x.error };
      return { ok: true, file, sha256, kind: 'xlsx', report: x.report, findings: check(x.report, options), uncertain: [] };
    }
    if (JSON_EXTENSIONS.has(extname(file).toLowerCase())) return fromDraftOrData(file, sha256, buf, options);
    return await fromPublished(file, sha256, buf, options);
  } catch (e) {
    if (e instanceof FileTooLargeError) return { ok: false, file, error: `${fileTooLargeMessage(MAX_IMPORT_FILE_BYTES, e.size)}，不像是一份年度报告` };
    // Chinese only: never the library's English nor a path (a file gone since the folder was listed, a parser's throw)
    return { ok: false, file, error: describeFileError(e, path, 'open') };
  }
}

/** The review table's row of a read unit. */
export function reviewRowOf(read: UnitRead): ReviewRow {
  if (!read.ok) return failedRow(read.file, read.error, read.kind);
  const unit = (read.report.organ?.trim() || read.report.signature?.organ?.trim() || read.file.replace(/\.[^.]+$/, '')).slice(0, 200);
  return checkedRow(read.file, unit, read.kind, read.report.year, read.findings, read.uncertain);
}

/**
 * Import of a published report (spec: issue #6): source lines → report as published → draft, with the
 * source check (the rules on the report as published) and the parser's doubts.
 */
import { enteredCells } from '../report/format.js';
import { canonicalTitle, reportFormat, standardTitle, type Report } from '../report/model.js';
import { reportToDraft } from '../schema/draft.js';
import { toReportData } from '../schema/reportData.js';
import { parsePublished } from './parse.js';
import { findingsToJson, importResultSchema, type Evaluate, type ImportResult, type ImportSourceKind } from './result.js';
import type { SourceDocument } from './text.js';

export { parsePublished } from './parse.js';
export { parseImportResult, importResultSchema, type ImportResult, type Uncertain } from './result.js';
export type { SourceDocument, SourceLine } from './text.js';

/** Largest text the parser takes (a real report is 10–40 thousand characters). */
export const MAX_IMPORT_CHARS = 2_000_000;

/** Lines of plain or pasted text. */
export function textDocument(text: string): SourceDocument {
  return { lines: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n').map((t) => ({ text: t })) };
}

export interface ImportOptions {
  kind: ImportSourceKind;
  name: string;
  /** the rules engine (`evaluate` of shared/rules), run on the report as published */
  evaluate: Evaluate;
}

export function importDocument(doc: SourceDocument, options: ImportOptions): ImportResult {
  const { report, uncertain } = parsePublished(doc);
  const format = reportFormat(report);
  const entered = new Set(enteredCells(format).map((c) => c.key));
  const draft = reportToDraft(report, entered);
  let findings: ReturnType<Evaluate> = [];
  try {
    findings = options.evaluate(report);
  } catch (e) {
    uncertain.push({ target: 'sourceCheck', name: '原文核查', reason: `核查规则运行出错：${e instanceof Error ? e.message : String(e)}` });
  }
  // A printed title of the wrong form (F-TITLE) isn't carried into the draft: it would be printed again.
  if (draft.meta.title && findings.some((f) => f.rule === 'F-TITLE')) {
    // the title F-TITLE suggests (`standardTitle`); kept only where it isn't the organ's canonical one anyway
    const suggestion = standardTitle(report);
    uncertain.push({ target: 'title', name: '标题', reason: `原标题「${draft.meta.title}」不合规范，草稿改用标准标题「${suggestion}」` });
    if (suggestion === canonicalTitle(draft.meta.organ, draft.year)) delete draft.meta.title;
    else draft.meta.title = suggestion;
  }
  const data = toReportData(report, { keepPrintedTotals: true });
  const cellsTotal = format.cells.length;
  const cellsRead = format.cells.filter((c) => typeof report.cells[c.key] === 'number').length;
  return importResultSchema.parse({
    source: { kind: options.kind, name: options.name.slice(0, 500) },
    report: data,
    draft,
    sourceCheck: findingsToJson(findings),
    uncertain: dedupe(uncertain),
    stats: { cellsRead, cellsTotal },
  });
}

export function importText(text: string, options: ImportOptions): ImportResult {
  return importDocument(textDocument(text.slice(0, MAX_IMPORT_CHARS)), options);
}

function dedupe<T extends { target: string; reason: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((u) => {
    const k = `${u.target}\u0000${u.reason}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export type { Report };

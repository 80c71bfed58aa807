/**
 * Report data JSON: the interchange format every command accepts and `data` prints (flat canonical keys,
 * totals optional). Also the one entry point that reads "a report file" whichever kind it is.
 */
import { z } from 'zod';
import { ALL_CELL_KEYS, SECTION_KEYS, formatFor, type SectionKey } from '../report/format.js';
import { resolvedCells, type Cells, type Report } from '../report/model.js';
import { DRAFT_APP_ID, describeZodError, draftToReport, findHostileKey, parseDraftText, MAX_DRAFT_BYTES, fileTooLargeMessage, type DraftFile } from './draft.js';

/** Numbers, null for blank, and text only in the text cells of a format (2019 采购总金额 「3979.5 万元」). */
const flatCells = z.record(z.string().max(64), z.union([z.number().finite(), z.string().max(200), z.null()]));
/**
 * A cell as read from a file: also text. Whether a value is valid for its cell (a negative count, a decimal count,
 * 「三件」) is the rules' V-NUM finding, not a reason to refuse the whole file.
 */
const flatCellsInput = z.record(z.string().max(64), z.union([z.number().finite(), z.string().max(200), z.null()]));
const sections = z
  .strictObject(Object.fromEntries(SECTION_KEYS.map((k) => [k, z.string().max(200_000).optional()])) as Record<SectionKey, z.ZodOptional<z.ZodString>>)
  .optional();
const year = z.number().int().min(2008).max(2100);
const date = z.string().regex(/^\d{4}-\d{1,2}-\d{1,2}$/, { message: '日期应为 YYYY-MM-DD' });

export const reportDataSchema = z.strictObject({
  format: z.enum(['2021', '2019']),
  year,
  organ: z.string().max(200).optional(),
  level: z.enum(['government', 'department']).optional(),
  title: z.string().max(200).optional(),
  cells: flatCells,
  sections,
  signature: z.strictObject({ organ: z.string().max(200).optional(), date: date.optional() }).optional(),
  contact: z.strictObject({ name: z.string().max(200).optional(), phone: z.string().max(200).optional() }).optional(),
  previous: z
    .strictObject({ year, format: z.enum(['2021', '2019']).optional(), cells: flatCells, sections })
    .optional(),
});
export type ReportData = z.infer<typeof reportDataSchema>;

/** What `parseReportDataJson` reads: report data JSON whose cells may hold values V-NUM will name. */
const reportDataInputSchema = reportDataSchema.extend({
  cells: flatCellsInput,
  previous: z.strictObject({ year, format: z.enum(['2021', '2019']).optional(), cells: flatCellsInput, sections }).optional(),
});

export type LoadResult =
  | { ok: true; kind: 'draft'; report: Report; draft: DraftFile }
  | { ok: true; kind: 'data'; report: Report }
  | { ok: false; error: string };

function checkKeys(cells: Record<string, unknown>, what: string): string | null {
  for (const key of Object.keys(cells)) if (!ALL_CELL_KEYS.has(key)) return `${what}未知的单元格「${key.slice(0, 64)}」`;
  return null;
}

export function parseReportDataJson(json: unknown): { ok: true; report: Report } | { ok: false; error: string } {
  const hostile = findHostileKey(json);
  if (hostile) return { ok: false, error: `报告数据有误：${hostile}` };
  const parsed = reportDataInputSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: `报告数据有误：${describeZodError(parsed.error)}` };
  const data = parsed.data;
  const keyError = checkKeys(data.cells, '') ?? (data.previous ? checkKeys(data.previous.cells, '上年数据 ') : null);
  if (keyError) return { ok: false, error: `报告数据有误：${keyError}` };
  const report: Report = { ...data, cells: { ...data.cells } as Cells };
  return { ok: true, report };
}

/** Read a draft file or a report data JSON file's text. Never throws. */
export function loadReportText(text: string): LoadResult {
  if (text.length > MAX_DRAFT_BYTES) return { ok: false, error: fileTooLargeMessage(MAX_DRAFT_BYTES) };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: '文件不是有效的 JSON（可能已损坏或被截断）' };
  }
  if (typeof json === 'object' && json !== null && (json as { app?: unknown }).app === DRAFT_APP_ID) {
    const r = parseDraftText(text);
    return r.ok ? { ok: true, kind: 'draft', report: draftToReport(r.draft), draft: r.draft } : r;
  }
  const r = parseReportDataJson(json);
  return r.ok ? { ok: true, kind: 'data', report: r.report } : r;
}

/**
 * The report data JSON of a report: every cell of its format (computed totals filled in unless the report
 * printed its own, which are kept as published); raw text awaiting a fix becomes null.
 */
export function toReportData(report: Report, options: { keepPrintedTotals?: boolean } = {}): ReportData {
  const format = formatFor(report.format, Object.keys(report.cells));
  const resolved = resolvedCells(report);
  const cells: Record<string, number | string | null> = {};
  for (const def of format.cells) {
    const own = report.cells[def.key];
    const v = def.sumOf && options.keepPrintedTotals && own !== undefined ? own : resolved[def.key];
    cells[def.key] = typeof v === 'number' || (def.kind === 'text' && typeof v === 'string' && v.trim() !== '') ? v : null;
  }
  const out: ReportData = { format: report.format, year: report.year, cells };
  if (report.organ) out.organ = report.organ;
  if (report.level) out.level = report.level;
  if (report.title) out.title = report.title;
  if (report.sections) out.sections = { ...report.sections };
  if (report.signature && (report.signature.organ || report.signature.date)) out.signature = { ...report.signature };
  if (report.contact && (report.contact.name || report.contact.phone)) out.contact = { ...report.contact };
  if (report.previous) {
    const prev: Record<string, number | null> = {};
    for (const [k, v] of Object.entries(report.previous.cells)) prev[k] = typeof v === 'number' ? v : null;
    out.previous = { year: report.previous.year, cells: prev };
    if (report.previous.format) out.previous.format = report.previous.format;
    if (report.previous.sections) out.previous.sections = { ...report.previous.sections };
  }
  return out;
}

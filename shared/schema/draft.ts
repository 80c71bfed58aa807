/**
 * The draft file (`.gkbg`, UTF-8 JSON), validated with zod on every read and write.
 *
 * Versions: 1 stored `cells` with flat dotted keys (the first prototype); 2 nests them as the spec asks
 * (`a.b.c` → {"a":{"b":{"c":…}}}) and keeps migrated 2019 figures under `legacy`; 3 may carry two optional
 * records: `history`, the versions kept at each save (shared/report/history.ts), and `stateChanges`, its review
 * states (shared/report/reviewState.ts). A damaged history entry is left out on reading, never a reason not to open.
 * 4 (current) may carry `meta.signatureStyle`, the 落款's layout (absent = 'sealed').
 * The version went up with each so that an older program says 「请升级本程序」 instead of naming an unknown field.
 * Every older version has one migration step to the next, tested.
 */
import { z } from 'zod';
import { ALL_CELL_KEYS, FORMATS, SECTION_KEYS, SECTION_NAMES, type FormatId, type SectionKey } from '../report/format.js';
import { parseCell } from '../report/numbers.js';
import { flattenCells, nestCells, type Cells, type Report, type Sections } from '../report/model.js';
import type { Level } from '../report/level.js';
import type { DocModelOptions, SignatureStyle } from '../render/model.js';
import { rollupRecordSchema } from '../rollup/record.js';

export const DRAFT_EXTENSION = 'gkbg';
export const DRAFT_APP_ID = 'gov-disclosure-report';
export const DRAFT_SCHEMA_VERSION = 4;
/**
 * The one size limit of a draft file, in UTF-8 bytes, checked where a draft is serialised, parsed and read from disk
 * alike — so a draft that saves always reopens. A real draft is a few dozen KB; the limit leaves room for every
 * section and last year's sections at their typing limit in Chinese (3 bytes a character).
 */
export const MAX_DRAFT_BYTES = 16 * 1024 * 1024;
/** 「文件过大（20.0 MB，上限 16 MB）」, or 「文件过大（超过 16 MB）」 when the size isn't known: the one wording of a refusal by size. */
export function fileTooLargeMessage(limit: number, size?: number): string {
  const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
  return size === undefined ? `文件过大（超过 ${megabytes(limit)} MB）` : `文件过大（${(size / 1024 / 1024).toFixed(1)} MB，上限 ${megabytes(limit)} MB）`;
}
/** The one wording of a file whose bytes are not UTF-8 text (a GBK file, a binary). */
export const NOT_UTF8_TEXT = '文件不是 UTF-8 文本';
/** Typing limits, enforced where the text is typed (the editor's inputs) and checked again by the schema. */
export const MAX_SECTION_CHARS = 200_000;
export const MAX_SHORT = 200;
/** Raw text kept in a number cell until the clerk fixes it. */
export const MAX_RAW_CELL = 100;

const shortText = z.string().max(MAX_SHORT, { message: `不能超过 ${MAX_SHORT} 个字符` });
const isoDate = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, { message: '日期应为 YYYY-MM-DD' })
  .refine((s) => s === '' || !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), { message: '日期无效' });

const sectionsSchema = z.strictObject(
  Object.fromEntries(SECTION_KEYS.map((k) => [k, z.string().max(MAX_SECTION_CHARS, { message: '正文过长' }).optional()])) as Record<
    SectionKey,
    z.ZodOptional<z.ZodString>
  >,
);

const cellValue = z.union([z.number().finite(), z.string().max(MAX_RAW_CELL), z.null()]);

/** Nested cell objects: validated structurally here, keys and kinds checked after flattening. */
const nestedCells: z.ZodType<unknown> = z.lazy(() => z.record(z.string().max(64), z.union([cellValue, nestedCells])));

const acceptedWarning = z.strictObject({
  rule: z.string().regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/),
  /** the cell key or section the warning concerns (empty when it concerns the whole report) */
  target: z.string().max(MAX_SHORT),
  explanation: z.string().min(1, { message: '请填写说明' }).max(2000),
  acceptedAt: z.string().max(40).optional(),
});
export type AcceptedWarning = z.infer<typeof acceptedWarning>;

/**
 * A passage or field the clerk must look at before publishing: text carried over into next year's report (marked
 * 【请核对】 in the text as well) or a doubt of the importer. Kept in the draft so it survives saving and reopening;
 * it leaves the list only when the clerk confirms it (deleting the mark by hand does not).
 */
const reviewItem = z.strictObject({
  origin: z.enum(['next-year', 'import']),
  /** the section whose text holds the passage */
  section: z.enum(SECTION_KEYS as unknown as [SectionKey, ...SectionKey[]]).optional(),
  /** a cell key or field (`year`, `organ` …) for a doubt about a figure or a field */
  target: z.string().max(MAX_SHORT).optional(),
  /** the passage as marked (found again by its text: the clerk edits around it) or the field's name */
  text: z.string().max(2000),
  reason: z.string().max(1000),
});
export type ReviewItem = z.infer<typeof reviewItem>;
export const MAX_REVIEW_ITEMS = 2000;

const yearSchema = z.number().int().min(2008, { message: '年度应不早于 2008' }).max(2100, { message: '年度无效' });
const formatSchema = z.enum(['2021', '2019']);

/**
 * The 落款's layout (GB/T 9704-2012 7.3.5, shared/render/model.ts `signatureLayout`): 'sealed' (7.3.5.1, the
 * default: the filed copy is signed and sealed) or 'unsealed' (7.3.5.2). A choice of the document, kept in its draft.
 */
export const SIGNATURE_STYLES = ['sealed', 'unsealed'] as const satisfies readonly SignatureStyle[];

const metaSchema = z.strictObject({
  organ: shortText,
  /** absent: not known (an imported report whose organ names neither): the rules then assume no level */
  level: z.enum(['government', 'department']).optional(),
  title: shortText.optional(),
  signatureOrgan: shortText,
  signatureDate: isoDate,
  /** absent = 'sealed' (drafts before version 4, and drafts that keep the default) */
  signatureStyle: z.enum(SIGNATURE_STYLES).optional(),
  contactName: shortText.optional(),
  contactPhone: shortText.optional(),
});
const acceptedWarnings = z.array(acceptedWarning).max(2000);
/** figures of a migrated 2019 draft that have no 2021 home (旧格式数据), shown, never dropped */
const legacySchema = z.strictObject({ format: z.literal('2019'), cells: nestedCells }).nullable().optional();

/** 草稿 → 送审 → 退回修改 → 定稿 (the transitions allowed: shared/report/reviewState.ts) */
export const REVIEW_STATES = ['draft', 'submitted', 'returned', 'final'] as const;
export type ReviewStateId = (typeof REVIEW_STATES)[number];
export const MAX_REASON = 1000;
const stateChange = z.strictObject({
  state: z.enum(REVIEW_STATES),
  /** ISO time */
  at: z.string().max(40),
  /** the name the clerk gave */
  by: z.string().min(1, { message: '请填写姓名' }).max(MAX_SHORT),
  reason: z.string().max(MAX_REASON).optional(),
});
export type StateChange = z.infer<typeof stateChange>;
export const MAX_STATE_CHANGES = 200;

/** A version kept at a save: the figures and text as they were (never its own history), never altered afterwards. */
export const draftVersionSchema = z.strictObject({
  /** 第 n 版: numbered in order of saving, never reused while the draft keeps its history */
  n: z.number().int().min(1).max(1_000_000),
  savedAt: z.string().max(40),
  reason: z.string().max(MAX_REASON).optional(),
  state: z.enum(REVIEW_STATES).optional(),
  format: formatSchema,
  year: yearSchema,
  meta: metaSchema,
  sections: sectionsSchema,
  cells: nestedCells,
  acceptedWarnings,
  legacy: legacySchema,
});
export type DraftVersion = z.infer<typeof draftVersionSchema>;
/** At most this many versions are kept (the oldest go first; shared/report/history.ts also keeps a byte budget). */
export const MAX_VERSIONS = 30;

export const draftSchema = z.strictObject({
  app: z.literal(DRAFT_APP_ID),
  schemaVersion: z.literal(DRAFT_SCHEMA_VERSION),
  format: formatSchema,
  year: yearSchema,
  meta: metaSchema,
  sections: sectionsSchema,
  cells: nestedCells,
  previous: z
    .strictObject({
      year: yearSchema,
      format: formatSchema.optional(),
      cells: nestedCells,
      sections: sectionsSchema.optional(),
    })
    .nullable()
    .optional(),
  acceptedWarnings,
  legacy: legacySchema,
  /** a roll-up of units' reports (汇总): its scope and the units' files it came from (absent for other drafts) */
  rollup: rollupRecordSchema.nullable().optional(),
  /** passages and fields still to be reviewed (absent in drafts that never had any) */
  review: z.array(reviewItem).max(MAX_REVIEW_ITEMS).optional(),
  /** the versions kept at each save, oldest first (absent in drafts that never kept one) */
  history: z.array(draftVersionSchema).max(MAX_VERSIONS).optional(),
  /** the review states it went through, oldest first (absent: 草稿, never sent for review) */
  stateChanges: z.array(stateChange).max(MAX_STATE_CHANGES).optional(),
});

export type DraftFile = z.infer<typeof draftSchema>;

/** `historyProblem`: damaged versions were left out (the current draft opened); say so to the clerk. */
export type DraftResult = { ok: true; draft: DraftFile; historyProblem?: string } | { ok: false; error: string };

// ---------------------------------------------------------------------------------------------
// Migrations: index i migrates version i+1 → i+2.

type Json = Record<string, unknown>;
const MIGRATIONS: readonly ((old: Json) => Json)[] = [
  // 1 → 2: flat cell keys become nested objects; `legacy` introduced (absent = none).
  (old) => {
    const flat = (v: unknown): unknown => (isPlainObject(v) ? nestCells(v as Cells) : v);
    const previous = isPlainObject(old.previous) ? { ...(old.previous as Json), cells: flat((old.previous as Json).cells) } : old.previous;
    return { ...old, schemaVersion: 2, cells: flat(old.cells), previous };
  },
  // 2 → 3: `history` and `stateChanges` introduced (absent = none): nothing to change.
  (old) => ({ ...old, schemaVersion: 3 }),
  // 3 → 4: `meta.signatureStyle` introduced (absent = 'sealed'): nothing to change.
  (old) => ({ ...old, schemaVersion: 4 }),
];

export function migrateDraft(json: Json): Json {
  let doc = json;
  let version = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : NaN;
  if (!Number.isInteger(version) || version < 1) throw new DraftError('文件缺少有效的版本号（schemaVersion）');
  if (version > DRAFT_SCHEMA_VERSION) throw new DraftError(`此文件由更新版本的程序保存（格式版本 ${version}），请升级本程序后再打开`);
  while (version < DRAFT_SCHEMA_VERSION) {
    const step = MIGRATIONS[version - 1];
    if (!step) throw new DraftError(`无法升级格式版本 ${version}`);
    doc = step(doc);
    version += 1;
  }
  return doc;
}

class DraftError extends Error {}

function isPlainObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---------------------------------------------------------------------------------------------
// Reading and writing

/** Parse a draft file's text: size, JSON, version, migration, schema, cell keys and kinds. Never throws. */
export function parseDraftText(text: string): DraftResult {
  try {
    if (utf8Length(text) > MAX_DRAFT_BYTES) return { ok: false, error: `${fileTooLargeMessage(MAX_DRAFT_BYTES)}，不是有效的报告草稿` };
    const trimmed = text.replace(/^\uFEFF/, '');
    if (trimmed.trim() === '') return { ok: false, error: '文件是空的，不是有效的报告草稿' };
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      return { ok: false, error: '文件内容不是有效的草稿格式（可能已损坏或被截断）' };
    }
    if (!isPlainObject(json) || json.app !== DRAFT_APP_ID) return { ok: false, error: '这不是本程序保存的报告草稿文件' };
    // the history is read entry by entry after the current draft: a damaged version never stops the draft opening
    const { history, ...current } = json;
    const hostile = findHostileKey(current);
    if (hostile) return { ok: false, error: `草稿文件内容有误：${hostile}` };
    const migrated = migrateDraft(current);
    const parsed = draftSchema.safeParse(migrated);
    if (!parsed.success) return { ok: false, error: `草稿文件内容有误：${describeZodError(parsed.error)}` };
    const draft = parsed.data;
    const cellError = checkCells(flattenCells(draft.cells), draft.format, '') ?? checkCells(flattenCells(draft.previous?.cells), draft.previous?.format ?? draft.format, '上年数据 ');
    if (cellError) return { ok: false, error: `草稿文件内容有误：${cellError}` };
    if (history === undefined) return { ok: true, draft };
    const versions = readHistory(history);
    if (versions.kept.length) draft.history = versions.kept;
    return versions.damaged ? { ok: true, draft, historyProblem: `版本记录中有 ${versions.damaged} 个版本已损坏，未载入；当前草稿不受影响。` } : { ok: true, draft };
  } catch (e) {
    if (e instanceof DraftError) return { ok: false, error: e.message };
    return { ok: false, error: '无法读取草稿文件（内容异常）' };
  }
}

/** The valid versions of a stored history, and how many entries were damaged (left out). */
function readHistory(history: unknown): { kept: DraftVersion[]; damaged: number } {
  if (!Array.isArray(history)) return { kept: [], damaged: 1 };
  const kept: DraftVersion[] = [];
  let damaged = 0;
  for (const entry of history) {
    const parsed = findHostileKey(entry) ? null : draftVersionSchema.safeParse(entry);
    const version = parsed?.success ? parsed.data : null;
    if (version && !checkCells(flattenCells(version.cells), version.format, '') && !kept.some((v) => v.n >= version.n)) kept.push(version);
    else damaged += 1;
  }
  // more than a draft keeps (edited by hand): the newest stay
  return { kept: kept.slice(-MAX_VERSIONS), damaged: damaged + Math.max(0, kept.length - MAX_VERSIONS) };
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/**
 * Refused before anything reads the file: keys that could reach an object's prototype, absurd nesting, and
 * numbers JSON turns into Infinity (1e400) — named with their path, which a schema union can't do.
 */
export function findHostileKey(value: unknown, path = '', depth = 0): string | null {
  if (depth > 12) return '嵌套层级过深';
  if (typeof value === 'number' && !Number.isFinite(value)) return `「${path}」的数值超出范围`;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findHostileKey(v, `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (!isPlainObject(value)) return null;
  for (const [k, v] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.has(k)) return `含有不允许的字段「${k}」`;
    const found = findHostileKey(v, path ? `${path}.${k.slice(0, 64)}` : k.slice(0, 64), depth + 1);
    if (found) return found;
  }
  return null;
}

function checkCells(flat: Record<string, unknown>, format: FormatId, prefix: string): string | null {
  const known = FORMATS[format].cellByKey;
  for (const [key, value] of Object.entries(flat)) {
    if (!ALL_CELL_KEYS.has(key)) return `${prefix}未知的单元格「${key.slice(0, 64)}」`;
    if (value !== null && typeof value !== 'number' && typeof value !== 'string') return `${prefix}单元格「${key}」的值无效`;
    const def = known.get(key);
    // Numbers must be valid for their kind; text is raw input kept for the clerk to fix (V-NUM shows it).
    if (def && typeof value === 'number' && !parseCell(value, def.kind).ok) return `${prefix}单元格「${def.name}」的值 ${value} 无效`;
  }
  return null;
}

export function describeZodError(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return '格式不正确';
  const path = first.path.map(String).join('.');
  const more = error.issues.length > 1 ? `（另有 ${error.issues.length - 1} 处问题）` : '';
  let what: string;
  switch (first.code) {
    case 'invalid_type':
      what = '类型不正确';
      break;
    case 'unrecognized_keys':
      what = `含有未知字段 ${first.keys.slice(0, 3).join('、')}`;
      break;
    case 'invalid_value':
      what = '取值不在允许范围内';
      break;
    case 'too_big':
      what = '内容过长或数值过大';
      break;
    case 'too_small':
      what = '内容过短或数值过小';
      break;
    default:
      what = /[\u4e00-\u9fff]/.test(first.message) ? first.message : '格式不正确';
  }
  return `${path ? `「${path}」` : ''}${what}${more}`;
}

/** The UTF-8 size of a text without encoding it (the size a file of it has on disk). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export type SerializeResult = { ok: true; text: string } | { ok: false; error: string };

const META_NAMES: Record<string, string> = { organ: '机关名称', title: '标题', signatureOrgan: '落款机关', signatureDate: '落款日期', signatureStyle: '落款版式', contactName: '联系人', contactPhone: '联系电话' };

/** Where a schema problem is, in the clerk's words: 「五、问题及改进」正文, 单元格「…」, 「联系电话」. */
function placeOf(draft: DraftFile, path: readonly PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  if (head === 'sections' && rest[0]) return `「${SECTION_NAMES[rest[0] as SectionKey] ?? rest[0]}」正文`;
  if (head === 'previous' && rest[0] === 'sections' && rest[1]) return `上年「${SECTION_NAMES[rest[1] as SectionKey] ?? rest[1]}」正文`;
  if (head === 'cells' && rest.length) return `单元格「${FORMATS[draft.format]?.cellByKey.get(rest.join('.'))?.name ?? rest.join('.')}」`;
  if (head === 'meta' && rest[0]) return `「${META_NAMES[rest[0]] ?? rest[0]}」`;
  if (head === 'acceptedWarnings') return '警告说明';
  if (head === 'history') return '版本记录';
  if (head === 'stateChanges') return '审核状态记录';
  return path.length ? `「${path.map(String).join('.')}」` : '';
}

/**
 * Serialise a draft, or say in Chinese why it can't be (which field is over its limit, or the whole draft over the
 * file limit): the page shows it where the clerk works, and keeps what was typed.
 */
export function trySerializeDraft(draft: DraftFile): SerializeResult {
  const checked = draftSchema.safeParse(draft);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue ? placeOf(draft, issue.path) : '';
    const what = issue?.code === 'too_big' ? `超过 ${'maximum' in issue ? String(issue.maximum) : ''} 个字符的上限` : describeZodError(checked.error);
    return { ok: false, error: `${where}${what}` };
  }
  const text = `${JSON.stringify(checked.data, null, 2)}\n`;
  const bytes = utf8Length(text);
  if (bytes > MAX_DRAFT_BYTES) return { ok: false, error: `报告内容过多（${(bytes / 1024 / 1024).toFixed(1)} MB，上限 ${MAX_DRAFT_BYTES / 1024 / 1024} MB），请删减正文` };
  // what is written must open again: the same checks as reading (cell values valid for their kind)
  const back = parseDraftText(text);
  if (!back.ok) return { ok: false, error: back.error.replace(/^草稿文件内容有误：/, '') };
  return { ok: true, text };
}

/** Serialise a draft, validating it first so a bad state is never written (throws; see `trySerializeDraft`). */
export function serializeDraft(draft: DraftFile): string {
  const r = trySerializeDraft(draft);
  if (!r.ok) throw new Error(r.error);
  return r.text;
}

// ---------------------------------------------------------------------------------------------
// Draft ↔ report

export function emptySections(): Record<SectionKey, string> {
  return Object.fromEntries(SECTION_KEYS.map((k) => [k, ''])) as Record<SectionKey, string>;
}

/** A new draft; its level 人民政府 unless given (`null`: not known, as of an imported report whose organ names neither). */
export function newDraft(options: { year: number; format?: FormatId; organ?: string; level?: Level | null }): DraftFile {
  const level = options.level === undefined ? 'government' : options.level;
  return {
    app: DRAFT_APP_ID,
    schemaVersion: DRAFT_SCHEMA_VERSION,
    format: options.format ?? '2021',
    year: options.year,
    meta: { organ: options.organ ?? '', ...(level ? { level } : {}), signatureOrgan: options.organ ?? '', signatureDate: '' },
    sections: emptySections(),
    cells: {},
    previous: null,
    acceptedWarnings: [],
    legacy: null,
  };
}

function cellsOf(nested: unknown): Cells {
  const flat = flattenCells(nested);
  const out: Cells = {};
  for (const [k, v] of Object.entries(flat)) if (ALL_CELL_KEYS.has(k) && (v === null || typeof v === 'number' || typeof v === 'string')) out[k] = v;
  return out;
}

function nonEmptySections(s: Sections | undefined): Sections {
  const out: Sections = {};
  for (const k of SECTION_KEYS) if (s?.[k]) out[k] = s[k];
  return out;
}

export function draftToReport(draft: DraftFile): Report {
  const report: Report = {
    format: draft.format,
    year: draft.year,
    organ: draft.meta.organ,
    ...(draft.meta.level ? { level: draft.meta.level } : {}),
    cells: cellsOf(draft.cells),
    sections: nonEmptySections(draft.sections),
    signature: { organ: draft.meta.signatureOrgan, date: draft.meta.signatureDate || undefined },
  };
  if (draft.meta.title) report.title = draft.meta.title;
  if (draft.meta.contactName || draft.meta.contactPhone) report.contact = { name: draft.meta.contactName, phone: draft.meta.contactPhone };
  if (draft.previous) {
    report.previous = { year: draft.previous.year, cells: cellsOf(draft.previous.cells) };
    if (draft.previous.format) report.previous.format = draft.previous.format;
    if (draft.previous.sections) report.previous.sections = nonEmptySections(draft.previous.sections);
  }
  return report;
}

/**
 * How a draft's document is laid out (its 落款: sealed unless the draft says unsealed) — the options every output of
 * a draft passes to `buildDocModel`: preview, PDF, DOCX, print, bundle, and the command line, whose `--unsealed` is
 * `override`.
 */
export function draftModelOptions(draft: { meta: Pick<DraftFile['meta'], 'signatureStyle'> }, override?: SignatureStyle): DocModelOptions {
  return { signature: override ?? draft.meta.signatureStyle ?? 'sealed' };
}

/** A draft holding a report's entered cells (its printed totals are dropped: the app computes them). */
export function reportToDraft(report: Report, enteredKeys: ReadonlySet<string>): DraftFile {
  const draft = newDraft({ year: report.year, format: report.format, organ: report.organ, level: report.level ?? null });
  const cells: Cells = {};
  for (const [k, v] of Object.entries(report.cells)) if (enteredKeys.has(k)) cells[k] = v;
  draft.cells = nestCells(cells);
  draft.meta.signatureOrgan = report.signature?.organ ?? report.organ ?? '';
  draft.meta.signatureDate = report.signature?.date ?? '';
  if (report.title) draft.meta.title = report.title.slice(0, MAX_SHORT);
  if (report.contact?.name) draft.meta.contactName = report.contact.name;
  if (report.contact?.phone) draft.meta.contactPhone = report.contact.phone;
  draft.sections = { ...emptySections(), ...nonEmptySections(report.sections) };
  if (report.previous) {
    const prevCells: Cells = {};
    for (const [k, v] of Object.entries(report.previous.cells)) if (v === null || typeof v === 'number') prevCells[k] = v;
    draft.previous = { year: report.previous.year, cells: nestCells(prevCells) };
    if (report.previous.format) draft.previous.format = report.previous.format;
    if (report.previous.sections) draft.previous.sections = nonEmptySections(report.previous.sections);
  }
  return draft;
}

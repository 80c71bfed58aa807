/**
 * The versions a draft keeps (版本记录): one at each save, with its time and an optional reason, kept in the draft
 * file so they travel with it. A version holds the figures and text as they were (cells, sections, meta, accepted
 * warnings), never its own history, and is never altered afterwards: every function here returns new objects.
 *
 * Bounded: at most MAX_VERSIONS, and all of them within a byte budget that leaves the current draft room under
 * MAX_DRAFT_BYTES; when either is hit the oldest are dropped and the caller is told how many (to tell the clerk).
 */
import {
  MAX_DRAFT_BYTES,
  MAX_REASON,
  MAX_VERSIONS,
  utf8Length,
  type DraftFile,
  type DraftVersion,
} from '../schema/draft.js';
import { currentState, isLocked, LOCKED_MESSAGE } from './reviewState.js';

export { MAX_VERSIONS } from '../schema/draft.js';

/** The most the versions may take of a draft file (a quarter of the file limit; less when the draft itself is big). */
export const HISTORY_BYTE_BUDGET = MAX_DRAFT_BYTES / 4;
/** Room kept for the current draft's own growth when the budget is worked out from its size. */
const HEADROOM_BYTES = 256 * 1024;

export interface SaveOptions {
  /** ISO time of the save */
  at: string;
  /** why (「退回修改：表三结转数据有误」); blank for none */
  reason?: string;
}

/** A draft with a version added, and how many of the oldest versions were dropped to stay within the limits. */
export interface Recorded {
  draft: DraftFile;
  dropped: number;
}

export type HistoryResult = { ok: true; draft: DraftFile; dropped: number } | { ok: false; error: string };

/** A deep copy through JSON: a version shares nothing with the draft it was taken from. */
function copied<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function contentOf(draft: DraftFile): Omit<DraftVersion, 'n' | 'savedAt' | 'reason' | 'state'> {
  const content: Omit<DraftVersion, 'n' | 'savedAt' | 'reason' | 'state'> = {
    format: draft.format,
    year: draft.year,
    meta: draft.meta,
    sections: draft.sections,
    cells: draft.cells,
    acceptedWarnings: draft.acceptedWarnings,
  };
  if (draft.legacy) content.legacy = draft.legacy;
  return copied(content);
}

function sameContent(version: DraftVersion, draft: DraftFile): boolean {
  const { n: _n, savedAt: _at, reason: _r, state: _s, ...content } = version;
  return JSON.stringify(content) === JSON.stringify(contentOf(draft));
}

function versionBytes(v: DraftVersion): number {
  return utf8Length(JSON.stringify(v, null, 2));
}

/** What the versions may take: the budget, or less when the current draft leaves less room under the file limit. */
export function historyBudget(draft: DraftFile): number {
  const { history: _h, ...current } = draft;
  const room = MAX_DRAFT_BYTES - utf8Length(JSON.stringify(current, null, 2)) - HEADROOM_BYTES;
  return Math.max(0, Math.min(HISTORY_BYTE_BUDGET, room));
}

/** The newest versions that fit the count and the byte budget (oldest dropped first). */
function withinLimits(versions: readonly DraftVersion[], budget: number): DraftVersion[] {
  const kept: DraftVersion[] = [];
  let bytes = 0;
  for (let i = versions.length - 1; i >= 0 && kept.length < MAX_VERSIONS; i--) {
    const v = versions[i] as DraftVersion;
    bytes += versionBytes(v);
    if (bytes > budget) break;
    kept.unshift(v);
  }
  return kept;
}

function withHistory(draft: DraftFile, history: readonly DraftVersion[]): DraftFile {
  const { history: _old, ...rest } = draft;
  return history.length ? { ...rest, history: [...history] } : rest;
}

/**
 * A save: the draft with its content recorded as a new version. A save that changes nothing since the last version
 * (same content, same review state, no reason) records none — saving twice keeps one version, not two.
 */
export function recordVersion(draft: DraftFile, options: SaveOptions, force = false): Recorded {
  const history = draft.history ?? [];
  const last = history.at(-1);
  const reason = options.reason?.trim().slice(0, MAX_REASON) || undefined;
  const state = currentState(draft);
  if (!force && last && !reason && last.state === state && sameContent(last, draft)) return { draft, dropped: 0 };
  const version: DraftVersion = { n: (last?.n ?? 0) + 1, savedAt: options.at, ...(reason ? { reason } : {}), state, ...contentOf(draft) };
  const all = [...history, version];
  const kept = withinLimits(all, historyBudget(draft));
  return { draft: withHistory(draft, kept), dropped: all.length - kept.length };
}

export function findVersion(draft: DraftFile, n: number): DraftVersion | undefined {
  return draft.history?.find((v) => v.n === n);
}

/** The clerk drops an old version (the others stay as they were). */
export function dropVersion(draft: DraftFile, n: number): HistoryResult {
  if (!findVersion(draft, n)) return { ok: false, error: `没有第 ${n} 版` };
  return { ok: true, draft: withHistory(draft, (draft.history ?? []).filter((v) => v.n !== n)), dropped: 0 };
}

/** A version as a draft of its own (for the read-only view and the comparison): its content, no history. */
export function versionAsDraft(draft: DraftFile, version: DraftVersion): DraftFile {
  const { n: _n, savedAt: _at, reason: _r, state: _s, ...content } = copied(version);
  const { history: _h, legacy: _l, ...rest } = draft;
  return { ...rest, ...content };
}

/**
 * Restore a version as the current draft: its figures and text replace the current ones, and the restored draft is
 * itself recorded as a new version (「恢复为第 n 版」). Content not kept in any version yet (typed since the last
 * save) is recorded first, so restoring never loses it. Refused while the draft is locked (定稿).
 */
export function restoreVersion(draft: DraftFile, n: number, at: string): HistoryResult {
  if (isLocked(draft)) return { ok: false, error: LOCKED_MESSAGE };
  const version = findVersion(draft, n);
  if (!version) return { ok: false, error: `没有第 ${n} 版` };
  const last = draft.history?.at(-1);
  const unsaved = !last || !sameContent(last, draft);
  const before = unsaved ? recordVersion(draft, { at, reason: `恢复第 ${n} 版前的内容` }) : { draft, dropped: 0 };
  const history = before.draft.history;
  const restored = { ...versionAsDraft(before.draft, version), ...(history ? { history } : {}) };
  const after = recordVersion(restored, { at, reason: `恢复为第 ${n} 版` }, true);
  return { ok: true, draft: after.draft, dropped: before.dropped + after.dropped };
}

/**
 * The records the document keeps beside the editor's content — the versions and the review states — carried onto a
 * draft the editor reports (the editor read its draft once, so its own copy of them is stale after a save).
 */
export function carryRecords(edited: DraftFile, document: DraftFile): DraftFile {
  const { history: _h, stateChanges: _s, ...content } = edited;
  return {
    ...content,
    ...(document.history ? { history: document.history } : {}),
    ...(document.stateChanges ? { stateChanges: document.stateChanges } : {}),
  };
}

/** A time as stored in the draft: local, with its offset (「2025-02-20T16:05:09+08:00」), so it reads as the clerk saw it. */
export function localTimestamp(date: Date): string {
  const pad = (n: number) => String(Math.abs(Math.trunc(n))).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const zone = `${offset >= 0 ? '+' : '-'}${pad(offset / 60)}:${pad(offset % 60)}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${zone}`;
}

/** A stored time as the clerk reads it: 「2025年2月20日 16:05」 (the digits as stored; '' when it is not a time). */
export function formatTimestamp(stamp: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(stamp);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日 ${m[4]}:${m[5]}` : '';
}

/**
 * How the editor shows the rule engine's findings: which section each belongs to, which cell or text carries it,
 * which warnings the clerk accepted (stored in `draft.acceptedWarnings`), counts per section, and each cell's
 * status (highlight + the messages it carries).
 */
import { SECTION_KEYS, SECTION_NAMES, type SectionKey } from '../report/format.js';
import type { Finding } from '../rules/types.js';
import type { AcceptedWarning } from '../schema/draft.js';
import { acceptanceFor, findingTarget } from '../report/acceptance.js';

export type IssueGroup = SectionKey | 'meta';
export const ISSUE_GROUPS: readonly IssueGroup[] = ['meta', ...SECTION_KEYS];
export const ISSUE_GROUP_NAMES: Record<IssueGroup, string> = { meta: '基本信息与全文', ...SECTION_NAMES };

/** Rules that concern a meta field or a whole section when they carry no cell or text span. */
const RULE_HOME: Partial<Record<Finding['rule'], IssueGroup>> = {
  'F-DATE': 'meta',
  'F-TITLE': 'meta',
  'F-SECTIONS': 'meta',
  'F-FIVE': 'overview',
  'F-KPZ': 'overview',
  'F-FEE': 'other',
  'F-OLD': 'requests',
  'N-APP': 'requests',
  'N-REVIEW': 'review',
  'N-ACTIVE': 'active',
};


export function cellGroup(key: string): IssueGroup | null {
  if (key.startsWith('active')) return 'active';
  if (key.startsWith('apply.')) return 'requests';
  if (key.startsWith('review.')) return 'review';
  return null;
}

export function findingGroup(f: Finding): IssueGroup {
  const cell = f.target ?? f.cells[0];
  const byCell = cell ? cellGroup(cell) : null;
  if (byCell) return byCell;
  if (f.span) return f.span.section;
  if (f.section) return f.section;
  return RULE_HOME[f.rule] ?? 'meta';
}

/** Where clicking a finding without a cell or span should go (a meta field or a section's text). */
export function findingField(f: Finding): string | null {
  if (f.target ?? f.cells[0]) return null;
  if (f.span) return `sections.${f.span.section}`;
  if (f.section) return `sections.${f.section}`;
  switch (f.rule) {
    case 'F-DATE':
      return 'meta.signatureDate';
    case 'F-TITLE':
      return 'meta.title';
    default: {
      const g = RULE_HOME[f.rule];
      return g && g !== 'meta' ? `sections.${g}` : null;
    }
  }
}

/** Where clicking a finding takes the clerk: the text passage it is about, else its cell, else a field. */
export type FindingDestination =
  | { kind: 'text'; section: SectionKey; start: number; end: number }
  | { kind: 'cell'; key: string }
  | { kind: 'field'; name: string };

/** A finding about the text goes to the text (never a cell, even when it names the cells it compares with). */
export function findingDestination(f: Finding, group: IssueGroup = findingGroup(f)): FindingDestination {
  if (f.span) return { kind: 'text', section: f.span.section, start: f.span.start, end: f.span.end };
  const key = f.target ?? f.cells[0];
  if (key) return { kind: 'cell', key };
  const field = findingField(f) ?? (group !== 'meta' ? `sections.${group}` : 'meta.organ');
  return { kind: 'field', name: field };
}

export interface ShownIssue {
  /** the rule, its target and an ordinal: stable while the figures in the message change (React keys) */
  id: string;
  /** id + message: changes whenever what is shown changes */
  sig: string;
  finding: Finding;
  group: IssueGroup;
  target: string;
  accepted?: AcceptedWarning;
}

export interface IssueCounts {
  errors: number;
  warnings: number;
}

export interface IssueSummary {
  open: ShownIssue[];
  accepted: ShownIssue[];
  total: IssueCounts;
  byGroup: Record<IssueGroup, IssueCounts>;
}

export function summariseFindings(findings: readonly Finding[], accepted: readonly AcceptedWarning[]): IssueSummary {
  const byGroup = Object.fromEntries(ISSUE_GROUPS.map((g) => [g, { errors: 0, warnings: 0 }])) as Record<IssueGroup, IssueCounts>;
  const total = { errors: 0, warnings: 0 };
  const open: ShownIssue[] = [];
  const acc: ShownIssue[] = [];
  const seen = new Map<string, number>();
  for (const f of findings) {
    const target = findingTarget(f);
    const base = `${f.rule}|${target}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const id = n ? `${base}|${n}` : base;
    const issue: ShownIssue = { id, sig: `${id}|${f.severity}|${f.message}`, finding: f, group: findingGroup(f), target };
    const a = acceptanceFor(f, accepted);
    if (a) {
      acc.push({ ...issue, accepted: a });
      continue;
    }
    open.push(issue);
    const c = byGroup[issue.group];
    if (f.severity === 'error') {
      c.errors++;
      total.errors++;
    } else {
      c.warnings++;
      total.warnings++;
    }
  }
  const rank = (i: ShownIssue) => (i.finding.severity === 'error' ? 0 : 1);
  const groupRank = (i: ShownIssue) => ISSUE_GROUPS.indexOf(i.group);
  open.sort((a, b) => groupRank(a) - groupRank(b) || rank(a) - rank(b));
  return { open, accepted: acc, total, byGroup };
}

export interface CellMessage {
  rule: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface CellStatus {
  /** the worst severity of an open finding involving the cell */
  severity: 'error' | 'warning' | null;
  /** messages the cell carries (it is their target) */
  messages: CellMessage[];
}

export const OK_STATUS: CellStatus = Object.freeze({ severity: null, messages: [] }) as CellStatus;

/**
 * Findings shown only in the panel, not painted on cells: V-BLANK names every blank cell of a table at once, and a
 * blank cell already looks blank.
 */
export const PANEL_ONLY_RULES: ReadonlySet<string> = new Set(['V-BLANK']);

/** Every involved cell highlighted; the message on the target (or, lacking one, the first cell). */
export function cellStatuses(open: readonly ShownIssue[]): Map<string, CellStatus> {
  const out = new Map<string, CellStatus>();
  const get = (k: string) => {
    let s = out.get(k);
    if (!s) {
      s = { severity: null, messages: [] };
      out.set(k, s);
    }
    return s;
  };
  for (const { finding: f } of open) {
    if (PANEL_ONLY_RULES.has(f.rule)) continue;
    const carrier = f.target ?? f.cells[0];
    for (const k of new Set([...f.cells, ...(carrier ? [carrier] : [])])) {
      const s = get(k);
      if (f.severity === 'error' || s.severity === null) s.severity = f.severity;
    }
    if (carrier) get(carrier).messages.push({ rule: f.rule, severity: f.severity, message: f.message });
  }
  return out;
}

export function statusSignature(s: CellStatus): string {
  return `${s.severity ?? ''}${s.messages.map((m) => `|${m.rule}:${m.severity}:${m.message}`).join('')}`;
}

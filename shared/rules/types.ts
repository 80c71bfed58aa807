/** What the rule engine returns (spec §4): one finding per broken rule instance. */
import type { SectionKey } from '../report/format.js';

export type Severity = 'error' | 'warning';

export type RuleId =
  | 'T3-BAL'
  | 'T3-ROW'
  | 'T3-SUM7'
  | 'T4-SUM'
  | 'V-NUM'
  | 'V-BLANK'
  | 'XY-CARRY'
  | 'XY-VALID'
  | 'XY-JUMP'
  | 'XY-SAME'
  | 'XY-COPY'
  | 'N-APP'
  | 'N-REVIEW'
  | 'N-ACTIVE'
  | 'N-PCT'
  | 'F-SECTIONS'
  | 'F-FIVE'
  | 'F-KPZ'
  | 'F-FEE'
  | 'F-OLD'
  | 'F-STALE'
  | 'F-DATE'
  | 'F-TITLE';

/** A stretch of a section's narrative (UTF-16 offsets into that section's text). */
export interface TextSpan {
  section: SectionKey;
  start: number;
  end: number;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** every cell the rule involves (flat canonical keys); empty for text-only rules */
  cells: string[];
  /** the cell that carries the message in the form (the rule's target), when a cell does */
  target?: string;
  /** the narrative the finding concerns, when it does */
  span?: TextSpan;
  /**
   * every stretch of text the finding concerns when there are several (XY-COPY: the passages copied from last year's
   * report, in order; `span` is the first of them)
   */
  passages?: TextSpan[];
  /** the section the finding concerns when no single stretch of text does (F-FIVE, F-FEE, XY-SAME …);
   * equals `span.section` when there is a span */
  section?: SectionKey;
  /** Chinese, naming the rule and both sides and the difference */
  message: string;
}

/** While drafting a blank cell is a reminder; at the final stage (export, print, 「定稿检查」) it is an error. */
export type CheckStage = 'draft' | 'final';

export interface RuleContext {
  /** 'final' before export: blanks are errors (V-BLANK); 'draft' while typing: warnings */
  stage?: CheckStage;
}

/** What the issue panel and the messages know of a rule. */
export interface RuleInfo {
  /** short Chinese name, e.g. 「申请数量勾稽关系」 */
  name: string;
  /** severity of its findings (V-BLANK: at stage 'final'; 'draftSeverity' while drafting) */
  severity: Severity;
  draftSeverity?: Severity;
  group: 'arithmetic' | 'value' | 'cross-year' | 'narrative' | 'content';
  /** one sentence, Chinese: what the rule checks */
  description: string;
}

/**
 * Finding the figures a report's narrative states (spec §4 N-*, F-STALE): counts of applications, of
 * reconsiderations and lawsuits, of normative documents, percentages with their own numerator and denominator,
 * and years (textYears.ts), from the tokens of textTokens.ts. Works on Chinese text as clerks write it: full-width
 * digits, spaces inside 「2024 年」, 「共受理 21 件依申请公开案件」, 「无…行政诉讼」 for zero. It only reports what it is sure of — a mention it can't tie to a figure is
 * left out, because a false alarm on a correct report is worse than a miss.
 *
 * All offsets are UTF-16 offsets into the section text as stored (normalisation maps one unit to one unit).
 */

import { yuanToWan } from '../report/numbers.js';
import { clauses, countTokens, yearTokens, type Clause } from './textTokens.js';
import { extractYears, type StaleMention } from './textYears.js';

// ---------------------------------------------------------------------------------------------
// What the narrative states

/** Which figure of table 三 a phrase speaks of. */
export type AppFigure =
  /** 新收 */
  | 'new'
  /** 收到/受理/接收: new, or new + carried over */
  | 'received'
  /** 办理: new, new + carried over, or closed */
  | 'handled'
  /** 办结 */
  | 'processed'
  /** 结转下年 */
  | 'carried_forward'
  /** 上年结转 */
  | 'carried_over'
  /** 结转 without a direction */
  | 'carried'
  /** a result of 三: 予以公开 (granted), 部分公开, 不予公开 (Σ denied), 无法提供, 不予处理, 其他处理 */
  | 'result:granted'
  | 'result:partial'
  | 'result:denied'
  | 'result:unable'
  | 'result:refused'
  | 'result:other';

export interface Mention<K extends string> {
  kind: K;
  /** the unit the text states it in, when not 件 (fees: 万元, converted from 元 exactly) */
  unit?: '万元';
  /** decimals as written (fees: the text may round the table's amount) */
  decimals?: number;
  /** 「予以公开及部分公开 42 件」: the figure is the sum of `kind` and these */
  with?: K[];
  value: number;
  /** the words that state it, e.g. 「受理 21 件」 */
  start: number;
  end: number;
  /** the clause, for quoting */
  clauseStart: number;
  clauseEnd: number;
}

export type ReviewFigure = 'reconsideration' | 'litigation' | 'both';
export type ActiveFigure = 'issued' | 'repealed' | 'in_force' | 'issued_or_in_force' | 'licensing' | 'punishment' | 'coercion' | 'fees';

export interface PercentMention {
  /** the rate as written, e.g. 99.74 */
  percent: number;
  decimals: number;
  /** 「办结率 99.74%」 */
  start: number;
  end: number;
  label: string;
  numerator: { value: number; label: string; start: number; end: number };
  /** every count the rate may be of (nearest first); the percent fits when it fits one of them */
  denominators: { value: number; label: string }[];
  /** said to be about so much (「约占比20%」) */
  approximate?: true;
}

export interface TextFigures {
  apply: Mention<AppFigure>[];
  review: Mention<ReviewFigure>[];
  active: Mention<ActiveFigure>[];
  percents: PercentMention[];
  years: StaleMention[];
}

/** Words that show a clause is about something other than disclosure applications. */
const NOT_APPLICATION = /复议|诉讼|信访|热线|诉求|12345|投诉|举报|提案|建议|留言|咨询|来信|信箱|政务服务|办件|许可|审批|事项|主动公开|网民|问题/;
const APP_VERB = /新收|收到|受理|接收|接到|办理|办结|结转|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理/g;
/** 「收到自然人申请 10 件」: a figure of one kind of applicant, not the total */
const APPLICANT_WORDS = /自然人|法人|企业|科研|公益|法律服务|其他组织|个人/;
const OTHER_YEAR_WORDS = /去年|同比|较上年|比上年|上一年度共|环比/;
/** A sentence counting documents by disclosure attribute: 「主动公开」 with its own figure (「主动公开299份」). */
const ATTRIBUTE_LIST = /主动公开[^，。；,;\d]{0,8}\d/;
/** Counters of documents (applications are counted in 件). */
const DOCUMENT_COUNTER = /^[条份篇]/;
const SUBSET_WORDS = /其中|包括|包含|含|通过|网上|网络|在线|线上|线下|信函|当面|邮寄|传真|电子邮件|现场/;

const RESULT_VERBS: Record<string, AppFigure> = {
  予以公开: 'result:granted',
  部分公开: 'result:partial',
  不予公开: 'result:denied',
  无法提供: 'result:unable',
  不予处理: 'result:refused',
  其他处理: 'result:other',
};

function appKind(verb: string): AppFigure {
  const result = RESULT_VERBS[verb];
  if (result) return result;
  switch (verb) {
    case '新收':
      return 'new';
    case '办理':
      return 'handled';
    case '办结':
      return 'processed';
    case '结转':
      return 'carried';
    default:
      return 'received';
  }
}

function clauseYearsFit(text: string, c: Clause, year: number, allow: readonly number[]): boolean {
  for (const y of yearTokens(text, c.start, c.end)) if (y.year !== year && !allow.includes(y.year)) return false;
  return true;
}

/** The whole sentence a clause belongs to. */
function sentenceOf(text: string, cl: readonly Clause[], sentence: number): string {
  const parts = cl.filter((c) => c.sentence === sentence);
  return text.slice(parts[0]?.start ?? 0, parts[parts.length - 1]?.end ?? 0);
}

function extractApply(text: string, cl: Clause[], year: number, out: Mention<AppFigure>[]): void {
  let topicSentence = -1;
  for (const c of cl) {
    const s = text.slice(c.start, c.end);
    if (c.sentence !== topicSentence) topicSentence = -2; // a new sentence starts without a topic
    if (NOT_APPLICATION.test(s)) {
      topicSentence = -2;
      continue;
    }
    if (/申请/.test(s) && /公开/.test(s)) topicSentence = c.sentence;
    if (topicSentence !== c.sentence) continue;
    if (OTHER_YEAR_WORDS.test(s)) continue;
    APP_VERB.lastIndex = 0;
    const verbs: { verb: string; at: number }[] = [];
    for (let m = APP_VERB.exec(s); m; m = APP_VERB.exec(s)) {
      // 「结转下年度继续办理2件」 (the table row's words): the figure is what is carried forward, not what was handled
      if (m[0] === '办理' && s.slice(Math.max(0, m.index - 2), m.index) === '继续') continue;
      verbs.push({ verb: m[0], at: m.index });
    }
    if (verbs.length === 0) continue;
    const counts = countTokens(text, c.start, c.end);
    // 「予以公开及部分公开 42 件」: results joined by 及/和/、 share the figure that follows the last of them
    const joined = new Map<number, AppFigure[]>();
    verbs.forEach((v, i) => {
      const next = verbs[i + 1];
      if (!next || !RESULT_VERBS[v.verb] || !RESULT_VERBS[next.verb]) return;
      if (!/^\s*(及|和|与|、|以及|或)\s*$/.test(s.slice(v.at + v.verb.length, next.at))) return;
      joined.set(i + 1, [...(joined.get(i) ?? []), appKind(v.verb)]);
      joined.set(i, []);
    });
    verbs.forEach((v, i) => {
      const parts = joined.get(i);
      if (parts && parts.length === 0) return;
      const before = s.slice(Math.max(0, v.at - 2), v.at);
      const after = s[v.at + v.verb.length] ?? '';
      // 「未收到政府信息公开申请」: zero
      if (/(未|没有)$/.test(before) && (v.verb === '收到' || v.verb === '受理' || v.verb === '接到') && counts.length === 0) {
        if (!clauseYearsFit(text, c, year, [])) return;
        out.push({ kind: 'received', value: 0, start: c.start + v.at - (before.endsWith('没有') ? 2 : 1), end: c.start + v.at + v.verb.length, clauseStart: c.start, clauseEnd: c.end });
        return;
      }
      if (after === '率' || after === '后' || /[未不无待应]$/.test(before)) return;
      const from = c.start + v.at + v.verb.length;
      const nextVerb = verbs[i + 1];
      const limit = Math.min(c.end, from + 30, nextVerb ? c.start + nextVerb.at : c.end);
      const count = counts.find((t) => t.start >= from && t.start < limit);
      if (!count || count.approximate || !Number.isInteger(count.value)) return;
      const between = text.slice(from, count.start);
      if (APPLICANT_WORDS.test(between)) return;
      // 「不予公开信息数137条」: documents by their disclosure attribute (主动/依申请/不予公开), not applications — but
      // 「因无法提供相关信息答复2件」 counts the replies given
      if (RESULT_VERBS[v.verb] && /信息|文件/.test(between) && !/申请|(?:信息|文件)[^，,。；;]*?(?:答复|告知)/.test(between)) return;
      // 「其中主动公开信息数169，依申请公开信息数317条，不予公开24条」: the same, in a list of documents by attribute
      if (RESULT_VERBS[v.verb] && ATTRIBUTE_LIST.test(sentenceOf(text, cl, c.sentence)) && DOCUMENT_COUNTER.test(count.unit ?? '')) return;
      let kind = appKind(v.verb);
      // 「其中通过网络收到 10 件」「其中按时办结 14 件」: a part, not the figure of the table
      if ((kind === 'received' || kind === 'handled' || kind === 'processed') && SUBSET_WORDS.test(text.slice(c.start, count.start))) return;
      const allow: number[] = [];
      if (kind === 'carried') {
        const around = s.slice(Math.max(0, v.at - 4), count.start - c.start);
        const years = yearTokens(text, Math.max(c.start, c.start + v.at - 8), count.start);
        if (/上年|上一年|去年|以前|往年/.test(around) || years.some((y) => y.year === year - 1)) kind = 'carried_over';
        else if (/下年|下一年|次年|明年|下一年度/.test(around) || years.some((y) => y.year === year + 1)) kind = 'carried_forward';
        allow.push(year - 1, year + 1);
      }
      if (!clauseYearsFit(text, c, year, allow)) return;
      const first = parts ? verbs[i - parts.length] : undefined;
      out.push({ kind, ...(parts ? { with: parts } : {}), value: count.value, start: c.start + (first ?? v).at, end: count.end, clauseStart: c.start, clauseEnd: c.end });
    });
  }
}

const REVIEW_KW = /行政复议|复议|行政诉讼|诉讼/g;
const NEGATION = /无|未发生|未出现|未收到|未接到|未有|没有|未产生|未涉及/;

/** Words that tie a sentence to cases about information disclosure. */
const DISCLOSURE_TOPIC = /信息公开|政务公开|依申请公开|政府信息|公开申请/;
/**
 * Words of a general caseload (「全县行政复议案件 120 件」, a 司法局 as the reviewing body) or of a pointer to the table
 * (「行政复议、行政诉讼情况见下表」): not this organ's disclosure cases.
 */
const OTHER_CASELOAD = /全县|全市|全区|全旗|全州|全盟|全镇|全乡|全省|辖区|全系统|各类|作为.{0,8}复议机关|复议机关|(受理|办理|审理|办结).{0,8}(行政复议|复议)(申请|案件)|见下表|如下表|详见|见表|下表/;

function extractReview(text: string, cl: Clause[], year: number, isReviewSection: boolean, out: Mention<ReviewFigure>[]): void {
  // per sentence: does it speak of this organ's disclosure cases? (the review section does unless it says otherwise)
  const sentenceText = new Map<number, string>();
  for (const c of cl) sentenceText.set(c.sentence, (sentenceText.get(c.sentence) ?? '') + text.slice(c.start, c.end));
  const onTopic = new Map<number, boolean>();
  for (const [n, s] of sentenceText) {
    const disclosure = DISCLOSURE_TOPIC.test(s);
    onTopic.set(n, disclosure ? !/全县|全市|全区|全旗|全州|全镇|全乡|全省|辖区|见下表|如下表|详见|见表|下表/.test(s) : isReviewSection && !OTHER_CASELOAD.test(s));
  }
  for (const c of cl) {
    const s = text.slice(c.start, c.end);
    REVIEW_KW.lastIndex = 0;
    const kws: { kind: 'reconsideration' | 'litigation'; at: number; end: number }[] = [];
    for (let m = REVIEW_KW.exec(s); m; m = REVIEW_KW.exec(s)) {
      // 「行政复议委员会」「行政诉讼法」 name bodies and laws, not cases
      const next = s.slice(m.index + m[0].length, m.index + m[0].length + 3);
      if (/^(委员会|机关|法|机构|应诉|人)/.test(next)) continue;
      kws.push({ kind: m[0].includes('复议') ? 'reconsideration' : 'litigation', at: m.index, end: m.index + m[0].length });
    }
    if (kws.length === 0) continue;
    if (!onTopic.get(c.sentence)) continue;
    // sub-results (「其中维持 3 件」「纠错 0 件」) and rights (「可依法申请行政复议」) are not the totals
    if (/其中|维持|纠正|纠错|撤销|驳回|败诉|胜诉|确认|变更|改变|终止|撤回|调解|和解|审结|结案|办结|尚未|在审|正在|办理中|决定书|可以|可依法|有权|如对|告知/.test(s)) continue;
    if (OTHER_YEAR_WORDS.test(s) || !clauseYearsFit(text, c, year, [])) continue;
    const counts = countTokens(text, c.start, c.end);
    const kinds = new Set(kws.map((k) => k.kind));
    if (counts.length === 0) {
      const first = kws[0];
      if (!first) continue;
      const negAt = s.slice(Math.max(0, first.at - 16), first.at).search(NEGATION);
      if (negAt < 0) continue;
      const negStart = c.start + Math.max(0, first.at - 16) + negAt;
      const last = kws[kws.length - 1] ?? first;
      out.push({ kind: kinds.size > 1 ? 'both' : first.kind, value: 0, start: negStart, end: c.start + last.end, clauseStart: c.start, clauseEnd: c.end });
      continue;
    }
    for (const t of counts) {
      if (t.approximate || !Number.isInteger(t.value)) continue;
      if (!/[件起宗个例]/.test(t.unit)) continue;
      // 「…行政复议、行政诉讼情况…等6个部分」: the report's parts, named in its preface
      if (/^部分/.test(text.slice(t.end, t.end + 2))) continue;
      const rel = t.start - c.start;
      const preceding = kws.filter((k) => k.end <= rel && rel - k.end <= 30);
      const following = kws.filter((k) => k.at >= rel + (t.end - t.start) && k.at - (rel + (t.end - t.start)) <= 8);
      let kind: ReviewFigure;
      let start: number;
      let end = t.end;
      if (kinds.size > 1 && counts.length === 1) {
        kind = 'both';
        const first = kws[0]!;
        const last = kws[kws.length - 1]!;
        start = Math.min(t.start, c.start + first.at);
        end = Math.max(t.end, c.start + last.end);
      } else if (preceding.length > 0) {
        const k = preceding[preceding.length - 1]!;
        kind = k.kind;
        start = c.start + k.at;
      } else if (following.length > 0) {
        const k = following[0]!;
        kind = k.kind;
        start = t.start;
        end = c.start + k.end;
      } else continue;
      out.push({ kind, value: t.value, start, end, clauseStart: c.start, clauseEnd: c.end });
    }
  }
}

const NORMATIVE_RE = /(行政)?规范性文件/g;

/**
 * 「…行政规范性文件 3 件，废止 1 件，现行有效 6 件」: the clauses after the first speak of the same documents — also in
 * the table's own words (「现行有效件数424件」, 「本年废止件数为0件」).
 */
const FOLLOW_ON = /^\s*(?:本年)?(废止|宣布失效|失效|现行有效|有效)\s*(的)?\s*(?:件数|数量|文件)?\s*(?:为|共)?\s*(\d+)\s*(件|个|份)\s*$/;

function extractActive(text: string, cl: Clause[], year: number, out: Mention<ActiveFigure>[]): void {
  let docSentence = -1;
  for (const c of cl) {
    const s = text.slice(c.start, c.end);
    NORMATIVE_RE.lastIndex = 0;
    const m = NORMATIVE_RE.exec(s);
    if (!m) {
      const follow = c.sentence === docSentence ? FOLLOW_ON.exec(s) : null;
      if (follow) {
        const word = follow[1] ?? '';
        const at = c.start + s.indexOf(word);
        out.push({
          kind: /有效/.test(word) ? 'in_force' : 'repealed',
          value: Number(follow[3]),
          start: at,
          end: c.start + s.trimEnd().length,
          clauseStart: c.start,
          clauseEnd: c.end,
        });
      } else if (c.sentence !== docSentence || /\d/.test(s)) docSentence = -1;
      continue;
    }
    docSentence = -1;
    if (OTHER_YEAR_WORDS.test(s) || !clauseYearsFit(text, c, year, [])) continue;
    // 「清理…行政规范性文件 35 件」 counts the documents reviewed — unless it names them 「现行有效」 (the in-force figure)
    const inForceNamed = /现行有效\s*(的)?\s*$/.test(s.slice(0, m.index));
    if (/清理|审查|备案|报备|合法性|解读|征求|意见|其中|修订|修改|评估|审核|起草|梳理|目录/.test(s) && !inForceNamed) continue;
    const counts = countTokens(text, c.start, c.end).filter((t) => !t.approximate && /[件个份]/.test(t.unit));
    const docEnd = m.index + m[0].length;
    const after = counts.find((t) => t.start - c.start >= docEnd && t.start - c.start - docEnd <= 6);
    const before = counts.find((t) => t.end - c.start <= m.index && m.index - (t.end - c.start) <= 2);
    const count = after ?? before;
    if (!count) continue;
    // 「有关规范性文件的通知公告38份」 counts the notices, not the documents
    // (「规范性文件的制发数量为99件」 is theirs)
    if (count === after && /的\s*(?!件数|数量|总数|为|共|有|制发|印发|出台|制定|新制|废止|失效|现行|有效)[\u4e00-\u9fff]/.test(s.slice(docEnd, count.start - c.start))) continue;
    const qualifier = s.slice(Math.max(0, m.index - 8), m.index) + s.slice(docEnd, count.start - c.start);
    let kind: ActiveFigure;
    if (/废止|废除|失效|宣布/.test(qualifier)) kind = 'repealed';
    else if (/有效|现行/.test(qualifier)) kind = 'in_force';
    else if (/制发|印发|出台|制定|新制/.test(qualifier)) kind = 'issued';
    else kind = 'issued_or_in_force';
    const start = Math.min(c.start + m.index, count.start);
    out.push({ kind, value: count.value, start, end: Math.max(count.end, c.start + docEnd), clauseStart: c.start, clauseEnd: c.end });
    docSentence = c.sentence;
  }
}

const DECISION_KW: readonly { re: RegExp; kind: ActiveFigure }[] = [
  { re: /行政许可/g, kind: 'licensing' },
  { re: /行政处罚/g, kind: 'punishment' },
  { re: /行政强制/g, kind: 'coercion' },
];
/**
 * Between the keyword and its count: 「决定」「决定书」「处理决定」, 「共」「为」, a label's colon and 「共处理」 (「行政许可:共处理600件」)
 * — nothing that makes it another figure.
 */
const DECISION_LINK = /^\s*[:：]?\s*(的)?\s*(处理)?\s*(决定|决定书|决定数量?)?\s*(信息)?\s*(共|总计|合计|共计)?\s*(处理|作出|办理)?\s*(为|达|有)?\s*$/;
/** A clause that is only a decision's label before a colon (「3.行政许可:」): its count is in the clause after. */
const DECISION_LABEL = /^[\s\d.．、（）()一二三四五六七八九十·•●▪*-]*行政(?:许可|处罚|强制)(?:决定)?\s*$/;

/** The clauses, a decision's label joined to the clause after its colon. */
function decisionClauses(text: string, cl: readonly Clause[]): Clause[] {
  const out: Clause[] = [];
  for (let i = 0; i < cl.length; i++) {
    const c = cl[i];
    const next = cl[i + 1];
    if (!c) continue;
    const labelOnly = DECISION_LABEL.test(text.slice(c.start, c.end)) && /[:：]/.test(text[c.end] ?? '');
    if (labelOnly && next && next.sentence === c.sentence) {
      out.push({ ...c, end: next.end });
      i++;
    } else out.push(c);
  }
  return out;
}
const FEE_RE = /行政事业性收费(?:金额|总额|收入)?\s*(?:共|合计|总计|共计)?\s*(?:为|达|计)?\s*(\d+(?:\.(\d+))?)\s*(万元|元)/g;

/**
 * 「行政许可决定 66410 件」「作出行政处罚决定1603件」「行政强制35件」「行政事业性收费 588 万元」 — figures of table 二's
 * decisions and fees. 「行政许可事项 120 项」「公开行政处罚信息 1603 条」 count other things and are left alone.
 */
function extractDecisions(text: string, cl: Clause[], year: number, out: Mention<ActiveFigure>[]): void {
  for (const c of decisionClauses(text, cl)) {
    const s = text.slice(c.start, c.end);
    if (!/行政(许可|处罚|强制|事业性收费)/.test(s)) continue;
    if (OTHER_YEAR_WORDS.test(s) || !clauseYearsFit(text, c, year, []) || /其中|累计|复议|诉讼|撤销|变更|听证|执法检查|清理|事项|目录|清单/.test(s)) continue;
    const counts = countTokens(text, c.start, c.end).filter((t) => !t.approximate && /[件个起宗]/.test(t.unit));
    for (const { re, kind } of DECISION_KW) {
      re.lastIndex = 0;
      const m = re.exec(s);
      if (!m) continue;
      const from = c.start + m.index + m[0].length;
      const count = counts.find((t) => t.start >= from && DECISION_LINK.test(text.slice(from, t.start)));
      if (!count) continue;
      out.push({ kind, value: count.value, start: c.start + m.index, end: count.end, clauseStart: c.start, clauseEnd: c.end });
    }
    FEE_RE.lastIndex = 0;
    const fee = FEE_RE.exec(s);
    if (fee) {
      const printed = fee[1] ?? '';
      const inYuan = fee[3] === '元';
      const decimals = (fee[2] ?? '').length + (inYuan ? 4 : 0);
      // 元 → 万元 exactly (the same conversion as the cells'), never taken as 万元
      const value = Number(inYuan ? yuanToWan(printed) : printed);
      out.push({ kind: 'fees', unit: '万元', decimals, value, start: c.start + fee.index, end: c.start + fee.index + fee[0].length, clauseStart: c.start, clauseEnd: c.end });
    }
  }
}

const PCT_RE = /(\d+(?:\.(\d+))?)\s*%/g;
const RATE_STEMS = ['办结', '答复', '回复'];
const RECEIVE_VERB = /受理|收到|接收|接到|新收/;
/**
 * A share of the results (「所有答复件中，予以公开…42件，占42.86%」) may be of what was answered or finished, not received;
 * a share of what was disclosed (「累计公开信息80条…其中年报1条，占比1.25%」) of what was published.
 */
const SHARE_BASE_VERB = /受理|收到|接收|接到|新收|答复|办结|办理|公开|发布|制作|制发|共计|累计|总计|合计/;

/** A count told finished after it (「946件已全部办结」): the whole the results' shares are of, as 「办结946件」 is. */
const FINISHED_AFTER = /^\s*[件条个项]?\s*(?:已经|已|均|全部)*\s*(?:办结|答复|办理完毕|处理完毕)/;

/** A count with a share of its own (「预决算公开类信息11条,占比4.9%」): a part beside others, never their whole. */
function hasOwnShare(text: string, count: { end: number }): boolean {
  return /^\s*[条件个项篇份]?\s*[，,]?\s*占/.test(text.slice(count.end, count.end + 6));
}

function extractPercents(text: string, cl: Clause[], apply: readonly Mention<AppFigure>[], out: PercentMention[]): void {
  PCT_RE.lastIndex = 0;
  for (let m = PCT_RE.exec(text); m; m = PCT_RE.exec(text)) {
    const pctStart = m.index;
    const head = text.slice(Math.max(0, pctStart - 6), pctStart);
    const clause = cl.find((c) => c.start <= pctStart && pctStart < c.end);
    if (!clause) continue;
    const sentenceStart = cl.find((c) => c.sentence === clause.sentence)?.start ?? clause.start;
    const paragraphStart = cl.find((c) => c.paragraph === clause.paragraph)?.start ?? clause.start;
    const percent = Number(m[1]);
    const decimals = (m[2] ?? '').length;
    let numerator: PercentMention['numerator'] | null = null;
    let label = '';
    let approximate = false;
    const rate = /(..)率\s*(为|达|达到|是)?\s*$/.exec(head);
    if (rate) {
      const stem = rate[1] ?? '';
      if (!RATE_STEMS.includes(stem)) continue;
      label = `${stem}率`;
      // the nearest 「(已)办结 8661」 before, in the same sentence, not 「未办结」「公开答复」
      const region = text.slice(sentenceStart, pctStart);
      let at = region.lastIndexOf(stem);
      while (at >= 0) {
        const prev = region[at - 1] ?? '';
        const next = region[at + stem.length] ?? '';
        if (next !== '率' && (prev === '' || /[已共均全部按时，,、\s（(]/.test(prev))) {
          const numMatch = /^\s*(共|了)?\s*(\d+)(?![\d.年月日%])/.exec(region.slice(at + stem.length, at + stem.length + 10));
          if (numMatch) {
            const numStart = sentenceStart + at + stem.length + numMatch[0].length - (numMatch[2] ?? '').length;
            numerator = { value: Number(numMatch[2]), label: stem, start: sentenceStart + at, end: numStart + (numMatch[2] ?? '').length };
            break;
          }
        }
        at = at === 0 ? -1 : region.lastIndexOf(stem, at - 1);
      }
    } else {
      // 「予以公开 9 件，占 56.25%」
      const share = /占(比|总数的?|全部申请的?)?\s*(为)?\s*$/.exec(head);
      if (!share) continue;
      approximate = /约\s*$/.test(head.slice(0, share.index));
      // (a note in brackets between the count and its share, 「其他处理41件(其中申请人主动撤销36件),占49.40%」, is passed over)
      const note = /[（(][^（()）]*[）)]\s*[，,]?\s*占[^（()）]*$/.exec(text.slice(sentenceStart, pctStart));
      const shareEnd = note ? sentenceStart + note.index : pctStart;
      const counts = countTokens(text, sentenceStart, shareEnd).filter((t) => !t.approximate);
      const last = counts[counts.length - 1];
      if (!last || shareEnd - last.end > 8) continue;
      numerator = { value: last.value, label: text.slice(Math.max(sentenceStart, last.start - 6), last.start).replace(/^.*[，,、：:]/, '').trim(), start: last.start, end: last.end };
      label = '占比';
    }
    if (!numerator) continue;
    const num = numerator;
    // denominators: counts before the numerator in the paragraph that follow a receiving verb
    const denominators: PercentMention['denominators'] = [];
    // a share may be of a count its own sentence names before it with no such verb (「热线接听 154 次来电，…28次（占比18.1%）」):
    // a reading that fits, never the one a finding names
    const inSentence: PercentMention['denominators'] = [];
    const listStart = Math.max(paragraphStart, ...['。', '！', '？'].map((stop) => text.lastIndexOf(stop, pctStart) + 1));
    for (const t of countTokens(text, paragraphStart, num.start).reverse()) {
      if (t.approximate) continue;
      // (a part with a share of its own is no whole of the shares listed beside it, up to a full stop; of a later
      // sentence's it may be: 「…主动公开信息数24条,占比80%…。在公开信息中,规划计划类信息4条,占比16.67%」)
      if (hasOwnShare(text, t) && t.start >= listStart) continue;
      const lead = text.slice(Math.max(paragraphStart, t.start - 16), t.start);
      const verb = (label === '占比' ? SHARE_BASE_VERB : RECEIVE_VERB).exec(lead);
      const finished = label === '占比' ? FINISHED_AFTER.exec(text.slice(t.end, t.end + 10)) : null;
      if (verb) denominators.push({ value: t.value, label: lead.slice(verb.index).trim() });
      else if (finished) denominators.push({ value: t.value, label: text.slice(t.start, t.end + finished[0].length).trim() });
      else if (label === '占比' && t.start >= sentenceStart && t.value >= num.value) inSentence.push({ value: t.value, label: lead.trim() });
    }
    if (denominators.length > 0) denominators.push(...inSentence);
    // 「收到81件，上年结转2件，办结80件，办结率96.4%」: a rate of all there was to handle, received and carried over
    // (the extractor's own reading of 「上年结转…2件」, before the rate's numerator in its paragraph)
    const carried = label === '占比' ? undefined : apply.find((a) => a.kind === 'carried_over' && !a.with && a.start >= paragraphStart && a.end <= num.start);
    if (carried) for (const d of [...denominators]) denominators.push({ value: d.value + carried.value, label: `${d.label}与上年结转 ${carried.value} 件之和` });
    // 「累计主动公开政府信息12条。」 / 「在主动公开的信息中，…决算预算4条，占33.4%」: the whole a share is of may close the
    // paragraph before
    if (denominators.length === 0 && label === '占比') {
      const before = cl.filter((c) => c.paragraph === clause.paragraph - 1);
      const whole = before.length ? countTokens(text, before[0]!.start, before[before.length - 1]!.end).filter((t) => !t.approximate && !hasOwnShare(text, t)).pop() : undefined;
      const lead = whole ? text.slice(Math.max(before[0]!.start, whole.start - 16), whole.start) : '';
      const verb = SHARE_BASE_VERB.exec(lead);
      if (whole && verb && whole.value >= num.value) denominators.push({ value: whole.value, label: lead.slice(verb.index).trim() });
    }
    if (denominators.length === 0) continue;
    out.push({ percent, decimals, start: pctStart - (rate ? rate[0].length : 0), end: m.index + m[0].length, label, numerator: num, denominators, ...(approximate ? { approximate: true as const } : {}) });
  }
}

const cache = new Map<string, Map<string, TextFigures>>();
const CACHE_LIMIT = 64;

/**
 * Everything the narrative of one section states, for a report of `year`. `text` must be normalised
 * (`normaliseText`). Cached by text: the editor calls this on every keystroke and only one section changes.
 */
export function textFigures(text: string, year: number, isReviewSection = false): TextFigures {
  const variant = `${year}|${isReviewSection ? 1 : 0}`;
  const hit = cache.get(text)?.get(variant);
  if (hit) return hit;
  const cl = clauses(text);
  const figures: TextFigures = { apply: [], review: [], active: [], percents: [], years: [] };
  extractApply(text, cl, year, figures.apply);
  extractReview(text, cl, year, isReviewSection, figures.review);
  extractActive(text, cl, year, figures.active);
  extractDecisions(text, cl, year, figures.active);
  extractPercents(text, cl, figures.apply, figures.percents);
  extractYears(text, year, figures.years);
  let variants = cache.get(text);
  if (!variants) {
    variants = new Map();
    cache.set(text, variants);
    if (cache.size > CACHE_LIMIT) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
  }
  variants.set(variant, figures);
  return figures;
}

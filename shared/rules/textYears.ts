/**
 * The years a report's narrative names where they matter for F-STALE: the statistics period, a sentence opening with
 * a year, last year's 工作计划, and the report naming itself — each with its place, for a report of `year`.
 * History (「2023 年，我县被确定为…」) and plans (「…将继续…」) are left alone.
 */

export type StaleKind = 'period' | 'opening' | 'plan' | 'own-title' | 'next-year' | 'carry';
export interface StaleMention {
  kind: StaleKind;
  year: number;
  start: number;
  end: number;
}

/** The statistics period (「2024年1月1日至2024年12月31日」, or 「2024年1月1日起至12月31日止」 without its second year). */
const PERIOD_RE = /(\d{4})\s*年\s*1\s*月\s*1\s*日\s*起?\s*(至|到|—|-|－|~|～)\s*(?:(\d{4})\s*年\s*)?12\s*月\s*31\s*日/g;
/**
 * A sentence opening with a year (「2023 年，」, or run straight into the organ speaking of itself: 「2022年我单位共制作…」,
 * 「2022年全县…」), or with the state at a year's end (「截至2021年底，」).
 */
// (a sub-heading run in with its first sentence, 「(一)主动公开政府信息情况:截至2020年12月31日,…」, opens it too)
const OPENING_RE =
  /(^|[。！？\n]|情况[:：])\s*(?:截[至止]到?\s*)?(\d{4})\s*年(?:度|底|末|\s*12\s*月\s*31\s*日)?\s*(?:[，,]|(?=[我本](?:单位|局|镇|乡|县|区|委|办|街道|部门|机关)|全(?:县|区|市|镇|乡|年)))/g;
/** The report naming itself as it is made or published (「我镇认真编制了《田黄镇2020年政府信息公开工作年度报告》」, 「现公布…年度报告」). */
const OWN_TITLE_RE = /(?:编制|公布|发布|编写|形成)了?\s*《(?:[^《》。]{0,40}?)(\d{4})\s*年度?(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)》/g;
/**
 * The preface saying what this report is, unquoted: 「本年报是…由某某办公室编制的2024年度政府信息公开年度报告」,
 * 「现向社会公布某镇人民政府2023年政府信息公开工作年度报告」, 「现将2022年度政府信息公开工作报告如下」, 「编制了…」.
 */
const OWN_TITLE_PLAIN_RE = /(?:编制[的了]|现(?:向社会)?(?:公布|发布)了?|现将)\s*[^。，,；;《》\d]{0,40}?(\d{4})\s*年度?(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)/g;
/** The year's work a report is compiled from (「结合2024年东山街道政府信息公开工作实际，编制本报告」). */
const BASIS_RE = /结合\s*(\d{4})\s*年度?[^。；;《》\d]{0,30}?实际/g;
/** Applications carried forward into a year (「结转2025年344件」): the year after the report's. */
const CARRY_RE = /结转(?:至|到)?\s*(\d{4})\s*年/g;
/** A year's work told of a year inside a sentence (「2025年以来」, 「2025年累计发布…」); sentence openings are OPENING_RE's. */
const WORK_OF_YEAR_RE = /(\d{4})\s*年(?:以来|累计|全年)/g;
/** Words of a plan or an aim (「2025年，我局将…」, 「计划」, 「力争」): next year's work may be told in them. */
const PLAN_WORDS = /将|计划|拟|预计|力争|争取|继续|进一步|持续|着力|深化|推动|努力|目标|要/;
const PLAN_RE = /(?<![\d〔[［])(\d{4})\s*年度?\s*(工作计划|工作打算|工作思路)(?=\s*(?:[：:。\n]|$))/g;

/** What a sentence about an earlier year says when it tells history rather than this year's work. */
const HISTORY = /被(确定|列|评|授予|命名|选)|确定为|列为|列入|获评|荣获|获得|入选|首次|以来|成立|设立|挂牌|组建|启动|开始|试点|示范/;

/** 「2024年全区结转政府信息公开申请14件」 in the 2025 report: last year's carrying over, told of last year — not its text. */
const CARRIED_FROM = /^[^。，,；;]{0,4}结转/;

/** 「我局将进一步…」: 将 as "will" (before an adverb of resolve), not the 将 that marks an object (「将政务公开纳入…」). */
const FUTURE_PLAN = /^[^。；]{0,12}?将(?:继续|进一步|持续|坚持|加大|加强|不断|着力|切实|全面|深入|积极|严格|认真)/;

function sentenceFrom(text: string, at: number): string {
  const stops = ['。', '\n', '；'].map((c) => text.indexOf(c, at)).filter((i) => i >= 0);
  return text.slice(at, stops.length > 0 ? Math.min(...stops) : text.length);
}

/** Years that don't fit the report year (F-STALE); citations of yearly documents are judged by `citations.ts`. */
export function extractYears(text: string, year: number, out: StaleMention[]): void {
  PERIOD_RE.lastIndex = 0;
  for (let m = PERIOD_RE.exec(text); m; m = PERIOD_RE.exec(text)) {
    // (F-STALE judges a period that prints both years, as before)
    if (m[3] === undefined) continue;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a !== year || b !== year) out.push({ kind: 'period', year: a !== year ? a : b, start: m.index, end: m.index + m[0].length });
  }
  OPENING_RE.lastIndex = 0;
  for (let m = OPENING_RE.exec(text); m; m = OPENING_RE.exec(text)) {
    const y = Number(m[2]);
    const start = m.index + m[0].indexOf(m[2] ?? '');
    // (the comma after the year is not the mention's)
    const end = m.index + m[0].replace(/[，,]$/, '').length;
    // 「2023 年，我县……」 opening a paragraph of a 2024 report: last year's text carried over — unless the sentence
    // tells history (「2023 年，我县被确定为…试点」)
    const sentence = sentenceFrom(text, m.index + m[0].length);
    if (y === year - 1 && !HISTORY.test(sentence) && !CARRIED_FROM.test(sentence)) out.push({ kind: 'opening', year: y, start, end });
    // 「2021 年，我局将进一步…」 in the 2021 report: a plan for the year reported on (last year's plan left unchanged)
    else if (y === year && FUTURE_PLAN.test(sentence) && !/了|已/.test(sentence)) out.push({ kind: 'plan', year: y, start, end });
    // 「2022年,我局无依申请公开事项」 in the 2021 report: next year's work told as done (a plan for it is left alone)
    else if (y === year + 1 && !PLAN_WORDS.test(sentence)) out.push({ kind: 'next-year', year: y, start, end });
  }
  nextYearWork(text, year, out);
  for (const m of text.matchAll(BASIS_RE)) {
    if (Number(m[1]) !== year) out.push({ kind: 'opening', year: Number(m[1]), start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(CARRY_RE)) {
    // 「上年结转至2025年的申请」 in the 2025 report is last year's carrying over, told from the other side
    const lead = text.slice(Math.max(0, m.index - 8), m.index);
    // 「其中结转2023年3件，2024年申请47件」 in the 2024 report: carried over from last year (into it would be 「结转至」)
    // (「结转2023年继续办理3件」 is into it: stale)
    const into = /[至到]/.test(m[0]) || /^\s*度?\s*(?:继续|再)?\s*(?:办理|处理|答复)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8));
    const fromLastYear = Number(m[1]) === year - 1 && !into;
    if (Number(m[1]) !== year + 1 && !fromLastYear && !/上年|上一年|去年|\d{4}\s*年度?$/.test(lead)) out.push({ kind: 'carry', year: Number(m[1]), start: m.index, end: m.index + m[0].length });
  }
  for (const re of [OWN_TITLE_RE, OWN_TITLE_PLAIN_RE]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const y = Number(m[1]);
      const start = m.index + Math.max(0, m[0].indexOf('《'));
      if (y !== year) out.push({ kind: 'own-title', year: y, start, end: m.index + m[0].length });
    }
  }
  PLAN_RE.lastIndex = 0;
  for (let m = PLAN_RE.exec(text); m; m = PLAN_RE.exec(text)) {
    const y = Number(m[1]);
    const lead = text.slice(Math.max(0, m.index - 4), m.index);
    if (y <= year && y >= year - 5 && !/落实|完成|执行|对照/.test(lead)) out.push({ kind: 'plan', year: y, start: m.index, end: m.index + m[0].length });
  }
}

/**
 * The work of the year after the report's, told as done (「2022年,我局无依申请公开事项」 in the 2021 report, 「2025年累计
 * 发布…」 in the 2024 one): the text was written for another year. A plan for next year (「2025年，我局将…」) is left alone.
 */
function nextYearWork(text: string, year: number, out: StaleMention[]): void {
  for (const m of text.matchAll(WORK_OF_YEAR_RE)) {
    if (Number(m[1]) !== year + 1) continue;
    const start = m.index;
    const sentence = sentenceFrom(text, m.index + m[0].length);
    if (!PLAN_WORDS.test(sentence)) out.push({ kind: 'next-year', year: year + 1, start, end: m.index + m[0].length });
  }
}

/** The year a statistics period names (「自2021年1月1日起至12月31日止」), or null. */
export function periodYear(text: string): number | null {
  PERIOD_RE.lastIndex = 0;
  const m = PERIOD_RE.exec(text);
  return m && (m[3] === undefined || m[3] === m[1]) ? Number(m[1]) : null;
}

/** The year a report's text gives the report itself (「现发布《某局2024年政府信息公开工作年度报告》」), or null. */
export function ownTitleYear(text: string): number | null {
  for (const re of [OWN_TITLE_RE, OWN_TITLE_PLAIN_RE]) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m) return Number(m[1]);
  }
  return null;
}

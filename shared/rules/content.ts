/**
 * Content and form (spec §4): F-SECTIONS, F-FIVE, F-KPZ, F-FEE, F-OLD, F-STALE, F-DATE, F-TITLE.
 */
import { OVERVIEW_ASPECTS, SECTIONS, formatIdForYear, SECTION_KEYS, SECTION_NAMES, applyResultGroups, type SectionKey } from '../report/format.js';
import { isStandardTitle, standardTitle, TITLE_YEAR } from '../report/model.js';
import type { Prepared } from './prepare.js';
import { citationsOutOfForce } from './citations.js';
import { printedHeadingRule, printedOldLabelsRule } from './printedForm.js';
import { textFigures } from './textFigures.js';
import type { StaleKind } from './textYears.js';
import { memoByText, quote } from './textTokens.js';

const flatten = memoByText((t: string) => t.replace(/\s+/g, ''));
import type { Finding } from './types.js';

const NUMERALS = '一二三四五六七八九十';

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** Dice similarity of character bigrams (0…1). */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return a === b ? 1 : 0;
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of x) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      common++;
      pool.set(g, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

const HEADING_LINE = /^\s*([一二三四五六七八九十])\s*[、.．，,]\s*([^。；\n]{2,40}?)\s*$/;

function sectionRules(p: Prepared, out: Finding[]): void {
  const sections = p.report.sections ?? {};
  for (const s of SECTIONS) {
    const text = sections[s.key]?.trim();
    let present = Boolean(text);
    if (!present && s.table) {
      for (const def of p.format.cells) {
        if (def.table !== s.table) continue;
        const v = p.report.cells[def.key];
        if (v !== null && v !== undefined && v !== '') {
          present = true;
          break;
        }
      }
    }
    if (present) continue;
    // a published report that prints the heading has the section: an empty table under it is V-BLANK's to say
    const printedHeading = p.report.printed?.headings?.[s.key] !== undefined;
    if (!printedHeading && s.key === 'overview' && p.report.printed && (p.report.sections?.preface ?? '').trim() !== '') {
      // a published report that goes straight into its account after the heading: that text sits in 前言
      out.push(p.finding('F-SECTIONS', `缺少「${s.heading}」这个标题：原文没有印它，标题前的正文已归入前言，如其中写的是总体情况，请补上标题`, { section: s.key, unwritten: true }));
    } else if (!printedHeading) {
      out.push(p.finding('F-SECTIONS', `缺少「${s.heading}」部分：${s.table ? '正文和表格都' : '正文'}为空`, { section: s.key, unwritten: true }));
    } else if (!s.table) {
      out.push(p.finding('F-SECTIONS', `缺少「${s.heading}」的正文：印出了标题，标题下没有内容`, { section: s.key, unwritten: true }));
    }
  }
  // headings typed into the text: misplaced, repeated or not verbatim
  const headingRest = SECTIONS.map((s) => s.heading.slice(2));
  for (const key of SECTION_KEYS) {
    const text = sections[key];
    if (!text || !/[一二三四五六][\s]*[、.．，,]/.test(text)) continue;
    let offset = 0;
    for (const line of text.split('\n')) {
      const m = HEADING_LINE.exec(line);
      if (m) {
        const index = NUMERALS.indexOf(m[1] ?? '');
        const rest = (m[2] ?? '').replace(/\s+/g, '');
        const exact = headingRest.findIndex((h, i) => h === rest && i === index);
        const own = SECTIONS.findIndex((s) => s.key === key);
        const span = { section: key, start: offset + line.indexOf(m[1] ?? ''), end: offset + line.trimEnd().length };
        const written = `${m[1] ?? ''}、${rest}`;
        if (exact >= 0) {
          const heading = SECTIONS[exact]?.heading ?? '';
          if (exact === own) {
            out.push(p.finding('F-SECTIONS', `「${SECTION_NAMES[key]}」的正文里又写了一遍标题「${heading}」：标题会自动生成，请从正文中删去`, { span }));
          } else {
            out.push(p.finding('F-SECTIONS', `标题「${heading}」写在了「${SECTION_NAMES[key]}」的正文里，顺序或位置有误：请移到第${m[1]}部分`, { span }));
          }
        } else {
          let best = -1;
          let score = 0;
          headingRest.forEach((h, i) => {
            const sc = similarity(rest, h);
            if (sc > score) {
              score = sc;
              best = i;
            }
          });
          const target = SECTIONS[best];
          // a near-copy of a heading, numbered as that heading: meant as the heading, misspelt or misplaced
          if (target && score >= 0.5 && best === index) {
            out.push(
              p.finding('F-SECTIONS', `标题「${written}」与规定的「${target.heading}」不一致：六个部分的标题须一字不差${best === own ? '' : `，且应位于第${NUMERALS[best]}部分`}`, { span }),
            );
          }
        }
      }
      offset += line.length + 1;
    }
  }
}

/**
 * 「依申请公开信息数142条」「依申请公开176条」「主动公开及依申请公开政府信息总条数」: documents by their disclosure
 * attribute, not the 依申请公开 aspect (「依申请公开信息数0条」 does say there was nothing to handle). A count that
 * was answered (「回应依申请公开信息2条」) is applications handled.
 */
const ATTRIBUTE_COUNT = /(?<!回应|答复|办理|办结|受理|处理|收到)依申请公开(?:的)?(?:政府)?(?:信息)?(?:数)?[1-9]\d*条|依申请公开(?:的)?政府信息总?条数/g;
/** An organ's name is not its work: 「市场监督管理局」「药品监督管理所」 say nothing of 监督保障. */
const ORGAN_WORDS = /监督管理(?=局|委员会|所|站|处|科|分局|部门|综合执法)/g;

function fiveAspects(p: Prepared, out: Finding[]): void {
  // the five aspects are the 2021 format's outline of 总体情况; the 2019 trial format asked for none
  if (formatIdForYear(p.report.year) === '2019') return;
  const text = p.report.sections?.overview;
  if (!text || !text.trim()) return;
  // 「依申请公开176条」 counts documents by their disclosure attribute: no word on the applications handled
  const flat = flatten(text).replace(ATTRIBUTE_COUNT, '').replace(ORGAN_WORDS, '');
  const missing = OVERVIEW_ASPECTS.filter((a) => !a.cues.some((c) => (typeof c === 'string' ? flat.includes(c) : c.test(flat))));
  if (missing.length === 0) return;
  out.push(
    p.finding('F-FIVE', `「一、总体情况」未写到${missing.map((a) => `「${a.name}」`).join('、')}：总体情况应涵盖${OVERVIEW_ASPECTS.map((a) => a.name).join('、')}五个方面`, {
      section: 'overview',
    }),
  );
}

const KPZ: readonly { cue: RegExp; name: string }[] = [
  { cue: /考核|考评/, name: '工作考核' },
  { cue: /评议/, name: '社会评议' },
  { cue: /追究|问责/, name: '责任追究' },
];

/**
 * The line that opens the 监督保障 part (「（五）监督保障」「5.强化监督保障。…」) — not a 「监督保障」 in a list of the five
 * aspects or a count of 监督保障 items, which are no part of their own.
 */
const SUPERVISION_PART = /^[ \t\u3000]*(?:[（(][一二三四五六七八九十\d]{1,2}[）)]|[一二三四五六七八九十\d]{1,2}[、.．])?[ \t\u3000]*(?:加强|强化|做好|完善|注重|抓好|严格)?监督保障/m;

function kpz(p: Prepared, out: Finding[]): void {
  if (p.level !== 'government') return;
  const texts = SECTION_KEYS.map((k) => flatten(p.report.sections?.[k] ?? ''));
  const missing = KPZ.filter((k) => !texts.some((t) => k.cue.test(t)));
  if (missing.length === 0) return;
  const overview = p.report.sections?.overview ?? '';
  const at = SUPERVISION_PART.exec(overview)?.index;
  let span: { section: SectionKey; start: number; end: number } | undefined;
  if (at !== undefined) {
    const lineEnd = overview.indexOf('\n', at);
    span = { section: 'overview', start: at, end: lineEnd < 0 ? overview.length : lineEnd };
  }
  out.push(
    p.finding(
      'F-KPZ',
      `人民政府的年度报告应写明工作考核、社会评议和责任追究结果情况（条例第五十条），${span ? '“监督保障”部分' : '正文'}未写到${missing.map((m) => `「${m.name}」`).join('、')}`,
      span ? { span } : { section: 'overview', unwritten: !overview.trim() },
    ),
  );
}

/** 「本年度未收取信息处理费」「没有产生信息公开处理费」「未收取任何费用」: a statement about fees for disclosure. */
const FEE_STATEMENT = /(信息)?(公开)?处理费|信息公开费|(收取|产生|收)[^。；，,\n]{0,10}?费/g;

/** Whether a text states the 信息处理费 (109号) — 行政事业性收费 of table 二 is another thing and doesn't count. */
export function statesProcessingFee(text: string): boolean {
  FEE_STATEMENT.lastIndex = 0;
  for (let m = FEE_STATEMENT.exec(text); m; m = FEE_STATEMENT.exec(text)) {
    const around = text.slice(Math.max(0, m.index - 6), m.index + m[0].length + 2);
    if (!/行政事业性|事业性收费|收费金额/.test(around)) return true;
  }
  return false;
}

/** A heading of its own for the fee (「五、信息处理费收取情况」, a part some reports add before their last two). */
const FEE_HEADING = /(?:[一二三四五六七八九十]|\d{1,2})[、.．]\s*(?:政府)?信息(?:公开)?(?:的)?(?:处理费|收费)/;

/**
 * Where section 六 may be in a published report: its own section, 五 (when 六's heading was misnumbered or
 * missing, its text runs on there), whatever follows a line naming 「其他需要报告的事项」, and a part of its own
 * on the fee.
 */
function sixthSectionTexts(p: Prepared): string[] {
  const s = p.report.sections ?? {};
  const out = [s.other ?? '', s.problems ?? ''];
  for (const key of SECTION_KEYS) {
    if (key === 'other' || key === 'problems') continue;
    const text = s[key] ?? '';
    const at = text.indexOf('其他需要报告的事项');
    if (at >= 0) out.push(text.slice(at));
    const fee = FEE_HEADING.exec(text);
    if (fee) out.push(text.slice(fee.index));
  }
  return out.map((t) => flatten(t));
}

function fee(p: Prepared, out: Finding[]): void {
  if (formatIdForYear(p.report.year) === '2019') return;
  if (sixthSectionTexts(p).some(statesProcessingFee)) return;
  const own = flatten(p.report.sections?.other ?? '');
  out.push(
    p.finding('F-FEE', `「六、其他需要报告的事项」未说明信息处理费收取情况：应写明本年度收取的信息处理费（如“本年度未收取信息处理费”），依据国办函〔2020〕109号${/行政事业性收费/.test(own) ? '；表二的“行政事业性收费”不是信息处理费' : ''}`, {
      section: 'other',
      unwritten: !own.trim(),
    }),
  );
}

function oldFormat(p: Prepared, out: Finding[]): void {
  const year = p.report.year;
  if (formatIdForYear(year) === '2019') return;
  if (p.format.id === '2019') {
    out.push(p.finding('F-OLD', `${year}年度的报告应使用2021年格式（国办公开办函〔2021〕30号），本报告用的是2019年格式（国办公开办函〔2019〕60号）`, { section: 'active' }));
  } else if (!p.format.otherSplit) {
    const group = applyResultGroups().find((g) => g.prefix === 'other');
    const cells = p.format.cells.filter((d) => d.key.startsWith('apply.other.')).map((d) => d.key);
    // a table 三 holding nothing at all (an excerpt that doesn't include it) shows no 2019 row
    const held = (k: string) => p.report.cells[k] !== null && p.report.cells[k] !== undefined && p.report.cells[k] !== '';
    if (!p.format.cells.some((d) => d.table === 'apply' && held(d.key))) return;
    out.push(
      p.finding(
        'F-OLD',
        `表三「${group?.label ?? ''}」仍是2019年格式的一行：2021年格式分为 ${group?.items.length ?? 3} 项（${(group?.items ?? []).join('；')}），请按实际办理情况分项填写`,
        { cells, target: cells[cells.length - 1] },
      ),
    );
  }
}

/** Citations of documents not in force in the report year (the registry of `citations.ts`): F-OLD and F-STALE. */
function citationRule(p: Prepared, out: Finding[]): void {
  for (const key of SECTION_KEYS) {
    const text = p.texts[key];
    if (!text) continue;
    for (const c of citationsOutOfForce(text, p.report.year)) {
      // a table printed in the 2019 format is F-OLD already (oldFormat); its header's words add nothing
      if (c.wording && p.format.id === '2019') continue;
      out.push(p.finding(c.rule, c.message, { span: { section: key, start: c.start, end: c.end } }));
    }
  }
}

/** F-STALE's message for each kind of stale year: the quoted words, the year they name, the report's year. */
const STALE_MESSAGES: Record<StaleKind, (q: string, named: number, year: number) => string> = {
  period: (q, _named, year) => `统计期限“${q}”与报告年度 ${year} 年不符：应为 ${year}年1月1日至${year}年12月31日`,
  'own-title': (q, named, year) => `本报告称“${q}”，其中的年份 ${named} 与报告年度 ${year} 年不符：是否沿用了上年的文字？`,
  opening: (q, named, year) => `“${q}”写的是 ${named} 年，与报告年度 ${year} 年不符：是否沿用了上年的文字？`,
  plan: (q, _named, year) => `“${q}”应为下一年度（${year + 1}年）的计划，与报告年度 ${year} 年不符`,
  'next-year': (q, named, year) => `“${q}”写的是 ${named} 年的工作，与报告年度 ${year} 年不符：本年度的工作应写 ${year} 年`,
  carry: (q, _named, year) => `“${q}”与报告年度 ${year} 年不符：本年度未办结的申请应结转至 ${year + 1} 年`,
};

function stale(p: Prepared, out: Finding[]): void {
  const year = p.report.year;
  for (const key of SECTION_KEYS) {
    const text = p.texts[key];
    if (!text) continue;
    for (const m of textFigures(text, year, key === 'review').years) {
      // Only the preface names this report; elsewhere last year's report compiled and published is the year's own work
      // (「1月，在门户网站公布了《…2023年…年度报告》」 in the 2024 report).
      if (m.kind === 'own-title' && key !== 'preface' && m.year === year - 1) continue;
      // next year's work is told in the parts on problems and plans, and beside them
      if (m.kind === 'next-year' && (key === 'problems' || key === 'other')) continue;
      const q = quote(text, m.start, m.end);
      const message = STALE_MESSAGES[m.kind](q, m.year, year);
      out.push(p.finding('F-STALE', message, { span: { section: key, start: m.start, end: m.end } }));
    }
  }
}

function dateRule(p: Prepared, out: Finding[]): void {
  const sig = p.report.signature;
  const year = p.report.year;
  const iso = sig?.date?.trim();
  if (!iso) {
    out.push(p.finding('F-DATE', sig?.organ ? '未填写成文日期：落款应在发文机关署名下写明成文日期，如“2025年2月25日”' : '未填写落款：正文后应有发文机关署名和成文日期（如“2025年2月25日”）', {}));
    return;
  }
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso);
  const y = Number(m?.[1]);
  const mo = Number(m?.[2]);
  const d = Number(m?.[3]);
  const valid = m !== null && mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (!valid) {
    out.push(p.finding('F-DATE', `成文日期“${iso}”不是有效日期：应写作“YYYY年M月D日”，如“${year + 1}年2月25日”`, {}));
    return;
  }
  const written = `${y}年${mo}月${d}日`;
  const value = y * 10000 + mo * 100 + d;
  const due = (m: number): number => (year + 1) * 10000 + m * 100 + 31;
  if (value < (year + 1) * 10000 + 101) {
    out.push(p.finding('F-DATE', `成文日期${written}早于报告年度（${year}年）结束：年度报告应在${year + 1}年成文`, {}));
  } else if (p.level === undefined) {
    // the deadline depends on the level: say which, rather than assume one
    if (value > due(3)) {
      out.push(p.finding('F-DATE', `成文日期${written}晚于法定公布期限：人民政府为${year + 1}年3月31日，政府部门为${year + 1}年1月31日（条例第四十九条）`, {}));
    } else if (value > due(1)) {
      out.push(
        p.finding('F-DATE', `成文日期${written}：未能从机关名称判断是人民政府还是政府部门，无法确定法定期限——政府部门为${year + 1}年1月31日（已过），人民政府为${year + 1}年3月31日，请核对`, {}),
      );
    }
  } else {
    const government = p.level === 'government';
    const m = government ? 3 : 1;
    if (value > due(m)) {
      out.push(p.finding('F-DATE', `成文日期${written}晚于法定公布期限${year + 1}年${m}月31日${government ? '（县级以上地方人民政府）' : '（政府部门）'}：条例第四十九条`, {}));
    }
  }
}

/** What is wrong with a title that isn't 「<机关>YYYY年政府信息公开工作年度报告」, for F-TITLE's message (every fault named). */
function titleFault(title: string, year: number): string {
  const m = /^(.*?)(\d{4})年政府信息公开工作年度报告$/.exec(title);
  if (m && (!m[1] || m[1] === '关于')) return `${m[1] ? '以“关于”开头、' : ''}缺少机关名称`;
  if (/^关于/.test(title)) return '不应以“关于”开头（报告不是公文的事由）';
  if (m && Number(m[2]) !== year) return `中的年份 ${m[2]} 与报告年度 ${year} 不符`;
  const faults: string[] = [];
  if (/\d{4}年度政府信息公开/.test(title)) faults.push('中的“年度”多余：年份应写作“YYYY年”');
  if (!/信息公开/.test(title)) faults.push(title.includes('政务公开') ? '把“政府信息公开”写作“政务公开”' : '缺少“政府信息公开”');
  else if (!title.includes('政府信息公开')) faults.push('“信息公开”前缺少“政府”二字');
  if (!title.includes('工作年度报告')) {
    // name the word that is missing (「…政府信息公开工作报告」 lacks 年度, 「…政府信息公开年度报告」 工作); a 年度 after the
    // year (「2023年度某街道信息公开工作报告」) is in the wrong place
    if (title.endsWith('公开工作报告')) faults.push(/\d{4}年度/.test(title) ? '“年度”应写在“工作”之后（“…工作年度报告”），不在年份之后' : '缺少“年度”二字');
    else if (title.endsWith('公开年度报告')) faults.push('缺少“工作”二字');
    else faults.push('用词不规范');
  }
  if (!TITLE_YEAR.test(title)) faults.push(/\d{4}(?:政府)?信息公开/.test(title) ? '年份后缺少“年”字' : '缺少年份');
  // the year before the organ (「2023年某街道…」)
  if (TITLE_YEAR.exec(title)?.index === 0) faults.push('年份应写在机关名称之后、“政府信息公开”之前');
  if (faults.length > 0) return faults.join('，');
  if (!/\d{4}年政府信息公开/.test(title)) return '年份应写在机关名称之后、“政府信息公开”之前';
  return '与规定格式不一致';
}

function titleRule(p: Prepared, out: Finding[]): void {
  const year = p.report.year;
  const title = p.report.title?.replace(/\s+/g, '');
  if (!title) {
    if (!p.report.organ?.trim()) out.push(p.finding('F-TITLE', `未填写机关名称：标题应为“机关名称${year}年政府信息公开工作年度报告”`, {}));
    // a published report printed without its title (a draft's title is made from the organ and year)
    else if (p.report.printed) out.push(p.finding('F-TITLE', `原文正文前没有报告标题：应印“${standardTitle(p.report)}”`, {}));
    return;
  }
  if (isStandardTitle(title, year)) return;
  const why = titleFault(title, year);
  const suggestion = standardTitle(p.report);
  out.push(p.finding('F-TITLE', `标题“${p.report.title?.trim() ?? ''}”${why}：应为“${suggestion}”（导出时按标准标题排印）`, {}));
}

export function contentRules(p: Prepared, out: Finding[]): void {
  sectionRules(p, out);
  printedHeadingRule(p, out);
  fiveAspects(p, out);
  kpz(p, out);
  fee(p, out);
  oldFormat(p, out);
  printedOldLabelsRule(p, out);
  stale(p, out);
  citationRule(p, out);
  dateRule(p, out);
  titleRule(p, out);
}

/**
 * The documents a report cites, with their numbers and the report years they are in force for (spec §1, §4 F-OLD,
 * F-STALE). One declarative registry: a citation of a document not in force in the report year is flagged by the
 * document's rule; a document not listed here is never judged.
 */

export interface DatedCitation {
  /** what the document is, for messages */
  document: string;
  /** its number as usually cited */
  number: string;
  /** how it is cited (text normalised: ASCII digits) */
  pattern: RegExp;
  /** first and last report year the document governs (inclusive); no `to`: still in force */
  from: number;
  to?: number;
  /** what governs after `to` */
  replacedBy?: string;
  rule: 'F-OLD';
  /** the format's own wording (a column's name), not a document: a table printed in that format says it already */
  wording?: true;
}

/** A document issued every year: only the report year's is in force (the next year's, for next year's plans). */
export interface YearlyCitation {
  document: string;
  /** the year is group 1 */
  pattern: RegExp;
  rule: 'F-STALE';
}

const BRACKETS = '[〔[［(（]';
const CLOSE = '[〕\\]］)）]';

export const DATED_CITATIONS: readonly DatedCitation[] = [
  {
    document: '2007年公布的《中华人民共和国政府信息公开条例》',
    number: '国务院令第492号',
    pattern: /国务院令\s*(第\s*)?492\s*号|第\s*492\s*号\s*国务院令/g,
    from: 2008,
    to: 2019,
    replacedBy: '2019年修订的《条例》（国务院令第711号）',
    rule: 'F-OLD',
  },
  {
    document: '2019年修订的《中华人民共和国政府信息公开条例》',
    number: '国务院令第711号',
    pattern: /国务院令\s*(第\s*)?711\s*号|第\s*711\s*号\s*国务院令/g,
    from: 2019,
    rule: 'F-OLD',
  },
  {
    document: '政府信息公开工作年度报告格式（试行）',
    number: '国办公开办函〔2019〕60号',
    // by its number, by the notice's title alone (「《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》」),
    // also with 「政府信息公开」 or 「工作」 dropped (「…政务公开办公室关于工作年度报告有关事项的通知」, 「…关于政府信息公开年度报告
    // 有关事项的通知」) or 「关于」 (「…政务公开办公室政府信息公开年度报告有关事项的通知」), its title's quotes perhaps after
    // the office (「…政务公开办公室《关于…有关事项的通知》」), or by the format's own title, which the 2021 format dropped
    // 「（试行）」 from
    pattern: new RegExp(
      `国办公开办函\\s*${BRACKETS}\\s*2019\\s*${CLOSE}\\s*60\\s*号|政务公开办公室\\s*[《〈<]?\\s*(?:关于)?(?:政府信息公开工作|政府信息公开|工作)年度报告有关事项的通知|工作年度报告格式\\s*[（(]\\s*试行\\s*[）)]`,
      'g',
    ),
    from: 2019,
    to: 2020,
    replacedBy: '国办公开办函〔2021〕30号',
    rule: 'F-OLD',
  },
  {
    // a 2019 template sentence kept in later reports: 「本报告除规章对外公开总数量、规范性文件对外公开总数量两个项目外…」
    document: '2019年格式表二的栏目',
    number: '国办公开办函〔2019〕60号',
    pattern: /对外公开总数量|本年新制作数量|本年新公开数量/g,
    from: 2019,
    to: 2020,
    replacedBy: '2021年格式（国办公开办函〔2021〕30号），其表二的栏目是「本年制发件数」「本年废止件数」「现行有效件数」',
    rule: 'F-OLD',
    wording: true,
  },
  {
    document: '中华人民共和国政府信息公开工作年度报告格式',
    number: '国办公开办函〔2021〕30号',
    pattern: new RegExp(`国办公开办函\\s*${BRACKETS}\\s*2021\\s*${CLOSE}\\s*30\\s*号`, 'g'),
    from: 2021,
    rule: 'F-OLD',
  },
];

export const YEARLY_CITATIONS: readonly YearlyCitation[] = [
  {
    document: '年度政务公开工作要点',
    // 「《2022年政务公开工作要点》」「2023年度政务公开工作要点」「2024年全县政务公开工作要点」
    pattern: /(?<![\d〔[［])(\d{4})\s*年度?[^。；，,\n《》〈〉<>]{0,12}?工作要点/g,
    rule: 'F-STALE',
  },
  {
    document: '年度报告编制通知',
    // 「《…关于编制公布2021年政府信息公开工作年度报告有关事项的通知》」 in the 2022 report: last year's notice
    pattern: /关于[^。《》〈〉]{0,8}?(\d{4})\s*年度?政府信息公开工作年度报告[^。《》〈〉]{0,12}?通知/g,
    rule: 'F-STALE',
  },
  {
    document: '年度政务公开工作任务',
    // 「《思明区2019年政务公开工作主要任务分解表的通知》」「2023年政务公开重点工作任务清单」: the year's tasks under another name
    pattern: /(?<![\d〔[［])(\d{4})\s*年度?[^。；，,\n《》〈〉<>]{0,8}?政务公开[^。；，,\n《》〈〉<>]{0,4}?(?:主要任务|重点工作|任务分解|任务清单)/g,
    rule: 'F-STALE',
  },
];

export interface CitationOutOfForce {
  rule: 'F-OLD' | 'F-STALE';
  /** the old format's wording rather than a document */
  wording?: true;
  start: number;
  end: number;
  message: string;
}

/** Words that show a sentence speaks of next year's plan (a citation of next year's 要点 is then in force). */
const NEXT_YEAR = /将|计划|下一步|下一年|明年|来年|打算|思路|改进/;

function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('。', start), text.lastIndexOf('\n', start)) + 1;
  const stops = ['。', '\n'].map((c) => text.indexOf(c, end)).filter((i) => i >= 0);
  return text.slice(from, stops.length > 0 ? Math.min(...stops) : text.length);
}

/**
 * A document cited by a title and followed by another document's number (「《…有关事项的通知》（国办公开办函〔2021〕30号）」,
 * a misquoted title): the number says which document is meant, so the title alone is not judged.
 */
function numberedAsAnother(text: string, end: number, cited: DatedCitation, year: number): boolean {
  const after = text.slice(end, end + 40);
  return DATED_CITATIONS.some(
    (d) => d !== cited && d.from <= year && (d.to === undefined || year <= d.to) && new RegExp(`^[》〉」”"\\s]*[（(]?\\s*(?:${d.pattern.source})`).test(after),
  );
}

/** Every citation in `text` (normalised) of a document not in force in report year `year`. */
export function citationsOutOfForce(text: string, year: number): CitationOutOfForce[] {
  const out: CitationOutOfForce[] = [];
  for (const c of DATED_CITATIONS) {
    // only a document no longer in force is flagged: one not yet in force may be cited for next year's plans
    if (c.to === undefined || year <= c.to) continue;
    c.pattern.lastIndex = 0;
    let previous: CitationOutOfForce | undefined;
    for (let m = c.pattern.exec(text); m; m = c.pattern.exec(text)) {
      if (numberedAsAnother(text, m.index + m[0].length, c, year)) continue;
      // one citation, named and numbered (「《…通知》(国办公开办函〔2019〕60号)」): one finding, spanning both
      if (previous && !c.wording && m.index - previous.end <= 3) {
        previous.end = m.index + m[0].length;
        continue;
      }
      const instead = c.replacedBy ? `，${year}年度报告应依据${c.replacedBy}` : '';
      const found: CitationOutOfForce = { rule: c.rule, start: m.index, end: m.index + m[0].length, message: `正文${c.wording ? '写' : '引用'}的“${m[0]}”（${c.document}）只适用于${c.to}年度及以前${instead}` };
      if (c.wording) found.wording = true;
      out.push(found);
      previous = found;
    }
  }
  for (const c of YEARLY_CITATIONS) {
    c.pattern.lastIndex = 0;
    for (let m = c.pattern.exec(text); m; m = c.pattern.exec(text)) {
      const cited = Number(m[1]);
      if (cited === year) continue;
      const end = m.index + m[0].length;
      // 「自2019年以来…工作要点」: history, not a citation of that year's 要点
      if (/[自从]\s*$/.test(text.slice(Math.max(0, m.index - 2), m.index)) || /^\d{4}\s*年度?\s*(以来|起|至今)/.test(m[0])) continue;
      if (cited === year + 1 && NEXT_YEAR.test(sentenceAround(text, m.index, end))) continue;
      const allowed = `应落实的是 ${year} 年的${c.document.replace(/^年度/, '')}${cited === year + 1 ? '（下一年度的只在写明年计划时引用）' : ''}`;
      out.push({ rule: c.rule, start: m.index, end, message: `正文引用了“${m[0].replace(/\s+/g, ' ')}”，与报告年度 ${year} 年不符：${allowed}` });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

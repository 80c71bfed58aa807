/**
 * A report saved from a government site's 「繁體」 version: every label in traditional characters, with Taiwan
 * wording (「規範性檔案」, 「資訊」). Read as its simplified original; a simplified report is never converted.
 */
import { Converter } from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { parsePublished, textDocument } from '../../shared/import/index.js';
import { isTraditional } from '../../shared/import/traditional.js';
import { evaluate } from '../../shared/rules/index.js';
import { FORMAT_2019, FORMAT_2021 } from '../../shared/report/format.js';
import { makeText, richData } from './make.js';

const parse = (text: string) => parsePublished(textDocument(text));

// typed from a published page's 繁體 version (a provincial office's 2022 report), figures changed
const TYPED = `陜西省人民政府辦公廳2022年政府信息公開工作年度報告

一、總體情況

2022年，省政府辦公廳堅持以習近平新時代中國特色社會主義思想為指導，全年共收到政府信息公開申請12件。

二、主動公開政府資訊情況

第二十條第（一）項
資訊內容	本年制發件數	本年廢止件數	現行有效件數
規章	3	1	40
規範性檔案	6	2	33
第二十條第（五）項
資訊內容	本年處理決定數量
行政許可	25
第二十條第（六）項
資訊內容	本年處理決定數量
行政處罰	7
行政強制	0
第二十條第（八）項
資訊內容	本年收費金額（單位：萬元）
行政事業性收費	0
`;

describe('a report in traditional characters', () => {
  it('reads a typed 繁體 page: title and organ in simplified characters, every cell of table 二, and says it converted', () => {
    const { report, uncertain } = parse(TYPED);
    expect(report.title).toBe('陕西省人民政府办公厅2022年政府信息公开工作年度报告');
    expect(report.organ).toBe('陕西省人民政府办公厅');
    expect(report.year).toBe(2022);
    expect(report.cells).toMatchObject({
      'active.regulations.issued': 3, 'active.regulations.repealed': 1, 'active.regulations.in_force': 40,
      'active.normative.issued': 6, 'active.normative.repealed': 2, 'active.normative.in_force': 33,
      'active.licensing.decisions': 25, 'active.punishment.decisions': 7, 'active.coercion.decisions': 0, 'active.fees.amount': 0,
    });
    expect(report.sections?.overview).toContain('全年共收到政府信息公开申请12件');
    expect(uncertain.map((u) => u.reason)).toContain('原文是繁体字，已转换为简体字读取，请核对正文和表格');
    // nothing printed is called blank, and the title names its organ
    const rules = evaluate(report).map((f) => `${f.rule} ${f.message}`);
    expect(rules.filter((r) => r.startsWith('V-BLANK') && r.includes('表二'))).toEqual([]);
    expect(rules.filter((r) => r.startsWith('F-TITLE'))).toEqual([]);
  });

  it('reads a whole report converted to Taiwan wording, or character by character, as the original: every cell, every label', () => {
    for (const format of [FORMAT_2021, FORMAT_2019]) {
      const rich = richData(format, format === FORMAT_2021 ? 2024 : 2020);
      const original = makeText(rich, { layout: 'rows' });
      for (const to of ['twp', 't'] as const) {
        const { report, uncertain } = parse(Converter({ from: 'cn', to })(original));
        const wrong = Object.entries(rich.cells).filter(([k, v]) => report.cells[k] !== v);
        expect(wrong, to).toEqual([]);
        expect(report.title, to).toBe(`${rich.organ ?? ''}${rich.year}年政府信息公开工作年度报告`);
        // every label read as the format's own (「行政查询事项」, not 「行政查找事项」 matched approximately)
        expect(uncertain.filter((u) => u.target.includes('.')), to).toEqual([]);
      }
    }
  });

  it('tells a traditional document by the share of its ideographs that are traditional: ten or more, and 5 %', () => {
    const simplified = '某县人民政府2024年政府信息公开工作年度报告。本年度主动公开政府信息一百二十条，收到申请十二件。'.repeat(20);
    // a simplified page with its site's 「繁體 無障礙 關於我們」 menu is still simplified
    expect(isTraditional(`繁體 無障礙 關於我們\n${simplified}`)).toBe(false);
    expect(isTraditional('政府信息公開工作年度報告')).toBe(false); // 3 traditional ideographs: too few to say
    expect(isTraditional('開報務區縣鎮關於資辦')).toBe(true); // 10 of 10
    expect(isTraditional('開報務區縣鎮關於資')).toBe(false); // 9
    expect(isTraditional(`${'開'.repeat(10)}${'开'.repeat(200)}`)).toBe(false); // 10 of 210: under 5 %
  });

  it('reads radicals a PDF gives for ideographs before converting (「部⾨」 is 部門, so 部门)', () => {
    const { report } = parse(`${TYPED}\n五、存在的主要問題及改進情況\n\n各部⾨意⾒已落實。\n`);
    expect(report.sections?.problems).toBe('各部门意见已落实。');
  });

  it('leaves a simplified report as written: 「显著」 keeps its 著, 「资料」 stays', () => {
    const text = `某县人民政府2024年政府信息公开工作年度报告\n\n一、总体情况\n\n2024年，我县政务公开成效显著，着力提升公开质量，整理档案资料120卷。\n`;
    const { report, uncertain } = parse(text);
    expect(report.sections?.overview).toBe('2024年，我县政务公开成效显著，着力提升公开质量，整理档案资料120卷。');
    expect(uncertain.map((u) => u.reason)).not.toContain('原文是繁体字，已转换为简体字读取，请核对正文和表格');
  });
});

describe('a page saved with its reading aid on (pinyin glosses after some ideographs)', () => {
  it('reads 「西藏自治區(qū)人民政府」 as the organ and leaves a bracketed note of Latin letters alone', () => {
    const text = `標(biāo)      題 某某自治區(qū)人民政府 2023年政府信息公開工作年度報告\n        發(fā)布機構(gòu) 某某自治區(qū)人民政府辦公廳\n\n        某某自治區(qū)人民政府\n\n        2023年政府信息公開工作年度報告\n\n一、總體情況\n\n2023年，自治區(qū)政府門戶網站(www.example.gov.cn)發布信息1200條。\n`;
    const { report } = parse(text);
    expect(report.organ).toBe('某某自治区人民政府');
    expect(report.title).toBe('某某自治区人民政府2023年政府信息公开工作年度报告');
    expect(report.sections?.overview).toBe('2023年，自治区政府门户网站(www.example.gov.cn)发布信息1200条。');
  });

  it('drops a gloss in full-width brackets too, and never a word that is no pinyin syllable (「咖啡馆(café)」)', () => {
    const { report } = parse(`某县人民政府2023年政府信息公开工作年度报告\n\n一、总体情况\n\n县政府（fǔ）门户网站更名为“咖啡馆(café)之窗”。\n`);
    expect(report.sections?.overview).toBe('县政府门户网站更名为“咖啡馆(café)之窗”。');
  });
});

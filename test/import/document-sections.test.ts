/**
 * A page stored as one long line of text (the blocks of the web page joined with spaces): the six sections, the
 * 落款 and the 版记 after it are still found, each where it belongs.
 */
import { describe, expect, it } from 'vitest';
import { importText, parsePublished, textDocument } from '../../shared/import/index.js';
import { evaluate } from '../../shared/rules/index.js';
import { RUN_TOGETHER_CHARS } from '../../shared/import/sections.js';
import { FORMAT_2021, SECTION_KEYS } from '../../shared/report/format.js';
import { makeText, richData } from './make.js';

const squash = (s: string | undefined) => (s ?? '').replace(/\s+/g, '');

/** A report's title line, then the rest of the page joined into one line as a crawl keeps it; `tail` ends the line. */
function oneLinePage(tail: string[] = []) {
  const data = { ...richData(FORMAT_2021, 2024), signature: { organ: '某某县交通运输局', date: '2025-01-20' } };
  const [title, ...body] = makeText(data, { layout: 'rows', signature: true })
    .split('\n')
    .filter((l) => l.trim() !== '');
  const line = [...body, ...tail].join(' ');
  const read = (text: string) => parsePublished(textDocument(`${title ?? ''}\n${text}`));
  return { data, line, read };
}

describe('a report stored as one line', () => {
  const { data, line, read } = oneLinePage(['抄送：县纪委监委派驻纪检监察组。', '来源：某某县交通运输局 附件下载']);

  it('the sample is one line long enough to be read as a crawl run together (cut at its headings)', () => {
    expect(line.length).toBeGreaterThan(RUN_TOGETHER_CHARS);
  });

  const { report, uncertain } = read(line);

  it('finds every section heading and every section’s text', () => {
    expect(uncertain.filter((u) => u.target.startsWith('sections.'))).toEqual([]);
    for (const k of SECTION_KEYS) expect(squash(report.sections?.[k]), k).toBe(squash(data.sections?.[k]));
  });

  it('finds the 落款, and leaves the 版记 and the page’s 来源 line out of section 六', () => {
    expect(report.signature).toEqual(data.signature);
    expect(report.sections?.other).not.toMatch(/抄送|来源|附件下载/);
  });
});

describe('the 落款 of a one-line page as a crawl left it', () => {
  const page = oneLinePage(['附件下载']);
  const { data, line } = page;
  const read = (text: string) => page.read(text).report;

  it('is found with a space inside its date, and the 「…办公室 日期印发」 版记 after it is left out of section 六', () => {
    const report = read(line.replace('2025年1月20日', '2025年1月20 日 某某县交通运输局办公室 2025年1月20日印发'));
    expect(report.signature).toEqual(data.signature);
    expect(report.sections?.other).not.toMatch(/印发|附件下载/);
  });

  it('is found with the organ glued to the date', () => {
    expect(read(line.replace('某某县交通运输局 2025年1月20日', '某某县交通运输局2025年1月20日')).signature).toEqual(data.signature);
  });

  it('is found glued to the last sentence with an ideographic space before its date, and with the 附注 「（此件主动公开）」 after it', () => {
    const glued = read(line.replace(/\s*某某县交通运输局 2025年1月20日/, '某某县交通运输局\u30002025年1月20日'));
    expect(glued.signature).toEqual(data.signature);
    const noted = read(line.replace('某某县交通运输局 2025年1月20日', '某某县交通运输局 2025年1月20日 （此件主动公开）'));
    expect(noted.signature).toEqual(data.signature);
    expect(noted.sections?.other).not.toContain('此件');
  });

  it('is found after 「暂无」 glued to its organ', () => {
    const text = line.replace(/六、其他需要报告的事项.*?(?=某某县交通运输局 2025年1月20日)/, '六、其他需要报告的事项暂无');
    const report = read(text);
    expect(report.signature).toEqual(data.signature);
    expect(report.sections?.other).toBe('暂无');
  });

  it('is found at the end of section 五 when section 六 was left out', () => {
    const without = line.replace(/六、其他需要报告的事项.*?(?=某某县交通运输局 2025年1月20日)/, '');
    expect(without).not.toContain('六、');
    expect(read(without).signature).toEqual(data.signature);
  });
});

describe('the 落款 of a PDF', () => {
  it('is found when the PDF broke the date after its year (「2025」 / 「年1月20日」)', () => {
    const data = { ...richData(FORMAT_2021, 2024), signature: { organ: '某某县交通运输局', date: '2025-01-20' } };
    const text = makeText(data, { layout: 'rows', signature: true });
    expect(text).toContain('2025年1月20日');
    const { report } = parsePublished(textDocument(text.replace('2025年1月20日', '2025\n年1月20日')));
    expect(report.signature).toEqual(data.signature);
    expect(report.sections?.other).not.toMatch(/2025|年1月20日/);
  });
});

describe('a one-line crawl with a heading worded differently, and a contact after the 落款', () => {
  const { data, line, read } = oneLinePage(['附件下载']);

  it('「五、存在的主要问题及明年工作计划2025年，…」 still ends table 四: its figures are read, not lost in the prose', () => {
    const text = line.replace(/五、存在的主要问题及改进情况\s*/, '五、存在的主要问题及明年工作计划');
    expect(text).toContain('五、存在的主要问题及明年工作计划');
    const { report } = read(text);
    expect(report.cells['review.reconsideration.total']).toBe(data.cells['review.reconsideration.total']);
  });

  it('headings worded far from the format (「四、因政府信息公开工作被申请行政复议、提起行政诉讼情况」, 「五、政府信息公开存在的问题及改进措施」) are found as printed, and table 四 is read', () => {
    const text = line
      .replace(/四、政府信息公开行政复议、行政诉讼情况\s*/, '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况')
      .replace(/五、存在的主要问题及改进情况\s*/, '五、政府信息公开存在的问题及改进措施');
    const { report } = read(text);
    expect(report.printed?.headings?.review).toBe('四、因政府信息公开工作被申请行政复议、提起行政诉讼情况');
    expect(report.printed?.headings?.problems).toBe('五、政府信息公开存在的问题及改进措施');
    expect(report.cells['review.reconsideration.total']).toBe(data.cells['review.reconsideration.total']);
  });

  it('table 四\'s figures run straight into a paragraph (「…总计 …0我局严格规范…。」): the figures are still the table\'s', () => {
    const last = line.indexOf('五、存在的主要问题及改进情况');
    const text = `${line.slice(0, last).trimEnd()}我局严格规范复议答复程序，未发生败诉。${line.slice(last)}`;
    const { report } = read(text);
    expect(report.cells['review.reconsideration.total']).toBe(data.cells['review.reconsideration.total']);
    expect(report.cells['review.sued_after.total']).toBe(data.cells['review.sued_after.total']);
  });

  it('a note in brackets after a heading (「二、主动公开政府信息情况（有关情况附表）」) is printed with it; 「一、总体情况（一）…」 is not', () => {
    const text = line.replace(/二、主动公开政府信息情况\s*/, '二、主动公开政府信息情况（有关情况附表）').replace(/一、总体情况\s*/, '一、总体情况（一）主动公开 ');
    const { report } = read(text);
    expect(report.printed?.headings?.active).toBe('二、主动公开政府信息情况（有关情况附表）');
    expect(report.printed?.headings?.overview).toBe('一、总体情况');
    expect(report.cells['active.normative.in_force']).toBe(data.cells['active.normative.in_force']);
  });

  it('a part added after 一 pushes the others to 三…七: each is found by its words, printed with its own number, and its table read', () => {
    const renumbered = line
      .replace(/六、其他需要报告的事项/, '七、其他需要报告的事项')
      .replace(/五、存在的主要问题及改进情况/, '六、存在的主要问题及改进情况')
      .replace(/四、政府信息公开行政复议、行政诉讼情况/, '五、政府信息公开行政复议、行政诉讼情况')
      .replace(/三、收到和处理政府信息公开申请情况/, '四、收到和处理政府信息公开申请情况')
      .replace(/二、主动公开政府信息情况/, '二、政务公开工作主要任务落实情况 本年度完成各项任务。三、主动公开政府信息情况');
    const { report } = read(renumbered);
    expect(report.printed?.headings?.active).toBe('三、主动公开政府信息情况');
    expect(report.printed?.headings?.requests).toBe('四、收到和处理政府信息公开申请情况');
    expect(report.printed?.headings?.other).toBe('七、其他需要报告的事项');
    for (const key of ['active.normative.in_force', 'apply.new.total', 'review.reconsideration.total']) expect(report.cells[key], key).toBe(data.cells[key]);
  });

  it('table 四\'s last figure run into a heading no reading recognises (「…0 0五、政府信息公开工作情况说明…」) still ends the table', () => {
    const text = line.replace(/\s*五、存在的主要问题及改进情况\s*/, '五、政府信息公开工作说明');
    const { report } = read(text);
    expect(report.cells['review.reconsideration.total']).toBe(data.cells['review.reconsideration.total']);
    expect(report.cells['review.sued_after.total']).toBe(data.cells['review.sued_after.total']);
  });

  it('「…事项无 某某局 2025年1月20日」: the 落款 after the section\'s last word is found, and the word stays in 六', () => {
    const text = line.replace(/六、其他需要报告的事项.*?(?=某某县交通运输局 2025年1月20日)/, '六、其他需要报告的事项无 ');
    const { report } = read(text);
    expect(report.signature).toEqual(data.signature);
    expect(report.sections?.other).toBe('无');
  });

  it('「…事项无某某局 2025年1月20日」 (无 glued to the organ): the 落款 is the organ\'s, 无 stays in 六', () => {
    const text = line.replace(/六、其他需要报告的事项.*?(?=某某县交通运输局 2025年1月20日)/, '六、其他需要报告的事项 无');
    const { report } = read(text);
    expect(report.signature).toEqual(data.signature);
    expect(report.sections?.other).toBe('无');
  });

  it('table 四 after a sentence with no space (「…诉讼情况。行政复议行政诉讼…」) is read', () => {
    const text = line.replace(/(四、政府信息公开行政复议、行政诉讼情况)\s*/, '$1本年度没有行政复议、行政诉讼情况。');
    expect(text).toContain('诉讼情况。行政复议');
    expect(read(text).report.cells['review.reconsideration.total']).toBe(data.cells['review.reconsideration.total']);
  });

  it('「某某局 2025年1月20日 （联系人：…）」: the 落款 is found', () => {
    const text = line.replace('2025年1月20日', '2025年1月20日 （联系人：林某，联系方式：0591-12345678）');
    expect(read(text).report.signature).toEqual(data.signature);
  });
});

describe('an excerpt of a page crawled as one line (shorter than a whole page)', () => {
  const excerpt = [
    '某某镇2025年政府信息公开工作年度报告 一、总体情况 2025年，我镇扎实推进政务公开，全年未收到政府信息公开申请。',
    '二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 行政规范性文件 2 0 5',
    '第二十条第（五）项 信息内容 本年处理决定数量 行政许可 124 三、收到和处理政府信息公开申请情况 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  ].join(' ');

  it('is cut at its headings when two of them stand in it: the sections and table 二 are read', () => {
    expect(excerpt.length).toBeLessThan(RUN_TOGETHER_CHARS);
    const { report, uncertain } = parsePublished(textDocument(excerpt));
    expect(uncertain.filter((u) => /未在原文中找到标题「[一二三]、/.test(u.reason))).toEqual([]);
    expect(report.sections?.overview).toMatch(/^2025年，我镇扎实推进政务公开/);
    expect(report.cells['active.normative.in_force']).toBe(5);
    expect(report.cells['active.licensing.decisions']).toBe(124);
    expect(report.title).toBe('某某镇2025年政府信息公开工作年度报告');
  });

  it('a part 一 worded 「一、总体概况」 in the run-together line is cut there: section 一 is read, not left in the preface', () => {
    const line = excerpt.replace('一、总体情况', '一、总体概况');
    const { report } = parsePublished(textDocument(line));
    expect(report.printed?.headings?.overview).toBe('一、总体概况');
    expect(report.sections?.overview).toMatch(/^2025年，我镇扎实推进政务公开/);
    expect(report.sections?.preface ?? '').not.toContain('扎实推进');
  });

  it('a paragraph naming one heading\'s words is left whole', () => {
    const paragraph = `一、总体情况 ${'我镇扎实推进政务公开，全年主动公开政府信息58条。'.repeat(10)}`;
    const { report } = parsePublished(textDocument(`某某镇2025年政府信息公开工作年度报告\n${paragraph}`));
    expect(squash(report.sections?.overview)).toBe(squash(paragraph.slice('一、总体情况 '.length)));
  });
});


describe('the 落款 of a narrow right-aligned block (a page printed to PDF)', () => {
  it('is found with its date broken after the year (「2025年」/「1月20日」), after the year\'s digits (「2025」/「年1月20日」) or before 日', () => {
    const data = { ...richData(FORMAT_2021, 2024), signature: { organ: '某某县交通运输局', date: '2025-01-20' } };
    const text = makeText(data, { layout: 'rows', signature: true });
    for (const broken of ['2025年\n1月20日', '2025\n年1月20日', '2025 年 1 月 20\n日']) {
      const { report } = parsePublished(textDocument(text.replace('2025年1月20日', broken)));
      expect(report.signature, broken).toEqual(data.signature);
    }
  });
});

describe('a heading whose number the page’s list markup lost', () => {
  it('「、总体情况」 and 「- 总体情况」 are section 一’s heading, printed without the number (F-SECTIONS says it lacks 「一、」)', () => {
    const data = richData(FORMAT_2021, 2024);
    const text = makeText(data, { layout: 'rows' });
    for (const lost of ['、总体情况', '- 总体情况']) {
      const { report } = parsePublished(textDocument(text.replace(/^一、总体情况$/m, lost)));
      expect(squash(report.sections?.overview)).toBe(squash(data.sections?.overview));
      expect(report.printed?.headings?.overview).toBe('总体情况');
    }
  });
  it('a bulleted table of contents in the preface (「- 总体情况」 …) gives way to the numbered headings', () => {
    const data = richData(FORMAT_2021, 2024);
    const [title, ...rest] = makeText(data, { layout: 'rows' }).split('\n');
    const toc = ['本报告包括以下内容：', '- 总体情况', '- 主动公开政府信息情况', '- 收到和处理政府信息公开申请情况', '- 政府信息公开行政复议、行政诉讼情况', '- 存在的主要问题及改进情况', '- 其他需要报告的事项'];
    const { report } = parsePublished(textDocument([title, ...toc, ...rest].join('\n')));
    for (const k of SECTION_KEYS.filter((key) => key !== 'preface')) expect(squash(report.sections?.[k]), k).toBe(squash(data.sections?.[k]));
    expect(report.sections?.preface).toContain('- 总体情况');
    expect(report.printed?.headings?.overview).toBe('一、总体情况');
    expect(report.cells['apply.new.total']).toBe(data.cells['apply.new.total']);
  });
  it('「—、总体情况」 (a dash typed for 一) is section 一’s heading, printed as typed', () => {
    const data = richData(FORMAT_2021, 2024);
    const { report } = parsePublished(textDocument(makeText(data, { layout: 'rows' }).replace(/^一、总体情况$/m, '—、总体情况')));
    expect(squash(report.sections?.overview)).toBe(squash(data.sections?.overview));
    expect(report.printed?.headings?.overview).toBe('—、总体情况');
  });
});

describe('an excerpt cut within a heading', () => {
  const text = ['某县某镇人民政府2023年政府信息公开工作年度报告', '一、总体情况', '2023年，我镇扎实推进政务公开。', '二、主动公开政府信息情况', '行政事业性收费', '0'];
  it('a heading on the last line that is the start of its canonical one (「三、收到和处理政府信息公开申请」) is no misprint: not kept as printed', () => {
    const { report } = parsePublished(textDocument([...text, '三、收到和处理政府信息公开申请'].join('\n')));
    expect(report.printed?.headings).toEqual({ overview: '一、总体情况', active: '二、主动公开政府信息情况' });
  });
  it('cut shorter, not found as a heading (「三、收到和处理政府信息公」), it is no sentence of the section above: no F-SECTIONS error, a doubt says where the text stops', () => {
    const { report, uncertain, sourceCheck } = importText([...text, '三、收到和处理政府信息公'].join('\n'), { kind: 'text', name: 'page.txt', evaluate: (r) => evaluate(r) });
    expect(report.sections?.active ?? '').not.toContain('三、收到和处理政府信息公');
    expect(sourceCheck.filter((f) => f.rule === 'F-SECTIONS' && f.severity === 'error')).toEqual([]);
    expect(uncertain.find((u) => u.target === 'sections.requests' && u.reason.includes('中断'))).toBeDefined();
  });
  it('the same heading with text after it is printed so, and kept (F-SECTIONS says how it differs)', () => {
    const { report } = parsePublished(textDocument([...text, '三、收到和处理政府信息公开申请', '本年度未收到申请。'].join('\n')));
    expect(report.printed?.headings?.requests).toBe('三、收到和处理政府信息公开申请');
  });
});

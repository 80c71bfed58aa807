/**
 * The front matter of published reports as they are found: the title is the report's own heading (never a web
 * page's <title> with the site's name, a 「标题：」 metadata line, a breadcrumb or a markdown 「#」), and the organ
 * is what the title prints — never completed by guesswork, with every doubt listed.
 */
import { describe, expect, it } from 'vitest';
import { htmlToLines } from '../../electron/main/services/import/html.js';
import { parsePublished, textDocument } from '../../shared/import/index.js';
import { FORMAT_2021 } from '../../shared/report/format.js';
import { makeText, richData } from './make.js';

/** A whole report (tables included) whose printed title is `title`, with `before` lines above it. */
function report(title: string, before: string[] = []): string {
  const body = makeText({ ...richData(FORMAT_2021, 2024), title }, { layout: 'rows' });
  return [...before, body].join('\n');
}

const parse = (text: string) => parsePublished(textDocument(text));

describe('the title is the report’s own heading', () => {
  it('a page saved as text: the 「标题：」 metadata line and the breadcrumb are passed over', () => {
    const { report: r, uncertain } = parse(
      report('某某市交通运输局2024年政府信息公开工作年度报告', [
        '标题：某某市交通运输局2024年政府信息公开工作年度报告_某某市人民政府网',
        '索引号：123-456/2025-00012',
        '首页 > 政务公开 > 政府信息公开年度报告',
      ]),
    );
    expect(r.title).toBe('某某市交通运输局2024年政府信息公开工作年度报告');
    expect(r.organ).toBe('某某市交通运输局');
    expect(r.level).toBe('department');
    expect(uncertain.find((u) => u.target === 'title')?.reason).toContain('3 行');
  });

  it('a title line with the site’s name after it (「_XX县人民政府网」, 「 - 中国XX」) is a page title, not the heading', () => {
    for (const suffix of ['_某县人民政府网', ' - 中国某县', '｜某县门户网站']) {
      const { report: r } = parse(report('某县人民政府2024年政府信息公开工作年度报告', [`某县人民政府2024年政府信息公开工作年度报告${suffix}`]));
      expect(r.title, suffix).toBe('某县人民政府2024年政府信息公开工作年度报告');
    }
  });

  it('a markdown heading: the 「#」 (and whole-line bold) marks are dropped, the heading kept (section headings too)', () => {
    const text = report('# 某县人民政府2024年政府信息公开工作年度报告')
      .replace(/^(一、总体情况|二、主动公开政府信息情况)$/gm, '## $1')
      .replace(/^(六、其他需要报告的事项)$/m, '**$1**');
    const { report: r, uncertain } = parse(text);
    expect(r.title).toBe('某县人民政府2024年政府信息公开工作年度报告');
    expect(uncertain.filter((u) => u.target.startsWith('sections.'))).toEqual([]);
  });

  it('an HTML page: the heading in the body, never <title> with the site’s name', () => {
    const body = report('某县人民政府2024年政府信息公开工作年度报告')
      .split('\n')
      .map((l) => `<p>${l}</p>`)
      .join('');
    const html = `<html><head><title>某县2024年政府信息公开工作年度报告_某县人民政府网</title></head><body>${body}</body></html>`;
    const { report: r } = parsePublished(htmlToLines(html));
    expect(r.title).toBe('某县人民政府2024年政府信息公开工作年度报告');
  });

  it('a page header repeating the organ above a title broken over two lines stays out of the title', () => {
    const { report: r } = parse(report('某县人民政府2021年度\n信息公开年度报告', ['某县人民政府', '某县人民政府']));
    expect(r.title).toBe('某县人民政府2021年度信息公开年度报告');
    expect(r.organ).toBe('某县人民政府');
  });

  it('a page flattened into one breadcrumb line: the heading is found inside it, and that is said', () => {
    const nav = '当前位置： 首页政务公开部门文件 某某片区管理局 2022年政府信息公开工作年度报告 时间：2023-01-09 10:07 微信 微博 QQ空间 根据《条例》要求，编制本报告。';
    const { report: r, uncertain } = parse(report('', ['标题: 某某片区管理局 2022年政府信息公开工作年度报告', nav]).replace(/^\n/, ''));
    expect(r.title).toBe('某某片区管理局2022年政府信息公开工作年度报告');
    // the report's first words after the page's date and share buttons open the preface
    expect(r.sections?.preface?.startsWith('根据《条例》要求，编制本报告。')).toBe(true);
    expect(r.organ).toBe('某某片区管理局');
    expect(uncertain.find((u) => u.target === 'title')?.reason).toContain('导航');
  });
});

describe('the site’s article title above the report’s own heading', () => {
  it('under the page tools (全真版, 文字版, 文件下载, 相关链接：) the report’s heading, broken after its year, is the title', () => {
    const lines = ['平潭综合实验区2019年度政府信息公开工作年度报告', '来源：平潭县人民政府 时间：2020-01-20 15:22', '微信 微博 QQ空间', '全真版', '文字版', '文件下载', '相关链接：'];
    const { report: r } = parse(report('平潭综合实验区2019年\n政府信息公开工作年度报告', lines));
    expect(r.title).toBe('平潭综合实验区2019年政府信息公开工作年度报告');
    expect(r.organ).toBe('平潭综合实验区');
  });
});

describe('a heading with the page’s words after it', () => {
  it('a site’s version note (「…年度报告(含图解)」「（文字版）」) is read as the heading, the note left out of the title', () => {
    for (const note of ['(含图解)', '（文字版）']) {
      const { report: r } = parse(report(`海盐县沈荡镇2024年度政府信息公开工作年度报告${note}`, ['首页 > 政府信息公开年报']));
      expect(r.title).toBe('海盐县沈荡镇2024年度政府信息公开工作年度报告');
      expect(r.organ).toBe('海盐县沈荡镇');
    }
  });
  it('a heading ending in 「…信息公开工作年报」 is the heading', () => {
    const { report: r } = parse(report('邢台高新区管委会2024年度政府信息公开工作年报'));
    expect(r.title).toBe('邢台高新区管委会2024年度政府信息公开工作年报');
    expect(r.organ).toBe('邢台高新区管委会');
  });
  it('the page’s date after the heading on its line (「…年度报告 2025-01-23」「… 2025年1月23日」) is no part of it', () => {
    for (const date of ['2025-01-23', '2025年1月23日']) {
      const { report: r } = parse(report(`上海市杨浦区信访办公室2024年政府信息公开工作年度报告 ${date}`));
      expect(r.title).toBe('上海市杨浦区信访办公室2024年政府信息公开工作年度报告');
      expect(r.organ).toBe('上海市杨浦区信访办公室');
    }
  });
  it('a heading in the page’s layout table, kept as a markdown row (「云县人民政府2024年…年度报告 |」), is the heading', () => {
    const { report: r } = parse(report('云县人民政府2024年政府信息公开工作年度报告 |'));
    expect(r.title).toBe('云县人民政府2024年政府信息公开工作年度报告');
    expect(r.organ).toBe('云县人民政府');
  });
  it('a metadata field 「内容概述 2024年…报告」 is no heading: its label is no organ', () => {
    const { report: r } = parse(report('2024年政府信息公开工作年度报告', ['临港经济开发区', '效力状况 有效 文件下载', '内容概述 2024年政府信息公开工作年度报告']));
    expect(r.title).toBe('2024年政府信息公开工作年度报告');
    expect(r.organ).toBeUndefined();
  });
});

describe('the organ as printed, never invented', () => {
  it('a bare place name stays as printed; the doubt names the government it may be', () => {
    const { report: r, uncertain } = parse(report('某某县政府信息公开工作年度报告\n（2024年度）'));
    expect(r.organ).toBe('某某县');
    expect(r.level).toBe('government');
    const doubt = uncertain.find((u) => u.target === 'organ')?.reason ?? '';
    expect(doubt).toContain('「某某县」');
    expect(doubt).toContain('某某县人民政府');
  });

  it('a 街道 named alone is its 街道办事处 (no 人民政府 there): reported as a 部门 is, and said so', () => {
    const { report: r, uncertain } = parse(report('桂花坪街道2024年政府信息公开工作年度报告'));
    expect(r.organ).toBe('桂花坪街道');
    expect(r.level).toBe('department');
    const doubt = uncertain.find((u) => u.target === 'organ')?.reason ?? '';
    expect(doubt).toContain('按派出机关（与部门同）处理');
    expect(doubt).not.toContain('人民政府');
  });

  it('the year printed first (「2019年黄家镇政府信息公开工作年度报告」): the organ is what follows it', () => {
    const { report: r } = parse(report('2024年某某镇政府信息公开工作年度报告'));
    expect(r.organ).toBe('某某镇');
    expect(r.year).toBe(2024);
  });

  it('「某研究所信息公开工作2024年度报告」: the organ ends where 「信息公开」 begins; a heading starting with the words names none', () => {
    const { report: r } = parse(report('中国科学院某某研究所信息公开工作2024年度报告'));
    expect(r.organ).toBe('中国科学院某某研究所');
    const { report: bare } = parse(report('政府信息公开工作2024年度报告'));
    expect(bare.organ).not.toBe('政府信息公开工作');
  });

  it('a stray year before the organ (「2024某某县大垅乡2024年度…」) is no part of it', () => {
    const { report: r } = parse(report('2024某某县大垅乡2024年度政府信息公开工作年度报告'));
    expect(r.organ).toBe('某某县大垅乡');
    expect(r.title).toBe('2024某某县大垅乡2024年度政府信息公开工作年度报告');
  });

  it('no organ anywhere (no heading, no 落款): the level is left open and said, not taken for a 人民政府', () => {
    const body = makeText(richData(FORMAT_2021, 2024), { layout: 'rows' }).split('\n').slice(1).join('\n');
    const { report: r, uncertain } = parse(body);
    expect(r.organ).toBeUndefined();
    expect(r.level).toBeUndefined();
    expect(uncertain.find((u) => u.target === 'level')?.reason).toContain('无法判断是人民政府还是部门');
  });

  it('no organ, but the text calls itself 「我局」: a 部门, said as a doubt; 「我局」 and 「我镇」 both, or 「我县」 alone: left open', () => {
    const body = makeText(richData(FORMAT_2021, 2024), { layout: 'rows' }).split('\n').slice(1).join('\n');
    const selfNamed = body.replace('一、总体情况', '一、总体情况\n现将2024年我局政务公开工作情况报告如下。');
    // (a county's 部门 speaks of 「我县」 too)
    expect(parse(body.replace('一、总体情况', '一、总体情况\n我县、我县')).report.level).toBeUndefined();
    const dept = parse(selfNamed);
    expect(dept.report.organ).toBeUndefined();
    expect(dept.report.level).toBe('department');
    expect(dept.uncertain.find((u) => u.target === 'level')?.reason).toContain('正文自称「我局」，按部门处理');
    const both = parse(selfNamed.replace('一、总体情况', '一、总体情况\n我镇、我镇'));
    expect(both.report.level).toBeUndefined();
  });

  it('a date in brackets under the title, no 落款 at the end: the date is the 成文日期, said as a doubt', () => {
    const text = ['某某县人民政府办公室', '2025年政府信息公开工作年度报告', '（2026年1月13日）', '本报告根据《条例》编制。', '一、总体情况', '2025年，我办扎实推进政务公开。', '六、其他需要报告的事项', '本年度未收取信息处理费。'].join('\n');
    const { report: r, uncertain } = parse(text);
    expect(r.signature?.date).toBe('2026-01-13');
    expect(r.sections?.preface).not.toContain('2026年1月13日');
    expect(uncertain.find((u) => u.target === 'signature')?.reason).toContain('标题下括注的日期');
    // a 落款 at the end stays the 成文日期
    const signed = parse(`${text}\n某某县人民政府办公室\n2026年1月20日`);
    expect(signed.report.signature?.date).toBe('2026-01-20');
  });

  it('a text with no section heading (a page of an excerpt, 「(五)其他报告事项」) still ends with its 落款', () => {
    const text = ['公开平台建设方面，协助公共企事业单位设置信息公开专区。', '(五)其他报告事项', '无。', '威海市文登区人民政府办公室', '2023 年 1 月 16 日'].join('\n');
    const { report: r } = parse(text);
    expect(r.signature).toEqual({ organ: '威海市文登区人民政府办公室', date: '2023-01-16' });
    expect(r.sections?.preface).not.toContain('2023 年 1 月 16 日');
  });

  it('an organ whose kind the name doesn’t tell is kept, its level left open and said', () => {
    const { report: r, uncertain } = parse(report('某某建设指挥部2024年政府信息公开工作年度报告'));
    expect(r.organ).toBe('某某建设指挥部');
    expect(r.level).toBeUndefined();
    expect(uncertain.find((u) => u.target === 'level')?.reason).toContain('某某建设指挥部');
  });
});

describe('a report that prints no year anywhere', () => {
  const table2019 = ['二、主动公开政府信息情况', '第二十条第（一）项', '信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量', '规章 | 0 | 0 | 0', '规范性文件 | 0 | 0 | 0'];
  const excerpt = (table: string[]) => ['一、总体情况', '一年来，我局认真落实政务公开各项工作。', ...table].join('\n');

  it('with 2019-format tables: the last year of that format, said as a guess, and no F-OLD for a format its own year allows', async () => {
    const { evaluate } = await import('../../shared/rules/index.js');
    const { report, uncertain } = parse(excerpt(table2019));
    expect(report.format).toBe('2019');
    expect(report.year).toBe(2020);
    expect(uncertain.find((u) => u.target === 'year')?.reason).toContain('2019年格式');
    expect(evaluate(report).map((f) => f.rule)).not.toContain('F-OLD');
  });

  it('with 2021-format tables: last year, said as a guess', () => {
    const table2021 = ['二、主动公开政府信息情况', '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数', '规章 | 0 | 0 | 0', '行政规范性文件 | 0 | 0 | 0'];
    const { report, uncertain } = parse(excerpt(table2021));
    expect(report.format).toBe('2021');
    expect(report.year).toBe(new Date().getFullYear() - 1);
    expect(uncertain.find((u) => u.target === 'year')?.reason).toContain('上一年');
  });
});

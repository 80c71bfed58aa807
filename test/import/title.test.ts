/** A printed title of the wrong form is reported and not carried into the draft (it would be printed again). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../shared/import/index.js';
import { buildDocModel } from '../../shared/render/model.js';
import { evaluate } from '../../shared/rules/index.js';
import { draftToReport } from '../../shared/schema/draft.js';

const sample = (name: string) =>
  importText(readFileSync(join(__dirname, '..', 'fixtures', 'published', `${name}.txt`), 'utf8'), { kind: 'text', name, evaluate: (r) => evaluate(r) });

describe('imported titles', () => {
  it('xinyuan: the printed title stays in the source check, the draft prints the standard one', () => {
    const r = sample('xinyuan-county-2024');
    expect(r.report.title).toBe('新源县政府信息公开工作年度报告（2024年度）');
    expect(r.sourceCheck.map((f) => f.rule)).toContain('F-TITLE');
    expect(r.draft.meta.title).toBeUndefined();
    expect(r.uncertain.find((u) => u.target === 'title')?.reason).toContain('新源县2024年政府信息公开工作年度报告');
    expect(buildDocModel(draftToReport(r.draft)).title).toBe('新源县2024年政府信息公开工作年度报告');
  });

  it('xinxiang: a title of the standard form is kept as it is', () => {
    const r = sample('xinxiang-county-office-2024');
    expect(r.sourceCheck.map((f) => f.rule)).not.toContain('F-TITLE');
    expect(r.draft.meta.title).toBe('新乡县人民政府办公室2024年政府信息公开工作年度报告');
  });

  it('a one-line crawl that runs the heading into the first paragraph: the heading is the title, never the crawler\'s 「标题:」 line', () => {
    const text = [
      '标题: 某某区2019年度政府信息公开工作年度报告',
      '发布时间: 2020-01-20 15:22',
      '==================== 正文 ====================',
      '某某区2019年政府信息公开工作年度报告 根据《中华人民共和国政府信息公开条例》要求，编制本报告。一、总体情况2019年，我区扎实推进政务公开。二、主动公开政府信息情况 略。',
    ].join('\n');
    const r = importText(text, { kind: 'text', name: 'page.txt', evaluate: (rep) => evaluate(rep) });
    expect(r.report.title).toBe('某某区2019年政府信息公开工作年度报告');
    expect(r.report.organ).toBe('某某区');
    expect(r.report.sections?.preface).toMatch(/^根据《中华人民共和国政府信息公开条例》/);
    expect(r.sourceCheck.map((f) => f.rule)).not.toContain('F-TITLE');
  });

  it('a document-sharing copy: the heading printed twice, then the text straight after it on one line', () => {
    const heading = '某某经济开发区2019年政府信息公开工作年度报告';
    for (const line of [`${heading}${heading}2019年,某某经济开发区认真贯彻落实《条例》。`, `${heading}根据《条例》要求，编制本报告。`]) {
      const text = `${line}一、总体情况2019年，某某经济开发区扎实推进政务公开工作，全年主动公开政府信息120条。二、主动公开政府信息情况 略。`;
      const r = importText(text, { kind: 'text', name: 'page.txt', evaluate: (rep) => evaluate(rep) });
      expect(r.report.title, line).toBe(heading);
      expect(r.report.organ, line).toBe('某某经济开发区');
    }
  });

  it('a breadcrumb line holding the organ, then 「2020年度政府信息公开工作年度报告」: the organ is the word before, never 「度」', () => {
    const text = [
      '当前位置： 首页政务公开政府信息公开某某局政府信息公开年报 某某局 2020年度政府信息公开工作年度报告 时间：2021-01-20',
      '一、总体情况 2020年，我局扎实推进政务公开。二、主动公开政府信息情况 略。',
    ].join('\n');
    const r = importText(text, { kind: 'text', name: 'page.txt', evaluate: (rep) => evaluate(rep) });
    expect(r.report.organ).toBe('某某局');
    expect(r.report.title).toBe('某某局2020年度政府信息公开工作年度报告');
  });

  it('a one-line crawl whose heading has a space between the organ and the rest (「某某局 2019年…报告 根据…」, 「某某局 关于2020年度…报告」)', () => {
    for (const [heading, title, organ] of [
      ['某某片区管理局 2019年政府信息公开工作年度报告', '某某片区管理局2019年政府信息公开工作年度报告', '某某片区管理局'],
      ['某某局 关于2020年度政府信息公开工作年度报告', '某某局关于2020年度政府信息公开工作年度报告', '某某局'],
    ] as const) {
      const text = ['==================== 正文 ====================', `${heading} 根据《中华人民共和国政府信息公开条例》要求，编制本报告。一、总体情况2019年，我区扎实推进政务公开。二、主动公开政府信息情况 略。`].join('\n');
      const r = importText(text, { kind: 'text', name: 'page.txt', evaluate: (rep) => evaluate(rep) });
      expect(r.report.title).toBe(title);
      expect(r.report.organ).toBe(organ);
    }
  });

  it('a page heading without the organ above the report\'s own heading that names it: the report\'s heading is the title', () => {
    const text = ['2022年政府信息公开工作年度报告', '某某县某某镇人民政府', '2022年政府信息公开工作年度报告', '一、总体情况', '2022年，我镇扎实推进政务公开。'].join('\n');
    const r = importText(text, { kind: 'text', name: 'page.md', evaluate: (rep) => evaluate(rep) });
    expect(r.report.title).toBe('某某县某某镇人民政府2022年政府信息公开工作年度报告');
    expect(r.report.organ).toBe('某某县某某镇人民政府');
  });

  it('a heading that prints its year without 「年」 (「某厅2022政府信息公开工作年度报告」) names that year, not a guess; F-TITLE still says it isn\'t the standard form', () => {
    const text = ['浙江省某某厅2022政府信息公开工作年度报告', '日期: 2023-01-31', '一、总体情况', '本年度，我厅扎实推进政务公开。'].join('\n');
    const r = importText(text, { kind: 'text', name: 'page.txt', evaluate: (rep) => evaluate(rep) });
    expect(r.report.year).toBe(2022);
    expect(r.uncertain.filter((u) => u.target === 'year')).toEqual([]);
    expect(r.sourceCheck.filter((f) => f.rule === 'F-TITLE').map((f) => f.message)).toEqual([expect.stringContaining('浙江省某某厅2022年政府信息公开工作年度报告')]);
  });

  it('the page\'s article heading, its date and share tools, then the report\'s own heading: the report\'s is the title', () => {
    const text = ['当前位置:街镇 > 某某镇 > 政务公开', '某某镇2020年政府信息公开工作年度报告', '日期:2021-01-29', '字体:【 默认 超大', '分享:', '', '某某镇政府信息公开工作年度报告', '', '本报告所列数据统计期限为2020年1月1日至2020年12月31日。', '一、总体情况', '2020年，我镇扎实推进政务公开。'].join('\n');
    const r = importText(text, { kind: 'text', name: 'page.txt', evaluate: (rep) => evaluate(rep) });
    expect(r.report.title).toBe('某某镇政府信息公开工作年度报告');
    expect(r.report.year).toBe(2020);
    expect(r.sourceCheck.map((f) => f.rule)).toContain('F-TITLE');
  });

  it('share tools set apart (「微信 微博 QQ 空间」) and a symbol font\'s bullets (U+F0B7) before 「全真版」: still tools, the report\'s own heading is the title', () => {
    const text = ['某某区 2020 年度政府信息公开工作年度报告', '来源：某某县人民政府 时间：2021-03-05 08:58', '微信 微博 QQ 空间', '\uf0b7 全真版', '\uf0b7 文字版', '文件下载', '相关链接：', '某某区 2020 年', '政府信息公开工作年度报告', '根据《条例》要求，编制本报告。', '一、总体情况', '2020年，我区扎实推进政务公开。'].join('\n');
    const r = importText(text, { kind: 'text', name: 'page.txt', evaluate: (rep) => evaluate(rep) });
    expect(r.report.title).toBe('某某区2020年政府信息公开工作年度报告');
    expect(r.report.organ).toBe('某某区');
  });

  it('a wrapped preface whose line happens to read as a heading (「…要求,现公布」/「某乡人民政府2022年…报告」/「。本报告…」) is no title: none, and F-TITLE', () => {
    for (const lines of [
      ['根据《条例》和《通知》(国办公开办函〔2021〕30号)要求,现公布', '某某乡人民政府2022年政府信息公开工作年度报告', '。本报告中所列数据的统计期限自2022年1月1日起。'],
      ['2022年,乡人民政府坚持公开为原则。根据《条例》规定,', '现公开某某乡人民政府2022年政府信息公开工作年度报告', '。本年度报告中所列数据的统计期限为全年。'],
    ]) {
      const r = importText([...lines, '一、总体情况', '2022年,我乡扎实推进政务公开。'].join('\n'), { kind: 'pdf', name: 'report.pdf', evaluate: (rep) => evaluate(rep) });
      expect(r.report.title ?? null).toBeNull();
      expect(r.sourceCheck.map((f) => f.rule)).toContain('F-TITLE');
    }
  });

  it('page lines wrapped at the margin: a 「来源:」 line\'s tail naming the organ again, a year broken in the page title, a preface line ending 「…有关项目填报」', () => {
    const cases: [string[], string | null][] = [
      [['某某县2022年政府信息公开工作年度报告', '发布时间:2023-01-30 09:35:00 来源:', ' 某某县政务办', '某某县2022年政府信息公开工作年度报告'], '某某县2022年政府信息公开工作年度报告'],
      [['某某管理委员会 卫生健康办公室202', '3年政府信息公开工作年度报告', '更新时间:2024-01-16 来源:区卫健办', '某某管理委员会', '卫生健康办公室2023年政府信息公开工作年度报告'], '某某管理委员会卫生健康办公室2023年政府信息公开工作年度报告'],
      [['本报告根据《条例》、《国务院办公厅政府', '信息与政务公开办公室关于政府信息公开年度报告有关项目填报', '问题的解释》规定进行编制。'], null],
    ];
    for (const [head, title] of cases) {
      const r = importText([...head, '一、总体情况', '2023年,我单位扎实推进政务公开。'].join('\n'), { kind: 'pdf', name: 'report.pdf', evaluate: (rep) => evaluate(rep) });
      expect(r.report.title ?? null).toBe(title);
    }
  });

  it('no title: the preface naming its report (「现将2022年度…工作报告如下」) beside a stale 统计期限 (2021) — the year the text names most wins, and the period is F-STALE', () => {
    const preface = '根据《条例》要求，现将2022年度政府信息公开工作报告如下。本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。';
    const body = ['一、总体情况', '2022年，我局高度重视政府信息公开工作。', '（一）主动公开方面。2022年，我局主动公开信息120条。', '（二）依申请公开方面。2022年，我局未收到政府信息公开申请。'];
    const r = importText([preface, ...body].join('\n'), { kind: 'text', name: 'page.txt', evaluate: (rep) => evaluate(rep) });
    expect(r.report.year).toBe(2022);
    const stale = r.sourceCheck.filter((f) => f.rule === 'F-STALE');
    expect(stale.map((f) => f.message)).toEqual([expect.stringContaining('2021')]);
    // the same preface with the text of 2021: the period's year stands
    const old = importText([preface, ...body.map((l) => l.replace(/2022/g, '2021'))].join('\n'), { kind: 'text', name: 'page.txt', evaluate: (rep) => evaluate(rep) });
    expect(old.report.year).toBe(2021);
  });

  it('the organ in brackets after the title (「2024年政府信息公开工作年度报告(上海市某区某镇人民政府)」) is the organ, and F-TITLE names the order', () => {
    const text = ['2024年政府信息公开工作年度报告(上海市某区某镇人民政府)', '根据《条例》要求，编制本报告。', '一、总体情况', '2024年，我镇扎实推进政务公开。'].join('\n');
    const r = importText(text, { kind: 'text', name: 'page.txt', evaluate: (rep) => evaluate(rep) });
    expect(r.report.organ).toBe('上海市某区某镇人民政府');
    const title = r.sourceCheck.filter((f) => f.rule === 'F-TITLE').map((f) => f.message);
    expect(title).toEqual([expect.stringContaining('应为“上海市某区某镇人民政府2024年政府信息公开工作年度报告”')]);
    // a note in brackets is no organ
    const note = importText(text.replace('(上海市某区某镇人民政府)', '(文字版)'), { kind: 'text', name: 'page.txt', evaluate: (rep) => evaluate(rep) });
    expect(note.report.organ ?? null).toBeNull();
  });

  it('a heading that calls the report 「信息公开年报」, year first: title and organ as printed, and F-TITLE', () => {
    const text = ['2022年某某县卫生健康委员会信息公开年报', '根据《中华人民共和国政府信息公开条例》第五十条规定，现编制本年度报告。', '一、总体情况', '（一）主动公开情况'].join('\n');
    const r = importText(text, { kind: 'text', name: 'page.txt', evaluate: (rep) => evaluate(rep) });
    expect(r.report.title).toBe('2022年某某县卫生健康委员会信息公开年报');
    expect(r.report.organ).toBe('某某县卫生健康委员会');
    expect(r.sourceCheck.map((f) => f.rule)).toContain('F-TITLE');
  });

  it('year first, the organ’s 政府 shared with 「政府信息公开」 (「2024年某镇人民政府信息公开工作年度报告」): the organ keeps its 政府', () => {
    const text = ['2024年某某县某镇人民政府信息公开工作年度报告', '本报告所列数据统计期限为2024年1月1日至2024年12月31日。', '一、总体情况', '2024年，我镇扎实推进政务公开。'].join('\n');
    const r = importText(text, { kind: 'text', name: 'page.txt', evaluate: (rep) => evaluate(rep) });
    expect(r.report.organ).toBe('某某县某镇人民政府');
    expect(r.sourceCheck.map((f) => f.rule)).toContain('F-TITLE');
  });

  it('a site\'s tag before the heading (「【图文】」) is no part of the title or the organ', () => {
    const text = ['当前位置:首页', '> 新版信息公开 > 政府信息公开年报', '【图文】某市市场监督管理局2022年度政府信息公开工作年度报告', '发布日期:2023-01-28 09:56', '一、总体情况', '略。'].join('\n');
    const r = importText(text, { kind: 'text', name: 'page.txt', evaluate: (rep) => evaluate(rep) });
    expect(r.report.title).toBe('某市市场监督管理局2022年度政府信息公开工作年度报告');
    expect(r.report.organ).toBe('某市市场监督管理局');
  });

  it('a heading kept as a list item of the saved page (「• 某某局2025年…报告」): the title without the bullet', () => {
    const text = ['• 网站支持IPv6', '  • 某某区人民政府办公室2025年政府信息公开工作年度报告', '    发布时间:2026-01-16 17:00  来源: 某某区人民政府办公室', '一、总体情况', '2025年，我办扎实推进政务公开。'].join('\n');
    const r = importText(text, { kind: 'text', name: 'page.txt', evaluate: (rep) => evaluate(rep) });
    expect(r.report.title).toBe('某某区人民政府办公室2025年政府信息公开工作年度报告');
    expect(r.report.organ).toBe('某某区人民政府办公室');
  });

  it('a heading without the organ and the organ on the line under it (「2025年政府信息公开工作年度报告」/「区数据局」): that organ, a doubt', () => {
    const text = ['2025年政府信息公开工作年度报告', '区数据局', '2025 年，本单位深入贯彻落实《中华人民共和国政府信息公开条例》。', '一、总体情况', '略。'].join('\n');
    const r = importText(text, { kind: 'text', name: 'page.txt', evaluate: (rep) => evaluate(rep) });
    expect(r.report.title).toBe('2025年政府信息公开工作年度报告');
    expect(r.report.organ).toBe('区数据局');
    expect(r.uncertain.find((u) => u.target === 'organ')?.reason).toContain('标题下一行');
    expect(r.report.sections?.preface ?? '').not.toContain('区数据局');
    expect(r.sourceCheck.map((f) => f.rule)).toContain('F-TITLE');
  });

  // What a site prints above the heading, met on other sites' pages: never part of the title, never chosen over it.
  const page = (lines: string[]) => importText([...lines, '一、总体情况', '2022年，我单位扎实推进政务公开。'].join('\n'), { kind: 'text', name: 'page.txt', evaluate: (rep) => evaluate(rep) });

  it('a page word above a heading that starts with its year (「二维码」, 「企业图册」) is no organ; an organ\'s line is (「城口县人民政府机关」)', () => {
    for (const word of ['二维码', '企业图册', '服务对象', '政府信息公开', '搜本站']) {
      const r = page([word, '2022年政府信息公开工作年度报告', '发布时间:2023-01-20']);
      expect(r.report.title).toBe('2022年政府信息公开工作年度报告');
      expect(r.report.organ ?? null).not.toBe(word);
    }
    const r = page(['城口县人民政府机关', '2022年政府信息公开工作年度报告']);
    expect(r.report.title).toBe('城口县人民政府机关2022年政府信息公开工作年度报告');
  });

  it('a page header printing the heading\'s organ again, above a heading with its year under it: printed once', () => {
    const r = page(['某某县', '某某县', '某某县政府信息公开工作年度报告', '（2022年度）']);
    expect(r.report.title).toBe('某某县政府信息公开工作年度报告（2022年度）');
    expect(r.report.organ).toBe('某某县');
  });

  it('a page word above the report\'s heading under the page\'s date line (「返回顶部」) is no part of it', () => {
    const r = page(['某镇2020年政府信息公开工作年度报告', '日期:2021-01-29', '分享:', '返回顶部', '某县林业和草原局2021年政府信息公开工作年度报告']);
    expect(r.report.title).toBe('某县林业和草原局2021年政府信息公开工作年度报告');
  });

  it('a site\'s metadata list ending in 「报告」 (「体裁分类」/「报告」) and its column headings (「乡镇政府信息公开年度报告」) are no title', () => {
    const r = page(['• 主题分类', '• 市政府', '• 体裁分类', '• 报告', '• 乡镇政府信息公开年度报告', '某某街道办事处政府信息公开工作年度报告', '发布日期：2023-01-10']);
    expect(r.report.title).toBe('某某街道办事处政府信息公开工作年度报告');
    expect(r.report.organ).toBe('某某街道办事处');
    const none = page(['政府信息公开年报', '发布时间：2023-01-10', '根据《条例》规定，编制本报告。']);
    expect(none.report.title ?? null).toBeNull();
  });

  it('a site\'s column heading above a one-line crawl, or above a breadcrumb holding the heading: the report\'s heading is the title', () => {
    const crawl = page(['政府信息公开年报', '某某局2021年度政府信息公开工作年度报告 根据《中华人民共和国政府信息公开条例》要求，编制本报告。']);
    expect(crawl.report.title).toBe('某某局2021年度政府信息公开工作年度报告');
    const crumb = page(['政府信息公开年报', '当前位置： 首页政务公开某某局政府信息公开年报 某某局2019年度政府信息公开工作年度报告 来源： 时间：2020-01-08']);
    expect(crumb.report.title).toBe('某某局2019年度政府信息公开工作年度报告');
  });

  it('the site\'s organ line above a heading that starts with its year and names its organ, under the page\'s date line: no part of it', () => {
    const r = page(['某区2020年某局政府信息公开工作年度报告', '日期:2021-02-02 来源:某区人民政府办公室', '某区人民政府', '2020年某区文化和旅游局政府信息公开工作年度报告']);
    expect(r.report.title).toBe('2020年某区文化和旅游局政府信息公开工作年度报告');
    expect(r.report.organ).toBe('某区文化和旅游局');
  });

  it('a one-line crawl running the page\'s words into the heading: the last words naming a year and an organ are the heading', () => {
    const body = '一、总体情况 2021年，我办坚持公开为常态。二、主动公开政府信息情况 略。';
    const cases: [string, string | null][] = [
      [`区政府办公室 某某区人民政府办公室 2021年政府信息公开工作年度报告 本年度报告根据《条例》要求，由我办编制。 ${body}`, '某某区人民政府办公室2021年政府信息公开工作年度报告'],
      [`更新时间: 某某区人民政府办公室 2021年政府信息公开工作年度报告 根据《条例》规定，编制本报告。 ${body}`, '某某区人民政府办公室2021年政府信息公开工作年度报告'],
      [`某某镇2021年政府信息公开工作年度报告 日期: 2022-01-30 字体: ${body}`, '某某镇2021年政府信息公开工作年度报告'],
      [`发布机构: 某某县某某镇人民政府 成文日期: 2022-01-16 标  题: 某某镇2021年政府信息公开工作年度报告 发文字号: 发布日期: 2022-01-16 某某镇2021年政府信息公开工作年度报告 ${body}`, '某某镇2021年政府信息公开工作年度报告'],
      // a sentence whose subject is the report (「…年度报告(以下简称年报)是根据…」) names no heading
      [`某某区人民政府办公室2021年政府信息公开工作年度报告(以下简称年报)是根据《条例》和《关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》规定编制。\n${body}`, null],
      // the notice's title written with 「<…>」 in the preface is no breadcrumb
      [`某某街道办事处 2024年政府信息公开工作年度报告 根据《条例》和《关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》编制。 ${body}`, '某某街道办事处2024年政府信息公开工作年度报告'],
      // a crawler's file path names no heading; a sentence before 「报告」 is no page word
      [`本地目录: zwgk/zfxxgknb/202201/80575_某某局 2021年政府信息公开工作年度报告\n${body}`, null],
      [`根据《条例》要求，现将2021年政府信息公开工作年度报告 公布如下，请监督。 ${body}`, null],
    ];
    for (const [text, title] of cases) expect(importText(text, { kind: 'text', name: 'page.txt', evaluate: (rep) => evaluate(rep) }).report.title ?? null, text).toBe(title);
  });

  it('the year printed after 「政府信息公开工作」 (「某镇政府信息公开工作2025年度报告」): the organ ends where those words begin, and the standard title keeps it whole', () => {
    const town = page(['殷祖镇政府信息公开工作2025年度报告']);
    expect(town.report.organ).toBe('殷祖镇');
    expect(town.report.year).toBe(2025);
    const government = page(['某镇人民政府信息公开工作2025年度报告']);
    expect(government.report.organ).toBe('某镇人民政府');
    expect(government.uncertain.find((u) => u.target === 'title')?.reason).toContain('「某镇人民政府2025年政府信息公开工作年度报告」');
  });

  it('a heading without organ or year, the organ on the next line with its other name in brackets: that organ, a doubt', () => {
    const r = page(['政府信息公开工作年度报告', '某某经开区管委会(某某商务区管委会)', '2026年1月8日']);
    expect(r.report.organ).toBe('某某经开区管委会(某某商务区管委会)');
    expect(r.uncertain.find((u) => u.target === 'organ')?.reason).toContain('标题下一行');
  });

  it('a page\'s metadata field printed with no separator (「标题2023年政府信息公开工作年度报告」) is no heading; the heading below it is', () => {
    const r = page(['索引号000014349/2024-03341', '发文机关宋村镇人民政府 主题词', '标题2023年政府信息公开工作年度报告', '主题分类其它 发布日期2024-01-10', '2023年政府信息公开工作年度报告']);
    expect(r.report.title).toBe('2023年政府信息公开工作年度报告');
    expect(r.report.organ ?? null).toBeNull();
  });

  it('the report\'s heading under the page\'s tools, broken after its year mid-word (「某某管理2023年政府」/「信息公开工作年度报告」): the title as printed', () => {
    const r = page(['某市某某管理局2023年政府信息公开工作年度报告', '发布时间:2024-01-25 15:05 来源:某市某某管理局 字体:[ ]', '某市某某管理2023年政府', '信息公开工作年度报告']);
    expect(r.report.title).toBe('某市某某管理2023年政府信息公开工作年度报告');
  });

  it('no year at the head: the statistics period however worded, else the preface naming its report, before the year the text names most', () => {
    const named = page(['根据《条例》规定，现发布《某县工业和信息化局2024年政府信息公开工作年度报告》。', '2025年以来收录政策文件1条，2025年累计发布解读2条，2025年重点工作完成。']);
    expect(named.report.year).toBe(2024);
    const period = page(['我镇认真编制了《某镇2020年政府信息公开工作年度报告》，所列数据的统计期限自2021年1月1日起至12月31日止。']);
    expect(period.report.year).toBe(2021);
    expect(period.sourceCheck.map((f) => f.rule)).toContain('F-STALE');
  });

  it('an organ ends alike wherever it stands: above the heading, under it, or in a breadcrumb (「某某街道」「某县供销合作社」「某某林业工作站」)', () => {
    for (const organ of ['某某街道', '某县供销合作社', '某某林业工作站']) {
      expect(page([organ, '2022年政府信息公开工作年度报告', '发布时间:2023-01-20']).report.organ).toBe(organ);
      expect(page(['2022年政府信息公开工作年度报告', organ, '2023年1月8日']).report.organ).toBe(organ);
      const crumb = page([`当前位置： 首页 > 政务公开 > 年度报告 ${organ} 2022年政府信息公开工作年度报告 时间：2023-01-09`]);
      expect(crumb.report.title).toBe(`${organ}2022年政府信息公开工作年度报告`);
    }
    // a site's words ending in 站 are no organ (「搜本站」「全站」)
    for (const word of ['搜本站', '全站']) expect(page([word, '2022年政府信息公开工作年度报告']).report.organ ?? null).toBeNull();
  });

  // A PDF's text (or pdftotext's) breaks prose lines at the margin; a piece of a sentence is never the heading.
  const wrapped = (lines: string[]) => importText(lines.join('\n'), { kind: 'text', name: 'wrapped.txt', evaluate: (rep) => evaluate(rep) });

  it('prose wrapped at the margin: a line piece naming 「年度报告」 is not taken for the title, and no year is lost at the break', () => {
    const r = wrapped([
      '根据《中华人民共和国政府信息公开条例》(国务院令第711号,以下简称《条例》',
      ')和《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事',
      '项的通知》和《国务院办公厅政府信息与政务公开办',
      '公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告',
      '格式〉的通知》要求,现公布某某县农业农村局2021年政府信息公开工作年度报告,所',
      '列数据统计期限自2',
      '021年1月1日起至2021年12月31日止。',
      '一、总体情况',
      '2021年，我局主动公开政府信息12条。2020年的工作已另行报告。',
    ]);
    expect(r.report.title ?? '').toBe('');
    expect(r.report.organ ?? null).toBeNull();
    expect(r.report.year).toBe(2021);
  });

  // Headings as pages print them: the lines, then the title and organ read, and whether F-TITLE flags the title.
  const HEADINGS: { name: string; lines: string[]; title: string; organ: string; flagged: boolean }[] = [
    {
      name: 'a heading run straight into 「（以下简称年报）根据…」 without a space: the words up to 「报告」',
      lines: ['中村乡2020年政府信息公开工作年度报告(以下简称年报)根据《中华人民共和国', '政府信息公开条例》要求编制。', '一、总体情况', '2020年，我乡主动公开政府信息8条。'],
      title: '中村乡2020年政府信息公开工作年度报告',
      organ: '中村乡',
      flagged: false,
    },
    {
      name: 'under the page\'s heading and its 【字体: 】 tools, the report\'s own heading broken after the organ (year printed without 年)',
      lines: ['定州市人民政府', '定州市庞村镇2024年政府信息公开工作年度报告', '发布时间:2025-01-09    来源:     ', '【字体: 】    打印', '定州市庞村镇', '2024政府信息公开工作年度报告', '本报告按照新修订的格式编写。', '一、总体情况', '2024年，我镇主动公开政府信息20条。'],
      title: '定州市庞村镇2024政府信息公开工作年度报告',
      organ: '定州市庞村镇',
      flagged: true,
    },
    {
      name: 'a page\'s metadata grid with spaced labels (「标      题 …」) is never the title',
      lines: ['标      题 某某自治区审计厅2025年政务信息公开工作开展年度报告', '索引号 000014349/2026-00021 文      号', '某某自治区审计厅2025年政务信息', '公开工作开展年度报告', '一、总体情况', '2025年，审计厅依法依规发布公开信息。'],
      title: '某某自治区审计厅2025年政务信息公开工作开展年度报告',
      organ: '某某自治区审计厅',
      flagged: true,
    },
    {
      name: 'a heading whose first line is the organ, ending in 「处」, and whose second starts with the year',
      lines: ['某某区前进街街道办事处', '2024年政府信息公开工作年度报告', '根据《条例》要求，现发布本报告。', '一、总体情况', '2024年，街道主动公开政府信息12条。'],
      title: '某某区前进街街道办事处2024年政府信息公开工作年度报告',
      organ: '某某区前进街街道办事处',
      flagged: false,
    },
    {
      name: 'a heading broken after 「…2025年度」, under a site name and a date widget',
      lines: ['某某政务网', '2019年12月3日星期二', '某某市城市管理委员会2025年度', '政府信息公开工作报告', '本年度报告由某某市城市管理委员会编制。', '一、 总体情况', '2025年，委员会主动公开政府信息12条。'],
      title: '某某市城市管理委员会2025年度政府信息公开工作报告',
      organ: '某某市城市管理委员会',
      flagged: true,
    },
    {
      name: 'the year first and an organ ending in 政府办公室 before 「信息公开工作」',
      lines: ['2019年某某市某县政府办公室信息公开工作年度报告', '一、总体情况', '本年度主动公开政务信息121份。'],
      title: '2019年某某市某县政府办公室信息公开工作年度报告',
      organ: '某某市某县政府办公室',
      flagged: true,
    },
    {
      name: 'a page’s article title straight above the report’s own heading: the heading nearest the text',
      lines: ['2020年某某区政府信息公开工作年度报告', '某某区政府2020年信息公开工作年度报告', '根据《条例》规定，现将2020年政府信息公开工作情况汇报如下：', '一、总体情况', '2020年，我区主动公开政府信息12条。'],
      title: '某某区政府2020年信息公开工作年度报告',
      organ: '某某区政府',
      flagged: true,
    },
    {
      name: 'a page’s article title straight above the report’s own heading broken after its organ: the heading nearest the text',
      lines: ['当前位置:首页', '> 政府信息公开年报', '某某镇人民政府2022年度政府信息公开工作年度报告', '某某镇人民政府', '2022年政府信息公开工作年度报告', '本报告依据《条例》要求编制。', '一、总体情况', '2022年，我镇主动公开政府信息12条。'],
      title: '某某镇人民政府2022年政府信息公开工作年度报告',
      organ: '某某镇人民政府',
      flagged: false,
    },
    {
      name: 'a page’s article title above a heading broken after its organ that names another year: the article title stands, and is judged',
      lines: ['某某镇人民政府2022年度政府信息公开工作年度报告', '某某镇人民政府', '2021年政府信息公开工作年度报告', '本报告依据《条例》要求编制。', '一、总体情况', '2022年，我镇主动公开政府信息12条。'],
      title: '某某镇人民政府2022年度政府信息公开工作年度报告',
      organ: '某某镇人民政府',
      flagged: true,
    },
    {
      name: 'a converted document run onto one line, its heading broken by spaces where its lines ended, then the preface',
      lines: ['某某旗某某苏木2021年政府信息公开工作年度报告.docx', '某某旗某某苏木 2021 年政府信息 公开工作年度报告 根据《中华人民共和国政府信息公开条例》(以下简 称《条例》)的规定，结合我苏木实际，编制本报告。', '一、总体情况', '2021年，我苏木主动公开政府信息12条。'],
      title: '某某旗某某苏木2021年政府信息公开工作年度报告',
      organ: '某某旗某某苏木',
      flagged: false,
    },
    {
      name: 'a heading broken after the organ, its year first (「2025年某某区」 / 「政府信息公开工作年度报告」)',
      lines: ['2025年某某区', '政府信息公开工作年度报告', '本年度报告根据《条例》要求制作。', '一、总体情况', '2025年，我区主动公开政府信息12条。'],
      title: '2025年某某区政府信息公开工作年度报告',
      organ: '某某区',
      flagged: true,
    },
    {
      name: 'the page’s article title and its metadata line wrapped at the margin (「…作者:某某区人民政府办」/「公室 访问次数:218」), then the report’s own heading',
      lines: ['某某区2022年政府信息公开工作年度报告', '日期:2023-02-02 来源:某某区人民政府办公室 作者:某某区人民政府办', '公室 访问次数:218', '某某市某某区2022年政府信息公开工作年度报告', '根据《条例》要求，编制本报告。', '一、总体情况', '2022年，我区主动公开政府信息12条。'],
      title: '某某市某某区2022年政府信息公开工作年度报告',
      organ: '某某市某某区',
      flagged: false,
    },
  ];

  it.each(HEADINGS)('$name', ({ lines, title, organ, flagged }) => {
    const r = wrapped(lines);
    expect(r.report.title).toBe(title);
    expect(r.report.organ).toBe(organ);
    expect(r.sourceCheck.map((f) => f.rule).includes('F-TITLE')).toBe(flagged);
  });
});


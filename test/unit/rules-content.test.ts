/** F-SECTIONS, F-FIVE, F-KPZ, F-FEE, F-OLD, F-STALE, F-DATE, F-TITLE. */
import { describe, expect, it } from 'vitest';
import { organLevel } from '../../shared/report/level.js';
import type { Report } from '../../shared/report/model.js';
import { asDraft, cleanReport, fixture, only, run, rulesOf } from './rules-support.js';

function edit(tweak: (r: Report) => void): Report {
  const r = asDraft(cleanReport());
  r.sections = { ...r.sections };
  tweak(r);
  return r;
}
const rulesAfter = (tweak: (r: Report) => void) => rulesOf(run(edit(tweak)));

describe('F-SECTIONS', () => {
  it('flags a section with neither text nor table', () => {
    const f = only(run(edit((r) => {
      delete r.sections!.problems;
      r.sections!.other = '  ';
    })), 'F-SECTIONS');
    expect(f.map((x) => x.section)).toEqual(['problems', 'other']);
    expect(f[0]?.message).toContain('「五、存在的主要问题及改进情况」');
    // not written yet: a to-do while drafting, an error for the finished report
    expect(f[0]?.severity).toBe('warning');
    const final = only(run(edit((r) => {
      delete r.sections!.problems;
    }), { stage: 'final' }), 'F-SECTIONS');
    expect(final.map((x) => [x.section, x.severity])).toEqual([['problems', 'error']]);
  });

  it('counts a filled table as the section (四 has no text in the samples), but not an empty one', () => {
    expect(rulesAfter(() => undefined)).not.toContain('F-SECTIONS');
    const f = only(run(edit((r) => {
      for (const k of Object.keys(r.cells)) if (k.startsWith('review.')) r.cells[k] = null;
    })), 'F-SECTIONS');
    expect(f.map((x) => x.section)).toEqual(['review']);
  });

  it('a published report printing the heading has the section: an empty table under it is V-BLANK, an empty text section says so', () => {
    const printed = edit((r) => {
      for (const k of Object.keys(r.cells)) if (k.startsWith('review.')) r.cells[k] = null;
      r.sections!.problems = '';
      r.printed = { headings: { review: '四、政府信息公开行政复议、行政诉讼情况', problems: '五、存在的主要问题及改进情况' } };
    });
    const f = only(run(printed), 'F-SECTIONS');
    expect(f.map((x) => [x.section, x.message])).toEqual([['problems', '缺少「五、存在的主要问题及改进情况」的正文：印出了标题，标题下没有内容']]);
    // the blank table is named by V-BLANK, its printed totals among the blanks (a published report prints them)
    const blank = only(run(printed), 'V-BLANK').find((x) => x.cells.some((c) => c.startsWith('review.')));
    expect(blank?.cells).toContain('review.reconsideration.total');
    // a draft computes its totals: they are never its blanks
    const draft = edit((r) => {
      for (const k of Object.keys(r.cells)) if (k.startsWith('review.')) r.cells[k] = null;
    });
    expect(only(run(draft), 'V-BLANK').flatMap((x) => x.cells)).not.toContain('review.reconsideration.total');
  });

  it('a published report printing no 「一、总体情况」 heading, its account in 前言: says the heading is missing, never that the text is empty', () => {
    const f = only(run(edit((r) => {
      r.sections!.preface = '2022年，桥头乡政府信息公开工作在县委、县政府的正确领导下，扎实推进。（一）主动公开方面。主动公开政府信息40条。';
      delete r.sections!.overview;
      r.printed = { headings: { active: '二、主动公开政府信息情况' } };
    })), 'F-SECTIONS');
    expect(f.map((x) => [x.section, x.message])).toEqual([['overview', '缺少「一、总体情况」这个标题：原文没有印它，标题前的正文已归入前言，如其中写的是总体情况，请补上标题']]);
    // a draft (nothing printed) with no overview: the section is empty, as before
    const draft = only(run(edit((r) => {
      r.sections!.preface = '前言。';
      delete r.sections!.overview;
    })), 'F-SECTIONS');
    expect(draft.map((x) => x.message)).toEqual(['缺少「一、总体情况」部分：正文为空']);
  });

  it('flags headings typed into the text that are misplaced, repeated or not verbatim', () => {
    const f = only(run(edit((r) => {
      r.sections!.overview = `一、总体情况\n${r.sections!.overview ?? ''}\n二、主动公开政府信息情况\n本年度主动公开……`;
      r.sections!.review = '四、行政复议、行政诉讼情况';
    })), 'F-SECTIONS');
    expect(f.map((x) => x.message)).toEqual([
      '「一、总体情况」的正文里又写了一遍标题「一、总体情况」：标题会自动生成，请从正文中删去',
      '标题「二、主动公开政府信息情况」写在了「一、总体情况」的正文里，顺序或位置有误：请移到第二部分',
      '标题「四、行政复议、行政诉讼情况」与规定的「四、政府信息公开行政复议、行政诉讼情况」不一致：六个部分的标题须一字不差',
    ]);
    expect(f[2]?.span).toEqual({ section: 'review', start: 0, end: 13 });
  });

  it('leaves numbered items that are not headings alone', () => {
    expect(rulesAfter((r) => {
      r.sections!.problems = `一、信息更新不及时\n二、解读形式单一\n${r.sections!.problems ?? ''}`;
    })).not.toContain('F-SECTIONS');
  });
});

describe('F-SECTIONS on the headings a published report printed', () => {
  const printed = (headings: NonNullable<Report['printed']>['headings']) => only(run(edit((r) => (r.printed = { headings }))), 'F-SECTIONS');
  it('says precisely how a printed heading departs from the canonical one', () => {
    const f = printed({
      overview: '一.总体情况',
      active: '二、主动公开政府信息情况',
      requests: '二、收到和处理政府信息公开申请情况',
      review: '（四）政府信息公开行政复议、行政诉讼情况',
      problems: '五、存在的主要问题和改进情况',
      other: '六、其他需要报告的事项 ',
    });
    expect(f.map((x) => [x.section, x.message])).toEqual([
      ['overview', '第一部分标题印作「一.总体情况」，与规定的「一、总体情况」不一致：序号写作「一.」，应为「一、」（六个部分的标题须一字不差）'],
      ['requests', '第三部分标题印作「二、收到和处理政府信息公开申请情况」，与规定的「三、收到和处理政府信息公开申请情况」不一致：序号印作「二」，应为「三」（六个部分的标题须一字不差）'],
      ['review', '第四部分标题印作「（四）政府信息公开行政复议、行政诉讼情况」，与规定的「四、政府信息公开行政复议、行政诉讼情况」不一致：序号写作「（四）」（二级标题的写法），应为「四、」（六个部分的标题须一字不差）'],
      ['problems', '第五部分标题印作「五、存在的主要问题和改进情况」，与规定的「五、存在的主要问题及改进情况」不一致：文字不同：印作「存在的主要问题和改进情况」，应为「存在的主要问题及改进情况」（六个部分的标题须一字不差）'],
    ]);
    expect(f.every((x) => x.severity === 'error')).toBe(true);
    expect(printed({ active: '二、主动公开政府信息 情况', review: '四、政府信息公开行政复议,行政诉讼情况' }).map((x) => x.message.split('：')[1])).toEqual([
      '标题中多了空格（六个部分的标题须一字不差）',
      '标点不同',
    ]);
  });
  it('is quiet when every printed heading is verbatim', () => {
    expect(
      printed({
        overview: '一、总体情况',
        active: '二、主动公开政府信息情况',
        requests: '三、收到和处理政府信息公开申请情况',
        review: '四、政府信息公开行政复议、行政诉讼情况',
        problems: '五、存在的主要问题及改进情况',
        other: '六、其他需要报告的事项',
      }),
    ).toEqual([]);
  });
});

describe('F-OLD on the 2019 labels a published report printed', () => {
  it('names each 2019 label printed in a 2021-or-later report with its 2021 form', () => {
    const f = only(run(edit((r) => (r.printed = { oldLabels: ['规范性文件', '2.其他法律法规禁止公开'] }))), 'F-OLD');
    expect(f.map((x) => x.message)).toEqual([
      '表格仍印有2019年格式的标签「规范性文件」，2021年格式（国办公开办函〔2021〕30号）为「行政规范性文件」',
      '表格仍印有2019年格式的标签「2.其他法律法规禁止公开」，2021年格式（国办公开办函〔2021〕30号）为「2.其他法律行政法规禁止公开」',
    ]);
    expect(f[0]?.cells).toContain('active.normative.issued');
  });
  it('is quiet for a report of 2020 and when nothing old was printed', () => {
    expect(rulesAfter((r) => (r.printed = { oldLabels: [] }))).not.toContain('F-OLD');
    const r2020 = edit((r) => {
      r.format = '2019';
      r.year = 2020;
      r.cells = {};
      r.printed = { oldLabels: ['规范性文件'] };
    });
    expect(rulesOf(run(r2020))).not.toContain('F-OLD');
  });
});

describe('F-OLD for the single （六） row needs a table 三 that holds something', () => {
  it('flags a printed single row, not a table 三 that an excerpt does not hold', () => {
    const single = (heldTable: boolean) =>
      only(run(edit((r) => {
        for (const k of Object.keys(r.cells)) if (k.startsWith('apply.other_')) delete r.cells[k];
        for (const k of Object.keys(r.cells)) if (k.startsWith('apply.') && !heldTable) r.cells[k] = null;
        r.cells['apply.other.natural'] = null;
      })), 'F-OLD');
    expect(single(true)).toHaveLength(1);
    expect(single(false)).toEqual([]);
  });
});

describe('F-TITLE names 「YYYY年度」', () => {
  it('says the 年度 is what is wrong', () => {
    const [f] = only(run(edit((r) => (r.title = '乌鲁木齐县人民政府2024年度政府信息公开工作年度报告'))), 'F-TITLE');
    expect(f?.message).toBe('标题“乌鲁木齐县人民政府2024年度政府信息公开工作年度报告”中的“年度”多余：年份应写作“YYYY年”：应为“乌鲁木齐县人民政府2024年政府信息公开工作年度报告”（导出时按标准标题排印）');
  });
});

describe('F-FIVE', () => {
  it('warns when 总体情况 misses an aspect', () => {
    const f = only(run(edit((r) => {
      r.sections!.overview = (r.sections!.overview ?? '').replace(/（四）平台建设情况。[^\n]*\n/, '');
    })), 'F-FIVE');
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('「政府信息公开平台建设」');
    expect(f[0]?.severity).toBe('warning');
  });
  it('is quiet on the samples’ run-in headings and 「…方面」 wording', () => {
    for (const s of ['urumqi-county-2024', 'xinxiang-county-office-2024', 'xinyuan-county-2024'] as const) expect(rulesOf(run(fixture(s)))).not.toContain('F-FIVE');
  });
});

describe('F-FIVE: 监督保障 in other words', () => {
  const overview = (text: string) => only(run(edit((r) => (r.sections!.overview = text))), 'F-FIVE').map((f) => f.message);
  const rest = '（一）主动公开政府信息55条。（二）依申请公开办理及时。（三）严格信息发布审查。（四）加强政府网站建设。';
  it('「加强监督与培训」 and 「主动接受上级主管部门、监察机关和群众的监督」 are the 监督保障 aspect', () => {
    expect(overview(`${rest}（五）加强监督与培训，开展第三方评估。`)).toEqual([]);
    expect(overview(`${rest}主动接受上级政府信息公开工作主管部门、监察机关和群众的监督。`)).toEqual([]);
    expect(overview(`${rest}（五）做好培训。`)).toEqual([expect.stringContaining('「监督保障」')]);
  });
});

describe('F-FIVE: the aspects as fresh published reports word them (read by hand, 2021–2025)', () => {
  const overview = (text: string) => only(run(edit((r) => (r.sections!.overview = text))), 'F-FIVE').map((f) => f.message);
  const first = '（一）主动公开。全年主动公开政府信息326条。（二）依申请公开。本年度新收政府信息公开申请3件。';
  const manage = '（三）严格执行先审后发制度。';
  const platform = '（四）加强政府网站建设。';
  const supervise = '（五）自觉接受社会监督。';
  it('监督保障 as the work\'s organisation: a 领导小组 set up, 组织领导, the 分管领导 named, 专人负责', () => {
    for (const said of [
      '一是加强组织领导。成立政府信息公开工作领导小组，由镇长担任组长。',
      '及时调整政务公开工作领导小组及办公室成员，做到了机构健全，专人落实。',
      '局办公室负责政府信息公开工作的组织、协调、指导、督查，并安排专人负责信息公开工作。',
      '切实加强信息公开组织领导，明确分管领导，由局办公室具体负责。',
      '我镇将政府信息公开工作纳入目标考核内容。',
    ]) expect(overview(`${first}${manage}${platform}${said}`), said).toEqual([]);
    // a higher level's body, or the review chain, is no word on this office's supervision
    for (const said of ['按照市政务公开政务服务领导小组部署要求开展工作。', '拟稿人初步审核、分管领导审核，主要领导核准。']) {
      expect(overview(`${first}${manage}${platform}${said}`), said).toEqual([expect.stringContaining('「监督保障」')]);
    }
  });
  it('政府信息管理 as review before release and keeping what was published', () => {
    for (const said of [
      '严格执行信息公开“三审制度”，严格执行“谁公开、谁审查、谁负责”。',
      '执行“三级会审”制度。',
      '严抓发布前审核，发布后更新。',
      '坚持“先审查，后公开”原则，确保公开信息不涉密。',
      '政府信息公开工作资料分类管理，发布后均有保存有关资料，整理存档备查。',
      '根据省、市的文件要求制定《生态环境领域基层政务公开标准化目录》及管理办法，并将根据实际工作及时调整标准化目录。',
    ]) expect(overview(`${first}${said}${platform}${supervise}`), said).toEqual([]);
    // a 标准目录 only listed among the items published says nothing on managing them
    expect(overview(`${first}公开内容包括：6.财政预决算；7.基层政务公开事项标准目录。${platform}${supervise}`)).toEqual([expect.stringContaining('「政府信息管理」')]);
  });
  it('平台建设 as the 公开目录 kept up; a channel only named where items were published is not', () => {
    expect(overview(`${first}${manage}系统梳理并完善了涵盖机构职能、政策文件等类别的公开目录。${supervise}`)).toEqual([]);
    expect(overview(`${first}${manage}加强日常监测，对网站的整体运行情况、链接可用情况、栏目更新情况、信息质量情况进行日常巡检。${supervise}`)).toEqual([]);
    expect(overview(`${first}${manage}充分利用单位公告栏、微信公众号等公众媒体，积极发挥政府网的第一平台作用。${supervise}`)).toEqual([]);
    expect(overview(`${first}${manage}通过门户网站、微信公众号等平台及时公开发布信息。${supervise}`)).toEqual([expect.stringContaining('「政府信息公开平台建设」')]);
  });
  it('主动公开 as what was published, counted, or 「公开有关政府信息」 — never applications answered', () => {
    const rest = `（二）依申请公开。本年度新收政府信息公开申请3件。${manage}${platform}${supervise}`;
    for (const said of [
      '我局通过局门户网站发布通知公告45篇。',
      '在省电子化采购执行平台公示了政府集中采购30项。',
      '不断加大信息公开力度，及时公开有关政府信息。',
      '积极利用镇村政务公开栏等公开平台，公开有关我镇政府的工作动态、政策信息等内容。',
    ]) {
      expect(overview(`${said}${rest}`), said).toEqual([]);
    }
    expect(overview(`本年度公开申请答复3件。${rest}`)).toEqual([expect.stringContaining('「主动公开」')]);
  });
  it('依申请公开 as the requests by their other name (「受理信息查阅申请」)', () => {
    expect(overview(`（一）主动公开。全年主动公开政府信息326条。安排专人负责受理信息查阅申请。${manage}${platform}${supervise}`)).toEqual([]);
  });
});

describe('F-FIVE: documents counted by their disclosure attribute', () => {
  const overview = (text: string) => only(run(edit((r) => (r.sections!.overview = text))), 'F-FIVE').map((f) => f.message);
  const rest = '（三）严格信息发布审查。（四）加强政府网站建设。（五）自觉接受社会监督，落实责任追究。';
  it('「依申请公开176条」 is a count of documents, not the 依申请公开 aspect; 「依申请公开信息数0条」 says there was none to handle', () => {
    expect(overview(`主动公开政府信息125条、依申请公开176条、不予公开77条。${rest}`)).toEqual([expect.stringContaining('「依申请公开」')]);
    expect(overview(`主动公开政府信息55条，依申请公开信息数0条。${rest}`)).toEqual([]);
  });
});

describe('F-FIVE: counts by attribute, answers, and an organ’s name', () => {
  const overview = (text: string) => only(run(edit((r) => (r.sections!.overview = text))), 'F-FIVE').map((f) => f.message);
  const rest = '（三）严格信息发布审查。（四）加强政府网站建设。（五）自觉接受社会监督，落实责任追究。';
  it('a total of documents by attribute (「主动公开及依申请公开政府信息总条数」) is not the 依申请公开 aspect', () => {
    expect(overview(`主动公开政府信息125条、依申请公开176条，主动公开及依申请公开政府信息总条数占79.63%。${rest}`)).toEqual([expect.stringContaining('「依申请公开」')]);
  });
  it('an answered count (「回应依申请公开信息2条」) is applications handled', () => {
    expect(overview(`主动公开政府信息99条，依申请公开信息数311条。全年通过政府门户网站回应依申请公开信息2条。${rest}`)).toEqual([]);
  });
  it('「市场监督管理局」 is a name, 「加强监督管理」 is 监督保障; 「三审三校」 is 政府信息管理; building a website or new media is 平台建设, publishing through one is not', () => {
    const first = '（一）主动公开。全年主动公开政府信息326条。（二）依申请公开。本年度新收政府信息公开申请3件。';
    expect(overview(`${first}（三）严格按照“三审三校”原则发布。（四）加强门户网站栏目建设。（五）加强监督管理，及时纠错。`)).toEqual([]);
    expect(overview(`${first}（三）严格执行先审后发制度。（四）推进新媒体建设。（五）市场监督管理局和药品监督管理所全年发布信息326条。`)).toEqual([expect.stringContaining('「监督保障」')]);
    expect(overview(`${first}（三）严格执行先审后发制度。（四）通过门户网站和新媒体发布信息。（五）加强监督管理。`)).toEqual([expect.stringContaining('「政府信息公开平台建设」')]);
  });
  it('what was published, counted (「公开信息共计167条」「公示工作动态18条」), is 主动公开', () => {
    const rest = '（二）依申请公开。本年度新收政府信息公开申请3件。（三）严格执行先审后发制度。（四）推进新媒体建设。（五）加强监督管理。';
    expect(overview(`2022年，我局公开信息共计167条。${rest}`)).toEqual([]);
    expect(overview(`（一）政务信息公示情况。2021年在区政府网站上公示工作动态18条。${rest}`)).toEqual([]);
    expect(overview(`（二）公开渠道畅通。在区人民政府网站公开街道动态信息140条。${rest}`)).toEqual([]);
    // applications answered are no 主动公开
    expect(overview(`2022年，我局依申请公开信息3条。${rest}`)).toEqual([expect.stringContaining('「主动公开」')]);
    expect(overview(`2022年，我局高度重视政府信息公开工作。${rest}`)).toEqual([expect.stringContaining('「主动公开」')]);
    // answers to applications are no 主动公开
    expect(overview(`2022年，我局予以公开信息2条，不予公开信息1条。${rest}`)).toEqual([expect.stringContaining('「主动公开」')]);
  });
  it('「平台规范化建设」「网站集约化、一体化建设」 build the platform; 「通过网站公开建设项目」 does not', () => {
    const first = '（一）主动公开。全年主动公开政府信息326条。（二）依申请公开。本年度新收政府信息公开申请3件。（三）严格执行先审后发制度。';
    expect(overview(`${first}（四）平台规范化建设情况。（五）加强监督管理。`)).toEqual([]);
    expect(overview(`${first}（四）推进政府门户网站集约化、一体化建设。（五）加强监督管理。`)).toEqual([]);
    expect(overview(`${first}（四）通过网站公开重大建设项目信息。（五）加强监督管理。`)).toEqual([expect.stringContaining('「政府信息公开平台建设」')]);
  });
  it('「政府信息资源管理情况」 is 政府信息管理', () => {
    const first = '（一）主动公开。全年主动公开政府信息326条。（二）依申请公开。本年度新收政府信息公开申请3件。';
    expect(overview(`${first}3.政府信息资源管理情况。做好政府信息资源的规范化管理。（四）推进新媒体建设。（五）加强监督管理。`)).toEqual([]);
  });
});

describe('F-FIVE: the aspects in other words', () => {
  const overview = (text: string) => only(run(edit((r) => (r.sections!.overview = text))), 'F-FIVE').map((f) => f.message);
  it('recognises 监督保障, 平台建设 and 政府信息管理 written in other words', () => {
    expect(
      overview(
        '2024年，我局坚持以公开为常态。（一）主动公开。全年主动公开政府信息326条。（二）依申请公开。本年度新收政府信息公开申请3件，均按时答复。' +
          '（三）严格信息发布审查，明确公文公开属性，做到应公开尽公开。（四）加强政府网站和政务新媒体管理，及时更新栏目内容。' +
          '（五）自觉接受监督，将政务公开纳入年度监督考核，全年未发生责任追究情况。',
      ),
    ).toEqual([]);
  });
  it('recognises 监督保障 as 「自觉接受社会监督」 and 「加强督查考核」', () => {
    const first = '（一）主动公开。全年主动公开政府信息326条。（二）依申请公开。本年度新收政府信息公开申请3件。（三）政府信息管理。严格信息发布审查。（四）加强政府网站建设。';
    expect(overview(`${first}（五）自觉接受社会监督，不断提高政务公开规范化水平。`)).toEqual([]);
    expect(overview(`${first}（五）加强督查考核，把政府信息公开纳入年度绩效。`)).toEqual([]);
  });
  it('does not take a word that only looks like an aspect: the 12345 hotline’s 平台, a bare 考核', () => {
    const [message] = overview(
      '（一）主动公开。全年主动公开政府信息326条。（二）依申请公开。本年度新收政府信息公开申请3件。（三）政府信息管理。严格信息发布审查。' +
        '（四）依托12345热线平台回应群众诉求。（五）将考核结果作为评先评优依据。',
    );
    expect(message).toContain('「政府信息公开平台建设」、「监督保障」');
  });
});

describe('F-FIVE is the 2021 format’s outline', () => {
  it('does not ask a report for 2019 or 2020 for the five aspects', () => {
    const overview = '2019年，我局高度重视政府信息公开工作。（一）加强人员队伍建设。（二）主动公开政务信息。主动公开政府信息215条。';
    const at = (year: number) =>
      rulesOf(run(edit((r) => {
        r.year = year;
        r.format = year < 2021 ? '2019' : '2021';
        if (year < 2021) r.cells = {};
        r.sections!.overview = overview;
      })));
    expect(at(2019)).not.toContain('F-FIVE');
    expect(at(2020)).not.toContain('F-FIVE');
    expect(at(2021)).toContain('F-FIVE');
  });
});

describe('F-KPZ', () => {
  it('asks a 人民政府 report (stated or inferred from the organ) for 考核、评议、追究', () => {
    const r = fixture('urumqi-county-2024');
    delete r.level;
    expect(only(run(r), 'F-KPZ')).toHaveLength(1);
    const partial = only(run(edit((x) => {
      x.sections!.overview = (fixture('urumqi-county-2024').sections?.overview ?? '') + '纳入绩效考核。';
    })), 'F-KPZ');
    expect(partial[0]?.message).toContain('未写到「社会评议」、「责任追究」');
  });
  it('is quiet for a department, and for a government that states all three', () => {
    const dept = fixture('urumqi-county-2024');
    dept.level = 'department';
    expect(rulesOf(run(dept))).not.toContain('F-KPZ');
    expect(rulesOf(run(fixture('xinyuan-county-2024')))).not.toContain('F-KPZ');
  });
});

describe('F-KPZ: the 监督保障 part it points to', () => {
  const kpz = (overview: string) => only(run(edit((r) => {
    r.level = 'government';
    r.sections!.overview = overview;
  })), 'F-KPZ');
  it('is the part opening with 「监督保障」, never the word in a list of the five aspects or a count of items', () => {
    const listed = kpz('围绕主动公开、依申请公开、政府信息管理、公开平台建设、监督保障等方面不断深化政务公开。\n其中决策公开48条、监督保障34条。');
    expect(listed).toHaveLength(1);
    expect(listed[0]?.message).toContain('正文未写到');
    expect(listed[0]?.span).toBeUndefined();
    const part = kpz('（一）主动公开。主动公开信息48条。\n（五）监督保障。完善制度，加强培训。');
    expect(part[0]?.message).toContain('“监督保障”部分未写到');
    expect(part[0]?.span?.start).toBe('（一）主动公开。主动公开信息48条。\n'.length);
  });
});

describe('F-FEE', () => {
  it('flags a 六 that does not state the 信息处理费', () => {
    const f = only(run(edit((r) => {
      r.sections!.other = '无其他需要报告的事项。';
    })), 'F-FEE');
    expect(f).toHaveLength(1);
    expect(f[0]?.section).toBe('other');
  });
  it('accepts the usual wordings, and does not ask a report before 2021', () => {
    for (const other of ['本年度没有产生信息公开处理费。', '本单位无收取信息处理费等其他需要报告的事项。', '本年度未收取任何费用。']) {
      expect(rulesAfter((r) => (r.sections!.other = other)), other).not.toContain('F-FEE');
    }
  });
});

describe('F-FEE: the 信息处理费, wherever section 六 is', () => {
  it('is not satisfied by 行政事业性收费', () => {
    const f = only(run(edit((r) => (r.sections!.other = '本年度我局收取行政事业性收费12.5万元，均按规定上缴财政。'))), 'F-FEE');
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('表二的“行政事业性收费”不是信息处理费');
  });
  it('finds the statement in 五 or under a misnumbered 「七、」 heading', () => {
    expect(rulesAfter((r) => {
      r.sections!.other = '';
      r.sections!.problems = `${r.sections!.problems ?? ''}\n七、其他需要报告的事项\n本年度未收取信息处理费。`;
    })).not.toContain('F-FEE');
    expect(rulesAfter((r) => {
      r.sections!.other = '七、其他需要报告的事项\n本机关2024年度没有产生信息公开处理费。';
    })).not.toContain('F-FEE');
    expect(rulesAfter((r) => {
      r.sections!.other = '本年度无其他需要报告的事项。收取行政事业性收费0万元。';
    })).toContain('F-FEE');
  });
  it('finds a part of its own on fees worded 「三、信息公开的收费及减免情况」', () => {
    expect(rulesAfter((r) => {
      r.sections!.other = '';
      r.sections!.requests = `${r.sections!.requests ?? ''}\n三、信息公开的收费及减免情况\n本年度未发生信息公开相关收费及减免情况。`;
    })).not.toContain('F-FEE');
    expect(rulesAfter((r) => {
      r.sections!.other = '';
      r.sections!.overview = `${r.sections!.overview ?? ''}\n4、政府信息公开的收费及减免情况:无。`;
    })).not.toContain('F-FEE');
  });
  it('finds a part of its own on the fee (「五、信息处理费收取情况」 with its small table), but not the preface naming such a part', () => {
    expect(rulesAfter((r) => {
      r.sections!.other = '';
      r.sections!.review = `${r.sections!.review ?? ''}\n五、信息处理费收取情况\n通知收取件数 通知收取金额（元） 实际收取金额（元）\n0 0 0`;
    })).not.toContain('F-FEE');
    expect(rulesAfter((r) => {
      r.sections!.other = '';
      r.sections!.preface = '本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议与行政诉讼情况、信息处理费收取情况和存在的主要问题及改进措施等六个部分组成。';
    })).toContain('F-FEE');
  });
});

describe('F-OLD', () => {
  it('flags a 2019-format report for 2021 or later, and a citation of the 2019 format', () => {
    const f = only(run(edit((r) => {
      r.format = '2019';
      r.cells = {};
      r.sections!.preface = '本报告依据国办公开办函〔2019〕60号编制。';
    })), 'F-OLD');
    expect(f).toHaveLength(2);
    expect(f[0]?.section).toBe('active');
    expect(f[1]?.span?.section).toBe('preface');
  });
  it('knows the 2019 format notice by its title alone', () => {
    const f = only(run(edit((r) => {
      r.sections!.preface = '根据《中华人民共和国政府信息公开条例》及《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》的要求，编制本报告。';
    })), 'F-OLD');
    expect(f.map((x) => x.span?.section)).toEqual(['preface']);
    expect(f[0]?.message).toContain('国办公开办函〔2021〕30号');
  });
  it('knows the 2019 notice by its title with 「政府信息公开」 dropped (「…政务公开办公室关于工作年度报告有关事项的通知」)', () => {
    const f = only(run(edit((r) => {
      r.sections!.preface = '根据《国务院办公厅政府信息与政务公开办公室关于工作年度报告有关事项的通知》要求，编制本报告。';
    })), 'F-OLD');
    expect(f.map((x) => x.span?.section)).toEqual(['preface']);
    // or 「工作」 dropped, or the office named outside the title's quotes
    expect(rulesAfter((r) => {
      r.sections!.preface = '本报告根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开年度报告有关事项的通知》编制。';
    })).toContain('F-OLD');
    expect(rulesAfter((r) => {
      r.sections!.preface = '本报告是根据国务院办公厅政府信息与政务公开办公室《关于政府信息公开工作年度报告有关事项的通知》的相关要求编制。';
    })).toContain('F-OLD');
    // or 「关于」 dropped (a 2021 report a reviewer found)
    expect(rulesAfter((r) => {
      r.sections!.preface = '根据《国务院办公厅政府信息与政务公开办公室政府信息公开年度报告有关事项的通知》要求，编制本报告。';
    })).toContain('F-OLD');
  });
  it('knows the 2019 format by its own title, 「…年度报告格式（试行）」, which the 2021 format no longer has', () => {
    const f = only(run(edit((r) => {
      r.sections!.preface = '根据《中华人民共和国政府信息公开工作年度报告格式（试行）》的要求，编制本报告。';
    })), 'F-OLD');
    expect(f.map((x) => x.span?.section)).toEqual(['preface']);
    expect(rulesAfter((r) => {
      r.sections!.preface = '根据《中华人民共和国政府信息公开工作年度报告格式》的要求，编制本报告。';
    })).not.toContain('F-OLD');
  });
  it('takes a misquoted title followed by the 2021 number as the 2021 notice (the number says which is meant)', () => {
    const cite = (number: string) =>
      rulesAfter((r) => {
        r.sections!.preface = `本报告依据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（${number}）要求编制。`;
      });
    expect(cite('国办公开办函〔2021〕30号')).not.toContain('F-OLD');
    expect(cite('国办公开办函〔2019〕60号')).toContain('F-OLD');
  });
  it('flags the 2019 columns kept in a later report’s words (「除规章对外公开总数量…外」), unless its table is 2019’s', () => {
    const preface = '本报告除规章对外公开总数量、规范性文件对外公开总数量两个项目外，其他项目统计时限均为2024年1月1日—12月31日。';
    const f = only(run(edit((r) => (r.sections!.preface = preface))), 'F-OLD');
    expect(f.map((x) => x.span?.section)).toEqual(['preface', 'preface']);
    expect(f[0]?.message).toContain('“对外公开总数量”（2019年格式表二的栏目）只适用于2020年度及以前');
    const in2019Format = only(run(edit((r) => {
      r.format = '2019';
      r.cells = {};
      r.sections!.preface = preface;
    })), 'F-OLD');
    expect(in2019Format.map((x) => x.section ?? x.span?.section)).toEqual(['active']);
    expect(rulesAfter((r) => {
      r.year = 2020;
      r.format = '2019';
      r.cells = {};
      r.sections!.preface = preface.replace('2024', '2020');
    })).not.toContain('F-OLD');
  });
  it('is quiet for the 2021 format, and for a 2019-format report of 2020', () => {
    expect(rulesAfter(() => undefined)).not.toContain('F-OLD');
    expect(rulesAfter((r) => {
      r.format = '2019';
      r.year = 2020;
      r.cells = {};
    })).not.toContain('F-OLD');
  });
});

describe('F-STALE', () => {
  it('flags an old 工作要点, a wrong statistics period, a paragraph opening with last year, this year’s plan', () => {
    const f = only(run(edit((r) => {
      r.sections!.preface = '各项数据统计期限为 2023 年 1 月 1 日至 2023 年 12 月 31 日。';
      r.sections!.other = '落实《2023年政务公开工作要点》情况良好。本年度未收取信息处理费。';
      r.sections!.problems = `2023 年，我县政务公开工作平稳运行。\n（二）2024年工作计划\n${r.sections!.problems ?? ''}`;
    })), 'F-STALE');
    expect(f.map((x) => x.section)).toEqual(['preface', 'problems', 'problems', 'other']);
    expect(f.every((x) => x.severity === 'warning')).toBe(true);
    expect(f[3]?.message).toContain('2023年政务公开工作要点');
  });
  it('flags the preface calling the report last year’s without quotes (「由某某办公室编制的2023年度政府信息公开年度报告」)', () => {
    const f = only(run(edit((r) => {
      r.sections!.preface = '本年报是根据《中华人民共和国政府信息公开条例》要求，由某某区人民政府办公室编制的2023年度政府信息公开年度报告。';
    })), 'F-STALE');
    expect(f.map((x) => x.span?.section)).toEqual(['preface']);
    expect(rulesAfter((r) => {
      r.sections!.preface = '本年报是由某某区人民政府办公室编制的2024年度政府信息公开年度报告。';
    })).not.toContain('F-STALE');
  });
  it('leaves alone last year’s report published as this year’s work (「公布了《…2023年…年度报告》」 in 主动公开), not in the preface', () => {
    const published = '1月，在门户网站公布了《某某县人民政府2023年政府信息公开工作年度报告》。';
    expect(rulesAfter((r) => {
      r.sections!.active = `${published}${r.sections!.active ?? ''}`;
    })).not.toContain('F-STALE');
    const f = only(run(edit((r) => (r.sections!.preface = '根据《条例》，我县认真编制了《某某县人民政府2023年政府信息公开工作年度报告》。'))), 'F-STALE');
    expect(f.map((x) => x.span?.section)).toEqual(['preface']);
  });
  it('flags a sentence on the state at last year’s end (「截至2023年底，我镇尚无…」), never this year’s', () => {
    const f = only(run(edit((r) => {
      r.sections!.requests = `截至2023年底,我镇尚无行政机关收到和处理政府信息公开申请情况。\n${r.sections!.requests ?? ''}`;
    })), 'F-STALE');
    expect(f.map((x) => x.message)).toEqual(['“2023年底”写的是 2023 年，与报告年度 2024 年不符：是否沿用了上年的文字？']);
    expect(rulesAfter((r) => {
      r.sections!.requests = `截至2024年12月31日，我镇未收到政府信息公开申请。\n${r.sections!.requests ?? ''}`;
    })).not.toContain('F-STALE');
    // after a sub-heading run in with its colon
    expect(rulesAfter((r) => {
      r.sections!.overview = `(一)主动公开政府信息情况:截至2023年12月31日,我办通过网站公布信息1877条。\n${r.sections!.overview ?? ''}`;
    })).toContain('F-STALE');
  });
  it('is quiet on next year’s plan, the carry-forward into next year, and citations of older documents', () => {
    expect(rulesAfter((r) => {
      r.sections!.problems = `（二）2025 年工作计划\n${r.sections!.problems ?? ''}`;
      r.sections!.requests = '结转 2025 年度 0 件。依据《条例》（2019 年修订）和国办函〔2020〕109号，落实《2024年政务公开工作要点》。';
    })).not.toContain('F-STALE');
  });
});

describe('F-DATE', () => {
  const at = (date: string | undefined, level: Report['level']) =>
    rulesAfter((r) => {
      r.level = level;
      r.signature = date ? { organ: '某机关', date } : undefined;
    });
  it('flags a date after the deadline (1月31日 for a department, 3月31日 for a government), impossible or early dates, none', () => {
    expect(at('2025-02-10', 'department')).toContain('F-DATE');
    expect(at('2025-04-01', 'government')).toContain('F-DATE');
    expect(at('2025-02-30', 'government')).toContain('F-DATE');
    expect(at('2024-12-20', 'government')).toContain('F-DATE');
    expect(at(undefined, 'government')).toContain('F-DATE');
    const f = only(run(edit((r) => (r.signature = { date: '2025-4-2' }))), 'F-DATE');
    expect(f[0]?.message).toBe('成文日期2025年4月2日晚于法定公布期限2025年3月31日（县级以上地方人民政府）：条例第四十九条');
  });
  it('is quiet on time', () => {
    expect(at('2025-01-31', 'department')).not.toContain('F-DATE');
    expect(at('2025-03-31', 'government')).not.toContain('F-DATE');
  });
});

describe('F-DATE with the level from the organ’s name', () => {
  const dated = (organ: string | undefined, date: string) =>
    only(run(edit((r) => {
      delete r.level;
      r.organ = organ;
      r.signature = { organ, date };
    })), 'F-DATE').map((f) => f.message);
  it('reads the level from the organ: 人民政府 3月31日, its 办公室 and a 街道办事处 1月31日', () => {
    expect(dated('某县人民政府', '2025-03-20')).toEqual([]);
    expect(dated('某县政府', '2025-03-20')).toEqual([]);
    expect(dated('某镇人民政府', '2025-03-20')).toEqual([]);
    expect(dated('某县人民政府办公室', '2025-03-20')).toEqual(['成文日期2025年3月20日晚于法定公布期限2025年1月31日（政府部门）：条例第四十九条']);
    expect(dated('某街道办事处', '2025-02-10')).toHaveLength(1);
  });
  it('says it cannot tell the deadline when the level is unknown, instead of assuming one', () => {
    const [message] = dated('某县', '2025-02-20');
    expect(message).toContain('未能从机关名称判断是人民政府还是政府部门');
    expect(dated(undefined, '2025-02-20')[0]).toContain('无法确定法定期限');
    // late or on time whatever the level: said plainly
    expect(dated('某县', '2025-04-02')).toEqual(['成文日期2025年4月2日晚于法定公布期限：人民政府为2025年3月31日，政府部门为2025年1月31日（条例第四十九条）']);
    expect(dated('某县', '2025-01-20')).toEqual([]);
  });
});

describe('organLevel', () => {
  it('tells a 人民政府 from a 部门 by the organ’s name, and says nothing of a place name alone', () => {
    expect(organLevel('某县政府')).toBe('government');
    expect(organLevel('某县人民政府')).toBe('government');
    expect(organLevel('某镇人民政府')).toBe('government');
    expect(organLevel('某县人民政府办公室')).toBe('department');
    expect(organLevel('某市人民政府办公厅')).toBe('department');
    expect(organLevel('某市人民政府国有资产监督管理委员会')).toBe('department');
    expect(organLevel('某街道办事处')).toBe('department');
    expect(organLevel('长沙市天心区桂花坪街道')).toBe('department');
    expect(organLevel('某县司法局')).toBe('department');
    expect(organLevel('平潭综合实验区')).toBe('department');
    expect(organLevel('某市经济技术开发区')).toBe('department');
    expect(organLevel('沅江市城东管理区')).toBe('department');
    expect(organLevel('某县')).toBeUndefined();
    expect(organLevel('某市某新区')).toBeUndefined();
    expect(organLevel('')).toBeUndefined();
  });
});

describe('F-TITLE', () => {
  it('flags a title that is not 「<机关>YYYY年政府信息公开工作年度报告」 and suggests one', () => {
    const f = only(run(edit((r) => (r.title = '某县2023年政府信息公开工作年度报告'))), 'F-TITLE');
    expect(f[0]?.message).toBe('标题“某县2023年政府信息公开工作年度报告”中的年份 2023 与报告年度 2024 不符：应为“某县2024年政府信息公开工作年度报告”（导出时按标准标题排印）');
    expect(rulesAfter((r) => (r.title = undefined) as unknown as void)).not.toContain('F-TITLE');
    expect(rulesAfter((r) => {
      r.title = undefined;
      r.organ = undefined;
    })).toContain('F-TITLE');
  });
  it('flags a published report printed without a title (a draft makes its title from the organ and year)', () => {
    const f = only(run(edit((r) => {
      r.title = undefined;
      r.printed = {};
    })), 'F-TITLE');
    expect(f.map((x) => x.message)).toEqual([expect.stringMatching(/^原文正文前没有报告标题：应印“.+2024年政府信息公开工作年度报告”$/)]);
  });
  it('flags 「关于YYYY年…年度报告」: 「关于」 is no organ, and a report is not a 公文 with a 事由', () => {
    const f = only(run(edit((r) => (r.title = '关于2024年政府信息公开工作年度报告'))), 'F-TITLE');
    expect(f[0]?.message).toMatch(/^标题“关于2024年政府信息公开工作年度报告”以“关于”开头、缺少机关名称：应为“.+2024年政府信息公开工作年度报告”/);
    const g = only(run(edit((r) => (r.title = '关于乌鲁木齐县2024年政府信息公开工作年度报告'))), 'F-TITLE');
    expect(g[0]?.message).toContain('不应以“关于”开头');
  });
  it('names the word a title lacks: 「…工作报告」 lacks 年度, 「…公开年度报告」 lacks 工作', () => {
    const message = (title: string) => only(run(edit((r) => (r.title = title))), 'F-TITLE')[0]?.message ?? '';
    expect(message('乌鲁木齐县2024年政府信息公开工作报告')).toContain('缺少“年度”二字');
    expect(message('乌鲁木齐县2024年政府信息公开年度报告')).toContain('缺少“工作”二字');
    expect(message('乌鲁木齐县2024年政府信息公开年报')).toContain('用词不规范');
    expect(message('乌鲁木齐县政府信息公开工作年度报告')).toContain('缺少年份');
    expect(message('乌鲁木齐县二〇二四年政府信息公开工作年度报告')).not.toContain('缺少年份');
    expect(message('乌鲁木齐县2024政府信息公开工作年度报告')).toContain('年份后缺少“年”字');
    expect(message('乌鲁木齐县2024年政务公开工作年度报告')).toContain('把“政府信息公开”写作“政务公开”');
    expect(message('乌鲁木齐县2024年政务公开工作年度报告')).not.toContain('年份应写在');
    // every fault named: 「…2024年信息公开年度报告」 lacks both 政府 and 工作; 「…2024年度政府信息公开年度报告」 has 年度 and lacks 工作
    expect(message('乌鲁木齐县2024年信息公开年度报告')).toMatch(/缺少“政府”二字.*缺少“工作”二字/);
    expect(message('乌鲁木齐县2024年度政府信息公开年度报告')).toMatch(/“年度”多余.*缺少“工作”二字/);
    expect(message('2024年度乌鲁木齐县信息公开工作报告')).toMatch(/缺少“政府”二字.*“年度”应写在“工作”之后.*年份应写在机关名称之后/);
    expect(message('乌鲁木齐县2024年政府信息公开年报')).not.toMatch(/应为.*：应为/);
    expect(message('乌鲁木齐县政府2024年信息公开工作年度报告')).toContain('“信息公开”前缺少“政府”二字');
  });
  it('accepts the canonical title, spaces and all', () => {
    expect(rulesAfter((r) => (r.title = '乌鲁木齐县 2024 年政府信息公开工作年度报告'))).not.toContain('F-TITLE');
  });
});

describe('F-STALE precision', () => {
  it('does not flag history, or the completion of this year’s plan', () => {
    expect(rulesAfter((r) => {
      r.sections!.other = `2021 年，我县被确定为政务公开标准化示范县。落实2024年工作计划情况良好。${r.sections!.other ?? ''}`;
    })).not.toContain('F-STALE');
  });
  it('flags an 一、… numbered line that is a near-copy of that heading, but not of another heading', () => {
    expect(rulesAfter((r) => {
      r.sections!.overview = `二、主动公开情况\n${r.sections!.overview ?? ''}`;
    })).toContain('F-SECTIONS');
    expect(rulesAfter((r) => {
      r.sections!.other = `一、主动公开政府信息\n${r.sections!.other ?? ''}`;
    })).not.toContain('F-SECTIONS');
  });
});

describe('F-STALE: last year\'s notice on compiling the report', () => {
  it('flags 《…关于编制公布2023年政府信息公开工作年度报告有关事项的通知》 in the 2024 report, not the 2024 notice', () => {
    const cite = (y: number) =>
      rulesAfter((r) => {
        r.sections!.preface = `根据《某区管委会办公室关于编制公布${y}年政府信息公开工作年度报告有关事项的通知》要求，编制本报告。`;
      });
    expect(cite(2023)).toContain('F-STALE');
    expect(cite(2024)).not.toContain('F-STALE');
  });
});

describe('F-STALE: a plan for the year reported on', () => {
  it('flags 「2024年，我局将进一步…」 in the 2024 report (next year’s plan expected), not 将 marking an object or work done', () => {
    const f = only(run(edit((r) => {
      r.sections!.problems = `${r.sections!.problems ?? ''}\n2024年，我局将进一步加强政策解读，丰富解读形式。`;
    })), 'F-STALE');
    expect(f.map((x) => x.message)).toEqual([expect.stringContaining('应为下一年度（2025年）的计划')]);
    for (const done of ['2024年，我局将政务公开工作纳入年度绩效考核。', '2024年，我局将进一步规范了依申请公开办理流程。']) {
      expect(rulesAfter((r) => {
        r.sections!.problems = `${r.sections!.problems ?? ''}\n${done}`;
      }), done).not.toContain('F-STALE');
    }
  });
});

describe('F-STALE leaves history alone', () => {
  it('does not take 「2023 年，我县被确定为…」 or 「自2019年以来」 for last year’s text', () => {
    expect(rulesAfter((r) => {
      r.sections!.overview = `2023 年，我县被确定为全省基层政务公开标准化规范化试点县。自2019年以来，我县每年制定政务公开工作要点。\n${r.sections!.overview ?? ''}`;
    })).not.toContain('F-STALE');
  });
  it('still flags a paragraph that opens with last year and tells this year’s work', () => {
    const f = only(run(edit((r) => {
      r.sections!.overview = `2023 年，我县认真贯彻落实《条例》，扎实推进政务公开工作。\n${r.sections!.overview ?? ''}`;
    })), 'F-STALE');
    expect(f.map((x) => x.span?.section)).toEqual(['overview']);
  });
});

describe('F-STALE: a sentence run straight from last year into the organ speaking of itself', () => {
  it('flags 「2023年我单位共制作…」 and 「2023年全县…」 in a 2024 report; not 「2023年全国…」 or 「2024年我单位…」', () => {
    const f = only(run(edit((r) => {
      r.sections!.overview = `2023年我单位共制作、获取政府信息总数84条，主动公开信息数72条。\n${r.sections!.overview ?? ''}`;
    })), 'F-STALE');
    expect(f.map((x) => x.message)).toEqual(['“2023年”写的是 2023 年，与报告年度 2024 年不符：是否沿用了上年的文字？']);
    expect(rulesAfter((r) => (r.sections!.overview = `2023年全县共受理申请12件。\n${r.sections!.overview ?? ''}`))).toContain('F-STALE');
    expect(rulesAfter((r) => (r.sections!.overview = `2023年全国推行政务服务“一网通办”后，我县积极跟进。\n${r.sections!.overview ?? ''}`))).not.toContain('F-STALE');
    expect(rulesAfter((r) => (r.sections!.overview = `2024年我单位共制作政府信息84条。\n${r.sections!.overview ?? ''}`))).not.toContain('F-STALE');
    // last year's carrying over, told of last year, is no carried-over text
    expect(rulesAfter((r) => (r.sections!.overview = `2023年全区结转政府信息公开申请14件。\n${r.sections!.overview ?? ''}`))).not.toContain('F-STALE');
  });
});

describe('F-STALE: 「结转」 with last year names where applications came from', () => {
  it('leaves 「其中结转2023年3件」 in a 2024 report alone; flags 「结转2024年」 and 「结转至2023年」', () => {
    const said = (s: string) => rulesAfter((r) => (r.sections!.requests = `2024年共受理信息公开申请50件，${s}。`));
    expect(said('其中结转2023年3件，2024年申请47件')).not.toContain('F-STALE');
    expect(said('其中结转2024年3件')).toContain('F-STALE');
    expect(said('办结47件，结转至2023年3件')).toContain('F-STALE');
    expect(said('办结47件，结转2023年继续办理3件')).toContain('F-STALE');
  });
});

describe('F-STALE: the report naming itself with another year', () => {
  it('flags 「编制了《某某镇2023年政府信息公开工作年度报告》」 in a 2024 report, and not the report\'s own year', () => {
    const f = only(run(edit((r) => {
      r.sections!.preface = `根据《条例》规定，我镇认真编制了《某某镇2023年政府信息公开工作年度报告》。`;
    })), 'F-STALE');
    expect(f.map((x) => x.span?.section)).toEqual(['preface']);
    expect(f[0]?.message).toContain('2023');
    expect(rulesAfter((r) => {
      r.sections!.preface = `根据《条例》规定，我镇认真编制了《某某镇2024年政府信息公开工作年度报告》。`;
    })).not.toContain('F-STALE');
  });
});

describe('dated registry of citations (F-OLD, F-STALE)', () => {
  const found = (text: string, year = 2024) =>
    run(edit((r) => {
      r.year = year;
      r.sections!.preface = text;
    })).filter((f) => (f.rule === 'F-OLD' || f.rule === 'F-STALE') && f.section === 'preface');
  it('flags the 2007 条例 after 2019, the 2019 format after 2020, and another year’s 工作要点', () => {
    const f = found('根据《中华人民共和国政府信息公开条例》（国务院令第492号）和国办公开办函〔2019〕60号要求，对照《2023年政务公开工作要点》，编制本报告。');
    expect(f.map((x) => [x.rule, x.message])).toEqual([
      ['F-OLD', '正文引用的“国务院令第492号”（2007年公布的《中华人民共和国政府信息公开条例》）只适用于2019年度及以前，2024年度报告应依据2019年修订的《条例》（国务院令第711号）'],
      ['F-OLD', '正文引用的“国办公开办函〔2019〕60号”（政府信息公开工作年度报告格式（试行））只适用于2020年度及以前，2024年度报告应依据国办公开办函〔2021〕30号'],
      ['F-STALE', '正文引用了“2023年政务公开工作要点”，与报告年度 2024 年不符：应落实的是 2024 年的政务公开工作要点'],
    ]);
    expect(found('认真落实《2026年政务公开工作要点》。').map((x) => x.rule)).toEqual(['F-STALE']);
    expect(found('对照《2025年政务公开工作要点》开展工作。').map((x) => x.rule)).toEqual(['F-STALE']);
    // the year's tasks under another name
    expect(found('认真贯彻落实《某区2023年政务公开工作主要任务分解表的通知》等文件。').map((x) => x.message)).toEqual([
      '正文引用了“2023年政务公开工作主要任务”，与报告年度 2024 年不符：应落实的是 2024 年的政务公开工作任务',
    ]);
    expect(found('认真贯彻落实《某区2024年政务公开工作主要任务分解表的通知》等文件。')).toEqual([]);
  });
  it('a citation named and numbered (「《…有关事项的通知》(国办公开办函〔2019〕60号)」) is one finding, not two', () => {
    const f = found('根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》(国办公开办函〔2019〕60号)的有关规定编制。');
    expect(f.map((x) => x.rule)).toEqual(['F-OLD']);
  });
  it('is quiet on the 2019 revision, documents in force that year, and next year’s 要点 in next year’s plan', () => {
    expect(found('根据《中华人民共和国政府信息公开条例》（国务院令第711号）和国办公开办函〔2021〕30号，落实《2024年政务公开工作要点》。')).toEqual([]);
    expect(found('2025年，我县将认真落实《2025年政务公开工作要点》，持续提升公开质量。')).toEqual([]);
    expect(found('本报告依据国务院令第492号编制。', 2019)).toEqual([]);
    expect(found('本报告依据国办公开办函〔2019〕60号编制。', 2020)).toEqual([]);
  });
});

describe('F-STALE statistics period wording', () => {
  it('reads 「自…起至…止」', () => {
    expect(rulesAfter((r) => (r.sections!.preface = '本报告数据统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止。'))).toContain('F-STALE');
    expect(rulesAfter((r) => (r.sections!.preface = '本报告数据统计期限自 2024 年 1 月 1 日起至 2024 年 12 月 31 日止。'))).not.toContain('F-STALE');
  });
});

describe('F-TITLE suggestions', () => {
  it('names what is wrong and suggests the canonical title', () => {
    const msg = (title: string) => only(run(edit((r) => (r.title = title))), 'F-TITLE')[0]?.message;
    expect(msg('2024年政府信息公开工作年度报告')).toBe('标题“2024年政府信息公开工作年度报告”缺少机关名称：应为“乌鲁木齐县人民政府2024年政府信息公开工作年度报告”（导出时按标准标题排印）');
    expect(msg('2024年乌鲁木齐县政府信息公开工作年度报告')).toBe(
      '标题“2024年乌鲁木齐县政府信息公开工作年度报告”年份应写在机关名称之后、“政府信息公开”之前：应为“乌鲁木齐县2024年政府信息公开工作年度报告”（导出时按标准标题排印）',
    );
    expect(msg('乌鲁木齐县政府信息公开工作年度报告（2024年度）')).toContain('应为“乌鲁木齐县2024年政府信息公开工作年度报告”');
  });
});

describe('F-STALE: the year after the report\'s, told as this year\'s work', () => {
  it('flags next year\'s work told as done (「2025年,我局无依申请公开事项」, 「2025年累计发布…」) in the parts on this year', () => {
    const f = only(run(edit((r) => {
      r.sections!.requests = `2025年,我局无依申请公开事项。\n${r.sections!.requests ?? ''}`;
      r.sections!.overview = `围绕重点工作，2025年累计发布政策解读信息2条。\n${r.sections!.overview ?? ''}`;
    })), 'F-STALE');
    expect(f.map((x) => x.span?.section).sort()).toEqual(['overview', 'requests']);
    expect(f[0]?.message).toContain('本年度的工作应写 2024 年');
  });
  it('is quiet on next year\'s plan, wherever it stands, and on next year\'s work in the part on problems and plans', () => {
    expect(rulesAfter((r) => {
      r.sections!.overview = `2025年，我局将继续深化政务公开。\n${r.sections!.overview ?? ''}`;
      r.sections!.problems = `${r.sections!.problems ?? ''}\n2025年,我局无新增公开事项清单调整任务。`;
    })).not.toContain('F-STALE');
  });
  it('flags applications carried forward into the report\'s own year (「结转2024年344件」), not last year\'s carried over', () => {
    const f = only(run(edit((r) => {
      r.sections!.overview = `全年接收申请2036件，2023年结转183件；全年办理1875件，结转2024年344件。\n${r.sections!.overview ?? ''}`;
    })), 'F-STALE');
    expect(f.map((x) => x.message)).toEqual([expect.stringContaining('应结转至 2025 年')]);
    expect(rulesAfter((r) => {
      r.sections!.overview = `上年结转至2024年的申请3件，均已办结；结转至2025年继续办理2件。\n${r.sections!.overview ?? ''}`;
    })).not.toContain('F-STALE');
  });
  it('flags a preface compiling the report from another year\'s work, or publishing it under another year, unquoted', () => {
    for (const preface of ['根据《条例》要求，结合2023年东山街道政府信息公开工作实际，编制发布本报告。', '根据《条例》等文件要求，现向社会公布某镇人民政府2023年政府信息公开工作年度报告。', '根据《条例》要求，现将2023年度政府信息公开工作报告如下。', '按照要求，编制了管委会办公室2023年政府信息公开工作年度报告。']) {
      expect(only(run(edit((r) => (r.sections!.preface = preface))), 'F-STALE').map((x) => x.span?.section), preface).toEqual(['preface']);
    }
    for (const preface of ['根据《条例》要求，结合2024年东山街道政府信息公开工作实际，编制发布本报告。', '现向社会公布某镇人民政府2024年政府信息公开工作年度报告。', '现将2024年度政府信息公开工作报告如下。', '编制了管委会办公室2024年政府信息公开工作年度报告。']) {
      expect(rulesAfter((r) => (r.sections!.preface = preface)), preface).not.toContain('F-STALE');
    }
  });
});

/**
 * What a crawl or a PDF adds around a real report (test/fixtures/real tune cases, truths typed by hand): breadcrumbs,
 * a page's metadata and footer lines, page numbers between table rows, a heading broken or letter-spaced, the page's
 * tools between the heading and the organ's line. None of it may change a cell, the title, the organ or a finding.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRead, readPublishedBytes } from '../../electron/main/services/import/index.js';
import { importText } from '../../shared/import/index.js';
import { evaluate } from '../../shared/rules/index.js';
import { listCases, truthCells, type CorpusCase } from '../support/corpus.js';
import { derivableCases, derivedCase, makeDerived } from '../support/corpusDerived.js';
import { BREADCRUMB_LINE as BREADCRUMB, PAGE_FOOTER_LINE as FOOTER, withLayoutTable, withLetterSpacedTitle, withWideTables, withPageEnd, withPageNumbers, withToolsUnderTitle } from '../support/corpusRewrites.js';

const cases = listCases();
function tuneCase(id: string): CorpusCase {
  const c = cases.find((x) => x.id === id);
  if (!c || c.truth.split !== 'tune') throw new Error(`no tune case ${id}`);
  return c;
}
const sourceOf = (c: CorpusCase) => readFileSync(c.source, 'utf8');
/** The source with its one occurrence of `from` broken as `to` (a rewrite that finds nothing to break is a broken test). */
function broken(source: string, from: string, to: string): string {
  if (!source.includes(from)) throw new Error(`「${from}」 not in the source`);
  return source.replace(from, to);
}
const importAs = (text: string) => importText(text, { kind: 'text', name: 'page.txt', evaluate: (r) => evaluate(r) });

/** Cells whose imported value differs from the hand-typed truth. */
function wrongCells(c: CorpusCase, text: string): string[] {
  const got = importAs(text).report.cells;
  return [...truthCells(c.truth)]
    .filter(([k, v]) => typeof v !== 'string' && got[k] !== v)
    .map(([k, v]) => `${k}: got ${String(got[k])}, want ${String(v)}`);
}


describe('a crawl\'s page lines around a real report', () => {
  it('the footer\'s figures (「网站标识码：3300000001」) are never a table\'s', () => {
    for (const id of ['dingxing-xiaocun-township-2021', 'gaoling-administrative-approval-bureau-2021', 'hezhang-transport-bureau-2021']) {
      const c = tuneCase(id);
      expect(wrongCells(c, sourceOf(c)), id).toEqual([]);
      expect(wrongCells(c, `${sourceOf(c)}\n${FOOTER}\n`), id).toEqual([]);
    }
  });

  it('breadcrumbs and a footer leave a table saved one paragraph per cell read as one', () => {
    for (const id of ['zhoushan-government-service-office-2020', 'yuyang-tuofenglu-subdistrict-2020']) {
      const c = tuneCase(id);
      const text = `${BREADCRUMB}\n索引号：000000000/2021-00001    生成日期：2021-01-25\n${sourceOf(c)}\n【打印本页】 【关闭窗口】\n扫一扫在手机打开当前页\n${FOOTER}\n`;
      expect(wrongCells(c, text), id).toEqual([]);
    }
  });

  it('the page\'s 「索引号：…/2023-00001」 and 「生成日期：2023-01-20」 are no figures of a table whose part has no heading', () => {
    const c = tuneCase('shenzhen-ecology-environment-bureau-2022');
    const text = `${BREADCRUMB}\n索引号：000000000/2023-00001    生成日期：2023-01-20\n${sourceOf(c)}`;
    const r = importAs(text);
    expect(r.sourceCheck.filter((f) => f.rule === 'N-APP')).toEqual([]);
    expect(Object.values(r.report.cells).filter((v) => v !== null)).toEqual([]);
  });
});

/** A tune web page rewritten, saved in `kind` (Word by LibreOffice, PDF by Chromium) as it is and as rewritten, both read. */
async function savedBothWays(id: string, kind: 'docx' | 'pdf', rewrite: (html: string) => string) {
  const page = derivableCases(cases).find((c) => c.id === id);
  if (!page || page.truth.split !== 'tune') throw new Error(`no tune page ${id}`);
  const source = readFileSync(page.source, 'utf8');
  const rewritten = rewrite(source);
  if (rewritten === source) throw new Error(`${id}: the rewrite changed nothing`);
  const file = join(mkdtempSync(join(tmpdir(), 'rewritten-page-')), 'page.html');
  writeFileSync(file, rewritten);
  const read = async (c: CorpusCase) => {
    const saved = await readPublishedBytes(new Uint8Array(readFileSync(derivedCase(c, kind).source)), `page.${kind}`);
    if (!saved.ok) throw new Error(saved.error);
    return importRead(saved);
  };
  const rewrittenPage = { ...page, id: `${page.id}~rewritten-${kind}`, source: file };
  await makeDerived([page, rewrittenPage], [kind]);
  const [plain, changed] = [await read(page), await read(rewrittenPage)];
  const got = changed.report.cells;
  return {
    wrongCells: [...truthCells(page.truth)].filter(([k, v]) => typeof v !== 'string' && got[k] !== v),
    findings: [changed, plain].map((r) => r.sourceCheck.map((f) => `${f.rule} ${f.message}`).sort()),
  };
}

describe('a web page printed otherwise, then saved as Word (LibreOffice) or printed to PDF (Chromium)', () => {
  // laid out by a table: the site's link column beside the article, Word keeps the report's tables nested in its cell;
  // tables wider than the paper: table 三's group label (「（三）不予公开」), centred in its column, lands on a row's
  // figures between the two lines of the row's own label
  it.each([
    ['laid out by a table', 'pingtan-experimental-zone-2024', 'docx', withLayoutTable],
    ['laid out by a table', 'pingtan-finance-bureau-2023~html', 'docx', withLayoutTable],
    ['tables wider than the paper', 'pingtan-experimental-zone-2024', 'pdf', withWideTables],
    ['tables wider than the paper', 'pingtan-administrative-approval-bureau-2019~html', 'pdf', withWideTables],
  ] as const)('%s: %s as %s — every cell and finding as the page saved as it is', async (_what, id, kind, rewrite) => {
    const { wrongCells, findings } = await savedBothWays(id, kind, rewrite);
    expect(wrongCells).toEqual([]);
    expect(findings[0]).toEqual(findings[1]);
  }, 120_000);
});

describe('the lines a site closes an article with', () => {
  it('「上一篇：某某县2022年…报告」 names no year of a report whose title names none', () => {
    const text = [
      '政府信息公开工作年度报告',
      '一、总体情况',
      '2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息120条。',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '公开内容还不够丰富。',
      '六、其他需要报告的事项',
      '本年度未收取信息处理费。',
      '责任编辑：张某某',
      '上一篇：某某县2022年政府信息公开工作年度报告',
      '下一篇：某某县2022年政务公开工作要点',
    ].join('\n');
    expect(importAs(text).report.year).toBe(2023);
    // (and on the tune cases whose title names no year and whose year is read right, it stays right)
    const titleless = cases.filter((c) => c.truth.split === 'tune' && c.truth.title === null && (c.truth.kind === 'text' || c.truth.kind === 'markdown')).slice(0, 30);
    const readRight = titleless.filter((c) => importAs(sourceOf(c)).report.year === c.truth.year);
    expect(readRight.length).toBeGreaterThan(10);
    for (const c of readRight) expect(importAs(withPageEnd(sourceOf(c), c.truth.year - 1)).report.year, c.id).toBe(c.truth.year);
  });

  it('a sentence broken at a PDF\'s margin that names a site\'s 承办单位 in passing is no footer: nothing after it is cut', () => {
    const c = tuneCase('xinyuan-county-2024');
    const source = sourceOf(c);
    const heading = '六、其他需要报告的事项\n';
    // (the sentence from a fresh report, 重庆高新区's 融媒体中心, its line as a PDF's margin breaks it)
    const text = broken(source, heading, `${heading}\n中心作为重庆高新区管委会门户网站承办单位,持续加强网站的\n技术监测力度。\n`);
    const [plain, withLine] = [importAs(source), importAs(text)];
    expect(withLine.report.sections?.other).toContain('承办单位');
    expect(withLine.report.sections?.other).toContain('信息公开处理费');
    expect(withLine.sourceCheck.filter((f) => f.rule === 'F-FEE')).toEqual(plain.sourceCheck.filter((f) => f.rule === 'F-FEE'));
    // a footer naming its 主办单位 as a field still ends the report
    expect(importAs(`${source}\n${FOOTER}\n`).report.sections?.other).not.toContain('网站标识码');
  });

  it('nor sways how a table saved one paragraph per cell is read', () => {
    for (const id of ['zhoushan-government-service-office-2020', 'yuyang-tuofenglu-subdistrict-2020']) {
      const c = tuneCase(id);
      expect(wrongCells(c, withPageEnd(sourceOf(c))), id).toEqual([]);
    }
  });
});

describe('a PDF\'s page numbers between table rows', () => {
  it('「— 2 —」 lines are left out, not read as empty lines (empty cells where a table is saved one cell per line)', () => {
    for (const id of ['huachuan-health-bureau-2021', 'xiangqiao-education-bureau-2023', 'hantai-hedongdian-town-2025', 'hongjiang-transport-bureau-2020', 'wangcang-forestry-bureau-2019']) {
      const c = tuneCase(id);
      const paged = withPageNumbers(sourceOf(c));
      // (as the page reads without them: a known gap of the case stays what it is)
      expect(wrongCells(c, paged), id).toEqual(wrongCells(c, sourceOf(c)));
    }
  });
});

describe('a real heading as documents break it', () => {
  it('the organ on a line of its own above 「2021年政府信息公开工作年度报告」 (a 街道 named 「某某街」) is the title\'s', () => {
    const c = tuneCase('beichen-jiarongli-subdistrict-2021');
    const r = importAs(broken(sourceOf(c), '佳荣里街2021年', '佳荣里街\n2021年'));
    expect(r.report.title).toBe(c.truth.title);
    expect(r.report.organ).toBe(c.truth.organ);
    expect(r.sourceCheck.map((f) => f.rule)).not.toContain('F-TITLE');
  });

  it('「2022年度政府信息公开年报」 names no organ 「政府」: the organ\'s line above it is joined', () => {
    const c = tuneCase('wuqi-tiebiancheng-town-2022');
    const r = importAs(broken(sourceOf(c), '铁边城镇2022年度', '铁边城镇\n2022年度'));
    expect(r.report.title).toBe(c.truth.title);
    expect(r.report.organ).toBe(c.truth.organ);
  });

  it('a heading broken after 「关于」 is one heading', () => {
    const c = tuneCase('ningqiang-natural-resources-bureau-2021');
    const r = importAs(broken(sourceOf(c), '宁强县自然资源局关于2021年度', '宁强县自然资源局关于\n2021年度'));
    expect(r.report.title).toBe(c.truth.title);
  });

  it('a letter-spaced heading (「某 某 局 2 0 2 1 年 …」) is read closed up', () => {
    for (const id of ['bishan-fulu-town-2019', 'anning-city-2022', 'dongtou-natural-resources-bureau-2021']) {
      const c = tuneCase(id);
      const title = c.truth.title ?? '';
      const spaced = withLetterSpacedTitle(sourceOf(c), title);
      expect(spaced, id).toContain([...title.replace(/\s/g, '')].join(' '));
      const r = importAs(spaced);
      expect(r.report.title, id).toBe(title.replace(/\s/g, ''));
      expect(r.report.organ ?? null, id).toBe(c.truth.organ);
    }
  });

  it('the page\'s date and tools line between the heading and the organ\'s line under it', () => {
    for (const id of ['chongchuan-data-bureau-2025', 'wuchang-development-zone-committee-2025']) {
      const c = tuneCase(id);
      const text = withToolsUnderTitle(sourceOf(c), c.truth.title);
      expect(text, id).not.toBe(sourceOf(c));
      expect(importAs(text).report.organ, id).toBe(c.truth.organ);
    }
  });
});

describe('a real heading broken by a PDF\'s margin (about 21 characters of 2号 type a line)', () => {
  const brokenAt = (id: string, at: string) => {
    const c = tuneCase(id);
    const title = c.truth.title ?? '';
    const cut = title.indexOf(at);
    if (cut <= 0) throw new Error(`「${at}」 not inside the title of ${id}`);
    const text = broken(sourceOf(c), title, `${title.slice(0, cut)}\n${title.slice(cut)}`);
    return { c, r: importAs(text) };
  };

  it('inside the year (「…集贤里街道2023」/「年政府信息公开工作年度报告」)', () => {
    const { c, r } = brokenAt('beichen-jixianli-subdistrict-2023', '年政府');
    expect(r.report.title).toBe(c.truth.title);
    expect(r.report.organ).toBe(c.truth.organ);
  });

  it('inside the organ\'s name (「…综合服务」/「中心2020年度…」, 「大同市人民政府」/「办公室2024年…」)', () => {
    for (const [id, at] of [
      ['hualong-qunke-service-center-2020', '中心2020'],
      ['datong-government-office-2024', '办公室2024'],
    ] as const) {
      const { c, r } = brokenAt(id, at);
      expect(r.report.title, id).toBe(c.truth.title);
      expect(r.report.organ, id).toBe(c.truth.organ);
    }
  });
});

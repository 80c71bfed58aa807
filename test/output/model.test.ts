/** The document model: title, headings, run-in sub-headings, tables from the format grids, 落款. */
import { describe, expect, it } from 'vitest';
import { FORMAT_2019, FORMAT_2021, SECTIONS, tableLayout } from '../../shared/report/format.js';
import { columnWidthsTwips, runFonts, FOOTER_TWIPS } from '../../shared/render/docx.js';
import { fontStack, renderHtml, reportCss } from '../../shared/render/html.js';
import { buildDocModel, cleanText, paragraphRuns, splitParagraphs, titleLines, type Block, type ModelTable } from '../../shared/render/model.js';
import { LINE_TWIPS, MARGIN_TWIPS, PAGE_TWIPS, TEXT_WIDTH_TWIPS, pageNumberText } from '../../shared/render/typography.js';
import { syntheticReport } from './sample.js';

const tables = (blocks: Block[]): ModelTable[] => blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));

describe('paragraphs', () => {
  it('detects run-in （一） headings at the start of a paragraph, up to 。 or ：', () => {
    expect(paragraphRuns('（一）主动公开情况。2024年主动公开2481条。')).toEqual([
      { text: '（一）主动公开情况。', style: 'kai' },
      { text: '2024年主动公开2481条。', style: 'body' },
    ]);
    expect(paragraphRuns('(二)依申请公开：共受理21件。')[0]).toEqual({ text: '(二)依申请公开：', style: 'kai' });
    expect(paragraphRuns('（一）存在的问题')).toEqual([{ text: '（一）存在的问题', style: 'kai' }]);
  });

  it('prints a sub-heading inserted by its button (the caret left on the next line) as a 楷体 heading, and the text typed after it as body', () => {
    expect(splitParagraphs('（一）主动公开\n本年度按要求扎实开展工作。').map(paragraphRuns)).toEqual([
      [{ text: '（一）主动公开', style: 'kai' }],
      [{ text: '本年度按要求扎实开展工作。', style: 'body' }],
    ]);
  });

  it('sets only the marker in 楷体 when no short heading ends it', () => {
    const long = `（三）${'健全制度'.repeat(20)}。`;
    expect(paragraphRuns(long)[0]).toEqual({ text: '（三）', style: 'kai' });
  });

  it('detects bold 1. headings but not decimals, and leaves plain text alone', () => {
    expect(paragraphRuns('1.加强培训。每季度一次。')[0]).toEqual({ text: '1.加强培训。', style: 'bold' });
    expect(paragraphRuns('1.2万条信息已公开。')).toEqual([{ text: '1.2万条信息已公开。', style: 'body' }]);
    expect(paragraphRuns('主动公开方面：全年公开。')).toEqual([{ text: '主动公开方面：全年公开。', style: 'body' }]);
    expect(paragraphRuns('一是加强（一）类信息')).toEqual([{ text: '一是加强（一）类信息', style: 'body' }]);
  });

  it('splits lines into paragraphs, drops indentation and control characters', () => {
    expect(splitParagraphs('\u3000\u3000第一段。\r\n\n  第二段\u0000。\u2028第三段\t结束')).toEqual(['第一段。', '第二段。', '第三段 结束']);
    expect(cleanText('a\u0007b\u202Ec\uFFFEd\uD800e')).toBe('abcde');
    expect(cleanText('😀正常')).toBe('😀正常');
  });
});

describe('title', () => {
  it('keeps a short title on one line and breaks a long one after the organ', () => {
    expect(titleLines('某县2024年政府信息公开工作年度报告', '某县')).toEqual(['某县2024年政府信息公开工作年度报告']);
    expect(titleLines('淮安市人民政府2024年政府信息公开工作年度报告', '淮安市人民政府')).toEqual(['淮安市人民政府', '2024年政府信息公开工作年度报告']);
  });

  it('prints the canonical title unless the report has its own of the standard form', () => {
    const model = buildDocModel(syntheticReport());
    expect(model.title).toBe('某某县人民政府2024年政府信息公开工作年度报告');
    expect(model.blocks[0]).toEqual({ kind: 'title', lines: ['某某县人民政府', '2024年政府信息公开工作年度报告'] });
    // a printed title of the wrong form (F-TITLE) is not printed again
    expect(buildDocModel({ ...syntheticReport(), title: '某某县政府信息公开工作年度报告（2024年度）' }).title).toBe('某某县人民政府2024年政府信息公开工作年度报告');
    // the organ's full name in a title of the standard form is kept, broken symmetrically when it doesn't start with 机关名称
    const own = buildDocModel({ ...syntheticReport(), title: '中共某某县委办公室 某某县人民政府办公室2024年政府信息公开工作年度报告' });
    expect(own.title).toBe('中共某某县委办公室某某县人民政府办公室2024年政府信息公开工作年度报告');
    expect(own.blocks[0]).toEqual({ kind: 'title', lines: ['中共某某县委办公室某某县人民政府办公', '室2024年政府信息公开工作年度报告'] });
  });
});

describe('document', () => {
  it('has the six headings in order, each table after its heading, and the 落款 last', () => {
    const model = buildDocModel(syntheticReport());
    const kinds = model.blocks.map((b) => (b.kind === 'heading' ? b.text : b.kind === 'table' ? `table:${b.table.id}` : b.kind));
    const order = kinds.filter((k) => k.startsWith('table:') || SECTIONS.some((s) => s.heading === k));
    expect(order).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      'table:active',
      '三、收到和处理政府信息公开申请情况',
      'table:apply',
      '四、政府信息公开行政复议、行政诉讼情况',
      'table:review',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(model.blocks.at(-1)).toMatchObject({ kind: 'signature', organ: '某某县人民政府办公室', date: '2025年2月25日', style: 'sealed' });
  });

  it('drops a section line that repeats its heading', () => {
    const report = syntheticReport();
    report.sections = { ...report.sections, other: '六、其他需要报告的事项\n本年度没有产生信息公开处理费。' };
    const texts = buildDocModel(report).blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : []));
    expect(texts.filter((t) => t === '六、其他需要报告的事项')).toHaveLength(1);
  });

  it('fills tables from the format grids with computed totals', () => {
    const report = syntheticReport();
    const [, apply, review] = tables(buildDocModel(report).blocks);
    expect(apply?.rows).toHaveLength(28);
    expect(apply?.headerRows).toBe(3);
    const grid = tableLayout(FORMAT_2021, 'apply');
    expect(apply?.rows.map((r) => r.length)).toEqual(grid.rows.map((r) => r.length));
    const total = apply?.rows[3]?.find((c) => c.cell === 'apply.new.total');
    const sum = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org'].reduce((a, k) => a + Number(report.cells[`apply.new.${k}`]), 0);
    expect(total?.text).toBe(String(sum));
    expect(apply?.rows.flat().filter((c) => c.vertical).map((c) => c.text)).toEqual(['三、本年度办理结果']);
    expect(review?.rows).toHaveLength(4);
    expect(review?.rows[3]).toHaveLength(15);
  });

  it('prints blanks as empty cells, not 0, and a 2019 report with its own table 二', () => {
    const model = buildDocModel({ format: '2019', year: 2020, organ: '某局', cells: {} });
    const [active, apply] = tables(model.blocks);
    expect(active?.rows.map((r) => r[0]?.text)).toContain('规范性文件');
    expect(apply?.rows).toHaveLength(tableLayout(FORMAT_2019, 'apply').rows.length);
    expect(apply?.rows.flat().filter((c) => c.cell).every((c) => c.text === '')).toBe(true);
  });
});

describe('typography constants', () => {
  it('are the spec values, not rounded conversions', () => {
    expect(PAGE_TWIPS).toEqual({ width: 11906, height: 16838 });
    expect(MARGIN_TWIPS).toEqual({ top: 2098, bottom: 1984, left: 1588, right: 1474 });
    expect(TEXT_WIDTH_TWIPS).toBe(8844);
    expect(LINE_TWIPS).toBeGreaterThanOrEqual(560);
    expect(LINE_TWIPS).toBeLessThanOrEqual(580);
    expect(22 * LINE_TWIPS).toBeLessThanOrEqual(PAGE_TWIPS.height - MARGIN_TWIPS.top - MARGIN_TWIPS.bottom);
    expect(pageNumberText(3)).toBe('— 3 —');
    expect(FOOTER_TWIPS).toBeGreaterThan(0);
    expect(FOOTER_TWIPS).toBeLessThan(MARGIN_TWIPS.bottom);
  });

  it('column widths are integers summing exactly to the text width', () => {
    for (const t of FORMAT_2021.tables) {
      const w = columnWidthsTwips(t.widths);
      expect(w.every((x) => Number.isInteger(x) && x > 0)).toBe(true);
      expect(w.reduce((a, b) => a + b, 0)).toBe(8844);
    }
  });

  it('names the Chinese font in hAnsi and fallbacks in CSS', () => {
    expect(runFonts('body')).toEqual({ ascii: 'Times New Roman', hAnsi: '仿宋_GB2312', eastAsia: '仿宋_GB2312', cs: '仿宋_GB2312' });
    expect(fontStack('title')).toMatch(/"方正小标宋简体", "小标宋".*"宋体", "SimSun".*serif$/);
    expect(fontStack('body')).toMatch(/^"GovLatin", "仿宋_GB2312", "仿宋", "FangSong"/);
    expect(fontStack('heading')).toMatch(/"黑体", "SimHei".*sans-serif$/);
    expect(fontStack('kai')).toMatch(/"楷体_GB2312", "楷体", "KaiTi"/);
  });

  it('puts the paper layout in CSS: A4, the margins, page numbers on :right and :left pages', () => {
    // the flow document, printed as it is; the paged one is A4 sheets with no page margins
    expect(reportCss('paged')).toContain('@page { size: A4; margin: 0; }');
    const css = reportCss('flow');
    expect(css).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
    expect(css).toMatch(/@page :right \{\s*@bottom-right \{ content: "— " counter\(page\) " —"/);
    expect(css).toMatch(/@page :left \{\s*@bottom-left \{ content: "— " counter\(page\) " —"/);
    expect(css).toContain('font-size: 14pt');
    expect(css).toContain('unicode-range: U+0020-007E');
  });

  it('writes a standalone HTML document with no scripts and repeating table headers', () => {
    const html = renderHtml(buildDocModel(syntheticReport()));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|\ssrc=|\shref=|\son\w+=/i);
    expect(html).toContain("default-src 'none'");
    expect(html.match(/<thead>/g)).toHaveLength(2);
    expect(html).toMatch(/<h2 data-b="\d+">三、收到和处理政府信息公开申请情况<\/h2>/);
  });
});

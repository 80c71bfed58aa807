/**
 * A report page as a browser saves it: <title> with the site's name, scripts and styles, navigation and a
 * breadcrumb, the 「索引号」 metadata table, the article inside a layout table, report tables with <br> inside
 * their cells and &nbsp; — read to the report's own heading, its tables and its text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../../electron/main/services/import/docx.js';
import { htmlToLines } from '../../electron/main/services/import/html.js';
import { parsePublished, type SourceDocument } from '../../shared/import/index.js';
import { SECTION_KEYS } from '../../shared/report/format.js';
import { toReportData } from '../../shared/schema/reportData.js';
import { loadData, makeDocx } from './make.js';

const squash = (s: string | undefined) => (s ?? '').replace(/\s+/g, '');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The report's paragraphs and tables (from its DOCX) as the article of a saved web page. */
async function savedPage(name: string): Promise<string> {
  const doc = await readDocx(await makeDocx(loadData(name)));
  let article = '';
  let open: number | undefined;
  for (const l of doc.lines) {
    if (l.table !== open) {
      if (open !== undefined) article += '</tbody></table>';
      if (l.table !== undefined) article += '<table class="MsoTableGrid" border="1"><tbody>';
      open = l.table;
    }
    if (l.table !== undefined) {
      // a label cell broken by <br> after its first four characters; numbers padded with &nbsp; (with and without ;)
      const cell = (c: string) => (/^\d+$/.test(c) ? `&nbsp;${c}&nbsp` : c.length > 8 ? `${esc(c.slice(0, 4))}<br/>${esc(c.slice(4))}` : esc(c));
      article += `<tr>${(l.cells ?? []).map((c) => `<td><p style="text-align:center">${cell(c)}</p></td>`).join('')}</tr>`;
    } else if (l.text) article += l.text === doc.lines[0]?.text ? `<h1 class="title">${esc(l.text)}</h1>` : `<p>&nbsp;&nbsp;${esc(l.text)}</p>`;
  }
  if (open !== undefined) article += '</tbody></table>';
  const title = doc.lines[0]?.text ?? '';
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(title)}_某县人民政府网</title>
<style>td { border: 1px solid } .title { font-size: 22px }</style><script>var cells = "<table><tr><td>9</td></tr></table>";</script></head>
<body><nav><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li>政府信息公开年度报告</li></ul></nav>
<div class="crumb">您现在的位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 政府信息公开年度报告</div>
<table class="meta"><tr><td>索引号：</td><td>11650121MB1234567X/2025-00012</td><td>发布机构：</td><td>县人民政府办公室</td></tr>
<tr><td>标&nbsp;&nbsp;题：</td><td colspan="3">${esc(title)}_某县人民政府网</td></tr><tr><td>发布日期：</td><td>2025-02-25</td><td>文号：</td><td></td></tr></table>
<table width="100%" class="layout"><tr><td class="left"><ul><li>政务动态</li><li>通知公告</li></ul></td><td class="main">${article}</td></tr></table>
<div class="footer">主办单位：某县人民政府办公室 网站标识码：6501210001</div></body></html>`;
}

describe.each(['urumqi-county-2024', 'xinxiang-county-office-2024'])('a saved report page: %s', (name) => {
  const data = loadData(name);
  let doc: SourceDocument;
  beforeAll(async () => {
    doc = htmlToLines(await savedPage(name));
  });

  it('the report’s own tables only: the metadata table and the layout table are not report tables', () => {
    const tables = new Set(doc.lines.flatMap((l) => (l.table === undefined ? [] : [l.table])));
    expect(tables).toEqual(new Set([0, 1, 2]));
    expect(doc.lines.some((l) => /索引号|_某县人民政府网|var cells/.test(l.text))).toBe(false);
  });

  it('title from the heading, every cell, every section', () => {
    const { report } = parsePublished(doc);
    expect(report.title).toBe(squash(data.title));
    const cells = toReportData(report, { keepPrintedTotals: true }).cells;
    expect(Object.entries(data.cells).filter(([k, v]) => cells[k] !== v)).toEqual([]);
    for (const k of SECTION_KEYS) expect(squash(report.sections?.[k]), k).toBe(squash(data.sections?.[k]));
  });
});

describe('a count printed with its counter in its own cell', () => {
  it('「1个」 in a grid cell is the count, and the row goes on to its amount (「246900元」)', () => {
    const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    const html = `<html><body><p>某县文化局2019年政府信息公开工作年度报告</p><p>根据《条例》要求，编制本报告。</p>
<p>一、总体情况</p><p>本年度主动公开政府信息12条。</p><p>二、主动公开政府信息情况</p><table>
${row(['第二十条第（一）项', '', '', ''])}${row(['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'])}
${row(['规章', '0', '0', '0'])}${row(['规范性文件', '2', '2', '2'])}
${row(['第二十条第（九）项', '', '', ''])}${row(['信息内容', '采购项目数量', '采购总金额', ''])}${row(['政府集中采购', '1个', '246900元', ''])}
</table><p>三、收到和处理政府信息公开申请情况</p><p>未收到申请。</p></body></html>`;
    const { report } = parsePublished(htmlToLines(html));
    expect(report.format).toBe('2019');
    expect(report.cells['active2019.procurement.items']).toBe(1);
    expect(report.cells['active2019.procurement.amount']).toBe('246900 元');
  });
});

describe('a table 二 whose grid is wider than its rows', () => {
  it('the empty cells of 「第二十条第（一）项」 and of a one-figure row (「行政许可 | 5 | | 」) are layout: every row read in place, no doubt on the table', () => {
    const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    const head = (item: string, ...columns: string[]) => row([`第二十条第（${item}）项`, '', '', '']) + row(['信息内容', ...columns, '', '', ''].slice(0, 4));
    const html = `<html><body><p>某县文化局2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>本年度主动公开政府信息12条。</p>
<p>二、主动公开政府信息情况</p><table>
${head('一', '本年制发件数', '本年废止件数', '现行有效件数')}${row(['规章', '1', '0', '4'])}${row(['行政规范性文件', '3', '1', '6'])}
${head('五', '本年处理决定数量')}${row(['行政许可', '5', '', ''])}
${head('六', '本年处理决定数量')}${row(['行政处罚', '2', '', ''])}${row(['行政强制', '0', '', ''])}
${head('八', '本年收费金额（单位：万元）')}${row(['行政事业性收费', '0', '', ''])}
</table><p>三、收到和处理政府信息公开申请情况</p><p>未收到申请。</p></body></html>`;
    const { report, uncertain } = parsePublished(htmlToLines(html));
    const active = Object.fromEntries(Object.entries(report.cells).filter(([k]) => k.startsWith('active.')));
    expect(active).toEqual({
      'active.regulations.issued': 1, 'active.regulations.repealed': 0, 'active.regulations.in_force': 4,
      'active.normative.issued': 3, 'active.normative.repealed': 1, 'active.normative.in_force': 6,
      'active.licensing.decisions': 5, 'active.punishment.decisions': 2, 'active.coercion.decisions': 0, 'active.fees.amount': 0,
    });
    expect(uncertain.filter((u) => u.target?.startsWith('active.'))).toEqual([]);
  });
});

describe('a 2019 table 二 with a row of the site\'s own, in a grid wider than its rows', () => {
  it('「其他主动公开文件 | 186 | 86 | 255」 lends no figure to a row of the format, and a row ending in empty cells (「行政强制 | 4 | 4 | - | |」) is read in place', () => {
    const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    const head = (item: string, ...columns: string[]) => row([`第二十条第（${item}）项`, '', '', '', '', '']) + row(['信息内容', ...columns, '', '', '', '', ''].slice(0, 6));
    const html = `<html><body><p>某市生态环境局2020年政府信息公开工作年度报告</p><p>一、总体情况</p><p>本年度主动公开政府信息255条。</p>
<p>二、主动公开政府信息情况</p><table>
${head('一', '本年新制作数量', '本年新公开数量', '对外公开总数量')}${row(['规章(设区的市、自治州人民政府应提供相关数据)', '0', '0', '0', '', ''])}
${row(['规范性文件', '2', '2', '19', '', ''])}${row(['其他主动公开文件(含以本单位名义正式签发的主动公开文件)', '186', '86', '255', '', ''])}
${head('五', '上一年项目数量', '本年增/减', '处理决定数量')}${row(['行政许可', '8', '5', '93', '', ''])}${row(['其他对外管理服务事项', '117', '0', '165', '', ''])}
${head('六', '上一年项目数量', '本年增/减', '处理决定数量')}${row(['行政处罚', '90', '0', '22', '', ''])}${row(['行政强制', '4', '4', '-', '', ''])}
${head('八', '上一年项目数量', '本年增/减')}${row(['行政事业性收费', '3', '0', '', '', ''])}
</table><p>三、收到和处理政府信息公开申请情况</p><p>未收到申请。</p></body></html>`;
    const { report, uncertain } = parsePublished(htmlToLines(html));
    const active = Object.fromEntries(Object.entries(report.cells).filter(([k]) => k.startsWith('active2019.') && !k.includes('procurement')));
    expect(active).toEqual({
      'active2019.regulations.made': 0, 'active2019.regulations.published': 0, 'active2019.regulations.total': 0,
      'active2019.normative.made': 2, 'active2019.normative.published': 2, 'active2019.normative.total': 19,
      'active2019.licensing.prev_items': 8, 'active2019.licensing.change': 5, 'active2019.licensing.decisions': 93,
      'active2019.other_services.prev_items': 117, 'active2019.other_services.change': 0, 'active2019.other_services.decisions': 165,
      'active2019.punishment.prev_items': 90, 'active2019.punishment.change': 0, 'active2019.punishment.decisions': 22,
      'active2019.coercion.prev_items': 4, 'active2019.coercion.change': 4, 'active2019.coercion.decisions': null,
      'active2019.fees.prev_items': 3, 'active2019.fees.change': 0,
    });
    // the one doubt is the blank the report prints (「-」), never a row's figure count
    expect(uncertain.filter((u) => u.target.startsWith('active2019.') && !u.target.includes('procurement')).map((u) => u.target)).toEqual(['active2019.coercion.decisions']);
  });
});

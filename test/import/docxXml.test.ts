/** word/document.xml → lines: the XML details real Word and WPS files have. */
import { describe, expect, it } from 'vitest';
import { documentXmlToLines } from '../../electron/main/services/import/docx.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const p = (inner: string) => `<w:p>${inner}</w:p>`;
const r = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
const tc = (text: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${p(r(text))}</w:tc>`;
const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`;

describe('documentXmlToLines', () => {
  it('runs, tabs, breaks, hyperlinks and insertions are text; deletions, moved-away text and field codes are not; a text box counts once', () => {
    const xml = doc(
      p(r('一、') + '<w:ins w:id="1">' + r('总体情况') + '</w:ins><w:del w:id="2"><w:r><w:delText>删掉的</w:delText></w:r></w:del>') +
        p(r('甲') + '<w:r><w:tab/></w:r>' + r('乙') + '<w:r><w:br/></w:r>' + r('丙')) +
        p('<w:hyperlink r:id="x" xmlns:r="r">' + r('链接') + '</w:hyperlink><w:r><w:instrText> HYPERLINK </w:instrText></w:r><w:moveFrom>' + r('移走') + '</w:moveFrom>') +
        p('<w:r><mc:AlternateContent><mc:Choice Requires="wps">' + p(r('文本框')) + '</mc:Choice><mc:Fallback>' + p(r('文本框')) + '</mc:Fallback></mc:AlternateContent></w:r>'),
    );
    expect(documentXmlToLines(xml).lines.map((l) => l.text)).toEqual(['一、总体情况', '甲\t乙', '丙', '链接', '文本框']);
  });

  it('a table becomes a grid: gridSpan once, vMerge continuation left out, cells in content controls, paragraphs of a cell joined', () => {
    const xml = doc(
      '<w:tbl>' +
        `<w:tr>${tc('表头', '<w:gridSpan w:val="2"/>')}${tc('总计', '<w:vMerge w:val="restart"/>')}</w:tr>` +
        `<w:tr>${tc('a')}${tc('b')}<w:tc><w:tcPr><w:vMerge/></w:tcPr>${p('')}</w:tc></w:tr>` +
        `<w:tr><w:sdt><w:sdtContent>${tc('1.属于')}</w:sdtContent></w:sdt><w:tc>${p(r('国家'))}${p(r('秘密'))}</w:tc>${tc('')}</w:tr>` +
        '</w:tbl>',
    );
    const rows = documentXmlToLines(xml).lines.filter((l) => l.table === 0);
    expect(rows.map((l) => l.cells)).toEqual([['表头', '总计'], ['a', 'b'], ['1.属于', '国家 秘密', '']]);
  });

  it('a page saved as Word from a table-laid-out site: the layout table (one holding tables) is body content, its tables data tables', () => {
    const data = `<w:tbl><w:tr>${tc('行政许可')}${tc('12')}</w:tr><w:tr>${tc('行政处罚')}${tc('3')}</w:tr></w:tbl>`;
    const xml = doc(
      '<w:tbl><w:tr>' +
        `<w:tc>${p(r('首页'))}${p(r('政务公开'))}</w:tc>` +
        `<w:tc>${p(r('二、主动公开政府信息情况'))}<w:sdt><w:sdtContent>${data}</w:sdtContent></w:sdt>${p(r('三、收到和处理政府信息公开申请情况'))}</w:tc>` +
        '</w:tr></w:tbl>',
    );
    const lines = documentXmlToLines(xml).lines;
    expect(lines.filter((l) => l.table === undefined && l.text !== '').map((l) => l.text)).toEqual(['首页', '政务公开', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况']);
    expect(lines.filter((l) => l.table === 0).map((l) => l.cells)).toEqual([['行政许可', '12'], ['行政处罚', '3']]);
  });

  it('entities are decoded; malformed XML and DOCTYPE are refused', () => {
    expect(documentXmlToLines(doc(p(r('A&amp;B &lt;1&gt;')))).lines[0]?.text).toBe('A&B <1>');
    expect(() => documentXmlToLines(doc(p(r('x')).replace('</w:p>', '')))).toThrow(/XML 已损坏/);
    expect(() => documentXmlToLines('<!DOCTYPE x [<!ENTITY a "b">]>' + doc(p(r('&a;'))))).toThrow(/DOCTYPE/);
  });
});

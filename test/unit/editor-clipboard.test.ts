import { describe, expect, it } from 'vitest';
import { clipboardBlock, decodeEntities, isMultiCell, parseHtmlTable, parseTsv } from '../../shared/editor/clipboard.js';

describe('TSV from Excel/WPS', () => {
  it('splits rows and cells and drops the trailing line break Excel adds', () => {
    expect(parseTsv('1\t2\t3\r\n4\t5\t6\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });
  it('keeps blank cells, including trailing ones', () => {
    expect(parseTsv('1\t\t3\n\t\t\n')).toEqual([
      ['1', '', '3'],
      ['', '', ''],
    ]);
  });
  it('reads Excel quoting of cells with line breaks, tabs and quotes', () => {
    expect(parseTsv('"a\nb"\t"say ""hi"""\t"x\ty"\n2\t3\t4')).toEqual([
      ['a\nb', 'say "hi"', 'x\ty'],
      ['2', '3', '4'],
    ]);
  });
  it('takes a stray quote literally', () => {
    expect(parseTsv('5"\t"6\n')).toEqual([['5"', '"6']]);
  });
  it('a single value is one cell', () => {
    expect(parseTsv('12')).toEqual([['12']]);
    expect(isMultiCell(parseTsv('12\n'))).toBe(false);
    expect(isMultiCell(parseTsv('1\t2'))).toBe(true);
  });
});

describe('HTML tables from the clipboard', () => {
  const excel = `<html><head><style>td{mso-number-format:General}</style></head><body><!--StartFragment-->
<table border=0 cellpadding=0 cellspacing=0 width=216>
 <tr height=18><td height=18 class=xl65 align=right width=72>1,234</td><td class=xl65>&nbsp;5&nbsp;</td><td>x&amp;y</td></tr>
 <tr><td colspan=2 class=xl66>７</td><td rowspan=2>9</td></tr>
 <tr><td>a<br>b</td><td><span style='color:red'>3</span></td></tr>
</table><!--EndFragment--></body></html>`;
  it('reads cells, entities, line breaks and merges (merged text top-left, covered positions blank)', () => {
    expect(parseHtmlTable(excel)).toEqual([
      ['1,234', '5', 'x&y'],
      ['７', '', '9'],
      ['a\nb', '3', ''],
    ]);
  });
  it('handles cells without closing tags and th cells', () => {
    expect(parseHtmlTable('<table><tr><th>1<th>2<tr><td>3<td>4</table>')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });
  it('is null without a table', () => {
    expect(parseHtmlTable('<p>12</p>')).toBeNull();
  });
  it('prefers the HTML table, falls back to the text', () => {
    expect(clipboardBlock({ html: '<table><tr><td>1</td><td>2</td></tr></table>', text: '9\t9' })).toEqual([['1', '2']]);
    expect(clipboardBlock({ html: '<b>x</b>', text: '9\t8' })).toEqual([['9', '8']]);
    expect(clipboardBlock({ text: '' })).toEqual([]);
  });
  it('decodes numeric entities', () => {
    expect(decodeEntities('&#20840;&#x90e8;&bogus;')).toBe('全部&bogus;');
  });
});

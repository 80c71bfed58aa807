/**
 * PDF text layers have nothing where a table cell is blank: a row's figures are put back in their columns by a
 * fuller row of the same table nearby, and a column with no figure reads as a printed blank (「—」).
 */
import { describe, expect, it } from 'vitest';
import { itemsToLines } from '../../electron/main/services/import/pdf.js';

const COLUMNS = [200, 250, 300, 350, 400, 450, 500];
type Item = { str: string; x: number; y: number; w: number; h: number };
const label = (str: string, y: number): Item => ({ str, x: 20, y, w: 160, h: 10 });
/** a row: its label, then a figure (or nothing) under each column */
function row(y: number, name: string, figures: readonly (string | null)[], columns = COLUMNS): Item[] {
  const out = [label(name, y)];
  figures.forEach((f, k) => {
    if (f !== null) out.push({ str: f, x: (columns[k] ?? 0) - 5, y, w: 10, h: 10 }, { str: ' ', x: (columns[k] ?? 0) + 5, y, w: 3, h: 10 });
  });
  return out;
}

describe('PDF rows with blank cells', () => {
  it('a row with a blank cell keeps its figures in their columns; full rows are untouched', () => {
    const lines = itemsToLines([
      ...row(700, '一、本年新收', ['217', '1', null, '0', '0', '0', '218']),
      ...row(680, '二、上年结转', ['0', '0', '0', '0', '0', '0', '0']),
      ...row(660, '（一）予以公开', ['71', '0', '0', '0', '0', '0', '71']),
      ...row(640, '（二）部分公开', [null, null, '0', '0', '0', '0', '0']),
    ]);
    expect(lines[0]?.split(/\s+/)).toEqual(['一、本年新收', '217', '1', '—', '0', '0', '0', '218']);
    expect(lines[1]?.split(/\s+/).filter(Boolean)).toEqual(['二、上年结转', '0', '0', '0', '0', '0', '0', '0']);
    expect(lines[3]?.split(/\s+/)).toEqual(['（二）部分公开', '—', '—', '0', '0', '0', '0', '0']);
  });

  it('a row as wide as the table, beside a wider table, is never spread over its columns', () => {
    const wide = Array.from({ length: 15 }, (_, k) => 150 + 25 * k);
    const lines = itemsToLines([
      ...row(700, '（七）总计', ['1', '0', '0', '0', '0', '0', '1']),
      ...row(680, '四、结转下年度继续办理', ['0', '0', '0', '0', '0', '0', '0']),
      ...row(660, '（六）其他处理', ['0', '0', '0', '0', '0', '0', '0']),
      ...row(620, '', Array.from({ length: 15 }, () => '0'), wide),
    ]);
    expect(lines[1]?.split(/\s+/).filter(Boolean)).toEqual(['四、结转下年度继续办理', '0', '0', '0', '0', '0', '0', '0']);
  });

  it('figures that fit no column of a fuller row are left as printed', () => {
    const lines = itemsToLines([
      ...row(700, '一、本年新收', ['5', '5', '5', '5', '5', '5', '30']),
      ...row(680, '二、上年结转', ['1', '2', '3', '4', '5', '6', '21']),
      { ...label('三、说明', 660) },
      // centred between two columns: under neither
      { str: '12', x: 220, y: 660, w: 10, h: 10 },
      { str: '34', x: 270, y: 660, w: 10, h: 10 },
    ]);
    expect(lines[2]).not.toContain('—');
  });

  it('a label item that also holds the first cell\'s figure (「稳定” 0」, a font change in the label) gives that figure its own column', () => {
    const first = row(660, '3.危及“三安全一稳定”', [null, '0', '0', '0', '0', '0', '0']);
    // the text layer's item: the label's last words, a space, then the first column's figure
    first[0] = { str: '3.危及“三安全一稳定” 0', x: 20, y: 660, w: (COLUMNS[0] ?? 0) + 5 - 20, h: 10 };
    const lines = itemsToLines([
      ...row(700, '1.属于国家秘密', ['0', '0', '0', '0', '0', '0', '0']),
      ...row(680, '2.其他法律行政法规禁止公开', ['0', '0', '0', '0', '0', '0', '0']),
      ...first,
    ]);
    expect(lines[2]?.split(/\s+/).filter(Boolean)).toEqual(['3.危及“三安全一稳定”', '0', '0', '0', '0', '0', '0', '0']);
  });

  it('a row whose first cells the PDF maker set as one text item (「6 0 0 0 0」, then 「0」 「6」) keeps all its figures, no blanks added', () => {
    const merged = row(660, '7.属于行政执法案卷', [null, null, null, null, null, '0', '6']);
    // Writer's text layer: the first five cells' figures in one item spanning their columns
    merged.push({ str: '6 0 0 0 0', x: (COLUMNS[0] ?? 0) - 5, y: 660, w: (COLUMNS[4] ?? 0) - (COLUMNS[0] ?? 0) + 10, h: 10 });
    const lines = itemsToLines([
      ...row(700, '5.属于三类内部事务信息', ['1', '0', '0', '0', '0', '0', '1']),
      ...row(680, '6.属于四类过程性信息', ['0', '0', '0', '0', '0', '0', '0']),
      ...merged,
    ]);
    expect(lines[2]).not.toContain('—');
    expect(lines[2]?.split(/\s+/).filter(Boolean)).toEqual(['7.属于行政执法案卷', '6', '0', '0', '0', '0', '0', '6']);
  });

  it('a figure set lower than the rest of its row (a cell with its own margin) joins the row, in column order', () => {
    const printed = row(700, '一、本年新收政府信息公开申', [null, '3', '0', '0', '0', '0', '3']);
    // 自然人's figure 9 points under the row's others, the label's second line under it: seen in Chromium's PDF of a page
    const lines = itemsToLines([...printed, { str: '2', x: (COLUMNS[0] ?? 0) - 5, y: 691, w: 10, h: 12 }, label('请数量', 676), ...row(650, '二、上年结转', ['0', '0', '0', '0', '0', '0', '0'])]);
    expect(lines[0]?.split(/\s+/).filter(Boolean)).toEqual(['一、本年新收政府信息公开申', '2', '3', '0', '0', '0', '0', '3']);
    expect(lines[1]).toBe('请数量');
  });

  it('a row whose total sits a line above its other figures, on its wrapped label\'s first line, reads as one row in column order', () => {
    // Chromium's PDF of a page whose 总计 cell holds empty paragraphs around its figure (「<p>&nbsp;</p><p>3</p>」)
    const lines = itemsToLines([
      ...row(760, '（一）予以公开', ['9', '0', '0', '0', '0', '0', '9']),
      ...row(732, '（二）部分公开（区', [null, null, null, null, null, null, '3']),
      ...row(712, '分处理的，只计这一', ['3', '0', '0', '0', '0', '0', null]),
      label('情形，不计其他情形）', 694),
      ...row(670, '1.属于国家秘密', ['4', '0', '0', '0', '0', '0', '4']),
    ]);
    expect(lines[1]).toBe('（二）部分公开（区');
    expect(lines[2]?.split(/\s+/).filter(Boolean)).toEqual(['分处理的，只计这一', '3', '0', '0', '0', '0', '0', '3']);
  });

  /** 「30」 broken in its narrow cell, 「3」 above the row and 「0」 below; the row's last part before it as given */
  const totalBrokenAroundRow = (lastPart: string): Item[] => [
    ...row(760, '（一）予以公开', ['9', '0', '0', '0', '0', '0', '9']),
    ...row(730, '（二）部分', [null, null, null, null, null, null, '3']),
    ...row(718, '', ['27', '0', '0', '2', '0', lastPart, null]),
    ...row(706, '公开', [null, null, null, null, null, null, '0']),
  ];

  it('a total broken over two lines of its narrow cell (「3」 above the row, 「0」 below) is joined to neither row when the halves make no sum', () => {
    const lines = itemsToLines(totalBrokenAroundRow('2'));
    expect(lines.slice(1, 4).map((l) => l.split(/\s+/).filter(Boolean).length)).toEqual([2, 7, 2]);
    expect(lines[2]?.split(/\s+/).filter(Boolean)).toEqual(['27', '0', '0', '2', '0', '2', '—']);
  });

  it('a figure broken over two lines of its narrow cell is read whole where the row then adds up: 「3」 above and 「0」 below, 「6」 over 「4」', () => {
    const around = itemsToLines(totalBrokenAroundRow('1'));
    expect(around.map((l) => l.split(/\s+/).filter(Boolean))).toContainEqual(['27', '0', '0', '2', '0', '1', '30']);
    expect(around.map((l) => l.trim())).toContain('公开');
    const below = itemsToLines([
      ...row(760, '一、本年新收政府', ['6', '0', '0', '2', '0', '4', '70']),
      ...row(748, '信息公开申请数量', ['4', null, null, null, null, null, null]),
      ...row(720, '二、上年结转', ['0', '0', '0', '0', '0', '0', '0']),
    ]);
    expect(below[0]?.split(/\s+/)).toEqual(['一、本年新收政府', '64', '0', '0', '2', '0', '4', '70']);
    expect(below[1]?.trim()).toBe('信息公开申请数量');
  });

  it('two rows each with blank cells that share a column stay apart', () => {
    const lines = itemsToLines([
      ...row(760, '（一）予以公开', ['9', '0', '0', '0', '0', '0', '9']),
      ...row(732, '（二）部分公开', ['1', null, null, null, null, null, '1']),
      ...row(712, '（三）不予公开', ['2', '0', '0', '0', '0', '0', null]),
    ]);
    expect(lines[1]?.split(/\s+/)).toEqual(['（二）部分公开', '1', '—', '—', '—', '—', '—', '1']);
    expect(lines[2]?.split(/\s+/)).toEqual(['（三）不予公开', '2', '0', '0', '0', '0', '0', '—']);
  });

  it('a row beside another table\'s fuller rows is left as printed, even where a few columns happen to line up', () => {
    // table 二's two-column 收费 row; under the section heading, table 三's rows share two of its x positions
    const lines = itemsToLines([
      ...row(700, '行政许可', ['0', '1', '0'], [220, 300, 380]),
      ...row(680, '行政事业性收费', ['0', '0'], [200, 400]),
      label('三、收到和处理政府信息公开申请情况', 660),
      ...row(640, '一、本年新收', ['1', '0', '0', '0', '0', '0', '1']),
      ...row(620, '二、上年结转', ['0', '0', '0', '0', '0', '0', '0']),
    ]);
    expect(lines[1]?.split(/\s+/).filter(Boolean)).toEqual(['行政事业性收费', '0', '0']);
  });

  it('a row with a blank cell is spread over its own table\'s columns, even where another table has more rows nearby', () => {
    const two = [220, 300, 380];
    const lines = itemsToLines([
      ...['规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制'].flatMap((name, k) => row(800 - 20 * k, name, ['0', '1', '0'], two)),
      ...row(680, '一、本年新收', ['1', null, '0', '0', '0', '0', '1']),
      ...row(660, '二、上年结转', ['0', '0', '0', '0', '0', '0', '0']),
    ]);
    expect(lines[5]?.split(/\s+/)).toEqual(['一、本年新收', '1', '—', '0', '0', '0', '0', '1']);
  });

  it('a table printing every 0 as a blank cell, no row fuller than another: the header\'s columns place each figure', () => {
    // the header as a browser prints it: each column's words over two lines (「自然」 over 「人」), group headings over
    // several columns, the label column's note at the left
    const word = (str: string, x: number, y: number, w = 20): Item => ({ str, x, y, w, h: 10 });
    const header = [
      label('三、收到和处理政府信息公开申请情况', 820),
      word('申请人情况', 190, 800, 320),
      word('（本列数据的勾稽关系为：第一项加', 20, 788, 160),
      word('法人或其他组织', 240, 788, 220),
      ...['自然', '商业', '科研', '社会', '法律', '其他', '总计'].map((w, k) => word(w, (COLUMNS[k] ?? 0) - 10, 776)),
      ...['人', '企业', '机构', '公益', '服务'].map((w, k) => word(w, (COLUMNS[k] ?? 0) - (w.length === 1 ? 5 : 10), 764, w.length * 10)),
      word('组织', 340, 752),
      word('机构', 390, 752),
    ];
    const rows = [
      ...row(700, '一、本年新收', ['6', '1', null, null, null, null, '7']),
      ...row(680, '二、上年结转', [null, null, null, null, null, null, null]),
      ...row(660, '（一）予以公开', ['6', null, null, null, null, null, '6']),
      ...row(640, '（二）部分公开', [null, '1', null, null, null, null, '1']),
    ];
    const lines = itemsToLines([...header, ...rows]);
    const cells = (name: string) => lines.find((l) => l.startsWith(name))?.split(/\s+/).filter(Boolean);
    expect(cells('一、本年新收')).toEqual(['一、本年新收', '6', '1', '—', '—', '—', '—', '7']);
    expect(cells('（一）予以公开')).toEqual(['（一）予以公开', '6', '—', '—', '—', '—', '—', '6']);
    expect(cells('（二）部分公开')).toEqual(['（二）部分公开', '—', '1', '—', '—', '—', '—', '1']);
    // a header whose words gather into a count of columns no table of the format has (six: 「总计」 lost) places nothing
    const six = itemsToLines([...header.filter((it) => it.str !== '总计'), ...rows]);
    expect(six.find((l) => l.startsWith('一、本年新收'))?.split(/\s+/).filter(Boolean)).toEqual(['一、本年新收', '6', '1', '7']);
  });

  it('table 四 printing its zeros blank takes its fifteen columns from its own header, not bounded by table 三\'s labels above it', () => {
    const word = (str: string, x: number, y: number, w = 30): Item => ({ str, x, y, w, h: 10 });
    const xs = Array.from({ length: 15 }, (_, k) => 40 + 36 * k);
    const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    const items = [
      // table 三's last rows, whose labels end at x 180
      ...row(900, '（七）总计', ['6', null, null, null, null, null, '6']),
      ...row(880, '四、结转下年度继续办理', [null, null, null, null, null, null, null]),
      label('四、政府信息公开行政复议、行政诉讼情况', 860),
      word('行政复议', 40, 840, 170),
      word('行政诉讼', 220, 840, 350),
      ...results.map((w, k) => word(w, (xs[k] ?? 0) - 15, 820)),
      word('未经复议直接起诉', 220, 820, 170),
      word('复议后起诉', 400, 820, 170),
      ...[...results, ...results].map((w, k) => word(w, (xs[k + 5] ?? 0) - 15, 800)),
      ...['1', null, null, null, '1', null, null, null, null, null, '2', null, null, null, '2'].flatMap((f, k) =>
        f === null ? [] : [{ str: f, x: (xs[k] ?? 0) - 3, y: 780, w: 6, h: 10 }],
      ),
    ];
    const lines = itemsToLines(items);
    expect(lines.at(-1)?.split(/\s+/).filter(Boolean)).toEqual(['1', '—', '—', '—', '1', '—', '—', '—', '—', '—', '2', '—', '—', '—', '2']);
  });

  it('a column\'s upright heading, one character a line (「三」 「、」 「本」 …), is a line of its own: no character of it takes a row\'s figures from its label', () => {
    const upright = [...'三、本年度办理结果'].map((str, k): Item => ({ str, x: 0, y: 666 - 18 * k, w: 10, h: 10 }));
    // each row's figures set a little above its label (cells centred on their own content)
    const lifted = (y: number, name: string) => row(y, name, ['1', '0', '0', '0', '0', '0', '1']).map((it, k) => (k === 0 ? it : { ...it, y: y + 4 }));
    const lines = itemsToLines([
      ...row(690, '二、上年结转', ['0', '0', '0', '0', '0', '0', '0']),
      ...upright,
      ...lifted(658, '（一）予以公开'),
      ...lifted(628, '（二）部分公开'),
      ...lifted(598, '（四）无法提供'),
    ]);
    expect(lines.map((l) => l.split(/\s+/).filter(Boolean).join(' '))).toEqual([
      '二、上年结转 0 0 0 0 0 0 0',
      '三、本年度办理结果',
      '（一）予以公开 1 0 0 0 0 0 1',
      '（二）部分公开 1 0 0 0 0 0 1',
      '（四）无法提供 1 0 0 0 0 0 1',
    ]);
  });

  it('a paragraph set one character an item keeps its lines: the first characters of its lines, one under another, are no heading', () => {
    const text = ['本年度我县共收到政府', '信息公开申请十一件，', '全部按时办结。没有行', '政复议和行政诉讼案件', '发生。二〇二四年全年'];
    const items = text.flatMap((line, k) => [...line].map((str, i): Item => ({ str, x: 20 + 10 * i, y: 700 - 16 * k, w: 10, h: 10 })));
    expect(itemsToLines(items).map((l) => l.replace(/\s+/g, ''))).toEqual(text);
  });

  it('a narrow cell\'s label set two characters a line, one an item, keeps its lines: neither column of characters is a heading', () => {
    const text = ['其他', '法律', '行政', '法规', '禁止', '公开'];
    const items = text.flatMap((pair, k) => [...pair].map((str, i): Item => ({ str, x: 20 + 17 * i, y: 700 - 16 * k, w: 10, h: 10 })));
    expect(itemsToLines(items).map((l) => l.replace(/\s+/g, ''))).toEqual(text);
  });

  it('labels spread across their cells (分散对齐), one character an item, keep their first characters: the column of them is no heading', () => {
    const labels = ['信息内容', '行政许可', '行政处罚', '行政强制'];
    // four characters spread over a 100-point cell, a row 28 points below the other, the figure in the next cell
    const items = labels.flatMap((name, k) => [
      ...[...name].map((str, i): Item => ({ str, x: 20 + 32 * i, y: 700 - 28 * k, w: 14, h: 14 })),
      { str: k === 0 ? '本年处理决定数量' : String(k), x: 200, y: 700 - 28 * k, w: k === 0 ? 112 : 7, h: 14 },
    ]);
    expect(itemsToLines(items).map((l) => l.split(/\s+/).filter(Boolean).join(''))).toEqual(['信息内容本年处理决定数量', '行政许可1', '行政处罚2', '行政强制3']);
  });

  it('a table set one cell a line keeps its lone 「|」 and 「无」 lines: a column of marks is no heading', () => {
    const marks = ['|', '|', '|', '|', '|', '|', '无', '无', '无', '无'];
    const items = marks.map((str, k): Item => ({ str, x: 20, y: 700 - 16 * k, w: 5, h: 10 }));
    expect(itemsToLines(items).map((l) => l.trim())).toEqual(marks);
  });
});

describe('PDF text set with letter spacing', () => {
  const H = 12;
  /**
   * A run as pdf.js gives a letter-spaced one: its glyphs in one item with a space between each two, the item as wide as
   * the glyphs (an em for a Chinese character, half for a digit) and the tracking between them.
   */
  function spaced(text: string, x: number, y: number, tracking: number): Item {
    const glyphs = [...text];
    const width = glyphs.reduce((sum, g) => sum + (/[\d.%]/.test(g) ? H / 2 : H), 0) + (glyphs.length - 1) * tracking * H;
    return { str: glyphs.join(' '), x, y, w: width, h: H };
  }
  const prose = ['本年度我县共收到政府信息公开申请十一件，全部按时办结。', '没有行政复议和行政诉讼案件发生，主动公开信息一千余条。'];

  it('a letter-spaced page reads as if set without it: headings, sentences and figures whole, cells still apart', () => {
    const t = 0.3;
    const items = [
      spaced('一、总体情况', 20, 760, t),
      ...prose.map((line, k) => spaced(line, 20, 740 - 18 * k, t)),
      spaced('行政许可', 20, 690, t),
      spaced('2629', 300, 690, t),
      // a row's figures a little below its label's first line: 「2」 and 「0」 of 20 two items (a font change)
      spaced('一、本年新收政府', 20, 660, t),
      spaced('2', 300, 652, t),
      spaced('0', 300 + H / 2 + t * H, 652, t),
      spaced('1', 400, 652, t),
      spaced('信息公开申请数量', 20, 644, t),
    ];
    const lines = itemsToLines(items).map((l) => l.trim());
    expect(lines.slice(0, 3)).toEqual(['一、总体情况', ...prose]);
    expect(lines[3]?.split(/\s+/)).toEqual(['行政许可', '2629']);
    expect(lines.some((l) => /^一、本年新收政府\s+20\s+1$/.test(l) || /^20\s+1$/.test(l))).toBe(true);
  });

  it('labels justified across their cells (分散对齐) are no letter spacing: figures beside them a like gap apart stay two cells', () => {
    const t = 0.4;
    // short labels, each spread over its cell, and a row's two zeros in narrow cells as far apart as its label's glyphs
    const items = ['（三）', '（四）', '（五）', '其他处', '结转下年度'].flatMap((label, k) => [spaced(label, 20, 700 - 18 * k, t)]);
    const zeros = [spaced('0', 20 + 5 * H + 4 * t * H + t * H, 628, t), spaced('0', 20 + 5 * H + 5 * t * H + H / 2 + t * H, 628, t)];
    const lines = itemsToLines([...items, ...zeros, ...prose.map((line, k) => ({ str: line, x: 20, y: 600 - 18 * k, w: line.length * H, h: H }))]);
    expect(lines[4]?.split(/\s+/).filter(Boolean)).toEqual(['结', '转', '下', '年', '度', '0', '0']);
  });
});

/**
 * Pagination rules (paginate.ts) on measured heights given here, and the 落款 layout of GB/T 9704-2012 7.3.5: what the
 * page breaks must respect, whatever the fonts. (The same rules on real Chromium measurements: pdf.test.ts,
 * preview.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { buildDocModel, signatureLayout, type Block, type DocModel } from '../../shared/render/model.js';
import { paginate, pageStartsForWholeTables, TEXT_HEIGHT_PX, type BlockMeasure, type FlowMeasure, type Page } from '../../shared/render/paginate.js';
import { renderPagedHtml } from '../../shared/render/html.js';
import { syntheticReport } from './sample.js';

const LINE = TEXT_HEIGHT_PX / 22 - 0.1;

function para(text = '正文'): Block {
  return { kind: 'paragraph', runs: [{ text, style: 'body' }] };
}

/** A paragraph of n lines, each line `width` characters. */
function lines(n: number, width = 28): BlockMeasure {
  return { height: n * LINE, lineStarts: Array.from({ length: n }, (_, i) => i * width) };
}

function model(blocks: Block[]): DocModel {
  return { title: 't', year: 2024, blocks };
}

/** Which blocks (and paragraph line ranges) each page holds, compactly. */
function describePages(pages: Page[]): string[] {
  return pages.map((p) =>
    p.fragments.map((f) => (f.kind === 'whole' ? `${f.block}` : f.kind === 'lines' ? `${f.block}[${f.from}-${f.to})` : `${f.block}r${f.from}-${f.to}`)).join(' '),
  );
}

describe('paragraphs and headings', () => {
  it('fills 22 lines a page and splits a paragraph at a line start', () => {
    const m = model([para('x'.repeat(30 * 28))]);
    const pages = paginate(m, { blocks: [lines(30)] });
    expect(describePages(pages)).toEqual(['0[0-616)', '0[616-840)']);
  });

  it('leaves at least two lines of a paragraph on either page', () => {
    // 21 lines, then a 3-line paragraph: one line would be left at the foot → two move on, the orphan rule
    const m = model([para(), para('x'.repeat(3 * 28))]);
    const widow = paginate(m, { blocks: [lines(21), lines(3)] });
    expect(describePages(widow)).toEqual(['0', '1']);
    // 20 lines, then 3: two fit at the foot, but one would be alone on the next page → all three move
    expect(describePages(paginate(m, { blocks: [lines(20), lines(3)] }))).toEqual(['0', '1']);
    // 19 lines, then 4: two and two
    const four = model([para(), para('x'.repeat(4 * 28))]);
    expect(describePages(paginate(four, { blocks: [lines(19), lines(4)] }))).toEqual(['0 1[0-56)', '1[56-112)']);
  });

  it('never leaves the 落款 alone on a page: the last two lines of the text go on with it (GB/T 9704 7.3.5)', () => {
    const signature: Block = { kind: 'signature', ...signatureLayout('某县人民政府', '2025年2月25日') };
    const m = model([para('x'.repeat(20 * 28)), signature]);
    // 20 lines of text fill the page but for two; the 落款 (blank lines, 署名, 日期: 4 lines) would start the next page
    expect(describePages(paginate(m, { blocks: [lines(20), { height: 4 * LINE }] }))).toEqual(['0[0-504)', '0[504-560) 1']);
  });

  it('never leaves a heading — 一、 or a （一） line of its own — as the last line of a page', () => {
    const heading: Block = { kind: 'heading', text: '二、主动公开政府信息情况' };
    const kai: Block = { kind: 'paragraph', runs: [{ text: '（二）依申请公开', style: 'kai' }], keepWithNext: true };
    for (const h of [heading, kai]) {
      const m = model([para(), h, para('x'.repeat(5 * 28))]);
      // 20 lines, the heading on 21, the paragraph's first line on 22: the heading and two lines go on together
      expect(describePages(paginate(m, { blocks: [lines(20), lines(1), lines(5)] }))).toEqual(['0', '1 2']);
    }
  });
});

describe('tables', () => {
  const report = syntheticReport();
  const doc = buildDocModel(report);
  const applyAt = doc.blocks.findIndex((b) => b.kind === 'table' && b.table.id === 'apply');
  const activeAt = doc.blocks.findIndex((b) => b.kind === 'table' && b.table.id === 'active');

  /** Measures: every paragraph one line, headings one line, tables with rows of `row` px and a header of `head`. */
  function measures(row: number, head = 60, filler = 0): FlowMeasure {
    return {
      blocks: doc.blocks.map((b, i) => {
        if (b.kind === 'table') {
          const body = b.table.rows.length - b.table.headerRows;
          return { height: 0, spaceBefore: 10, spaceAfter: 10, headerHeight: b.table.headerRows > 0 ? head : 0, rowHeights: Array.from({ length: body }, () => row) };
        }
        return i === 0 ? { height: 3 * LINE + filler } : lines(1);
      }),
    };
  }

  it('starts table 三 on a new page, with its heading, when it does not fit below the text — never split', () => {
    for (let filler = 0; filler < TEXT_HEIGHT_PX; filler += 37) {
      const pages = paginate(doc, measures(22, 60, filler));
      const holding = pages.filter((p) => p.fragments.some((f) => f.block === applyAt));
      expect(holding, `filler ${filler}`).toHaveLength(1);
      const page = holding[0];
      expect(page?.fragments.find((f) => f.block === applyAt)?.kind).toBe('whole');
      // its heading (the block before it) on the same page
      expect(page?.fragments.some((f) => f.block === applyAt - 1)).toBe(true);
    }
  });

  it('splits table 二 only between rows, never leaving one row alone, never right after a 「第二十条」 or 「信息内容」 row', () => {
    const t = doc.blocks[activeAt];
    if (t?.kind !== 'table') throw new Error('no table 二');
    for (let filler = 0; filler < TEXT_HEIGHT_PX; filler += 11) {
      const pages = paginate(doc, measures(34, 60, filler));
      const parts = pages.flatMap((p) => p.fragments.filter((f) => f.block === activeAt));
      if (parts.length < 2) continue;
      for (const f of parts) {
        if (f.kind !== 'rows') throw new Error('split table without rows');
        expect(f.to - f.from, `filler ${filler}`).toBeGreaterThanOrEqual(2);
        const lastRow = t.table.rows[f.to - 1] ?? [];
        if (f.to < t.table.rows.length) expect(lastRow.every((c) => c.role === 'group' || c.role === 'header'), `filler ${filler}`).toBe(false);
      }
      // the section heading never stays behind: the first part shares its page
      const first = pages.findIndex((p) => p.fragments.some((f) => f.block === activeAt));
      expect(pages[first]?.fragments.some((f) => f.block === activeAt - 1), `filler ${filler}`).toBe(true);
    }
  });

  it('ends a page with a table\'s last rows when only the space below the table is left over (blank paper at the foot)', () => {
    const t = doc.blocks[activeAt];
    if (t?.kind !== 'table') throw new Error('no table 二');
    const body = t.table.rows.length - t.table.headerRows;
    // ten lines of text, then the table: its rows end 5 px above the page foot, its 20 px of space below would not fit
    const row = (TEXT_HEIGHT_PX - 10 * LINE - 10 - 60 - 5) / body;
    const m = model([para('x'.repeat(10 * 28)), t, para()]);
    const pages = paginate(m, { blocks: [lines(10), { height: 0, spaceBefore: 10, spaceAfter: 20, headerHeight: 60, rowHeights: Array.from({ length: body }, () => row) }, lines(1)] });
    expect(describePages(pages)).toEqual(['0 1', '2']);
  });

  it('repeats a continued table\'s header rows on the next page, and counts them in that page\'s height', () => {
    const t = doc.blocks.find((b) => b.kind === 'table' && b.table.id === 'review');
    if (t?.kind !== 'table') throw new Error('no table 四');
    const body = t.table.rows[t.table.headerRows] ?? [];
    // table 四's three header rows over 60 rows like its one body row (as the 审核单's findings table runs on)
    const long: Block = { kind: 'table', table: { ...t.table, id: 'findings', rows: [...t.table.rows.slice(0, t.table.headerRows), ...Array.from({ length: 60 }, () => body)], keepWithNext: [] } };
    const row = 30;
    const head = 90;
    const pages = paginate(model([long]), { blocks: [{ height: 0, spaceBefore: 0, spaceAfter: 0, headerHeight: head, rowHeights: Array.from({ length: 60 }, () => row) }] });
    // each page: the header and floor((850.4 + 1 − 90) / 30) = 25 rows (28 if the repeated header were not counted)
    expect(describePages(pages)).toEqual(['0r3-28', '0r28-53', '0r53-63']);
    const html = renderPagedHtml(model([long]), pages);
    const sheets = html.split('<section class="sheet').slice(1);
    for (const sheet of sheets) expect(sheet.match(/<thead>(.*?)<\/thead>/)?.[1]).toContain('复议');
  });

  it('tells the DOCX where table 三 was moved to a new page', () => {
    // enough text before it that it can't fit below
    const pages = paginate(doc, measures(22, 60, TEXT_HEIGHT_PX * 0.6));
    const starts = pageStartsForWholeTables(doc, pages);
    expect(starts).toEqual(new Set([applyAt - 1]));
  });
});

describe('落款 (GB/T 9704-2012 7.3.5)', () => {
  it('sealed: the date four characters in from the right, the organ centred on the date', () => {
    const s = signatureLayout('某某县人民政府办公室', '2025年2月25日');
    expect(s.dateRightChars).toBe(4);
    // the date is 6.5 characters wide (seven half-width digits), the organ 10: centred means 1.75 characters more to the right
    expect(s.organRightChars).toBe(2.25);
    expect(s.style).toBe('sealed');
  });

  it('unsealed: the organ two characters in, the date starting two characters right of the organ\'s first character', () => {
    const s = signatureLayout('某某县人民政府办公室', '2025年2月25日', 'unsealed');
    expect(s.organRightChars).toBe(2);
    // organ starts at 28 − 2 − 10 = 16; the date at 18, 6.5 wide → ends 3.5 from the right
    expect(s.dateRightChars).toBe(3.5);
  });

  it('unsealed with a date longer than the organ: the date two characters in, the organ moved left', () => {
    const s = signatureLayout('某某局', '2025年12月25日', 'unsealed');
    expect(s.dateRightChars).toBe(2);
    // date 7 wide from column 19 to 26; the organ starts two characters before it, at 17, 3 wide → 8 from the right
    expect(s.organRightChars).toBe(8);
  });
});

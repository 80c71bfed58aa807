/**
 * DOCX → source lines: paragraphs of word/document.xml as lines, tables as grids (gridSpan and vMerge
 * resolved, so a merged cell counts once), in document order. Read with jszip + fast-xml-parser.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { SourceDocument, SourceLine } from '../../../../shared/import/text.js';
import { ImportError, readZipEntryText, type ZipLimits } from './zip.js';

type XmlNode = Record<string, unknown>;

function tagOf(node: XmlNode): string | null {
  for (const k of Object.keys(node)) if (k !== ':@') return k;
  return null;
}
function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  const c = tag ? node[tag] : undefined;
  return Array.isArray(c) ? (c as XmlNode[]) : [];
}
function attr(node: XmlNode, name: string): string | undefined {
  const a = node[':@'];
  if (a && typeof a === 'object') {
    const v = (a as Record<string, unknown>)[name];
    return typeof v === 'string' ? v : undefined;
  }
  return undefined;
}
function find(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}

/** Text of a paragraph (runs, hyperlinks, insertions, fields' results; tabs as tabs, breaks as newlines). */
function paragraphText(p: XmlNode, depth = 0): string {
  if (depth > 40) return '';
  let out = '';
  for (const c of childrenOf(p)) {
    const tag = tagOf(c);
    if (tag === '#text') continue;
    switch (tag) {
      case 'w:t': {
        for (const t of childrenOf(c)) if (typeof t['#text'] === 'string') out += t['#text'];
        // fast-xml-parser puts the text node under the tag as [{ '#text': … }]
        break;
      }
      case 'w:tab':
        out += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        out += '\n';
        break;
      case 'mc:AlternateContent': {
        // Choice and Fallback hold the same content (e.g. a text box twice): read the first only.
        const first = childrenOf(c).find((x) => tagOf(x) === 'mc:Choice' || tagOf(x) === 'mc:Fallback');
        if (first) out += paragraphText(first, depth + 1);
        break;
      }
      case 'w:noBreakHyphen':
        out += '-';
        break;
      case 'w:del':
      case 'w:moveFrom':
      case 'w:delText':
      case 'w:instrText':
      case 'w:rPr':
      case 'w:pPr':
        break;
      default:
        out += paragraphText(c, depth + 1);
    }
  }
  return out;
}

interface GridRow {
  cells: string[];
}

/** A table as rows of origin cells (vMerge continuations and the columns a gridSpan covers left out). */
function tableRows(tbl: XmlNode): GridRow[] {
  const rows: GridRow[] = [];
  for (const tr of childrenOf(tbl)) {
    if (tagOf(tr) !== 'w:tr') continue;
    const cells: string[] = [];
    for (const tc of rowCells(tr)) {
      const pr = find(tc, 'w:tcPr');
      const vMerge = pr ? find(pr, 'w:vMerge') : undefined;
      const continues = vMerge !== undefined && attr(vMerge, 'w:val') !== 'restart';
      if (continues) continue;
      cells.push(cellText(tc).trim());
    }
    rows.push({ cells });
  }
  return rows;
}

/** Cells of a row, looking through content controls (w:sdt) around them. */
function rowCells(tr: XmlNode): XmlNode[] {
  const out: XmlNode[] = [];
  for (const c of childrenOf(tr)) {
    const tag = tagOf(c);
    if (tag === 'w:tc') out.push(c);
    else if (tag === 'w:sdt') {
      const content = find(c, 'w:sdtContent');
      if (content) out.push(...childrenOf(content).filter((x) => tagOf(x) === 'w:tc'));
    }
  }
  return out;
}

/** A data table's cell (it holds no table: one that does is layout, read as body content). */
function cellText(tc: XmlNode): string {
  const parts: string[] = [];
  for (const c of cellBlocks(tc)) if (tagOf(c) === 'w:p') parts.push(paragraphText(c));
  // Paragraphs inside one cell are a label broken over lines, or one value: join them.
  return parts.map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' ');
}

/** A table of one column whose cells hold several paragraphs or tables: a layout frame, not a data table. */
function isFrame(tbl: XmlNode): boolean {
  let blocks = 0;
  for (const tr of childrenOf(tbl)) {
    if (tagOf(tr) !== 'w:tr') continue;
    const cells = rowCells(tr);
    if (cells.length > 1) return false;
    for (const tc of cells) blocks += childrenOf(tc).filter((c) => tagOf(c) === 'w:p' || tagOf(c) === 'w:tbl').length;
  }
  return blocks > 3;
}

/** A cell's blocks, looking through a content control (w:sdt) around them. */
function cellBlocks(tc: XmlNode): XmlNode[] {
  return childrenOf(tc).flatMap((c) => {
    if (tagOf(c) !== 'w:sdt') return [c];
    const content = find(c, 'w:sdtContent');
    return content ? childrenOf(content) : [];
  });
}

/**
 * A table holding another table in a cell: the layout of a page saved as Word (a column of site links beside the
 * article, the report's tables inside it), read as body content — as the HTML reader reads a layout table — never as
 * one data table whose cell is the whole report.
 */
function holdsTable(tbl: XmlNode): boolean {
  return childrenOf(tbl).some((tr) => tagOf(tr) === 'w:tr' && rowCells(tr).some((tc) => cellBlocks(tc).some((b) => tagOf(b) === 'w:tbl')));
}

/** Parse word/document.xml text into source lines. */
export function documentXmlToLines(xml: string): SourceDocument {
  if (/<!DOCTYPE/i.test(xml.slice(0, 4096)) || /<!ENTITY/i.test(xml)) throw new ImportError('DOCX 正文含有不允许的 XML 声明（DOCTYPE/ENTITY），已拒绝读取');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new ImportError(`DOCX 正文的 XML 已损坏（第 ${valid.err.line} 行），无法读取`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: false,
  });
  let tree: XmlNode[];
  try {
    tree = parser.parse(xml) as XmlNode[];
  } catch {
    // the parser's own refusals are English (「Maximum nested tags exceeded」: more than 100 levels of elements)
    throw new ImportError('DOCX 正文的结构异常（元素嵌套过深或无法解析），无法读取');
  }
  const document = tree.find((n) => tagOf(n) === 'w:document');
  const body = document ? find(document, 'w:body') : undefined;
  if (!body) throw new ImportError('DOCX 正文结构不完整（缺少 w:body），无法读取');
  const lines: SourceLine[] = [];
  let tableIndex = 0;
  const walk = (nodes: XmlNode[]): void => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:p') {
        for (const l of paragraphText(n).split('\n')) lines.push({ text: l });
      } else if (tag === 'w:tbl' && (isFrame(n) || holdsTable(n))) {
        // a frame around the text, or a page's layout: its content is body content, cell after cell
        for (const tr of childrenOf(n)) for (const tc of rowCells(tr)) walk(cellBlocks(tc));
      } else if (tag === 'w:tbl') {
        const t = tableIndex++;
        for (const r of tableRows(n)) lines.push({ text: r.cells.join('\t'), cells: r.cells, table: t });
        lines.push({ text: '' });
      } else if (tag === 'w:sdt') {
        const content = find(n, 'w:sdtContent');
        if (content) walk(childrenOf(content));
      }
    }
  };
  walk(childrenOf(body));
  return { lines };
}

export async function readDocx(buf: Uint8Array, limits?: ZipLimits): Promise<SourceDocument> {
  const xml = await readZipEntryText(buf, 'word/document.xml', limits);
  return documentXmlToLines(xml);
}

/**
 * Hostile files for the importer, generated (never stored): each once made a parser run for minutes or take
 * gigabytes. Shared by test/import/hostile-limits.test.ts and the bench (test/bench/hostile.bench.ts).
 */
import { constants, deflateRawSync, deflateSync } from 'node:zlib';

/** A 落款-like last line of 5,000 characters: 「年月日」 over and over, then a full stop (cubic backtracking before). */
export function longSignatureText(): string {
  return `一、总体情况\n本机关依法公开政府信息。\n某某县人民政府 ${'年月日'.repeat(1664)}。`;
}

/** 1,000 rows of 40 numbers each (the table 四 search was quadratic in them). */
export function numberRowsText(rows = 1000, perRow = 40): string {
  const out: string[] = ['四、政府信息公开行政复议、行政诉讼情况'];
  for (let r = 0; r < rows; r++) out.push(Array.from({ length: perRow }, (_, i) => String((r * 7 + i * 3) % 97)).join(' '));
  return out.join('\n');
}

/** HTML with `count` comments, or unclosed comments, scripts and styles (each stripping pass was quadratic). */
export function manyCommentsHtml(count = 40_000, kind: 'comments' | 'open-comments' | 'scripts' | 'open-scripts' = 'comments'): string {
  const piece = { comments: '<!-- x --><p>正文</p>', 'open-comments': '<!--<p>正文</p>', scripts: '<script>var a=1;</script><p>正文</p>', 'open-scripts': '<script><p>正文</p>' }[kind];
  return `<html><body>${piece.repeat(count)}</body></html>`;
}

interface ZipEntry {
  name: string;
  data: Buffer;
  /** the uncompressed size the headers claim (a lying ZIP), when not the data's own */
  declaredSize?: number;
}

/** A ZIP (stored names, deflated data) written by hand, so sizes can lie. */
export function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const comp = deflateRawSync(e.data, { level: 9 });
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(e.declaredSize ?? e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(e.declaredSize ?? e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, comp);
    centrals.push(central, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** A small DOCX whose document.xml is `megabytes` of valid paragraphs (62 MB took 38 s and 690 MB before). */
export function hugeDocumentXmlDocx(megabytes = 62): Buffer {
  // Varied figures keep the compression ratio below the bomb check's (a real document of this size, not a bomb).
  let seed = 12345;
  const figure = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % 100000;
  };
  const paras = Array.from({ length: 4096 }, () => `<w:p><w:r><w:t>本机关依法公开政府信息${figure()}条，办理申请${figure()}件。</w:t></w:r></w:p>`).join('');
  const head = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  const tail = '</w:body></w:document>';
  const count = Math.ceil((megabytes * 1024 * 1024) / Buffer.byteLength(paras));
  const xml = Buffer.from(head + paras.repeat(count) + tail);
  return zipOf([{ name: 'word/document.xml', data: xml }]);
}

/**
 * `bytes` zeros (rounded to 16 MB) as a zlib stream, as PDF FlateDecode wants, made in milliseconds: one fully
 * flushed deflate block of 16 MB of zeros repeated (a full flush makes blocks independent), the final empty block,
 * and the Adler-32 of that many zeros (a = 1, b = count mod 65521).
 */
function zerosDeflated(bytes: number): Buffer {
  const chunk = 16 * 1024 * 1024;
  const count = Math.max(1, Math.round(bytes / chunk));
  const block = deflateRawSync(Buffer.alloc(chunk), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((count * chunk) % 65521) * 65536 + 1) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...Array.from({ length: count }, () => block), Buffer.from([0x03, 0x00]), adler]);
}

/** A PDF assembled from object bodies, with a correct xref table. */
export function pdfOf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let at = parts[0]?.length ?? 0;
  objects.forEach((body, i) => {
    offsets.push(at);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(body) ? body : Buffer.from(body), Buffer.from('\nendobj\n')]);
    parts.push(b);
    at += b.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** A one-page PDF whose content stream inflates to `gigabytes` of zeros (10.8 GB of memory before). */
export function flateBombPdf(gigabytes = 10): Buffer {
  const bomb = zerosDeflated(Math.round(gigabytes * 1024 * 1024 * 1024));
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    Buffer.concat([Buffer.from(`<< /Length ${bomb.length} /Filter /FlateDecode >>\nstream\n`), bomb, Buffer.from('\nendstream')]),
  ]);
}

/** A PDF of `rows` lines of 40 numbers (text drawn with the standard Helvetica font). */
export function numberRowsPdf(rows = 1000): Buffer {
  const lines = numberRowsText(rows).split('\n').slice(1);
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += 60) pages.push(lines.slice(i, i + 60));
  const objects: (string | Buffer)[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const kids: string[] = [];
  for (const page of pages) {
    const ops = page.map((l, i) => `BT /F1 7 Tf 20 ${820 - i * 13} Td (${l}) Tj ET`).join('\n');
    const content = deflateSync(Buffer.from(ops));
    objects.push(Buffer.concat([Buffer.from(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`), content, Buffer.from('\nendstream')]));
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${objects.length} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`);
    kids.push(`${objects.length} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${kids.length} >>`;
  return pdfOf(objects);
}

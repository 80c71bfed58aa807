/**
 * Untrusted input: every hostile or broken file gives a clear Chinese message within bounded time and
 * memory, and nothing throws.
 */
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPastedText, importPublishedFile, readPublishedBytes, readPublishedFile } from '../../electron/main/services/import/index.js';
import { itemsToLines } from '../../electron/main/services/import/pdf.js';
import { readZipEntryText } from '../../electron/main/services/import/zip.js';
import { parsePublished, textDocument } from '../../shared/import/index.js';
import { zipOf } from './hostileFiles.js';
import { docxToPdf, loadData, loadPublished, makeDocx } from './make.js';

const dir = mkdtempSync(join(tmpdir(), 'import-hostile-'));

/** Refused with a Chinese message (time is bounded by the test timeout; times are not asserted). */
async function failsWith(buf: Uint8Array, name: string, pattern: RegExp): Promise<void> {
  const r = await readPublishedBytes(buf, name);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error).toMatch(pattern);
}

describe('hostile DOCX', () => {
  it('a zip bomb (100 MB of document.xml, declared honestly) is refused before inflating', async () => {
    const bomb = zipOf([{ name: 'word/document.xml', data: Buffer.alloc(100 * 1024 * 1024, 0x20) }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await failsWith(bomb, 'bomb.docx', /压缩炸弹/);
  });

  it('a zip bomb whose header lies about the size is stopped as soon as it outgrows the declared size', async () => {
    const liar = zipOf([{ name: 'word/document.xml', data: Buffer.alloc(50 * 1024 * 1024, 0x20), declaredSize: 1000 }]);
    await failsWith(liar, 'liar.docx', /压缩炸弹|与声明不符/);
    // and the reader itself, with a small cap, never holds more than the cap
    await expect(readZipEntryText(liar, 'word/document.xml', { maxEntries: 10, maxEntryBytes: 4096, maxTotalBytes: 1 << 30, maxRatio: 1e9 })).rejects.toThrow(/与声明不符/);
  });

  it('entries adding up to an absurd size, or too many entries, are refused', async () => {
    const many = zipOf(Array.from({ length: 6000 }, (_, i) => ({ name: `x/${i}`, data: Buffer.from('a') })));
    await failsWith(many, 'many.docx', /超过上限/);
  });

  it('malformed XML, an entity declaration, a zip without document.xml, a truncated zip', async () => {
    await failsWith(zipOf([{ name: 'word/document.xml', data: Buffer.from('<w:document><w:body><w:p>未闭合') }]), 'bad.docx', /XML 已损坏/);
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><w:document><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>';
    await failsWith(zipOf([{ name: 'word/document.xml', data: Buffer.from(laughs) }]), 'lol.docx', /DOCTYPE/);
    await failsWith(zipOf([{ name: 'xl/workbook.xml', data: Buffer.from('<a/>') }]), 'book.docx', /不是 Word 文档/);
    const real = await makeDocx(loadData('urumqi-county-2024'));
    await failsWith(real.subarray(0, real.length / 2), 'half.docx', /DOCX/);
    await failsWith(zipOf([{ name: 'word/document.xml', data: Buffer.from('<w:document><w:p/></w:document>') }]), 'nobody.docx', /w:body/);
  });
});

describe('hostile and unusable PDF', () => {
  it('an encrypted PDF', async () => {
    const pdf = docxToPdf(await makeDocx(loadData('urumqi-county-2024')), { password: 'secret' });
    await failsWith(pdf, 'secret.pdf', /已加密/);
  });

  it('an image-only PDF (no text layer)', async () => {
    const content = '0 0 1 rg 100 100 300 300 re f';
    const objs = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ];
    let pdf = '%PDF-1.4\n';
    const offsets: number[] = [];
    objs.forEach((o, i) => {
      offsets.push(pdf.length);
      pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
    });
    const xref = pdf.length;
    pdf += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    pdf += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    await failsWith(Buffer.from(pdf), 'scan.pdf', /没有文字层/);
  });

  it('a page of 200 000 text items is grouped into lines in one pass', () => {
    const items = Array.from({ length: 200_000 }, (_, i) => ({ str: String(i % 10), x: (i % 400) * 10, y: 800 - Math.floor(i / 400) * 12, w: 5, h: 10 }));
    const lines = itemsToLines(items);
    expect(lines).toHaveLength(500);
    expect(lines[0]?.startsWith('0 1 2 3')).toBe(true);
  });

  it('a broken PDF', async () => {
    const junk = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256))]);
    await failsWith(junk, 'junk.pdf', /PDF/);
  });
});

describe('other files', () => {
  it('a 200 MB file is refused by its size before reading', async () => {
    const big = join(dir, 'big.pdf');
    writeFileSync(big, '%PDF-1.4\n');
    truncateSync(big, 200 * 1024 * 1024);
    const r = await readPublishedFile(big);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/文件过大（200\.0 MB/);
  });

  it('old .doc, images, binary junk, an empty file, a folder, a missing file', async () => {
    await failsWith(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.doc', /另存为/);
    await failsWith(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'scan.png', /图片/);
    await failsWith(Buffer.from([1, 2, 3, 0, 0, 0, 255, 254, 0]), 'x.bin', /无法识别/);
    await failsWith(Buffer.alloc(0), 'empty.txt', /空的/);
    expect(await importPublishedFile(dir)).toEqual({ status: 'error', message: expect.stringMatching(/不是文件|文件夹/) });
    expect(await importPublishedFile(join(dir, 'none.docx'))).toEqual({ status: 'error', message: expect.stringContaining('文件不存在') });
  });

  it('text that is no report at all imports with every cell blank and in doubt, never throws', async () => {
    const out = await importPublishedFile(new URL('./hostile.test.ts', import.meta.url).pathname);
    expect(out.status).toBe('imported');
    const result = out.status === 'imported' ? (JSON.parse(out.result) as { uncertain: { target: string }[]; stats: { cellsRead: number } }) : null;
    // no heading found, no table found: all of it listed for the clerk
    expect(result?.uncertain.filter((u) => u.target.startsWith('sections.')).length).toBe(6);
    expect(result?.uncertain.some((u) => u.target === 'apply.new.natural')).toBe(true);
  });

  it('a huge paste (2 million characters of table text, no headings) is read only up to the caps, and says so', async () => {
    const t = loadPublished('xinxiang-county-office-2024');
    const table = t.slice(t.indexOf('（本列数据'), t.indexOf('四、政府信息公开行政复议'));
    const huge = Array.from({ length: Math.ceil(2_000_000 / table.length) }, () => table).join('\n').slice(0, 1_999_000);
    const { uncertain } = parsePublished(textDocument(huge));
    expect(uncertain.find((u) => u.target === 'source')?.reason).toContain('超出部分未读取');
    // a single section longer than a draft holds is cut to fit, and the whole import still succeeds
    const long = `某县2024年政府信息公开工作年度报告\n一、总体情况\n${'本县认真落实条例，依法公开政府信息。\n'.repeat(15_000)}\n六、其他需要报告的事项\n无。`;
    const imported = await importPastedText(long);
    expect(imported.status).toBe('imported');
    const result = imported.status === 'imported' ? (JSON.parse(imported.result) as { uncertain: { reason: string }[]; report: { sections: { overview: string } } }) : null;
    expect(result?.report.sections.overview.length).toBe(200_000);
    expect(result?.uncertain.some((u) => u.reason.includes('超出部分未导入'))).toBe(true);
    const out = await importPastedText(huge + huge);
    expect(out).toEqual({ status: 'error', message: expect.stringContaining('过长') });
  });

  it('fuzz: fragments of real reports cut and shuffled never make the parser throw', () => {
    const lines = loadPublished('xinyuan-county-2024').split('\n').concat(loadPublished('urumqi-county-2024').split('\n'));
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < 60; k++) {
      const pick = Array.from({ length: 80 }, () => {
        const l = lines[Math.floor(rand() * lines.length)] ?? '';
        const a = Math.floor(rand() * l.length);
        return rand() < 0.3 ? l.slice(a) + '\t' + String(Math.floor(rand() * 100)) : l;
      });
      const { report } = parsePublished(textDocument(pick.join('\n')));
      expect(report.year).toBeGreaterThanOrEqual(2008);
    }
  });
});

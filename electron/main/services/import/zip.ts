/**
 * Reading one entry of an untrusted ZIP (a DOCX) with bounded memory: the central directory is read first
 * and declared sizes are checked before anything is inflated; the entry is then inflated by JSZip as a
 * stream that is abandoned as soon as it grows past the cap (a header may lie about the size).
 */
import JSZip from 'jszip';

export class ImportError extends Error {}

export interface ZipLimits {
  /** most entries a DOCX may have */
  maxEntries: number;
  /** largest uncompressed size of the entry read */
  maxEntryBytes: number;
  /** largest uncompressed size of all entries together (as declared) */
  maxTotalBytes: number;
  /** largest compression ratio accepted for the entry read */
  maxRatio: number;
}

/**
 * A real report's document.xml is well under 3 MB; 12 MB keeps reading it (unzip, validate, parse: linear, about
 * 0.3 s a MB) within a few seconds — a 62 MB one took 38 s and 690 MB before.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 5000, maxEntryBytes: 12 * 1024 * 1024, maxTotalBytes: 512 * 1024 * 1024, maxRatio: 200 };

interface CentralEntry {
  name: string;
  compressed: number;
  uncompressed: number;
}

/** The central directory of a ZIP, from the end-of-central-directory record. */
export function centralDirectory(buf: Uint8Array): CentralEntry[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const minEocd = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= minEocd; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ImportError('文件不是有效的 DOCX（压缩包结构损坏）');
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new ImportError('不支持 ZIP64 格式的 DOCX 文件');
  if (offset + size > buf.length) throw new ImportError('文件不是有效的 DOCX（压缩包目录损坏）');
  const out: CentralEntry[] = [];
  let p = offset;
  const decoder = new TextDecoder('utf-8');
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || view.getUint32(p, true) !== 0x02014b50) throw new ImportError('文件不是有效的 DOCX（压缩包目录损坏）');
    const compressed = view.getUint32(p + 20, true);
    const uncompressed = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const name = decoder.decode(buf.subarray(p + 46, p + 46 + nameLen));
    out.push({ name, compressed, uncompressed });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const megabytes = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');

/** Read one entry as UTF-8 text, within the limits; a Chinese `ImportError` when anything is wrong. */
export async function readZipEntryText(buf: Uint8Array, entryName: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<string> {
  const entries = centralDirectory(buf);
  if (entries.length > limits.maxEntries) throw new ImportError(`DOCX 文件内含 ${entries.length} 个部件，超过上限，疑似异常文件`);
  let total = 0;
  for (const e of entries) {
    if (e.uncompressed === 0xffffffff || e.compressed === 0xffffffff) throw new ImportError('不支持 ZIP64 格式的 DOCX 文件');
    total += e.uncompressed;
  }
  if (total > limits.maxTotalBytes) throw new ImportError('DOCX 文件解压后过大，疑似“压缩炸弹”，已拒绝读取');
  const entry = entries.find((e) => e.name === entryName);
  if (!entry) throw new ImportError('文件不是 Word 文档（缺少 word/document.xml），请确认是 .docx 文件');
  if (entry.compressed > 0 && entry.uncompressed / entry.compressed > limits.maxRatio && entry.uncompressed > 1024 * 1024) {
    throw new ImportError('DOCX 正文压缩比异常，疑似“压缩炸弹”，已拒绝读取');
  }
  if (entry.uncompressed > limits.maxEntryBytes) {
    throw new ImportError(`DOCX 正文解压后有 ${megabytes(entry.uncompressed)} MB（上限 ${megabytes(limits.maxEntryBytes)} MB），不像是一份年度报告，已拒绝读取`);
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf, { checkCRC32: false });
  } catch {
    throw new ImportError('文件不是有效的 DOCX（压缩包无法打开）');
  }
  const file = zip.file(entryName);
  if (!file) throw new ImportError('文件不是 Word 文档（缺少 word/document.xml），请确认是 .docx 文件');
  const cap = Math.min(limits.maxEntryBytes, Math.max(entry.uncompressed, 1) + 1024);
  const chunks: Uint8Array[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    const stream = file.nodeStream('nodebuffer');
    let done = false;
    const stop = () => {
      const s = stream as unknown as { destroy?: () => void; pause: () => void };
      if (typeof s.destroy === 'function') s.destroy();
      else s.pause();
    };
    stream.on('data', (chunk: Uint8Array) => {
      if (done) return;
      size += chunk.length;
      if (size > cap) {
        done = true;
        stop();
        reject(new ImportError('DOCX 正文的实际大小与声明不符（疑似“压缩炸弹”），已停止读取'));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', () => {
      if (done) return;
      done = true;
      reject(new ImportError('DOCX 文件已损坏，无法解压正文'));
    });
    stream.on('end', () => {
      if (done) return;
      done = true;
      resolve();
    });
  });
  const all = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    all.set(c, o);
    o += c.length;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(all);
  } catch {
    throw new ImportError('DOCX 正文不是有效的 UTF-8 文本');
  }
}

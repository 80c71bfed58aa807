/**
 * Reports in traditional characters: a government site's 「繁體」 version of a page (converted from the simplified
 * original, often with Taiwan wording: 「規範性檔案」 for 「规范性文件」, 「資訊」 for 「信息」) is saved and published as
 * it shows. The importer reads simplified labels, so such a document is converted back before anything else —
 * by OpenCC's dictionaries (opencc-js), Taiwan phrases included, and only when the document is traditional:
 * converting simplified text would touch the few characters both scripts share (「著」 in 「显著」).
 */
import { Converter } from 'opencc-js/t2cn';

/** Character by character, traditional → simplified: to tell a traditional document from a simplified one. */
const byCharacter = Converter({ from: 't', to: 'cn' });
/** Taiwan phrases and characters → mainland simplified: the conversion itself. */
const toMainland = Converter({ from: 'twp', to: 'cn' });

/** How many ideographs are looked at to decide (a report's first few pages say it). */
const SAMPLE = 4000;
/** A simplified report has next to none (a stray 「體」); a traditional one about a third of its ideographs. */
const MIN_SHARE = 0.05;
const MIN_COUNT = 10;

const HAN = /\p{Script=Han}/u;

/** Is this text written in traditional characters? */
export function isTraditional(text: string): boolean {
  let han = 0;
  let traditional = 0;
  for (const c of text) {
    if (!HAN.test(c)) continue;
    han++;
    if (byCharacter(c) !== c) traditional++;
    if (han >= SAMPLE) break;
  }
  return traditional >= MIN_COUNT && traditional >= MIN_SHARE * han;
}

/** Traditional text → mainland simplified text. */
export function toSimplified(text: string): string {
  return toMainland(text);
}

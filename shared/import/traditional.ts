/**
 * Reports in traditional characters: a government site's 「繁體」 version of a page (converted from the simplified
 * original, character by character or with Taiwan wording: 「規範性檔案」 for 「规范性文件」, 「資訊」 for 「信息」) is saved and
 * published as it shows. The importer reads simplified labels, so such a document is converted back before anything
 * else — by OpenCC's character dictionaries (opencc-js), then the few Taiwan words the report's own vocabulary takes —
 * and only when the document is traditional: converting simplified text would touch characters both scripts share.
 * (OpenCC's own Taiwan-phrase table is not used: on a page converted character by character it turns the report's
 * 「文件」 into 「文档」 and 「查询」 into 「查找」.)
 */
import { Converter } from 'opencc-js/t2cn';

/** Traditional → simplified, character by character (OpenCC 't' → 'cn'). */
const byCharacter = Converter({ from: 't', to: 'cn' });

/** After `byCharacter`: a variant OpenCC leaves (陜, for 陝), and the Taiwan words a site's converter puts for the report's own. */
const LEFT_BY_OPENCC: readonly [RegExp, string][] = [
  [/陜/g, '陕'],
  [/规范性档案/g, '规范性文件'],
  [/资讯/g, '信息'],
  [/专案(?=数量)/g, '项目'],
];

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

/** Traditional text → the simplified text it was converted from. */
export function toSimplified(text: string): string {
  return LEFT_BY_OPENCC.reduce((s, [word, mainland]) => s.replace(word, mainland), byCharacter(text));
}

/**
 * Text differences word by word, for Chinese: it has no spaces, so words come from `Intl.Segmenter('zh')` (ICU's
 * dictionary: 「政府|信息|公开|申请」) and the token arrays are diffed with jsdiff's `diffArrays` (Myers). Paragraphs
 * are aligned first, then the words of each changed run of paragraphs — so a long report costs little and a
 * paragraph moved or rewritten whole shows as such instead of as a scatter of single characters.
 */
import { diffArrays } from 'diff';

export interface TextPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Beyond this many word edits in one changed run, the run is shown removed and added whole (a rewrite). */
export const MAX_WORD_EDITS = 2000;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The words (and punctuation, spaces) of a text, in order; joined they give the text back. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text)) out.push(s.segment);
  return out;
}

/** Paragraphs with their line break kept, so they join back into the text. */
function paragraphs(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+/g) ?? [];
}

function push(out: TextPart[], kind: TextPart['kind'], text: string): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last?.kind === kind) last.text += text;
  else out.push({ kind, text });
}

function diffWordsOf(removed: string, added: string, out: TextPart[]): void {
  const changes = diffArrays(words(removed), words(added), { maxEditLength: MAX_WORD_EDITS });
  if (!changes) {
    push(out, 'removed', removed);
    push(out, 'added', added);
    return;
  }
  for (const c of changes) push(out, c.added ? 'added' : c.removed ? 'removed' : 'same', c.value.join(''));
}

/** `from` → `to` as parts: what both have, what `to` added, what `from` had that `to` removed. */
export function diffText(from: string, to: string): TextPart[] {
  const out: TextPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed && added) diffWordsOf(removed, added, out);
    else {
      push(out, 'removed', removed);
      push(out, 'added', added);
    }
    removed = '';
    added = '';
  };
  for (const c of diffArrays(paragraphs(from), paragraphs(to))) {
    const text = c.value.join('');
    if (c.removed) removed += text;
    else if (c.added) added += text;
    else {
      flush();
      push(out, 'same', text);
    }
  }
  flush();
  return out;
}

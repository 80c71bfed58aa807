/**
 * Text differences word by word, for Chinese: it has no spaces, so words come from `Intl.Segmenter('zh')` (ICU's
 * dictionary: 「政府|信息|公开|申请」) and the token arrays are diffed with jsdiff's `diffArrays` (Myers). Paragraphs
 * are aligned first, then the sentences of each changed run of paragraphs, then the words of each changed run of
 * sentences — so a long report costs little, and a passage rewritten whole shows as removed and added, not as a
 * scatter of single characters.
 */
import { diffArrays } from 'diff';

export interface TextPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Beyond this many word edits in one changed run, the run is shown removed and added whole (a rewrite). */
export const MAX_WORD_EDITS = 500;

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

/** Sentences with their closing mark (and the spaces after it) kept, so they join back into the text. */
function sentences(text: string): string[] {
  return text.match(/[^。！？；!?;]*[。！？；!?;]+\s*|[^。！？；!?;]+/g) ?? [];
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

type Diff = (from: string, to: string, out: TextPart[]) => void;

/**
 * `from` → `to` in units (`split`): the units both have stay whole; each run of changed units, removed and added,
 * goes to `inner` (a finer diff) — or is simply removed or added when the other side has nothing there.
 */
function byUnits(split: (text: string) => string[], inner: Diff): Diff {
  return (from, to, out) => {
    let removed = '';
    let added = '';
    const flush = () => {
      if (removed && added) inner(removed, added, out);
      else {
        push(out, 'removed', removed);
        push(out, 'added', added);
      }
      removed = '';
      added = '';
    };
    for (const c of diffArrays(split(from), split(to))) {
      const text = c.value.join('');
      if (c.removed) removed += text;
      else if (c.added) added += text;
      else {
        flush();
        push(out, 'same', text);
      }
    }
    flush();
  };
}

const diffAll = byUnits(paragraphs, byUnits(sentences, diffWordsOf));

/** `from` → `to` as parts: what both have, what `to` added, what `from` had that `to` removed. */
export function diffText(from: string, to: string): TextPart[] {
  const out: TextPart[] = [];
  diffAll(from, to, out);
  return out;
}

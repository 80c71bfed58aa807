/**
 * The review list (「需核对」): passages carried over into next year's report and the importer's doubts, kept in the
 * draft (`draft.review`) until the clerk confirms each one. A passage is found again by its text — the clerk edits
 * around it — and confirming it takes its 【请核对】 mark out of the text.
 */
import { REVIEW_MARK } from '../report/nextYear.js';
import type { Uncertain } from '../import/result.js';
import { MAX_REVIEW_ITEMS, type DraftFile, type ReviewItem } from '../schema/draft.js';
import { SECTION_KEYS, type SectionKey } from '../report/format.js';

/** Where a passage sits in its section's text now: its mark and text, else its text, else nowhere (null). */
export function locateReviewItem(text: string, item: ReviewItem): { start: number; end: number } | null {
  const head = item.text.split('\n')[0] ?? item.text;
  if (!head) return null;
  const marked = text.indexOf(REVIEW_MARK + head);
  if (marked >= 0) return { start: marked, end: marked + REVIEW_MARK.length + head.length };
  const plain = text.indexOf(head);
  return plain >= 0 ? { start: plain, end: plain + head.length } : null;
}

/**
 * The clerk confirmed item `index`: it leaves the list, and its 【请核对】 mark leaves its section's text (the text
 * itself is the clerk's and stays as it is).
 */
export function confirmReviewItem(
  sections: Readonly<Record<SectionKey, string>>,
  review: readonly ReviewItem[],
  index: number,
): { sections: Record<SectionKey, string>; review: ReviewItem[] } {
  const item = review[index];
  const out = { ...sections };
  if (item?.section) {
    const text = out[item.section] ?? '';
    const at = locateReviewItem(text, item);
    if (at && text.startsWith(REVIEW_MARK, at.start)) out[item.section] = text.slice(0, at.start) + text.slice(at.start + REVIEW_MARK.length);
  }
  return { sections: out, review: review.filter((_, i) => i !== index) };
}

/** The importer's doubts as review items (what it was unsure of, and why). */
export function importDoubts(uncertain: readonly Uncertain[]): ReviewItem[] {
  return uncertain.slice(0, MAX_REVIEW_ITEMS).map((u) => {
    const named = /^sections\.(\w+)$/.exec(u.target)?.[1];
    const section = SECTION_KEYS.find((k) => k === named);
    const item: ReviewItem = { origin: 'import', target: u.target.slice(0, 200), text: u.name.slice(0, 2000), reason: u.reason.slice(0, 1000) };
    if (section) item.section = section;
    return item;
  });
}

/**
 * The draft a published report imports as, in the app and on the command line alike: the importer's doubts go into
 * its review list, so they survive saving and reopening until the clerk confirms each one.
 */
export function draftWithImportDoubts(draft: DraftFile, uncertain: readonly Uncertain[]): DraftFile {
  const review = importDoubts(uncertain);
  return review.length ? { ...draft, review } : draft;
}

/**
 * Text read from a file, made safe to print on a terminal and to store in a draft: terminal escape sequences
 * (ESC … and the C1 CSI/OSC forms) removed whole, every other C0/C1 control removed except tab and newline, and the
 * bidi and format controls that reorder or hide text (LRE…RLO U+202A–202E, isolates U+2066–2069, LRM/RLM U+200E/F,
 * ALM U+061C) removed. One function for both places: the importer's lines before they become a draft, and
 * everything the command line prints.
 */

/**
 * ESC sequences: CSI (`ESC [ … final`), OSC/DCS/PM/APC strings (up to BEL or ST), and two-character escapes; the
 * same as 8-bit C1 introducers (U+009B CSI, U+009D OSC …). A string never terminated on its line loses only its
 * introducer, not the text after it. Linear: a string's body stops at the next introducer.
 */
const ESCAPE_SEQUENCE =
  /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])(?:[^\x07\x1b\n\x90\x98\x9c\x9d\x9e\x9f]*(?:\x07|\x1b\\|\x9c))?|\x1b[ -~]?/g;

/** Controls left after the sequences (C0 but tab and newline, DEL, C1) and the bidi/format controls. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function cleanText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

/**
 * What no message or name shown to the clerk may hold, typed here for the tests (not taken from the code they test):
 * C0/C1 control characters but tab and line feed, and the bidirectional marks and overrides that reorder text.
 */
export const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

import { z } from "zod";

/**
 * The one way a form takes free text (names, comments, rationales, …): control characters and bidi
 * controls are stripped, the ends trimmed of anything that shows nothing, and a name must show at
 * least one letter or digit. Issue 15 found names made only of zero-width or filler characters, and
 * names with a NUL, accepted as they came.
 */

/** Explicit bidi controls: they reorder what follows them (a "gnp.exe" that reads "exe.png"). */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const CONTROLS = /\p{Cc}/gu;
const LINE_BREAKS_AND_TABS = /[\t\n\v\f\r\u2028\u2029]/g;
const CONTROLS_BUT_LINE_BREAKS = /(?![\t\n\r])\p{Cc}/gu;
/** Whitespace, default-ignorable characters (zero-width, fillers, soft hyphen) and the blank braille cell. */
const NOTHING_SHOWN_AT_START = /^[\s\p{Default_Ignorable_Code_Point}\u2800]+/u;
const NOTHING_SHOWN_AT_END = /[\s\p{Default_Ignorable_Code_Point}\u2800]+$/u;
/** A letter or digit of any script that is not one of the invisible "letters" (U+3164 HANGUL FILLER…). */
const VISIBLE_LETTER_OR_DIGIT = /(?!\p{Default_Ignorable_Code_Point})[\p{L}\p{N}]/u;

/**
 * Text as stored: NFC, no control characters (single-line text turns tabs and line breaks into
 * spaces; multi-line text keeps tab, CR and LF), no bidi controls, trimmed. Zero-width joiners inside
 * the text stay: Persian, Indic scripts and emoji sequences need them.
 */
export function cleanText(value: string, { multiline = false }: { multiline?: boolean } = {}): string {
  let text = value.normalize("NFC");
  text = multiline ? text.replace(CONTROLS_BUT_LINE_BREAKS, "") : text.replace(LINE_BREAKS_AND_TABS, " ").replace(CONTROLS, "");
  return text.replace(BIDI_CONTROLS, "").replace(NOTHING_SHOWN_AT_START, "").replace(NOTHING_SHOWN_AT_END, "");
}

/** Whether the text shows at least one letter or digit. */
export function hasVisibleText(value: string): boolean {
  return VISIBLE_LETTER_OR_DIGIT.test(value);
}

/** A required name: cleaned, at most `max` characters, and showing a letter or digit (else `required`). */
export function nameText({ max, required }: { max: number; required: string }) {
  return z
    .string({ error: required })
    .transform((value) => cleanText(value))
    .pipe(z.string().min(1, required).max(max, "form.error.tooLong").refine(hasVisibleText, required));
}

/** Optional free text (a comment, an industry): cleaned, at most `max` characters, may end up empty. */
export function freeText({ max, multiline = false }: { max: number; multiline?: boolean }) {
  return z
    .string({ error: "form.error.invalidText" })
    .transform((value) => cleanText(value, { multiline }))
    .pipe(z.string().max(max, "form.error.tooLong"));
}

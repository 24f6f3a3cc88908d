/**
 * Whether a short line without closing punctuation is a statement or a heading. Model cards list
 * their limitations and specifications as bare lines ("The model cannot render legible text",
 * "Hardware: 32 x 8 x A100 GPUs"); read as headings, they would be skipped as claims and would
 * hide the "Limitations" heading above them from the lines that follow. A heading names a topic
 * ("Limitations and Bias", "Downloading the weights"); a statement has a subject and a finite
 * verb ("We host all code repositories on GitHub"), gives a figure for a label, or is a dated
 * entry of a timeline or changelog ("December 1, 2022: Release of The Stack v1.1").
 */
import { parseSentence, type ParsedToken } from './parse-sentence.js';

const subjectTags = new Set(['NOUN', 'PROPN', 'PRON']);
/** Personal pronouns that open a clause as its subject. */
const subjectPronouns = new Set(['we', 'i', 'you', 'they', 'he', 'she', 'it']);
/** Words that may stand between a subject and its verb: "we also release", "it now supports". */
const betweenSubjectAndVerb = new Set(['ADV', 'PART']);

const month = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
/** "December 1, 2022: …", "1 Dec 2022 – …", "2023-03-20: …", "(2024/05) …": a dated entry. */
const datedEntry = new RegExp(
  `^\\**\\(?(?:${month}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+${month}\\s+\\d{4}|\\d{4}[-/.]\\d{1,2}(?:[-/.]\\d{1,2})?|${month}\\s+\\d{4})\\)?\\**\\s*[:–—-]\\s*\\S`,
  'iu',
);

/** Most words capitalised: a title ("How Stable Cascade Works"), not a sentence. */
function isTitleCase(tokens: readonly ParsedToken[]): boolean {
  const words = tokens.filter((token) => /^\p{L}/u.test(token.text));
  const capitalised = words.filter((token) => /^\p{Lu}/u.test(token.text));
  return words.length >= 2 && capitalised.length / words.length >= 0.6;
}

/** A subject followed by its verb: a personal pronoun and any verb, or a noun and a verb in -s or -ed outside a title. */
function hasSubjectAndVerb(tokens: readonly ParsedToken[]): boolean {
  const title = isTitleCase(tokens);
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    const pronoun = token.pos === 'PRON' && subjectPronouns.has(token.lower);
    if (!pronoun && (title || (token.pos !== 'NOUN' && token.pos !== 'PROPN'))) continue;
    let next = index + 1;
    while (next < tokens.length && betweenSubjectAndVerb.has(tokens[next]!.pos)) next += 1;
    const verb = tokens[next];
    if (!verb || verb.pos !== 'VERB') continue;
    if (pronoun || /(?:[^s]s|ed)$/u.test(verb.lower)) return true;
  }
  return false;
}

/** "Hardware: 32 x 8 x A100 GPUs", "**Hours used:** 200000": a label, a colon and a figure. */
const labelledFigure = /^\**[\p{L}][\p{L}\p{N} ()/-]{0,40}:\**\s+\**\S*\d/u;

export function readsAsStatement(line: string): boolean {
  const text = line.trim();
  if (labelledFigure.test(text) || datedEntry.test(text)) return true;
  const tokens = parseSentence(text);
  if (hasSubjectAndVerb(tokens)) return true;
  // A feature line whose subject is the model named above it: "Supports 8-bit quantization".
  const first = tokens[0];
  if (first && first.pos === 'VERB' && /[^s]s$/u.test(first.lower)) return true;
  // An auxiliary or modal after a subject: "The model does not …", "Granite models are intended …".
  return tokens.some((token, index) => token.pos === 'AUX' && index > 0 && tokens.slice(0, index).some((before) => subjectTags.has(before.pos)));
}

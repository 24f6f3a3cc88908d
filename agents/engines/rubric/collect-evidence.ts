/**
 * Turns an evidence pack into sentence-level readings per indicator, each sentence read in its
 * place in the document (its heading, or as a table row). Every quote is a slice of
 * its passage's text, trimmed by the sentence splitter and never rewritten, so the lens agent can
 * find it verbatim in the snapshot.
 */
import type { LensRubric, RubricIndicator } from './rubrics/index.js';
import type { EvidencePassage } from '../contract.js';
import { structuredSentences, wordCount, type SentenceContext } from './passage-structure.js';
import { readSentence, type SentenceReading } from './read-sentence.js';
import { readsAsStatement } from './reads-as-statement.js';
import type { NegationKind } from './sentence-cues.js';

export type EvidenceReading = 'met' | 'hedged' | NegationKind;

export interface SentenceEvidence {
  readonly quote: string;
  readonly sourceId: string;
  readonly party: 'first' | 'third';
  readonly reading: EvidenceReading;
  /** Position of the passage in the evidence pack (retrieval order, most relevant first). */
  readonly passageIndex: number;
  /** Offset of the quote within its passage. */
  readonly offset: number;
}

export interface IndicatorEvidence {
  readonly indicator: RubricIndicator;
  readonly sentences: readonly SentenceEvidence[];
}

/** Headings and fragments ("Limitations", "Safety by design") are not claims. */
const minimumSentenceWords = 4;
/**
 * Short lines without closing punctuation are headings ("Open where it matters"), not claims,
 * unless they read as a statement ("The model cannot render legible text", "Hours used: 200000").
 */
const minimumHeadingLikeWords = 9;
const closingPunctuation = /[.!?…;:]["'’”)\]]*$/u;

function readsAsClaim(sentence: string, context: SentenceContext): boolean {
  const words = wordCount(sentence);
  // A table row is a claim when it has something to say beyond a header: a label and a figure.
  if (context.tableRow) return words >= 2;
  if (words < minimumSentenceWords) return words >= 2 && readsAsStatement(sentence) && /\d/u.test(sentence);
  return closingPunctuation.test(sentence) || words >= minimumHeadingLikeWords || readsAsStatement(sentence);
}
/**
 * Sentences longer than this are quoted as a window around the match: pages without punctuation
 * (navigation, tables) can yield "sentences" of hundreds of words, which make poor evidence.
 */
const maximumQuoteLength = 400;
const quoteContext = 160;

/** A word-aligned, trimmed window of the sentence around the match, still an exact substring. */
function quoteWindow(sentence: string, matchStart: number, matchEnd: number): { quote: string; offset: number } {
  if (sentence.length <= maximumQuoteLength) return { quote: sentence, offset: 0 };
  let start = Math.max(0, matchStart - quoteContext);
  let end = Math.min(sentence.length, matchEnd + quoteContext);
  while (start > 0 && !/\s/.test(sentence[start - 1]!)) start += 1;
  while (end < sentence.length && !/\s/.test(sentence[end]!)) end -= 1;
  if (end <= start) return { quote: sentence.slice(matchStart, matchEnd), offset: matchStart };
  const raw = sentence.slice(start, end);
  const leading = raw.length - raw.trimStart().length;
  return { quote: raw.trim(), offset: start + leading };
}

/**
 * What a sentence's reading depends on: its text and its place (heading, table row). The same
 * sentence under the same heading reads the same way wherever it stands, because reading is pure.
 */
function readingKey(sentence: string, context: SentenceContext): string {
  return `${context.tableRow ? 'row' : 'prose'}\u0000${context.heading ?? '\u0001'}\u0000${sentence}`;
}

export function collectIndicatorEvidence(rubric: LensRubric, passages: readonly EvidencePassage[]): IndicatorEvidence[] {
  const byIndicator = rubric.indicators.map((indicator) => ({ indicator, sentences: [] as SentenceEvidence[], seen: new Set<string>() }));
  // Pages of one site repeat themselves (footers, disclaimers, boilerplate paragraphs, the same
  // sentence in an announcement and its model card): each distinct sentence in its place is read
  // against the rubric once per lens, and its readings reused. Held for this call only.
  const readings = new Map<string, readonly SentenceReading[] | null>();
  const readAll = (sentence: string, context: SentenceContext): readonly SentenceReading[] | null => {
    const key = readingKey(sentence, context);
    let read = readings.get(key);
    if (read === undefined) {
      read = readsAsClaim(sentence, context) ? byIndicator.map((entry) => readSentence(sentence, entry.indicator, context)) : null;
      readings.set(key, read);
    }
    return read;
  };
  passages.forEach((passage, passageIndex) => {
    for (const span of structuredSentences(passage.text)) {
      const sentence = passage.text.slice(span.start, span.end);
      const read = readAll(sentence, span.context);
      if (read === null) continue;
      byIndicator.forEach((entry, indicatorIndex) => {
        const reading = read[indicatorIndex]!;
        if (reading.status === 'none') return;
        const window = quoteWindow(sentence, reading.start, reading.end);
        // Neighbouring chunks overlap by a sentence: the same quote from the same source is one piece of evidence.
        const key = `${passage.sourceId}\u0000${window.quote}`;
        if (entry.seen.has(key)) return;
        entry.seen.add(key);
        entry.sentences.push({
          quote: window.quote,
          sourceId: passage.sourceId,
          party: passage.party,
          reading: reading.status === 'withheld' ? reading.kind : reading.status,
          passageIndex,
          offset: span.start + window.offset,
        });
      });
    }
  });
  return byIndicator.map(({ indicator, sentences }) => ({ indicator, sentences }));
}

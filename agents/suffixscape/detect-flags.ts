/**
 * Suffixscape flags for an audit: every first-party passage is split into sentences, each
 * sentence is run through the detectors, and the hits become draft flags with a verbatim quote.
 *
 * Determinism and volume:
 * - at most one flag per (sentence, pattern): the strongest hit, earlier detector on a tie;
 * - a sentence seen twice (overlapping passages of one source) is read once, and the same quote
 *   flagged for the same pattern on several pages (footers, repeated boilerplate) is kept once,
 *   on its first source;
 * - the cap: at most `maxFlagsPerPattern` per pattern and `maxFlagsPerAudit` in all, keeping the
 *   strongest (then earliest) so one noisy pattern cannot crowd out the others;
 * - output order is source id (S01 < S02 < S10), then character offset, then pattern in
 *   catalogue order.
 */
import { suffixscapePatternIds, type SuffixscapePatternId } from '../catalog/suffixscape-patterns.js';
import type { DraftFlag, EvidencePassage } from '../engines/contract.js';
import { splitSentences } from '../../tools/chunk-text.js';
import { detectSentenceHits } from './classify-sentence.js';
import { quoteSpanFor } from './quote-span.js';
import type { DetectorHit } from './types.js';

export const maxFlagsPerAudit = 40;
export const maxFlagsPerPattern = 12;

/** Fragments shorter than this (headings, menu items, captions) carry no claim to diagnose. */
const minimumWordsPerSentence = 4;

interface FlagCandidate {
  readonly flag: DraftFlag;
  readonly offset: number;
  readonly patternRank: number;
  readonly strength: number;
}

/** S2 before S10: source ids compare by their number when they have one. */
function compareSourceIds(left: string, right: string): number {
  const leftNumber = /^S(\d+)$/.exec(left)?.[1];
  const rightNumber = /^S(\d+)$/.exec(right)?.[1];
  if (leftNumber !== undefined && rightNumber !== undefined && leftNumber !== rightNumber) return Number(leftNumber) - Number(rightNumber);
  return left < right ? -1 : left > right ? 1 : 0;
}

function compareByPosition(left: FlagCandidate, right: FlagCandidate): number {
  return compareSourceIds(left.flag.sourceId, right.flag.sourceId) || left.offset - right.offset || left.patternRank - right.patternRank;
}

/** The hit to publish for each pattern that fired: strongest first, detector order on ties. */
function strongestHitPerPattern(hits: readonly DetectorHit[]): DetectorHit[] {
  const best = new Map<SuffixscapePatternId, DetectorHit>();
  for (const hit of hits) {
    const current = best.get(hit.pattern);
    if (!current || hit.strength > current.strength) best.set(hit.pattern, hit);
  }
  return [...best.values()];
}

/**
 * Sentence spans of a passage, also cut at single line breaks: in snapshots those separate a
 * heading or list item from the sentence after it, and a quote should not run across them.
 */
function sentenceSpans(text: string): { start: number; end: number }[] {
  return splitSentences(text).flatMap((span) => {
    const lines: { start: number; end: number }[] = [];
    let lineStart = span.start;
    for (let index = span.start; index <= span.end; index += 1) {
      if (index < span.end && text[index] !== '\n') continue;
      let start = lineStart;
      let end = index;
      while (start < end && /\s/.test(text[start]!)) start += 1;
      while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
      if (end > start) lines.push({ start, end });
      lineStart = index + 1;
    }
    return lines;
  });
}

function candidatesFromPassage(passage: EvidencePassage, seenSentences: Set<string>): FlagCandidate[] {
  const candidates: FlagCandidate[] = [];
  for (const span of sentenceSpans(passage.text)) {
    const sentence = passage.text.slice(span.start, span.end);
    if ((sentence.match(/\S+/g)?.length ?? 0) < minimumWordsPerSentence || !/\p{Ll}/u.test(sentence)) continue;
    const sentenceKey = `${passage.sourceId}\u0000${passage.start + span.start}`;
    if (seenSentences.has(sentenceKey)) continue;
    seenSentences.add(sentenceKey);
    for (const hit of strongestHitPerPattern(detectSentenceHits(sentence))) {
      const quote = quoteSpanFor(sentence, hit.cueStart, hit.cueStart + hit.cue.length);
      candidates.push({
        flag: {
          pattern: hit.pattern,
          quote: sentence.slice(quote.start, quote.end),
          sourceId: passage.sourceId,
          effect: hit.effect,
          alternative: hit.alternative,
          detector: hit.detector,
        },
        offset: passage.start + span.start + quote.start,
        patternRank: suffixscapePatternIds.indexOf(hit.pattern),
        strength: hit.strength,
      });
    }
  }
  return candidates;
}

export function detectSuffixscapeFlags(passages: readonly EvidencePassage[]): DraftFlag[] {
  const seenSentences = new Set<string>();
  const candidates = passages
    .filter((passage) => passage.party === 'first')
    .flatMap((passage) => candidatesFromPassage(passage, seenSentences))
    .sort(compareByPosition);

  const seenQuotes = new Set<string>();
  const unique = candidates.filter((candidate) => {
    const key = `${candidate.flag.pattern}\u0000${candidate.flag.quote}`;
    if (seenQuotes.has(key)) return false;
    seenQuotes.add(key);
    return true;
  });

  const perPattern = new Map<string, number>();
  const kept: FlagCandidate[] = [];
  for (const candidate of [...unique].sort((left, right) => right.strength - left.strength || compareByPosition(left, right))) {
    if (kept.length >= maxFlagsPerAudit) break;
    const count = perPattern.get(candidate.flag.pattern) ?? 0;
    if (count >= maxFlagsPerPattern) continue;
    perPattern.set(candidate.flag.pattern, count + 1);
    kept.push(candidate);
  }
  return kept.sort(compareByPosition).map((candidate) => candidate.flag);
}

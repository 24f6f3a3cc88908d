/**
 * Quote verification. A quote is publishable only if it is found verbatim in the snapshot of
 * the source it cites. Models often reflow whitespace or straighten typographic quotes, so when
 * the exact text is absent we look for it with whitespace and quote marks folded, and publish
 * the snapshot's own span instead of the model's rendering: what we print is always the
 * crawled text, byte for byte.
 */
export interface QuoteLocation {
  readonly start: number;
  readonly end: number;
  /** Exactly `snapshot.slice(start, end)`. */
  readonly quote: string;
  readonly exact: boolean;
}

const foldCharacter = (character: string): string => {
  if (/\s/.test(character)) return ' ';
  if (/[\u2018\u2019\u201B\u2032]/.test(character)) return "'";
  if (/[\u201C\u201D\u201F\u2033]/.test(character)) return '"';
  if (/[\u2013\u2014]/.test(character)) return '-';
  return character;
};

/** Folds text and keeps, for every folded character, its offset in the original. */
function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  let folded = '';
  const offsets: number[] = [];
  let previousWasSpace = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = foldCharacter(text[index]!);
    if (character === ' ') {
      if (previousWasSpace) continue;
      previousWasSpace = true;
    } else {
      previousWasSpace = false;
    }
    folded += character;
    offsets.push(index);
  }
  return { folded, offsets };
}

/**
 * Finds `quote` in `snapshot`. When it occurs more than once, the occurrence nearest
 * `preferAfter` wins, so a quote drawn from a retrieved passage maps to that passage.
 */
export function locateQuote(snapshot: string, quote: string, preferAfter = 0): QuoteLocation | null {
  const wanted = quote.trim();
  if (wanted.length === 0) return null;
  const exactStart = nearestOccurrence(snapshot, wanted, preferAfter);
  if (exactStart !== null) {
    return { start: exactStart, end: exactStart + wanted.length, quote: wanted, exact: true };
  }
  const haystack = foldWithOffsets(snapshot);
  const needle = foldWithOffsets(wanted).folded.trim();
  if (needle.length === 0) return null;
  const foldedStart = nearestOccurrence(haystack.folded, needle, preferAfter);
  if (foldedStart === null) return null;
  const start = haystack.offsets[foldedStart]!;
  const end = haystack.offsets[foldedStart + needle.length - 1]! + 1;
  return { start, end, quote: snapshot.slice(start, end), exact: false };
}

function nearestOccurrence(text: string, needle: string, preferAfter: number): number | null {
  let best: number | null = null;
  for (let index = text.indexOf(needle); index >= 0; index = text.indexOf(needle, index + 1)) {
    if (best === null || Math.abs(index - preferAfter) < Math.abs(best - preferAfter)) best = index;
  }
  return best;
}

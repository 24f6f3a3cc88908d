/**
 * Cue lexicons for reading one pattern match inside its sentence: is it negated (and if so, is
 * the lab withholding information or admitting an absence), is it a pledge, is it only hedged?
 * Cues are judged within the match's clause, outside the matched span itself, so a pattern that
 * contains its own negation ("not recommended for", "we will not release … because") is read
 * as written.
 */

/** How a negated mention reads: the lab withholds information, or says a thing is not there. */
export type NegationKind = 'refusal' | 'absence';

export interface ClauseContext {
  /** Clause text before the match, from the nearest clause boundary. */
  readonly before: string;
  /** Clause text after the match, up to the nearest clause boundary. */
  readonly after: string;
}

/**
 * Clause boundaries: strong punctuation, dashes, brackets, and a comma or conjunction that
 * starts a new predicate. "We do not sell data, but we publish our evaluations" must not carry
 * the first clause's "not" over to the second.
 */
const clauseBoundary =
  /[;:—–()[\]]|\s-\s|,\s*(?=(?:but|however|although|though|while|whereas|yet|and|or|so|because|which|who|since|unless|according)\b)|\b(?:but|however|although|though|whereas|because|unless)\b/giu;

/** Negation cues in the words just before a match. */
const negationCue =
  /\b(?:not|never|no|nor|neither|none|nothing|without|cannot|lack|lacks|lacking|absent|rarely|seldom|hardly)\b|n['’]t\b|\b(?:decline|declines|declined|declining|refuse|refuses|refused|refusing|fail|fails|failed|failing)\s+to\b/iu;

/** Phrases that contain a negation word but do not negate: "not only", "no doubt". */
const nonNegatingPhrases = /\b(?:not\s+only|not\s+just|not\s+merely|no\s+doubt|no\s+matter|not\s+least)\b/giu;

/** Verbs of telling: when one of these is negated, the lab is withholding, not lacking. */
const disclosureVerb =
  /\b(?:disclos(?:e|es|ed|ing)|publish(?:es|ed|ing)?|releas(?:e|es|ed|ing)|shar(?:e|es|ed|ing)|reveal(?:s|ed|ing)?|list(?:s|ed|ing)?|detail(?:s|ed)?|comment(?:s|ed)?|respond(?:s|ed)?|answer(?:s|ed)?|confirm(?:s|ed)?|specif(?:y|ies|ied)|explain(?:s|ed)?|say|says|said|document(?:s|ed)?|report(?:s|ed)?|make\s+public|made\s+public)\b|\b(?:decline|declines|declined|refuse|refuses|refused)\s+to\b/iu;

/**
 * A negated verb of doing harm is a pledge, not a gap: "We will not license our models for mass
 * surveillance" names a risk and a refusal to serve it.
 */
const pledge =
  /\b(?:will|would|do|does|shall|must)\s+(?:not|never)\s+(?:knowingly\s+)?(?:license|licence|sell|build|develop|deploy|allow|permit|assist|enable|weaponi[sz]e)\b|\b(?:won['’]t|don['’]t|doesn['’]t)\s+(?:license|licence|sell|build|develop|deploy|allow|permit|assist|enable|weaponi[sz]e)\b|\bnever\s+(?:license|licence|sell|build|develop|deploy|allow|permit|assist|enable|weaponi[sz]e)\b/iu;

/** Words that say, after the subject, that something is being kept back. */
const withholdingWords = new Set(['undisclosed', 'unpublished', 'unreleased', 'withheld', 'confidential', 'secret']);

const auxiliaries = new Set([
  'is', 'are', 'was', 'were', 'has', 'have', 'had', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'may', 'might',
  'must', 'shall', 'should', 'remain', 'remains', 'remained', 'be', 'been', 'being',
]);

/**
 * Aspiration, belief and deferral: the lab says it wants, plans or believes something, not that
 * it does it. A hedged mention earns no credit and leaves the gap open.
 */
const hedgeCue =
  /\b(?:explor(?:e|es|ing)|plan(?:s|ning)?\s+to|intend(?:s|ing)?\s+to|hop(?:e|es|ing)\s+to|aim(?:s|ing)?\s+to|aspir(?:e|es|ing)\s+to|striv(?:e|es|ing)\s+to|considering|look(?:s|ing)?\s+into|work(?:s|ing)?\s+towards?|believe|believes|should|would\s+like\s+to|want(?:s)?\s+to|seek(?:s|ing)?\s+to|committed\s+to|in\s+the\s+future|eventually|someday|one\s+day)\b/iu;

/** Deferral placed after the mention: "… and we will share more details in the future". */
const deferralCue = /\b(?:in\s+the\s+future|eventually|someday|one\s+day|in\s+due\s+course|in\s+the\s+coming\s+(?:months|years)|at\s+a\s+later\s+date)\b/iu;

/** Words before the match that count as "near" for negation and hedging. */
const negationWindowWords = 8;
const hedgeWindowWords = 10;
/** Words after the match searched for the predicate ("… are not disclosed"). */
const predicateWindowWords = 6;

const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

function words(text: string): string[] {
  return text.match(wordPattern) ?? [];
}

function lastWords(text: string, count: number): string {
  return words(text).slice(-count).join(' ');
}

/** The clause around `[start, end)`: boundaries inside the match itself are ignored. */
export function clauseAround(sentence: string, start: number, end: number): ClauseContext {
  let clauseStart = 0;
  let clauseEnd = sentence.length;
  for (const boundary of sentence.matchAll(clauseBoundary)) {
    const boundaryStart = boundary.index;
    const boundaryEnd = boundaryStart + boundary[0].length;
    if (boundaryEnd <= start) clauseStart = boundaryEnd;
    else if (boundaryStart >= end) {
      clauseEnd = boundaryStart;
      break;
    }
  }
  return { before: sentence.slice(clauseStart, start), after: sentence.slice(end, clauseEnd) };
}

/** Negation in the predicate after the match: "… sources are not disclosed", "… remain undisclosed". */
function negatedPredicate(after: string): { negated: boolean; predicate: string } {
  const following = words(after).slice(0, predicateWindowWords);
  for (const [index, word] of following.entries()) {
    const lower = word.toLowerCase().replace('’', "'");
    if (withholdingWords.has(lower)) return { negated: true, predicate: following.slice(0, index + 1).join(' ') };
    if (/n't$/.test(lower) || lower === 'cannot') return { negated: true, predicate: following.slice(0, index + 3).join(' ') };
    if (auxiliaries.has(lower)) {
      const next = following.slice(index + 1, index + 3).map((candidate) => candidate.toLowerCase());
      const negated =
        next[0] === 'not' ||
        next[0] === 'never' ||
        (next[0] === 'yet' && next[1] === 'not') ||
        next.some((candidate) => withholdingWords.has(candidate));
      return { negated, predicate: following.slice(0, index + 4).join(' ') };
    }
  }
  return { negated: false, predicate: '' };
}

/**
 * Whether the match at `[start, end)` is negated, and how. Returns null when it is not negated,
 * or when the negation is a pledge not to do harm.
 */
export function negationAt(sentence: string, start: number, end: number): NegationKind | null {
  const { before, after } = clauseAround(sentence, start, end);
  const windowBefore = lastWords(before, negationWindowWords).replace(nonNegatingPhrases, ' ');
  const negatedBefore = negationCue.test(windowBefore);
  const predicate = negatedPredicate(after);
  if (!negatedBefore && !predicate.negated) return null;
  const matched = sentence.slice(start, end);
  if (pledge.test(`${windowBefore} ${matched}`)) return null;
  const telling = `${windowBefore} ${matched} ${predicate.predicate}`;
  const withholding = words(predicate.predicate).some((word) => withholdingWords.has(word.toLowerCase()));
  return withholding || disclosureVerb.test(telling) ? 'refusal' : 'absence';
}

/** Whether the match at `[start, end)` is only aspired to, believed in or deferred. */
export function isHedgedAt(sentence: string, start: number, end: number): boolean {
  const { before, after } = clauseAround(sentence, start, end);
  return hedgeCue.test(lastWords(before, hedgeWindowWords)) || deferralCue.test(after);
}

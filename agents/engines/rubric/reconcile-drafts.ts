/**
 * The rubric's reconciliation: per-lens justifications that point out evidence shared across
 * lenses, and the three PALS dimensions computed from the lens scores and Suffixscape flags.
 *
 * PALS formula (documented in README.md): a dimension's prior pools the rubric's weighted
 * indicator credit over its `fromLenses` that were read — Σ earned / Σ possible, put on the lens
 * curve (1 + 9 × share^0.6) and rounded to one decimal — so a dimension says how much of what its
 * lenses ask for was disclosed, at finer grain than an average of whole-number lens scores. Drafts
 * that carry no credit (recorded before it was kept) fall back on the mean of their scores. The
 * prior is lowered by `penaltyPerFlagRate` (0.1) for every Suffixscape flag per 1,000 words of the
 * lab's own prose in the patterns relevant to it, each flag weighted by its confidence, clamped to
 * 1..10 and rounded to one decimal. The rate, not the count, is what lowers a score: a lab that
 * publishes ten times more prose is not penalised ten times more for the same habits, and no cap
 * makes long corpora look alike.
 */
import { lensById, lenses, type LensId } from '../../../contract/catalog/lenses.js';
import { palsDimensions, type PalsDimensionDefinition, type PalsDimensionId } from '../../../contract/catalog/pals.js';
import { suffixscapePatternById, type SuffixscapePatternId } from '../../../contract/catalog/suffixscape-patterns.js';
import type { DraftFlag, LensDraft, PalsDraft, ReconcileDraft, ReconcileInput } from '../contract.js';
import { joinList, verbFor } from './prose.js';
import { flagsPerThousandWords } from './suffixscape/flag-rate.js';
import { creditCurve, creditShare } from './score-lens.js';

/**
 * Which evasions weigh on which dimension:
 * - completeness (sources, limits, transparency): epistemic inflation presents claims without
 *   their limits; nominalised evasion hides what was done, so it cannot be checked.
 * - multiplicity (epistemologies, languages, voices): temporal flatness tells one smooth story
 *   and crowds out the other accounts of how things came to be.
 * - responsibility (accountability, refusal, governance): agency diffusion removes whoever
 *   decided; nominalised evasion hides who acts on whom.
 */
export const palsFlagPatterns: Readonly<Record<PalsDimensionId, readonly SuffixscapePatternId[]>> = {
  completeness: ['epistemic-inflation', 'nominalised-evasion'],
  multiplicity: ['temporal-flatness'],
  responsibility: ['agency-diffusion', 'nominalised-evasion'],
};

/** Points off a dimension per confidence-weighted flag per 1,000 words of the lab's own prose. */
export const penaltyPerFlagRate = 0.1;

/** Words of first-party prose the flags were read from; with none known, rates are taken over 1,000 words. */
function ownProseWords(sources: ReconcileInput['sources']): number {
  return sources.filter((source) => source.party === 'first').reduce((sum, source) => sum + source.words, 0);
}

const roundToOneDecimal = (value: number) => Math.round(value * 10) / 10;
const clampScore = (value: number) => Math.min(10, Math.max(1, value));

function formatScore(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function patternTitle(pattern: SuffixscapePatternId): string {
  return suffixscapePatternById(pattern).title;
}

interface DimensionPrior {
  readonly value: number;
  /** The basis's opening clause, given the list of lenses with their scores. */
  readonly describe: (lensList: string) => string;
}

/**
 * The pooled credit of the lenses on the lens curve when every draft carries it; otherwise the
 * mean of their scores. Both one decimal.
 */
function dimensionPrior(drafts: readonly LensDraft[]): DimensionPrior {
  const credits = drafts.map((draft) => draft.rubricCredit);
  if (credits.every((credit) => credit !== undefined)) {
    const earned = credits.reduce((sum, credit) => sum + credit!.earned, 0);
    const possible = credits.reduce((sum, credit) => sum + credit!.possible, 0);
    const share = creditShare({ earned, possible });
    return {
      value: roundToOneDecimal(1 + 9 * share ** creditCurve),
      describe: (lensList) =>
        `The indicators of ${lensList} are ${Math.round(share * 100)}% met by weight (${formatScore(roundToOneDecimal(earned))} of ${possible} points), on the lens scale`,
    };
  }
  const mean = roundToOneDecimal(drafts.reduce((sum, draft) => sum + draft.score, 0) / drafts.length);
  return { value: mean, describe: (lensList) => `Mean of ${lensList}` };
}

export function palsDimensionScore(
  dimension: PalsDimensionDefinition,
  lensDrafts: readonly LensDraft[],
  flags: readonly DraftFlag[],
  ownWords = 0,
): PalsDraft {
  const draftByLens = new Map<LensId, LensDraft>(lensDrafts.map((draft) => [draft.lensId, draft]));
  const present = dimension.fromLenses.filter((lensId) => draftByLens.has(lensId));
  const missing = dimension.fromLenses.filter((lensId) => !draftByLens.has(lensId));
  // With none of its own lenses read, the dimension falls back on every lens that was, and says so.
  const basisLenses = present.length > 0 ? present : lenses.map((lens) => lens.id).filter((lensId) => draftByLens.has(lensId));
  if (basisLenses.length === 0) {
    return { score: 1, basis: `No lens could be read in this audit, so ${dimension.title.toLowerCase()} has no evidence and stays at 1.` };
  }

  const prior = dimensionPrior(basisLenses.map((lensId) => draftByLens.get(lensId)!));
  const relevant = palsFlagPatterns[dimension.id];
  const relevantFlags = flags.filter((flag) => (relevant as readonly string[]).includes(flag.pattern));
  const words = ownWords > 0 ? ownWords : 1000;
  const rate = flagsPerThousandWords(relevantFlags, words);
  const penalty = roundToOneDecimal(rate * penaltyPerFlagRate);
  const score = clampScore(roundToOneDecimal(prior.value - penalty));

  const lensList = joinList(basisLenses.map((lensId) => `${lensById(lensId).title} (${draftByLens.get(lensId)!.score})`));
  const parts = [
    present.length > 0
      ? `${prior.describe(lensList)}: ${formatScore(prior.value)}`
      : `None of its lenses could be read, so it falls back on every lens read: ${prior.describe(lensList)}: ${formatScore(prior.value)}`,
  ];
  const patternList = joinList(relevant.map(patternTitle));
  const rateText = `${rate.toFixed(1)} confidence-weighted ${patternList} flags per 1,000 words of the lab's own prose (${relevantFlags.length} in ${words.toLocaleString('en-GB')} words)`;
  if (penalty > 0) {
    parts.push(`lowered by ${formatScore(penalty)} for ${rateText}`);
  } else {
    parts.push(`${rateText} ${verbFor(relevantFlags.length, 'does', 'do')} not lower it`);
  }
  let basis = `${parts.join('; ')}.`;
  if (present.length > 0 && missing.length > 0) {
    basis += ` ${joinList(missing.map((lensId) => lensById(lensId).title))} could not be read in this audit and ${verbFor(missing.length, 'is', 'are')} left out.`;
  }
  return { score, basis };
}

/** For each lens, the other lenses whose findings quote the same sentence of the same source. */
function sharedEvidence(lensDrafts: readonly LensDraft[]): Map<LensId, LensId[]> {
  const holders = new Map<string, Set<LensId>>();
  for (const draft of lensDrafts) {
    for (const finding of draft.findings) {
      for (const quote of finding.quotes) {
        const key = `${quote.sourceId}\u0000${quote.quote}`;
        const set = holders.get(key) ?? new Set<LensId>();
        set.add(draft.lensId);
        holders.set(key, set);
      }
    }
  }
  const catalogOrder = new Map(lenses.map((lens, index) => [lens.id, index]));
  const shared = new Map<LensId, LensId[]>();
  for (const draft of lensDrafts) {
    const others = new Set<LensId>();
    for (const finding of draft.findings) {
      for (const quote of finding.quotes) {
        for (const holder of holders.get(`${quote.sourceId}\u0000${quote.quote}`) ?? []) if (holder !== draft.lensId) others.add(holder);
      }
    }
    shared.set(draft.lensId, [...others].sort((left, right) => catalogOrder.get(left)! - catalogOrder.get(right)!));
  }
  return shared;
}

export function reconcileDrafts(input: ReconcileInput): ReconcileDraft {
  const shared = sharedEvidence(input.lensDrafts);
  const justifications: Partial<Record<LensId, string>> = {};
  for (const draft of input.lensDrafts) {
    const others = shared.get(draft.lensId) ?? [];
    justifications[draft.lensId] =
      others.length > 0
        ? `${draft.justification} Some of this evidence also carries weight under ${joinList(others.map((lensId) => lensById(lensId).title))}, so it is not independent support.`
        : draft.justification;
  }
  const words = ownProseWords(input.sources);
  const pals = Object.fromEntries(
    palsDimensions.map((dimension) => [dimension.id, palsDimensionScore(dimension, input.lensDrafts, input.flags, words)]),
  ) as Record<PalsDimensionId, PalsDraft>;
  return { justifications, pals };
}

/**
 * The rubric's scoring formula (documented in README.md):
 *
 *   credit(indicator) = 1    when the lab's own pages evidence it
 *                     = 0.5  when only third-party sources do
 *                     = 0    when it is missing, only hedged, or only withheld
 *   and a first-party refusal ("we do not disclose …") halves whatever credit remains.
 *
 *   share = Σ weight·credit / Σ weight
 *   score = clamp(1 + round(9 × share^0.6), 1, 10)
 *
 * The exponent makes the first disclosures count most: a lab that discloses a lens's central
 * indicators lands mid-scale or above, and the last points go to completeness. Seed 000 anchors
 * it: open weights, a technical report, a safety classifier and one narrow limitation (6 of 16
 * on Scientific Evidence, share 0.375) score 6, as the published stance page does.
 */
import type { RubricCredit } from '../contract.js';
import type { RubricIndicator } from './rubrics/index.js';
import type { IndicatorEvidence, SentenceEvidence } from './collect-evidence.js';

export const credit = {
  firstParty: 1,
  thirdPartyOnly: 0.5,
  /** Multiplier applied when the lab itself says it withholds what the indicator asks for. */
  afterRefusal: 0.5,
} as const;

/**
 * - met: evidenced in the lab's own pages, nothing withheld.
 * - partial: evidenced in the lab's own pages, but the lab also says it withholds part of it.
 * - third-party: evidenced only by third-party sources.
 * - withheld: no evidence, and the lab refuses or a source says it is absent.
 * - hedged: mentioned only as aspiration, belief or deferral.
 * - missing: nothing at all.
 */
export type IndicatorStatus = 'met' | 'partial' | 'third-party' | 'withheld' | 'hedged' | 'missing';

export interface IndicatorAssessment {
  readonly indicator: RubricIndicator;
  readonly status: IndicatorStatus;
  readonly credit: number;
  readonly metEvidence: readonly SentenceEvidence[];
  readonly withheldEvidence: readonly SentenceEvidence[];
  readonly hedgedEvidence: readonly SentenceEvidence[];
  /** True when a first-party sentence refuses to disclose what the indicator asks for. */
  readonly refusedByLab: boolean;
}

export function assessIndicator({ indicator, sentences }: IndicatorEvidence): IndicatorAssessment {
  const metEvidence = sentences.filter((sentence) => sentence.reading === 'met');
  const withheldEvidence = sentences.filter((sentence) => sentence.reading === 'refusal' || sentence.reading === 'absence');
  const hedgedEvidence = sentences.filter((sentence) => sentence.reading === 'hedged');
  const metByLab = metEvidence.some((sentence) => sentence.party === 'first');
  const refusedByLab = withheldEvidence.some((sentence) => sentence.party === 'first' && sentence.reading === 'refusal');
  const baseCredit = metByLab ? credit.firstParty : metEvidence.length > 0 ? credit.thirdPartyOnly : 0;
  const status: IndicatorStatus = metByLab
    ? refusedByLab
      ? 'partial'
      : 'met'
    : metEvidence.length > 0
      ? 'third-party'
      : withheldEvidence.length > 0
        ? 'withheld'
        : hedgedEvidence.some((sentence) => sentence.party === 'first')
          ? 'hedged'
          : 'missing';
  return {
    indicator,
    status,
    credit: refusedByLab ? baseCredit * credit.afterRefusal : baseCredit,
    metEvidence,
    withheldEvidence,
    hedgedEvidence,
    refusedByLab,
  };
}


export function weightedCredit(assessments: readonly IndicatorAssessment[]): RubricCredit {
  return {
    earned: assessments.reduce((sum, assessment) => sum + assessment.indicator.weight * assessment.credit, 0),
    possible: assessments.reduce((sum, assessment) => sum + assessment.indicator.weight, 0),
  };
}

/** How much the first disclosures weigh against the last: share^0.6 (1 would be linear). */
export const creditCurve = 0.6;

/** Earned over possible, within 0..1; no weight at all is a share of 0. */
export function creditShare({ earned, possible }: RubricCredit): number {
  return possible <= 0 ? 0 : Math.min(1, Math.max(0, earned / possible));
}

/** 1 + round(9 × share^0.6), clamped to 1..10; a rubric with no weight scores 1. */
export function scoreFromCredit(credit: RubricCredit): number {
  if (credit.possible <= 0) return 1;
  const score = 1 + Math.round(9 * creditShare(credit) ** creditCurve);
  return Math.min(10, Math.max(1, score));
}

/**
 * The three PALS dimensions ("preservative" dimensions). The composite is the mean of the three
 * scores, rounded to one decimal. Each dimension draws on the lenses listed in `fromLenses`:
 * the offline rubric pools the weighted indicator credit of those lenses as the dimension's prior
 * (the critic holds a model's dimension scores to it).
 *
 * Completeness asks what was disclosed (sources, limits, transparency): Scientific Evidence and
 * Deep History hold those indicators. Trickster Knowledge asks whether the lab names its own
 * contradictions, admits its failures, declares its incentives and invites scrutiny: that is
 * accountability, so it weighs on Responsibility.
 */
import type { LensId } from './lenses.js';

export const palsDimensionIds = ['completeness', 'multiplicity', 'responsibility'] as const;
export type PalsDimensionId = (typeof palsDimensionIds)[number];

export interface PalsDimensionDefinition {
  readonly id: PalsDimensionId;
  readonly title: string;
  /** The short gloss printed under the score on the stance page. */
  readonly covers: string;
  readonly aspects: readonly string[];
  readonly fromLenses: readonly LensId[];
}

export const palsDimensions: readonly PalsDimensionDefinition[] = [
  {
    id: 'completeness',
    title: 'Completeness',
    covers: 'Sources, limits, transparency.',
    aspects: ['sources', 'limits', 'transparency'],
    fromLenses: ['scientific-evidence', 'deep-history'],
  },
  {
    id: 'multiplicity',
    title: 'Multiplicity',
    covers: 'Epistemologies, languages, voices.',
    aspects: ['epistemologies', 'languages', 'voices'],
    fromLenses: ['indigenous-knowledge', 'cross-cultural-wisdom', 'artistic-perception', 'marginalised-voices'],
  },
  {
    id: 'responsibility',
    title: 'Responsibility',
    covers: 'Accountability, refusal, governance.',
    aspects: ['accountability', 'refusal', 'governance'],
    fromLenses: ['future-modelling', 'marginalised-voices', 'trickster-knowledge', 'scientific-evidence'],
  },
];

/** Mean of the dimension scores, one decimal: the published PALS composite. */
export function palsComposite(scores: readonly number[]): number {
  if (scores.length === 0) throw new Error('PALS composite needs at least one dimension score');
  const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
  return Math.round(mean * 10) / 10;
}

/**
 * The eight lens rubrics of the offline engine. `rubricVersion` is published with every report
 * (`audit.engine.rubricVersion`): bump it whenever an indicator, weight or pattern changes, so an
 * evaluator replaying an old audit knows the scores were produced by a different rubric.
 */
import type { LensId } from '../../../../contract/catalog/lenses.js';
import { StanceWatchError } from '../../../../infra/errors.js';
import { artisticPerceptionRubric } from './artistic-perception.js';
import { crossCulturalWisdomRubric } from './cross-cultural-wisdom.js';
import { deepHistoryRubric } from './deep-history.js';
import { futureModellingRubric } from './future-modelling.js';
import { indigenousKnowledgeRubric } from './indigenous-knowledge.js';
import { marginalisedVoicesRubric } from './marginalised-voices.js';
import type { LensRubric, RubricIndicator } from './rubric-types.js';
import { scientificEvidenceRubric } from './scientific-evidence.js';
import { tricksterKnowledgeRubric } from './trickster-knowledge.js';

export type { IndicatorPattern, LensRubric, RubricIndicator } from './rubric-types.js';
export { compilePattern, near } from './rubric-patterns.js';

export const rubricVersion = 'rubric-2026.12.5';

export const lensRubrics: Readonly<Record<LensId, LensRubric>> = {
  'indigenous-knowledge': indigenousKnowledgeRubric,
  'deep-history': deepHistoryRubric,
  'cross-cultural-wisdom': crossCulturalWisdomRubric,
  'scientific-evidence': scientificEvidenceRubric,
  'artistic-perception': artisticPerceptionRubric,
  'future-modelling': futureModellingRubric,
  'marginalised-voices': marginalisedVoicesRubric,
  'trickster-knowledge': tricksterKnowledgeRubric,
};

export function rubricFor(lensId: LensId): LensRubric {
  const rubric = (lensRubrics as Partial<Record<string, LensRubric>>)[lensId];
  if (!rubric) {
    throw new StanceWatchError(
      'rubric_unknown_lens',
      `No rubric for lens "${String(lensId)}"; known lenses: ${Object.keys(lensRubrics).join(', ')}.`,
      500,
      false,
    );
  }
  return rubric;
}

/** The indicator `id` of a lens's rubric; undefined when the rubric has no such indicator (any more). */
export function rubricIndicator(lensId: LensId, id: string): RubricIndicator | undefined {
  return rubricFor(lensId).indicators.find((indicator) => indicator.id === id);
}

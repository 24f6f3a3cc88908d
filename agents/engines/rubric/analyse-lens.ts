/**
 * The rubric's reading of one lens: evidence pack in, LensDraft out. One finding per met
 * indicator (quoting up to two matched sentences), a finding for each explicit non-disclosure or
 * aspiration that matters, a gap for every indicator not fully met in the lab's own voice, the
 * score by the documented formula, and a justification written from the same assessments.
 * Same input, same output: no clock, no randomness, stable ordering throughout.
 */
import { rubricFor, rubricVersion } from './rubrics/index.js';
import type { DraftFinding, DraftGap, DraftQuote, LensAnalysisInput, LensDraft } from '../contract.js';
import { collectIndicatorEvidence, type SentenceEvidence } from './collect-evidence.js';
import { assessIndicator, scoreFromCredit, weightedCredit, type IndicatorAssessment } from './score-lens.js';
import { byImportance, writeJustification } from './write-justification.js';

const quotesPerFinding = 2;

/**
 * Up to two quotes: first-party before third-party, then quotes no other finding of this lens
 * already uses (the critic merges findings resting on identical quotes), then earliest in the
 * evidence pack.
 */
function chooseQuotes(evidence: readonly SentenceEvidence[], used: Set<string>): DraftQuote[] {
  const key = (sentence: SentenceEvidence) => `${sentence.sourceId}\u0000${sentence.quote}`;
  const ranked = evidence
    .map((sentence, index) => ({ sentence, index }))
    .sort(
      (left, right) =>
        Number(left.sentence.party === 'third') - Number(right.sentence.party === 'third') ||
        Number(used.has(key(left.sentence))) - Number(used.has(key(right.sentence))) ||
        left.sentence.passageIndex - right.sentence.passageIndex ||
        left.sentence.offset - right.sentence.offset ||
        left.index - right.index,
    )
    .slice(0, quotesPerFinding)
    .map(({ sentence }) => sentence);
  for (const sentence of ranked) used.add(key(sentence));
  return ranked.map((sentence) => ({ quote: sentence.quote, sourceId: sentence.sourceId }));
}

function metFindingText(assessment: IndicatorAssessment): string {
  const { findingText } = assessment.indicator;
  return assessment.status === 'third-party' ? `${findingText.replace(/\.$/, '')} (reported by third-party sources only).` : findingText;
}

/** Text of a non-disclosure finding: who says it, and whether it is withholding or absence. */
function withheldFindingText(assessment: IndicatorAssessment, evidence: readonly SentenceEvidence[]): string {
  const { label } = assessment.indicator;
  const fromLab = evidence.some((sentence) => sentence.party === 'first');
  const refusal = evidence.some((sentence) => sentence.reading === 'refusal' && (sentence.party === 'first' || !fromLab));
  if (fromLab) return refusal ? `Explicitly declines to disclose ${label}.` : `Openly states a shortfall on ${label}.`;
  return refusal ? `A third-party source reports that the lab does not disclose ${label}.` : `A third-party source reports a shortfall on ${label}.`;
}

function gapText(assessment: IndicatorAssessment): string {
  const { gapText: text } = assessment.indicator;
  if (assessment.status === 'third-party') return `${text} Only third-party sources address it.`;
  if (assessment.status === 'partial') return `${text} What the lab discloses is partial, and it says it withholds the rest.`;
  return text;
}

/**
 * Which withheld sentences become a finding: a refusal always does (it changes the score), and
 * any non-disclosure does when the indicator is not otherwise met. An admitted absence next to
 * evidence that meets the indicator says nothing the met finding does not.
 */
function withheldWorthReporting(assessment: IndicatorAssessment): SentenceEvidence[] {
  const met = assessment.status === 'met' || assessment.status === 'partial' || assessment.status === 'third-party';
  return assessment.withheldEvidence.filter((sentence) => sentence.reading === 'refusal' || !met);
}

export function analyseLensWithRubric(input: LensAnalysisInput): LensDraft {
  const { lens, passages } = input;
  const rubric = rubricFor(lens.id);
  const assessments = collectIndicatorEvidence(rubric, passages).map(assessIndicator);
  const credit = weightedCredit(assessments);
  const score = scoreFromCredit(credit);

  const used = new Set<string>();
  const metFindings: DraftFinding[] = [];
  const hedgedFindings: DraftFinding[] = [];
  const withheldFindings: DraftFinding[] = [];
  for (const assessment of assessments) {
    const indicator = assessment.indicator.id;
    if (assessment.metEvidence.length > 0) {
      metFindings.push({ text: metFindingText(assessment), indicator, quotes: chooseQuotes(assessment.metEvidence, used) });
    }
    const withheld = withheldWorthReporting(assessment);
    if (withheld.length > 0) {
      withheldFindings.push({ text: withheldFindingText(assessment, withheld), indicator, quotes: chooseQuotes(withheld, used) });
    }
    const hedged = assessment.hedgedEvidence.filter((sentence) => sentence.party === 'first');
    if (assessment.status === 'hedged' || (assessment.status === 'withheld' && hedged.length > 0)) {
      hedgedFindings.push({
        text: `Gestures toward ${assessment.indicator.label} only as aspiration or belief, not as a practice in place.`,
        indicator,
        quotes: chooseQuotes(hedged, used),
      });
    }
  }

  const gaps: DraftGap[] = byImportance(assessments.filter((assessment) => assessment.status !== 'met')).map((assessment) => ({
    text: gapText(assessment),
    indicator: assessment.indicator.id,
  }));

  return {
    lensId: lens.id,
    score,
    rubricScore: score,
    rubricCredit: credit,
    findings: [...metFindings, ...hedgedFindings, ...withheldFindings],
    gaps,
    justification: writeJustification(lens, assessments, score),
    notes: writeNotes(assessments, passages, credit),
  };
}

function formatCredit(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0$/, '');
}

function writeNotes(
  assessments: readonly IndicatorAssessment[],
  passages: LensAnalysisInput['passages'],
  credit: { earned: number; possible: number },
): string[] {
  const metByLab = assessments.filter((assessment) => assessment.status === 'met' || assessment.status === 'partial').length;
  const notes = [
    `Rubric ${rubricVersion}: ${metByLab} of ${assessments.length} indicators met in the lab's own voice; weighted credit ${formatCredit(credit.earned)} of ${credit.possible}.`,
  ];
  if (passages.length === 0) {
    notes.push('No passages were retrieved for this lens, so every indicator is a gap.');
    return notes;
  }
  if (passages.every((passage) => passage.party === 'third')) {
    notes.push('Every retrieved passage is third-party: the lab\'s own voice is absent from this lens.');
  }
  const anyMet = assessments.some((assessment) => assessment.metEvidence.length > 0);
  if (anyMet && metByLab === 0) notes.push('Evidence only from third-party sources: no indicator is met in the lab\'s own pages.');
  const refusals = assessments.filter((assessment) => assessment.refusedByLab).length;
  if (refusals > 0) {
    notes.push(`${refusals} indicator(s) explicitly withheld by the lab; a refusal counts as non-disclosure and halves any credit.`);
  }
  return notes;
}

/**
 * The figures of the real-corpus eval, as pure functions of the audited labs and the labelled
 * sentences: how our scores rank against FMTI, how the indicator reader does on the test split,
 * which gaps the documents contradict, how far scores spread, how many sit on the floor, what
 * markup got quoted, and which confidence levels were used. The suite (real-corpus-suite.ts) is
 * the I/O shell that audits the labs and feeds these.
 */
import { lensIds, type LensId } from '../contract/catalog/lenses.js';
import type { FmtiStanding, IndicatorLabel } from './real-corpus-data.js';
import { markupKindsIn, type MarkupKind } from './markup-in-quote.js';
import { mean, spearman, standardDeviation } from './spearman.js';

export type PalsFigure = 'completeness' | 'multiplicity' | 'responsibility' | 'composite';

/** What one lab's audit comes to, reduced to what the figures need. */
export interface AuditedLab {
  readonly slug: string;
  readonly name: string;
  readonly fmti: FmtiStanding | null;
  /** Null when the lens failed. */
  readonly lensScores: Readonly<Record<LensId, number | null>>;
  readonly pals: Readonly<Record<PalsFigure, number>>;
  readonly confidence: { readonly level: string; readonly note: string };
  /** `lens/indicator` of every gap. */
  readonly gaps: readonly IndicatorRef[];
  /** `lens/indicator` the audit found met: a finding for it and no gap. */
  readonly met: readonly IndicatorRef[];
  /** Every evidence and Suffixscape quote of the report. */
  readonly quotes: readonly string[];
  readonly wordsRead: number;
  readonly suffixscapeFlags: number;
  /** What differs, one line per contradiction between the lab's own documents (absent: not counted). */
  readonly contradictions?: readonly string[];
}

export interface IndicatorRef {
  readonly lens: LensId;
  readonly indicator: string;
}

const refKey = (ref: IndicatorRef) => `${ref.lens}/${ref.indicator}`;

// --- Ranking against FMTI -------------------------------------------------------------------

export interface RankAgreement {
  readonly rho: number | null;
  /** Labs with both an FMTI total and a score. */
  readonly labs: readonly string[];
  /** Edition of each lab's total, e.g. "Dec2025": totals of different editions are not comparable point for point. */
  readonly editions: Readonly<Record<string, string>>;
}

/** Spearman of a per-lab score with the FMTI totals; labs FMTI never scored are left out. */
export function rankAgainstFmti(labs: readonly AuditedLab[], scoreOf: (lab: AuditedLab) => number | null): RankAgreement {
  const paired = labs.flatMap((lab) => {
    const score = scoreOf(lab);
    return lab.fmti?.total != null && score !== null ? [{ lab, score, total: lab.fmti.total }] : [];
  });
  return {
    rho: spearman(
      paired.map((pair) => pair.score),
      paired.map((pair) => pair.total),
    ),
    labs: paired.map((pair) => pair.lab.slug),
    editions: Object.fromEntries(paired.map((pair) => [pair.lab.slug, pair.lab.fmti!.edition])),
  };
}

// --- Indicator precision and recall ---------------------------------------------------------

/** The engine's reading of one labelled sentence against its indicator. */
export interface SentenceJudgement {
  readonly label: IndicatorLabel;
  /** `null` when the indicator is not in the rubric any more. */
  readonly met: boolean | null;
  /** The sentence reader's verdict that the sentence declines or admits not disclosing it. */
  readonly withheld: boolean;
}

export interface Classification {
  readonly rows: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly trueNegatives: number;
  /** TP / (TP + FP); 0 when nothing was read as met. */
  readonly precision: number;
  /** TP / (TP + FN); 0 when no row is labelled met. */
  readonly recall: number;
}

export function classify(pairs: readonly { readonly expected: boolean; readonly judged: boolean }[]): Classification {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let trueNegatives = 0;
  for (const { expected, judged } of pairs) {
    if (expected && judged) truePositives += 1;
    else if (!expected && judged) falsePositives += 1;
    else if (expected && !judged) falseNegatives += 1;
    else trueNegatives += 1;
  }
  return {
    rows: pairs.length,
    truePositives,
    falsePositives,
    falseNegatives,
    trueNegatives,
    precision: truePositives + falsePositives === 0 ? 0 : truePositives / (truePositives + falsePositives),
    recall: truePositives + falseNegatives === 0 ? 0 : truePositives / (truePositives + falseNegatives),
  };
}

export interface IndicatorScores {
  /** "met" rows are positives; "not-about-it" and "withheld" rows negatives. */
  readonly met: Classification;
  readonly byLens: Readonly<Record<string, Classification>>;
  /** "withheld" rows as positives of the reader's withheld verdict, every other row a negative. */
  readonly withheld: Classification;
  /** Rows whose indicator the rubric no longer has (counted as not met). */
  readonly unknownIndicators: number;
}

export function scoreIndicators(judgements: readonly SentenceJudgement[]): IndicatorScores {
  const metPair = (judgement: SentenceJudgement) => ({ expected: judgement.label.label === 'met', judged: judgement.met === true });
  const byLens: Record<string, Classification> = {};
  for (const lens of lensIds) {
    const rows = judgements.filter((judgement) => judgement.label.lens === lens);
    if (rows.length > 0) byLens[lens] = classify(rows.map(metPair));
  }
  return {
    met: classify(judgements.map(metPair)),
    byLens,
    withheld: classify(judgements.map((judgement) => ({ expected: judgement.label.label === 'withheld', judged: judgement.withheld }))),
    unknownIndicators: judgements.filter((judgement) => judgement.met === null).length,
  };
}

// --- FMTI indicators as a second gold -------------------------------------------------------

/** One of our indicators and the FMTI indicator(s) that ask for the same thing, per edition. */
export interface FmtiIndicatorMatch {
  readonly lens: LensId;
  readonly indicator: string;
  /** Edition → FMTI indicator names; FMTI counts as disclosed when any of them scored 1. */
  readonly fmti: Readonly<Record<string, readonly string[]>>;
}

export interface FmtiIndicatorAgreement {
  readonly pairs: number;
  readonly agreed: number;
  readonly agreement: number;
  /** FMTI's 1 as the positive class, our "met" as the judgement. */
  readonly classification: Classification;
  readonly byLab: Readonly<Record<string, { readonly pairs: number; readonly agreed: number }>>;
  /** Every pair where we and FMTI disagree, so a reader can judge which side is right. */
  readonly disagreements: readonly { readonly lab: string; readonly lens: LensId; readonly indicator: string; readonly fmti: boolean; readonly ours: boolean }[];
}

export function agreeWithFmtiIndicators(labs: readonly AuditedLab[], matches: readonly FmtiIndicatorMatch[]): FmtiIndicatorAgreement {
  const pairs: { lab: string; lens: LensId; indicator: string; expected: boolean; judged: boolean }[] = [];
  for (const lab of labs) {
    if (!lab.fmti) continue;
    const met = new Set(lab.met.map(refKey));
    for (const match of matches) {
      const names = (match.fmti[lab.fmti.edition] ?? []).filter((name) => name in lab.fmti!.indicators);
      if (names.length === 0) continue;
      pairs.push({ lab: lab.slug, lens: match.lens, indicator: match.indicator, expected: names.some((name) => lab.fmti!.indicators[name] === 1), judged: met.has(refKey(match)) });
    }
  }
  const byLab: Record<string, { pairs: number; agreed: number }> = {};
  for (const pair of pairs) {
    const entry = (byLab[pair.lab] ??= { pairs: 0, agreed: 0 });
    entry.pairs += 1;
    if (pair.expected === pair.judged) entry.agreed += 1;
  }
  const classification = classify(pairs);
  const agreed = classification.truePositives + classification.trueNegatives;
  const disagreements = pairs
    .filter((pair) => pair.expected !== pair.judged)
    .map((pair) => ({ lab: pair.lab, lens: pair.lens, indicator: pair.indicator, fmti: pair.expected, ours: pair.judged }));
  return { pairs: pairs.length, agreed, agreement: pairs.length === 0 ? 0 : agreed / pairs.length, classification, byLab, disagreements };
}

// --- Gaps the documents contradict ----------------------------------------------------------

export interface ContradictedGap extends IndicatorRef {
  readonly lab: string;
  /** A labelled sentence of the lab's documents that meets the indicator. */
  readonly sentence: string;
}

export interface ContradictedGaps {
  readonly gaps: number;
  readonly contradicted: readonly ContradictedGap[];
  readonly share: number;
}

/**
 * A gap is contradicted when the labelled set (both splits) holds a "met" sentence of the same
 * lab for the same indicator. The labels cover a sample of each document, so this is a floor.
 */
export function findContradictedGaps(labs: readonly AuditedLab[], labels: readonly IndicatorLabel[]): ContradictedGaps {
  const metSentence = new Map<string, string>();
  for (const label of labels) {
    const key = `${label.lab}:${refKey(label)}`;
    if (label.label === 'met' && !metSentence.has(key)) metSentence.set(key, label.sentence);
  }
  const contradicted: ContradictedGap[] = [];
  let gaps = 0;
  for (const lab of labs) {
    for (const gap of lab.gaps) {
      gaps += 1;
      const sentence = metSentence.get(`${lab.slug}:${refKey(gap)}`);
      if (sentence !== undefined) contradicted.push({ lab: lab.slug, lens: gap.lens, indicator: gap.indicator, sentence });
    }
  }
  return { gaps, contradicted, share: gaps === 0 ? 0 : contradicted.length / gaps };
}

// --- Spread, floor, markup, confidence ------------------------------------------------------

export interface LensSpread {
  /** Population standard deviation of each lens's scores across the labs (failed lenses left out). */
  readonly byLens: Readonly<Record<LensId, number>>;
  readonly mean: number;
  /** How many distinct scores each lens took. */
  readonly distinctScores: Readonly<Record<LensId, number>>;
}

export function lensSpread(labs: readonly AuditedLab[]): LensSpread {
  const byLens = {} as Record<LensId, number>;
  const distinctScores = {} as Record<LensId, number>;
  for (const lens of lensIds) {
    const scores = labs.map((lab) => lab.lensScores[lens]).filter((score): score is number => score !== null);
    byLens[lens] = scores.length === 0 ? 0 : standardDeviation(scores);
    distinctScores[lens] = new Set(scores).size;
  }
  return { byLens, mean: mean(Object.values(byLens)), distinctScores };
}

export interface FloorShare {
  readonly scores: number;
  readonly atOneOrTwo: number;
  readonly share: number;
}

export function floorShare(labs: readonly AuditedLab[]): FloorShare {
  const scores = labs.flatMap((lab) => Object.values(lab.lensScores).filter((score): score is number => score !== null));
  const atOneOrTwo = scores.filter((score) => score <= 2).length;
  return { scores: scores.length, atOneOrTwo, share: scores.length === 0 ? 0 : atOneOrTwo / scores.length };
}

export interface MarkupQuotes {
  readonly quotes: number;
  readonly withMarkup: readonly { readonly lab: string; readonly quote: string; readonly kinds: readonly MarkupKind[] }[];
  readonly share: number;
}

export function findMarkupQuotes(labs: readonly AuditedLab[]): MarkupQuotes {
  const withMarkup = labs.flatMap((lab) =>
    lab.quotes.flatMap((quote) => {
      const kinds = markupKindsIn(quote);
      return kinds.length > 0 ? [{ lab: lab.slug, quote, kinds }] : [];
    }),
  );
  const quotes = labs.reduce((sum, lab) => sum + lab.quotes.length, 0);
  return { quotes, withMarkup, share: quotes === 0 ? 0 : withMarkup.length / quotes };
}

/** Each confidence level used, with how many labs got it, in first-seen order. */
export function confidenceLevels(labs: readonly AuditedLab[]): Readonly<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const lab of labs) counts[lab.confidence.level] = (counts[lab.confidence.level] ?? 0) + 1;
  return counts;
}

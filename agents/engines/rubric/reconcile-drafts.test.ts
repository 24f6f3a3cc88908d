import { describe, expect, it } from 'vitest';
import type { SourceRead } from '../../../contract/report-schema.js';
import type { LensId } from '../../../contract/catalog/lenses.js';
import { palsDimensions } from '../../../contract/catalog/pals.js';
import type { DraftFlag, LensDraft, ReconcileInput } from '../contract.js';
import { fixtureLab } from './evidence.fixtures.js';
import { palsFlagPatterns, penaltyPerFlagRate, reconcileDrafts } from './reconcile-drafts.js';

function draft(lensId: LensId, score: number, quotes: { quote: string; sourceId: string }[] = []): LensDraft {
  return {
    lensId,
    score,
    rubricScore: score,
    findings: quotes.length > 0 ? [{ text: 'A finding.', indicator: null, quotes }] : [],
    gaps: [],
    justification: `Justification for ${lensId}.`,
    notes: [],
  };
}

function flags(pattern: string, count: number, confidence = 1): DraftFlag[] {
  return Array.from({ length: count }, (_, index) => ({
    pattern,
    quote: `evasive sentence ${index}`,
    sourceId: 'S01',
    effect: 'An effect.',
    alternative: 'An alternative.',
    detector: 'test',
    confidence,
  }));
}

/** A first-party source of `words` words: the lab's own prose the flags were read from. */
function ownProse(words: number): SourceRead {
  return {
    id: 'S01',
    requestedUrl: 'https://lab.example/',
    finalUrl: 'https://lab.example/',
    redirectChain: [],
    httpStatus: 200,
    contentType: 'text/html',
    bytes: words * 6,
    words,
    title: 'Lab',
    party: 'first',
    fetchedWith: 'http',
    snapshotHash: null,
    fetchedAt: '2026-06-08T00:00:00.000Z',
    error: null,
    issues: [],
  } as SourceRead;
}

const allEightLenses: LensDraft[] = [
  draft('indigenous-knowledge', 2),
  draft('deep-history', 3),
  draft('cross-cultural-wisdom', 4),
  draft('scientific-evidence', 6),
  draft('artistic-perception', 3),
  draft('future-modelling', 3),
  draft('marginalised-voices', 3),
  draft('trickster-knowledge', 2),
];

function input(lensDrafts: LensDraft[], flagList: DraftFlag[] = [], words = 1000): ReconcileInput {
  return { lab: fixtureLab, lensDrafts, flags: flagList, sources: [ownProse(words)] };
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

describe('reconcileDrafts: PALS', () => {
  it('scores each dimension as the mean of its lenses, to one decimal, when the drafts carry no rubric credit', () => {
    const { pals } = reconcileDrafts(input(allEightLenses));
    const scoreOf = (lensId: LensId) => allEightLenses.find((candidate) => candidate.lensId === lensId)!.score;
    for (const dimension of palsDimensions) {
      const mean = dimension.fromLenses.reduce((sum, lensId) => sum + scoreOf(lensId), 0) / dimension.fromLenses.length;
      expect(pals[dimension.id].score).toBe(oneDecimal(mean));
    }
    // completeness: scientific evidence 6, deep history 3 → 4.5
    expect(pals.completeness.score).toBe(4.5);
    expect(pals.completeness.basis).toMatch(/Mean of Scientific Evidence \(6\)/);
  });

  it('pools the rubric credit of its lenses when every draft carries it: what share of their indicators was disclosed', () => {
    // 12 of 20 points on Scientific Evidence and 0 of 16 on Deep History: 12 of 36 pooled, a
    // share of 1/3, is 1 + 9 × (1/3)^0.6 = 5.65, 5.7 on the lens curve; the mean of the two lens
    // scores would say 4.5 and forget how many indicators stood behind each.
    const credited = allEightLenses.map((lens) =>
      lens.lensId === 'scientific-evidence'
        ? { ...lens, rubricCredit: { earned: 12, possible: 20 } }
        : lens.lensId === 'deep-history'
          ? { ...lens, rubricCredit: { earned: 0, possible: 16 } }
          : { ...lens, rubricCredit: { earned: 2, possible: 16 } },
    );
    const { pals } = reconcileDrafts(input(credited));
    expect(pals.completeness.score).toBe(5.7);
    expect(pals.completeness.basis).toMatch(/indicators of Scientific Evidence \(6\) and Deep History \(3\) are 33% met by weight \(12 of 36 points\)/);
    // A dimension with one draft lacking credit falls back on the mean of scores.
    const partly = reconcileDrafts(input(credited.map((lens) => (lens.lensId === 'deep-history' ? { ...lens, rubricCredit: undefined } : lens)))).pals;
    expect(partly.completeness.score).toBe(4.5);
  });

  it(`lowers a dimension by ${penaltyPerFlagRate} per flag per 1,000 words of the lab's own prose in its patterns, and only its patterns`, () => {
    const base = reconcileDrafts(input(allEightLenses)).pals;
    const five = reconcileDrafts(input(allEightLenses, flags('epistemic-inflation', 5))).pals;
    const eleven = reconcileDrafts(input(allEightLenses, flags('epistemic-inflation', 11))).pals;
    expect(palsFlagPatterns.completeness).toContain('epistemic-inflation');
    expect(palsFlagPatterns.multiplicity).not.toContain('epistemic-inflation');
    expect(five.completeness.score).toBe(oneDecimal(base.completeness.score - 0.5));
    expect(eleven.completeness.score).toBe(oneDecimal(base.completeness.score - 1.1));
    expect(eleven.multiplicity.score).toBe(base.multiplicity.score);
    expect(five.completeness.basis).toMatch(/lowered by 0\.5 for 5\.0 confidence-weighted .* flags per 1,000 words of the lab's own prose \(5 in 1,000 words\)/);
  });

  it('reads the rate, not the count: the same habits in ten times the prose weigh the same', () => {
    const short = reconcileDrafts(input(allEightLenses, flags('agency-diffusion', 6), 2000)).pals;
    const long = reconcileDrafts(input(allEightLenses, flags('agency-diffusion', 60), 20000)).pals;
    const longer = reconcileDrafts(input(allEightLenses, flags('agency-diffusion', 120), 20000)).pals;
    expect(long.responsibility.score).toBe(short.responsibility.score);
    // No cap: twice the evasion in the same prose lowers the score further.
    expect(longer.responsibility.score).toBeLessThan(long.responsibility.score);
  });

  it('weights each flag by its confidence', () => {
    const sure = reconcileDrafts(input(allEightLenses, flags('temporal-flatness', 10, 1))).pals;
    const unsure = reconcileDrafts(input(allEightLenses, flags('temporal-flatness', 10, 0.5))).pals;
    const base = reconcileDrafts(input(allEightLenses)).pals;
    expect(sure.multiplicity.score).toBe(oneDecimal(base.multiplicity.score - 1));
    expect(unsure.multiplicity.score).toBe(oneDecimal(base.multiplicity.score - 0.5));
  });

  it('counts a pattern shared by two dimensions against both', () => {
    const shared = reconcileDrafts(input(allEightLenses, flags('nominalised-evasion', 5))).pals;
    const base = reconcileDrafts(input(allEightLenses)).pals;
    expect(shared.completeness.score).toBe(oneDecimal(base.completeness.score - 0.5));
    expect(shared.responsibility.score).toBe(oneDecimal(base.responsibility.score - 0.5));
    expect(shared.multiplicity.score).toBe(base.multiplicity.score);
  });

  it('never goes below 1', () => {
    const floor = reconcileDrafts(input(allEightLenses.map((lens) => ({ ...lens, score: 1 })), flags('agency-diffusion', 40))).pals;
    expect(floor.responsibility.score).toBe(1);
  });

  it('uses the lenses that were read when one failed, and says which is missing', () => {
    const withoutHistory = allEightLenses.filter((lens) => lens.lensId !== 'deep-history');
    const { pals } = reconcileDrafts(input(withoutHistory));
    expect(pals.completeness.score).toBe(6);
    expect(pals.completeness.basis).toMatch(/Deep History could not be read/);
    expect(pals.multiplicity.basis).not.toMatch(/could not be read/);
  });

  it('falls back on every lens read when all of a dimension\'s lenses failed, and on 1 when none was read', () => {
    const onlyArtistic = reconcileDrafts(input([draft('artistic-perception', 5)])).pals;
    expect(onlyArtistic.completeness.score).toBe(5);
    expect(onlyArtistic.completeness.basis).toMatch(/None of its lenses could be read/);
    const nothing = reconcileDrafts(input([])).pals;
    for (const dimension of palsDimensions) expect(nothing[dimension.id].score).toBe(1);
  });

  it('gives the same result for the same input', () => {
    const build = () => input(allEightLenses, [...flags('temporal-flatness', 6), ...flags('agency-diffusion', 3)]);
    expect(reconcileDrafts(build())).toEqual(reconcileDrafts(build()));
  });
});

describe('reconcileDrafts: justifications', () => {
  it('keeps each lens justification and notes evidence shared with other lenses', () => {
    const sharedQuote = { quote: 'Our small models are released with open weights.', sourceId: 'S01' };
    const result = reconcileDrafts(
      input([
        draft('scientific-evidence', 6, [sharedQuote]),
        draft('marginalised-voices', 3, [sharedQuote]),
        draft('deep-history', 3, [{ quote: 'Founded in 2022.', sourceId: 'S02' }]),
      ]),
    );
    expect(result.justifications['scientific-evidence']).toMatch(/^Justification for scientific-evidence\. .*Marginalised Voices/);
    expect(result.justifications['marginalised-voices']).toMatch(/Scientific Evidence/);
    expect(result.justifications['deep-history']).toBe('Justification for deep-history.');
    expect(result.justifications['trickster-knowledge']).toBeUndefined();
  });
});

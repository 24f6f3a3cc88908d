/** Suffixscape detector precision and recall per pattern, on the labelled and held-out sets. */
import { fileURLToPath } from 'node:url';
import { suffixscapePatternIds } from '../contract/catalog/suffixscape-patterns.js';
import type { EvalCheck } from './grader.js';
import { goldExamples, loadRealLabGoldSet } from './suffixscape-real-labs.js';
import { loadTreebank, scoreTreebank } from './suffixscape-treebank.js';
import { loadHypeDataset } from './hype-dataset.js';
import { publishedAsHype, scoreHypeRows, type HypeScore } from './suffixscape-hype.js';
import { loadSuffixscapeDataset, patternShortfalls, scoreSuffixscape, type SuffixscapeExample, type SuffixscapeThresholds } from './suffixscape-scoring.js';

export interface SuffixscapeDataset {
  readonly name: string;
  readonly path: string;
  readonly thresholds: SuffixscapeThresholds;
}

/** The labelled set the rules were written against, and the held-out set they were not fitted to (a lower floor). */
export const suffixscapeDatasets: readonly SuffixscapeDataset[] = [
  { name: 'labelled', path: fileURLToPath(new URL('./datasets/suffixscape-labelled.jsonl', import.meta.url)), thresholds: { minPrecision: 0.75, minRecall: 0.6 } },
  { name: 'held-out', path: fileURLToPath(new URL('./datasets/suffixscape-heldout.jsonl', import.meta.url)), thresholds: { minPrecision: 0.6, minRecall: 0.5 } },
];

/**
 * Real labs' prose: the test split of the gold set (`real-corpus/suffixscape-labels.jsonl`),
 * never tuned on. The bar is precision: a flag a reader checks should hold. Recall is reported.
 */
export const realLabThresholds: SuffixscapeThresholds = { minPrecision: 0.85, minRecall: 0 };

export async function runSuffixscapeSuite(datasets: readonly SuffixscapeDataset[] = suffixscapeDatasets): Promise<EvalCheck[]> {
  const checks: EvalCheck[] = [];
  const sets: { name: string; examples: SuffixscapeExample[]; thresholds: SuffixscapeThresholds }[] = [];
  for (const dataset of datasets) sets.push({ name: dataset.name, examples: await loadSuffixscapeDataset(dataset.path), thresholds: dataset.thresholds });
  sets.push({ name: 'real labs, test split', examples: goldExamples(await loadRealLabGoldSet(), 'test'), thresholds: realLabThresholds });
  for (const dataset of sets) {
    const { examples } = dataset;
    const scores = scoreSuffixscape(examples);
    const { minPrecision, minRecall } = dataset.thresholds;
    for (const pattern of suffixscapePatternIds) {
      const score = scores.perPattern[pattern];
      const shortfalls = patternShortfalls(score, dataset.thresholds);
      checks.push({
        suite: `suffixscape (${dataset.name}, ${examples.length} sentences)`,
        name: pattern,
        pass: shortfalls.length === 0,
        score: score.f1,
        reason:
          shortfalls.length === 0
            ? `precision ${score.precision.toFixed(2)} ≥ ${minPrecision}, recall ${score.recall.toFixed(2)} ≥ ${minRecall}`
            : `below threshold: ${shortfalls.join(', ')}`,
        metrics: { precision: score.precision, recall: score.recall, f1: score.f1, tp: score.tp, fp: score.fp, fn: score.fn },
      });
    }
  }
  checks.push(...(await treebankChecks()));
  checks.push(...(await hypeChecks()));
  return checks;
}

/** Targets on our dev part of the hype-busters file: precision and recall both ≥ 0.85. */
export const hypeDevTargets = { minPrecision: 0.85, minRecall: 0.85 } as const;

function hypeLine(score: HypeScore): string {
  return `P ${score.precision.toFixed(2)} R ${score.recall.toFixed(2)} F1 ${score.f1.toFixed(2)} (tp ${score.tp}, fp ${score.fp}, fn ${score.fn})`;
}

/**
 * Epistemic inflation on the dev part of the hype-busters file: the detector's reading of each
 * row's adjective (rules and classifier), then what audits publish from the classifier (only of
 * the writer's own work, `aboutOwnWork`), whose bar is precision.
 */
async function hypeChecks(): Promise<EvalCheck[]> {
  const dev = (await loadHypeDataset()).filter((row) => row.split === 'dev');
  const suite = `suffixscape (hype-busters dev, ${dev.length} rows)`;
  const judged = scoreHypeRows(dev);
  const published = scoreHypeRows(dev, publishedAsHype);
  const { minPrecision, minRecall } = hypeDevTargets;
  return [
    {
      suite,
      name: 'epistemic inflation (rules + classifier)',
      pass: judged.precision >= minPrecision && judged.recall >= minRecall,
      score: judged.f1,
      reason: `${hypeLine(judged)} (targets P ≥ ${minPrecision}, R ≥ ${minRecall})`,
      metrics: { ...judged },
    },
    {
      suite,
      name: 'as published (own work only)',
      pass: published.precision >= minPrecision,
      score: published.f1,
      reason: `${hypeLine(published)} (precision ≥ ${minPrecision}; recall reported)`,
      metrics: { ...published },
    },
  ];
}

/** Targets on UD English EWT dev: agentless passives F1 ≥ 0.85, and any passive above write-good's F1. */
export const treebankAgentlessMinF1 = 0.85;

async function treebankChecks(path = process.env.UD_EWT_DEV): Promise<EvalCheck[]> {
  const suite = 'suffixscape (UD English EWT dev, passives)';
  const scores = scoreTreebank(await loadTreebank(path));
  const line = (score: { precision: number; recall: number; f1: number }) =>
    `P ${score.precision.toFixed(2)} R ${score.recall.toFixed(2)} F1 ${score.f1.toFixed(2)}`;
  return [
    {
      suite: `${suite}, ${scores.sentences} sentences`,
      name: 'agentless passive',
      pass: scores.agentless.f1 >= treebankAgentlessMinF1,
      score: scores.agentless.f1,
      reason: `${line(scores.agentless)} (target F1 ≥ ${treebankAgentlessMinF1})`,
      metrics: { ...scores.agentless },
    },
    {
      suite: `${suite}, ${scores.sentences} sentences`,
      name: 'any passive',
      pass: scores.anyPassive.f1 > scores.writeGoodAnyPassive.f1,
      score: scores.anyPassive.f1,
      reason: `${line(scores.anyPassive)}; write-good ${line(scores.writeGoodAnyPassive)}`,
      metrics: { ...scores.anyPassive, writeGoodF1: scores.writeGoodAnyPassive.f1 },
    },
  ];
}

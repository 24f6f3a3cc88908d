/**
 * Passives on a Universal Dependencies treebank (UD English EWT dev), sentence by sentence:
 * the grammar Suffixscape's agency rules stand on, measured where it is annotated by hand. A
 * sentence has an agentless passive when a predicate has an `aux:pass` and no `obl:agent`, and a
 * passive at all when it has any `aux:pass`. Suffixscape's `passiveClauses` is scored beside
 * write-good's passive check on the same sentences (write-good says nothing of agents, so it is
 * compared on "any passive").
 *
 * The reference set is committed as `datasets/ud-ewt-dev-passives.jsonl` (CC BY-SA 4.0, see its
 * ATTRIBUTION): every sentence of UD English EWT dev with its `aux:pass` rows and the agents of its
 * passive predicates, which is all these rows read. A full CoNLL-U file can be given instead
 * (`UD_EWT_DEV`). Only the dev file is ever read here; the test file is kept for an external check.
 *
 * Agents: the version of EWT read here marks a "by" agent as plain `obl` in the DEPREL column and
 * as `obl:by` in the enhanced DEPS column; later versions use `obl:agent`. Both count.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import writeGood from 'write-good';
import { passiveClauses } from '../agents/engines/rubric/suffixscape/agentless-passive.js';
import { analyseSentence } from '../agents/engines/rubric/suffixscape/sentence-analysis.js';
import { patternScore, type PatternScore } from './suffixscape-scoring.js';

export interface TreebankSentence {
  readonly text: string;
  readonly passive: boolean;
  readonly agentless: boolean;
}

/** The committed subset of UD English EWT dev: sentence texts with their passives and agents. */
export const udEwtDevPassivesPath = fileURLToPath(new URL('./datasets/ud-ewt-dev-passives.jsonl', import.meta.url));

/** A predicate's agent: an oblique of it marked `obl:agent`, or `obl:by` in the enhanced graph. */
function isAgentRow(row: readonly string[], head: string): boolean {
  if (row[6] !== head) return false;
  if (row[7] === 'obl:agent') return true;
  return row[7] === 'obl' && (row[8] ?? '').split('|').some((dependency) => dependency === `${head}:obl:by` || dependency === `${head}:obl:agent`);
}

/** Sentences of a CoNLL-U file with whether they hold a passive, and an agentless one. */
export function parseConllu(content: string): TreebankSentence[] {
  const sentences: TreebankSentence[] = [];
  for (const block of content.split(/\n\s*\n/)) {
    const text = /^# text = (.*)$/m.exec(block)?.[1];
    if (!text) continue;
    const rows = block.split('\n').filter((line) => /^\d+\t/.test(line)).map((line) => line.split('\t'));
    const passiveHeads = rows.filter((row) => row[7] === 'aux:pass').map((row) => row[6]!);
    const agentless = passiveHeads.some((head) => !rows.some((row) => isAgentRow(row, head)));
    sentences.push({ text, passive: passiveHeads.length > 0, agentless });
  }
  return sentences;
}

const tokenRow = z.tuple([z.number().int(), z.string(), z.number().int()]);
const passiveSubsetLine = z.object({
  sent_id: z.string().min(1),
  text: z.string(),
  /** [ID, FORM, HEAD] of every `aux:pass` token. */
  aux_pass: z.array(tokenRow),
  /** [ID, FORM, HEAD] of every agent of a passive predicate. */
  agents: z.array(tokenRow),
});

/** Sentences of the committed subset (one JSON object a line). */
export function parsePassiveSubset(content: string): TreebankSentence[] {
  return content
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = passiveSubsetLine.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`line ${index + 1} of the treebank subset is malformed: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
      const { text, aux_pass: auxPass, agents } = parsed.data;
      const heads = auxPass.map(([, , head]) => head);
      return { text, passive: heads.length > 0, agentless: heads.some((head) => !agents.some(([, , agentHead]) => agentHead === head)) };
    });
}

function score(pairs: readonly { gold: boolean; predicted: boolean }[]): PatternScore {
  const tp = pairs.filter((pair) => pair.gold && pair.predicted).length;
  const fp = pairs.filter((pair) => !pair.gold && pair.predicted).length;
  const fn = pairs.filter((pair) => pair.gold && !pair.predicted).length;
  return patternScore(tp, fp, fn);
}

/** write-good with only its passive check on. */
function writeGoodFindsPassive(text: string): boolean {
  const off = { illusion: false, so: false, thereIs: false, weasel: false, adverb: false, tooWordy: false, cliches: false, eprime: false };
  return (writeGood(text, { ...off, passive: true }) as unknown[]).length > 0;
}

export interface TreebankScores {
  readonly sentences: number;
  readonly agentless: PatternScore;
  readonly anyPassive: PatternScore;
  readonly writeGoodAnyPassive: PatternScore;
}

export function scoreTreebank(sentences: readonly TreebankSentence[]): TreebankScores {
  const read = sentences.map((sentence) => ({ sentence, clauses: passiveClauses(analyseSentence(sentence.text)) }));
  return {
    sentences: sentences.length,
    agentless: score(read.map(({ sentence, clauses }) => ({ gold: sentence.agentless, predicted: clauses.some((clause) => !clause.byPhrase) }))),
    anyPassive: score(read.map(({ sentence, clauses }) => ({ gold: sentence.passive, predicted: clauses.length > 0 }))),
    writeGoodAnyPassive: score(sentences.map((sentence) => ({ gold: sentence.passive, predicted: writeGoodFindsPassive(sentence.text) }))),
  };
}

/** The committed subset by default; a path ending in `.conllu` is read as a full CoNLL-U file. */
export async function loadTreebank(path: string = udEwtDevPassivesPath): Promise<TreebankSentence[]> {
  const content = await readFile(path, 'utf8');
  return path.endsWith('.conllu') ? parseConllu(content) : parsePassiveSubset(content);
}

/**
 * `npm run bench:flags`: sentences per second of `stancewatch flags --jsonl`, run as a real child
 * process over stdin and stdout, after start-up: the clock starts once the answers to a warm-up
 * (the first 300 sentences of the real-lab gold set, which exercise every rule, so the tagger's
 * model, the dates plugin and the compiled code are all loaded) have come back. The start-up is
 * reported apart.
 *
 *   npm run bench:flags -- [--conllu FILE] [--repeat 5] [--target 5000]
 *
 * Sentences are UD English EWT dev's 2,001 (the committed subset, `evals/datasets/
 * ud-ewt-dev-passives.jsonl`), or the `# text =` lines of a CoNLL-U file given with `--conllu`,
 * sent `--repeat` times over (nothing is cached between lines, so a repeat costs what the first
 * pass did, once the code is warm). Exits non-zero below the target.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadRealLabGoldSet } from '../evals/suffixscape-real-labs.js';
import { loadTreebank } from '../evals/suffixscape-treebank.js';

const { values } = parseArgs({
  options: {
    conllu: { type: 'string' },
    repeat: { type: 'string', default: '5' },
    target: { type: 'string', default: '5000' },
  },
});

async function sentences(): Promise<{ texts: string[]; from: string }> {
  const repeat = Math.max(1, Number(values.repeat));
  const once = values.conllu
    ? (await readFile(values.conllu, 'utf8')).split('\n').filter((line) => line.startsWith('# text = ')).map((line) => line.slice('# text = '.length))
    : (await loadTreebank()).map((sentence) => sentence.text);
  const texts = Array.from({ length: repeat }, () => once).flat();
  return { texts, from: `${values.conllu ?? 'UD English EWT dev'} (${once.length} sentences, sent ${repeat} times)` };
}

const { texts, from } = await sentences();
// The built command, as users run it (`npm run bench:flags` builds it first when a source is newer).
const cli = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));
const started = performance.now();
const child = spawn(process.execPath, [cli, 'flags', '--jsonl'], { stdio: ['pipe', 'pipe', 'inherit'] });

// Warm-up lines first: the clock for throughput starts when the last of their answers arrives.
const warmUp = (await loadRealLabGoldSet()).slice(0, 300).map((row) => row.sentence);
child.stdin.write(`${warmUp.map((text) => JSON.stringify({ id: 'warm-up', text })).join('\n')}\n`);
let warmUpLeft = warmUp.length;
const output = createInterface({ input: child.stdout });
let received = 0;
let clockStart = 0;
let startUp = 0;
let flags = 0;
// Answers are counted, not parsed: on a small machine the reader shares the CPU with the command it measures.
for await (const line of output) {
  if (line.startsWith('{"id":"warm-up"')) {
    warmUpLeft -= 1;
    if (warmUpLeft > 0) continue;
    startUp = performance.now() - started;
    clockStart = performance.now();
    const body = texts.map((text, index) => JSON.stringify({ id: index, text })).join('\n');
    child.stdin.end(`${body}\n`);
    continue;
  }
  received += 1;
  flags += line.split('{"pattern":').length - 1;
}
const seconds = (performance.now() - clockStart) / 1000;
const rate = received / seconds;
const target = Number(values.target);
process.stdout.write(
  [
    `sentences: ${from}`,
    `start-up (Node, code, tagger and a warm-up of ${warmUp.length} sentences): ${(startUp / 1000).toFixed(2)} s`,
    `${received} sentences in ${seconds.toFixed(2)} s: ${Math.round(rate)} sentences/s (target ${target}), ${flags} flags`,
  ].join('\n') + '\n',
);
if (received !== texts.length) {
  process.stderr.write(`expected ${texts.length} answers, got ${received}\n`);
  process.exitCode = 1;
} else if (rate < target) process.exitCode = 1;

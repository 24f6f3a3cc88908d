/**
 * A generated lab site for benchmarks: N HTML pages of organisational prose in the register of
 * AI labs' announcements, model cards and policies, deterministic for a given seed. One page in
 * ten sits under `third-party/` (press writing about the lab).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createSeededRandom, type SeededRandom } from './seeded-random.js';

const subjects = ['Our research team', 'The safety group', 'We', 'The policy team', 'Our engineers', 'The model', 'Lantern-3', 'Our partners'];
const verbs = ['published', 'evaluated', 'released', 'documented', 'reviewed', 'measured', 'tested', 'described'];
const objects = [
  'the training data sources for the multilingual corpus',
  'refusal behaviour on adversarial prompts in twelve languages',
  'an independent audit of our deployment practices',
  'the energy used to train the largest model',
  'known limitations and error rates by language',
  'consent procedures for community language data',
  'the impact of automation on translation workers',
  'a governance board with external members',
  'benchmarks for low-resource languages',
  'the history of our funding and ownership',
];
const evasive = [
  'Responsible deployment remains at the heart of everything we do.',
  'Data was collected and curated to ensure quality.',
  'Lantern-3 is the first truly multilingual state-of-the-art model.',
  'As always, our continued commitment to openness guides our journey.',
  'Decisions were made to prioritise safety across the board.',
  'The model learned to refuse harmful requests on its own.',
];
const details = ['in March 2026', 'across 48 languages', 'with 4,000 prompts', 'in our technical report', 'with two external reviewers', 'for the second year'];

function sentence(random: SeededRandom): string {
  if (random.chance(0.15)) return random.pick(evasive);
  return `${random.pick(subjects)} ${random.pick(verbs)} ${random.pick(objects)} ${random.pick(details)}.`;
}

export function corpusPage(index: number, seed = 1): { relativePath: string; html: string } {
  const random = createSeededRandom(seed * 100_003 + index);
  const thirdParty = index % 10 === 9;
  const paragraphs = Array.from({ length: random.integer(5, 8) }, () =>
    `<p>${Array.from({ length: random.integer(4, 8) }, () => sentence(random)).join(' ')}</p>`,
  ).join('\n');
  const title = thirdParty ? `Press coverage ${index}` : `Lab update ${index}`;
  return {
    relativePath: thirdParty ? `third-party/article-${index}.html` : `pages/page-${index}.html`,
    html: `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main><article><h1>${title}</h1>\n${paragraphs}\n</article></main></body></html>\n`,
  };
}

export async function writeCorpus(folder: string, pages: number, seed = 1): Promise<void> {
  for (let index = 0; index < pages; index += 1) {
    const page = corpusPage(index, seed);
    const target = path.join(folder, page.relativePath);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, page.html);
  }
}

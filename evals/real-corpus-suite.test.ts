import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rubricFor } from '../agents/engines/rubric/rubrics/index.js';
import { loadRealCorpus } from './real-corpus-data.js';
import { fmtiIndicatorMatches } from './real-corpus-suite.js';
import { evalSuitesFor } from './run-evals.js';

describe('the real-corpus suite', () => {
  it('runs in `npm run eval` but not in `eval:ci`, which gates merges on met targets in seconds', () => {
    expect(evalSuitesFor.full).toContain('real');
    expect(evalSuitesFor.ci).not.toContain('real');
  });

  it('reads a corpus of labs with documents, FMTI standings and a labelled test split', async () => {
    const corpus = await loadRealCorpus();
    expect(corpus.labs.length).toBeGreaterThanOrEqual(8);
    expect(corpus.labels.filter((label) => label.split === 'test').length).toBeGreaterThan(0);
    for (const lab of corpus.labs) expect(corpus.fmti[lab.slug], lab.slug).toBeDefined();
  });

  it('keeps each document in one split, with a val split of documents the rubric was not tuned on, and quotes every labelled sentence from its document', async () => {
    const corpus = await loadRealCorpus();
    const splitsByDocument = new Map<string, Set<string>>();
    for (const label of corpus.labels) {
      const document = `${label.lab}/${label.file}`;
      splitsByDocument.set(document, (splitsByDocument.get(document) ?? new Set<string>()).add(label.split));
    }
    for (const [document, splits] of splitsByDocument) expect([...splits], document).toHaveLength(1);
    expect(corpus.labels.filter((label) => label.split === 'val').length).toBeGreaterThanOrEqual(250);

    const listed = new Set(corpus.labs.flatMap((lab) => lab.documents.map((document) => `${lab.slug}/${document.file}`)));
    const collapsedText = new Map<string, string>();
    for (const label of corpus.labels) {
      const document = `${label.lab}/${label.file}`;
      expect(listed.has(document), `${label.id}: ${document} is not in the manifest`).toBe(true);
      if (!collapsedText.has(document)) {
        const text = await readFile(path.join(corpus.directory, 'labs', label.lab, label.file), 'utf8');
        collapsedText.set(document, text.split(/\s+/).filter(Boolean).join(' '));
      }
      expect(collapsedText.get(document), `${label.id} is not quoted verbatim from ${document}`).toContain(label.sentence);
    }
  });

  it('maps only indicators that exist on both sides: in our rubric and in the FMTI edition named', async () => {
    const corpus = await loadRealCorpus();
    const namesByEdition = new Map<string, Set<string>>();
    for (const standing of Object.values(corpus.fmti)) {
      const names = namesByEdition.get(standing.edition) ?? new Set<string>();
      for (const name of Object.keys(standing.indicators)) names.add(name);
      namesByEdition.set(standing.edition, names);
    }
    for (const match of fmtiIndicatorMatches) {
      expect(rubricFor(match.lens).indicators.map((indicator) => indicator.id), `${match.lens}/${match.indicator}`).toContain(match.indicator);
      for (const [edition, names] of Object.entries(match.fmti)) {
        for (const name of names) expect([...(namesByEdition.get(edition) ?? [])], `${match.indicator} → ${edition} "${name}"`).toContain(name);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { readsAsStatement } from './reads-as-statement.js';
import { structuredSentences } from './passage-structure.js';
import { collectIndicatorEvidence } from './collect-evidence.js';
import { rubricFor } from './rubrics/index.js';

describe('readsAsStatement', () => {
  it('reads bare lines with a subject and a finite verb, or a figure for a label, as statements', () => {
    for (const line of ['The model does not achieve perfect photorealism', 'The model cannot render legible text', 'Hardware: 32 x 8 x A100 GPUs', '**Hours used:** 200000', 'Supports activation sharding and 8-bit quantization']) {
      expect(readsAsStatement(line), line).toBe(true);
    }
  });

  it('reads a pronoun or noun subject with its verb, and a dated timeline entry, as statements: README lists drop the full stop', () => {
    for (const line of [
      'We host all code repositories on GitHub',
      'We also release intermediate checkpoints',
      'The tokenizer supports 86 programming languages',
      'December 1, 2022: Release of The Stack v1.1 with expanded data',
      '2023-03-20: Announcement of The Stack v1.2 and a simplified opt-out process',
      '**Nov 15, 2022** – Introduction of the opt-out tool',
    ]) {
      expect(readsAsStatement(line), line).toBe(true);
    }
  });

  it('leaves topic headings as headings', () => {
    for (const line of ['Limitations and Bias', 'Downloading the weights', 'Model Persona Evaluation Data', 'Training Data', 'Reproducing Memorization Results', 'Process', 'Running the evaluations', 'How Stable Cascade Works', 'Getting started with the weights', 'Release notes']) {
      expect(readsAsStatement(line), line).toBe(false);
    }
  });

  it('keeps a Limitations heading over a list of bare limitation lines, and reads each line as a published limitation', () => {
    const text = 'Limitations\n\nThe model does not achieve perfect photorealism\n\nThe model cannot render legible text\n\nFaces and people in general may not be generated properly.';
    const headings = structuredSentences(text).map((span) => span.context.heading);
    expect(headings).toEqual(['Limitations', 'Limitations', 'Limitations', 'Limitations']);
    const evidence = collectIndicatorEvidence(rubricFor('scientific-evidence'), [
      { sourceId: 'S01', url: 'https://lab.example/card', party: 'first', snapshotHash: '0'.repeat(64), start: 0, end: text.length, text },
    ]);
    const limitations = evidence.find((entry) => entry.indicator.id === 'published-limitations');
    expect(limitations?.sentences.map((sentence) => sentence.quote)).toContain('The model cannot render legible text');
  });
});

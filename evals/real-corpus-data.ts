/**
 * The development corpus of real labs' documents (evals/real-corpus/), read and checked at the
 * boundary: the manifest of labs and documents, the FMTI totals and indicator scores, and the
 * labelled indicator sentences. See evals/real-corpus/README.md for what each file holds.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { lensIds } from '../contract/catalog/lenses.js';
import { StanceWatchError } from '../infra/errors.js';

export const realCorpusDirectory = fileURLToPath(new URL('./real-corpus/', import.meta.url));

const manifestSchema = z.object({
  labs: z
    .array(
      z.object({
        slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
        name: z.string().min(1),
        fmtiName: z.string().nullable(),
        documents: z.array(z.object({ file: z.string().min(1), kind: z.string().min(1), chars: z.number().int().nonnegative() })).min(1),
      }),
    )
    .min(1),
});
export type RealCorpusManifest = z.infer<typeof manifestSchema>;
export type RealCorpusLab = RealCorpusManifest['labs'][number];

const fmtiLabSchema = z.object({
  fmtiName: z.string().nullable(),
  edition: z.string().optional(),
  total: z.number().nullable(),
  maxTotal: z.number().nullable(),
  indicators: z.record(z.string(), z.number()).optional(),
});
const fmtiSchema = z.object({
  edition: z.string().min(1),
  labs: z.record(z.string(), fmtiLabSchema),
});

/** A lab's FMTI standing in the one edition fmti.json takes for it. */
export interface FmtiStanding {
  readonly edition: string;
  readonly total: number | null;
  readonly maxTotal: number | null;
  /** FMTI indicator name → 0/1, in that edition's wording. */
  readonly indicators: Readonly<Record<string, number>>;
}

export const indicatorLabelSchema = z.object({
  id: z.string().min(1),
  lab: z.string().min(1),
  file: z.string().min(1),
  sentence: z.string().min(1),
  lens: z.enum(lensIds),
  indicator: z.string().min(1),
  label: z.enum(['met', 'withheld', 'not-about-it']),
  /**
   * `dev`: rubric changes are tuned on these rows. `val`: rows from documents added after the
   * rubric was tuned, read to check that a change generalises before `test` is measured. `test`:
   * never read while tuning. Whole documents belong to one split.
   */
  split: z.enum(['dev', 'val', 'test']),
});
export type IndicatorLabel = z.infer<typeof indicatorLabelSchema>;

export interface RealCorpus {
  readonly directory: string;
  readonly labs: readonly RealCorpusLab[];
  readonly fmti: Readonly<Record<string, FmtiStanding>>;
  readonly labels: readonly IndicatorLabel[];
}

function invalid(file: string, detail: string): StanceWatchError {
  return new StanceWatchError('indicator-dataset-invalid', `evals/real-corpus/${file}: ${detail}`);
}

async function readJson(directory: string, file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(`${directory}${file}`, 'utf8'));
  } catch (error) {
    throw invalid(file, `could not be read as JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

function parseLabels(text: string): IndicatorLabel[] {
  return text.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return [];
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw invalid('indicator-labels.jsonl', `line ${index + 1} is not JSON`);
    }
    const parsed = indicatorLabelSchema.safeParse(value);
    if (!parsed.success) throw invalid('indicator-labels.jsonl', `line ${index + 1}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
    return [parsed.data];
  });
}

export async function loadRealCorpus(directory = realCorpusDirectory): Promise<RealCorpus> {
  const manifest = manifestSchema.safeParse(await readJson(directory, 'manifest.json'));
  if (!manifest.success) throw invalid('manifest.json', `${manifest.error.issues[0]?.path.join('.')} ${manifest.error.issues[0]?.message}`);
  const fmtiFile = fmtiSchema.safeParse(await readJson(directory, 'fmti.json'));
  if (!fmtiFile.success) throw invalid('fmti.json', `${fmtiFile.error.issues[0]?.path.join('.')} ${fmtiFile.error.issues[0]?.message}`);
  const fmti: Record<string, FmtiStanding> = {};
  for (const [slug, standing] of Object.entries(fmtiFile.data.labs)) {
    fmti[slug] = { edition: standing.edition ?? fmtiFile.data.edition, total: standing.total, maxTotal: standing.maxTotal, indicators: standing.indicators ?? {} };
  }
  const labels = parseLabels(await readFile(`${directory}indicator-labels.jsonl`, 'utf8'));
  return { directory, labs: manifest.data.labs, fmti, labels };
}

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoSiteFolder } from '../demo/serve-demo-site.js';
import { chunkText, splitSentences } from './chunk-text.js';
import { extractMainText } from './extract-main-text.js';

/** The demo pages' snapshots: realistic prose with headings, lists, figures and abbreviations. */
function demoSnapshots(): { name: string; text: string }[] {
  const files = readdirSync(demoSiteFolder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .sort();
  return files.map((file) => ({
    name: file,
    text: extractMainText(readFileSync(path.join(demoSiteFolder, file), 'utf8'), 'http://127.0.0.1/').text,
  }));
}

describe('chunkText', () => {
  const snapshots = demoSnapshots();

  it('has demo pages to check', () => {
    expect(snapshots.length).toBeGreaterThanOrEqual(10);
  });

  for (const targetWords of [8, 25, 60, 120]) {
    for (const overlapSentences of [0, 1, 2]) {
      it(`keeps exact offsets, order and full coverage (target ${targetWords} words, overlap ${overlapSentences})`, () => {
        for (const { name, text } of snapshots) {
          const chunks = chunkText(text, { targetWords, overlapSentences });
          const covered = new Array<boolean>(text.length).fill(false);
          chunks.forEach((chunk, index) => {
            expect(chunk.ordinal, name).toBe(index);
            expect(text.slice(chunk.start, chunk.end), name).toBe(chunk.text);
            expect(chunk.text.trim(), name).toBe(chunk.text);
            if (index > 0) expect(chunk.start, name).toBeGreaterThan(chunks[index - 1]!.start);
            for (let offset = chunk.start; offset < chunk.end; offset += 1) covered[offset] = true;
          });
          // Every non-space character of the snapshot is in some chunk.
          for (let offset = 0; offset < text.length; offset += 1) {
            if (!/\s/.test(text[offset]!)) expect(covered[offset], `${name} @${offset}`).toBe(true);
          }
          // Chunks end where a sentence or paragraph ends (unless a run-on sentence had to be cut).
          const longestSentence = Math.max(0, ...splitSentences(text).map((span) => text.slice(span.start, span.end).split(/\s+/).length));
          if (longestSentence > targetWords * 2) continue;
          for (const chunk of chunks) {
            const after = text.slice(chunk.end, chunk.end + 2);
            expect(/[.!?…"'’”)\]]$/.test(chunk.text) || after === '' || after.startsWith('\n'), `${name}: …${chunk.text.slice(-30)}`).toBe(true);
          }
        }
      });
    }
  }

  it('repeats the last sentence of a chunk at the start of the next when overlapping', () => {
    const text = 'One two three four. Five six seven eight. Nine ten eleven twelve. Thirteen fourteen fifteen.';
    const chunks = chunkText(text, { targetWords: 8, overlapSentences: 1 });
    expect(chunks.map((chunk) => chunk.text)).toEqual([
      'One two three four. Five six seven eight.',
      'Five six seven eight. Nine ten eleven twelve.',
      'Nine ten eleven twelve. Thirteen fourteen fifteen.',
    ]);
  });

  it('cuts a run-on sentence far longer than a chunk at word boundaries', () => {
    const text = Array.from({ length: 50 }, (_, index) => `word${index}`).join(' ');
    const chunks = chunkText(text, { targetWords: 10, overlapSentences: 0 });
    expect(chunks).toHaveLength(5);
    expect(chunks.every((chunk) => chunk.text.split(' ').length === 10)).toBe(true);
  });

  it('returns no chunk for empty text', () => {
    expect(chunkText('')).toEqual([]);
    expect(chunkText('  \n\n ')).toEqual([]);
  });
});

describe('splitSentences', () => {
  const sentencesOf = (text: string) => splitSentences(text).map((span) => text.slice(span.start, span.end));

  it('does not split after abbreviations, initials or version numbers', () => {
    expect(sentencesOf('Dr. Sigrún Hallsdóttir leads it, e.g. on Lantern 2.1 for the U.S. market. J. Eliasen builds it.')).toEqual([
      'Dr. Sigrún Hallsdóttir leads it, e.g. on Lantern 2.1 for the U.S. market.',
      'J. Eliasen builds it.',
    ]);
  });

  it('splits at paragraph breaks even without punctuation, and keeps closing quotes', () => {
    expect(sentencesOf('Our mission\n\n"It works." She said so! Really?')).toEqual(['Our mission', '"It works."', 'She said so!', 'Really?']);
  });
});

import { describe, expect, it } from 'vitest';
import { extractMainText } from './extract-main-text.js';
import { createHtmlExtractor } from './html-extractor.js';

const page = `<!doctype html><html><head><title>Model card</title><base href="/docs/"></head><body>
<nav><a href="/">Home</a></nav><main><h1>Lantern-2</h1><p>We trained Lantern-2 on 9 trillion tokens of licensed text.
See <a href="limits">the limitations</a> and <a href="https://press.example/story#top">the press</a>.</p></main></body></html>`;

describe('extraction in the crawl worker', () => {
  it('gives exactly what extraction in the crawl thread gives, page after page', async () => {
    const extractor = createHtmlExtractor();
    try {
      for (const url of ['https://lab.example/models/lantern-2', 'https://lab.example/models/lantern-3']) {
        expect(await extractor.extract(page, url)).toEqual(extractMainText(page, url));
      }
      expect((await extractor.extract(page, 'https://lab.example/a')).links).toEqual(['https://lab.example/', 'https://lab.example/docs/limits', 'https://press.example/story']);
    } finally {
      await extractor.close();
    }
  });

  it('reports a page it cannot parse as an error, and keeps working', async () => {
    const extractor = createHtmlExtractor();
    try {
      await expect(extractor.extract(page, 'not a url')).rejects.toThrow(/could not be parsed/);
      expect((await extractor.extract(page, 'https://lab.example/')).title).toBe('Model card');
    } finally {
      await extractor.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { countWords, normaliseText } from './extract-main-text.js';
import { extractMarkdown, writtenInMarkdown, type MarkdownBlock } from './extract-markdown.js';

/** Shaped like the model cards labs publish: front-matter, badges, an HTML banner, code, a results table. */
const modelCard = `---
license: apache-2.0
language:
  - en
aliases: ["/first"]
pipeline_tag: text-generation
---

<p align="center">
  <img width="100%" src="https://lab.example/banner.png" alt="Lantern banner">
</p>

# Lantern-2 Model Card

[![License](https://img.shields.io/badge/license-Apache%202.0-blue.svg)](LICENSE) [![Paper](https://img.shields.io/badge/arXiv-2401.00001-red)](https://arxiv.org/abs/2401.00001)

Lantern-2 is a **multilingual** model trained by the *Lantern* team. Read the [technical report](https://lab.example/report.pdf)
for details, or see our <a href="https://lab.example/blog">blog post</a> on the release.

\`vllm>=0.9.0\` is recommended for serving.

{{< figure src="/images/eval.png" caption="Evaluation overview" >}}

## Quickstart

\`\`\`python
from transformers import AutoModelForCausalLM
model = AutoModelForCausalLM.from_pretrained("lab/lantern-2")
print(model.generate("Hello"))
\`\`\`

    pip install lantern --upgrade

{% include "usage.html" %}

## Evaluation

| Benchmark | Lantern-2 | Baseline |
|-----------|----------:|:--------:|
| MMLU      | **71.2**  | 65.0     |
| [GSM8K](https://example.org/gsm8k) | 80.4 | 74.1 |

## Limitations

- The model can produce <em>false</em> statements.
- It was evaluated in English only; other languages are untested.
  - Nested caveat: safety tuning is partial.

<details>
<summary>Raw output</summary>

\`\`\`json
{"score": 0.71, "name": "mmlu"}
\`\`\`

</details>

> We will publish a red-teaming report before the next release.[^1]

[^1]: Planned for the third quarter.

![Chart](https://lab.example/chart.png)
`;

const blockTexts = (text: string, blocks: readonly MarkdownBlock[]) => blocks.map((block) => ({ kind: block.kind, text: text.slice(block.start, block.end) }));

describe('extractMarkdown', () => {
  const extracted = extractMarkdown(modelCard);

  it('keeps no code, front-matter, HTML tags, attributes, template tags or image addresses', () => {
    for (const markup of ['AutoModelForCausalLM', 'print(', 'pip install', '"score"', 'license: apache', 'aliases', '/first', 'pipeline_tag',
      'width=', '100%', '<p', '<img', '<a ', '</a>', 'href', 'shields.io', 'banner.png', 'chart.png', '{{', '{%', 'figure src', 'usage.html', 'Raw output']) {
      expect(extracted.text, markup).not.toContain(markup);
    }
  });

  it('keeps link text without its address, and inline code and emphasis as plain text', () => {
    expect(extracted.text).toContain('Lantern-2 is a multilingual model trained by the Lantern team. Read the technical report for details, or see our blog post on the release.');
    expect(extracted.text).toContain('vllm>=0.9.0 is recommended for serving.');
    expect(extracted.text).not.toMatch(/https?:|\*\*|`|\[|\]\(/);
  });

  it('keeps each table row as one paragraph, header included, separator dropped', () => {
    const rows = blockTexts(extracted.text, extracted.blocks).filter((block) => block.kind === 'table-row').map((block) => block.text);
    expect(rows).toEqual(['Benchmark | Lantern-2 | Baseline', 'MMLU | 71.2 | 65.0', 'GSM8K | 80.4 | 74.1']);
    expect(extracted.text).toContain('\n\nMMLU | 71.2 | 65.0\n\n');
    expect(extracted.text).not.toContain('---');
  });

  it('marks headings, the Limitations section and its list items as such', () => {
    const blocks = blockTexts(extracted.text, extracted.blocks);
    expect(blocks).toContainEqual({ kind: 'heading', text: 'Limitations' });
    const limitations = extracted.blocks.find((block) => extracted.text.slice(block.start, block.end) === 'Limitations');
    expect(limitations?.level).toBe(2);
    const after = blocks.slice(blocks.findIndex((block) => block.text === 'Limitations') + 1);
    expect(after.slice(0, 3)).toEqual([
      { kind: 'list-item', text: 'The model can produce false statements.' },
      { kind: 'list-item', text: 'It was evaluated in English only; other languages are untested.' },
      { kind: 'list-item', text: 'Nested caveat: safety tuning is partial.' },
    ]);
    expect(blocks).toContainEqual({ kind: 'paragraph', text: 'We will publish a red-teaming report before the next release.' });
    expect(blocks).toContainEqual({ kind: 'paragraph', text: 'Planned for the third quarter.' });
  });

  it('takes the first level-1 heading as the title, else the front-matter title', () => {
    expect(extracted.title).toBe('Lantern-2 Model Card');
    expect(extractMarkdown('---\ntitle: "The mission"\ndraft: false\n---\nWe build open models.').title).toBe('The mission');
    expect(extractMarkdown('+++\ntitle = "Our charter"\n+++\n\nWe build open models.')).toEqual({
      text: 'We build open models.',
      title: 'Our charter',
      blocks: [{ kind: 'paragraph', start: 0, end: 21, level: null }],
    });
    expect(extractMarkdown('Just prose.').title).toBeNull();
  });

  it('writes the normal form of every other snapshot, with blocks that cover it exactly', () => {
    expect(extracted.text).not.toMatch(/ {2}|\n{3}|^\s|\s$|[^\n]\n[^\n]/);
    expect(normaliseText(extracted.text)).toBe(extracted.text);
    expect(extracted.blocks.map((block) => extracted.text.slice(block.start, block.end)).join('\n\n')).toBe(extracted.text);
    expect(countWords(extracted.text)).toBeGreaterThan(60);
  });

  it('gives the same snapshot for the same Markdown, byte for byte', () => {
    expect(extractMarkdown(modelCard)).toEqual(extracted);
    expect(extractMarkdown(modelCard.replace(/\n/g, '\r\n'))).toEqual(extracted);
  });

  it('reads plain prose as normaliseText does', () => {
    const prose = 'First   paragraph\nwraps here.\n\n\nSecond paragraph.';
    expect(extractMarkdown(prose).text).toBe(normaliseText(prose));
  });

  it('shows character references as the characters they name', () => {
    expect(extractMarkdown('AT&amp;T&nbsp;and &lt;b&gt; are text; so is `&amp;` in code.').text).toBe('AT&T and <b> are text; so is &amp; in code.');
  });

  it('reads hostile nesting and delimiter floods in bounded time, without overflowing the stack', () => {
    const started = Date.now();
    expect(extractMarkdown(`${'>'.repeat(100_000)} deep quote`).text).toBe('deep quote');
    expect(extractMarkdown(`${'- '.repeat(50_000)}deep list`).text).toBe('deep list');
    expect(extractMarkdown(`- list\n${' '.repeat(100_000)}- indented item`).text).toContain('indented item');
    expect(extractMarkdown('***a'.repeat(50_000)).text).toHaveLength(200_000);
    expect(extractMarkdown(`Prose ${'{{'.repeat(100_000)}`).text).toMatch(/^Prose/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('drops control characters so offsets survive the crawl\'s clean-up', () => {
    expect(extractMarkdown('Safe\u0001 text\u0007.').text).toBe('Safe text.');
  });
});

describe('plain text written in Markdown', () => {
  it('is recognised by lines only Markdown writes, so a prompt kept as .txt is read as prose', () => {
    const prompt = '## Safety Instructions\n\n- **Do not answer queries that show clear intent** to cause harm.\n- **Provide a high-level answer** without details.\n';
    expect(writtenInMarkdown(prompt)).toBe(true);
    expect(extractMarkdown(prompt).text).toBe('Safety Instructions\n\nDo not answer queries that show clear intent to cause harm.\n\nProvide a high-level answer without details.');
  });

  it('leaves plain text alone, lists and a stray asterisk included', () => {
    expect(writtenInMarkdown('Release notes\n\n- Faster loading\n- Fewer crashes\n\nPrices rose 5*3 times.\n')).toBe(false);
    expect(writtenInMarkdown('One **bold** line is not enough to call a file Markdown.\n')).toBe(false);
  });
});

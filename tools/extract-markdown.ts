/**
 * Markdown extraction: the snapshot text of a Markdown source is its prose, not its markup. A
 * model card carries front-matter, badges, HTML banners, code samples and template tags; kept
 * as text they would be quoted as evidence and read as the lab's prose. The source is parsed by
 * `marked`'s lexer (CommonMark with GitHub's tables and strikethrough; YAML/TOML front-matter and
 * footnotes are handled around it) and only what a reader reads is kept: headings, paragraphs,
 * list items, table rows. Inline code stays when it is a name used as a word and is left out when
 * it is a template, tag or call (`inline-code.ts`).
 *
 * The normal form is the one `normaliseText` gives every other snapshot — single spaces inside
 * a paragraph, "\n\n" between paragraphs — and the same source always gives the same bytes.
 * Each kept paragraph is also listed as a block with its kind and offsets, so later steps can
 * tell a heading (a "Limitations" section) or a table row from running prose.
 */
import { decodeHTML } from 'entities';
import { Lexer, type Token, type Tokens } from 'marked';
import { normaliseInline } from './extract-main-text.js';
import { inlineCodeIsCode } from './inline-code.js';

export type MarkdownBlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-row';

/** One paragraph of the snapshot: `text.slice(start, end)` is its text. */
export interface MarkdownBlock {
  readonly kind: MarkdownBlockKind;
  readonly start: number;
  readonly end: number;
  /** 1–6 for a heading, null otherwise. */
  readonly level: number | null;
}

export interface ExtractedMarkdown {
  /** The snapshot: prose paragraphs separated by "\n\n". */
  readonly text: string;
  /** The first level-1 heading, else the front-matter's `title`, else null. */
  readonly title: string | null;
  /** Every paragraph of `text`, in order. */
  readonly blocks: readonly MarkdownBlock[];
}


/** Front-matter: YAML between `---` lines or TOML between `+++` lines, at the very start. */
const frontMatter = /^(---|\+\+\+)[ \t]*\n([\s\S]*?)\n(?:\1|\.\.\.)[ \t]*(?:\n|$)/;
/** A footnote's definition label (`[^1]: `): the note's text is kept as a paragraph, its label is not. */
const footnoteLabel = /^[ \t]{0,3}\[\^[^\]\s]+\]:[ \t]*/gm;
/** A footnote reference in running text (`[^1]`). */
const footnoteReference = /\[\^[^\]\s]+\]/g;
/** Tags that split a line or a block where they stand: their place becomes a space, not nothing. */
const separatingTag = /^<\/?(br|p|div|li|ul|ol|tr|td|th|table|h[1-6]|hr|section|details|summary|figure|figcaption|center|blockquote)\b/i;
/**
 * Input that makes a Markdown parser recurse or rescan without end is cut back, before parsing,
 * to what no real document exceeds: container markers (`>`, list bullets and numbers) nested past
 * 32 deep on one line, indentation past 64 columns, and a paragraph holding hundreds of emphasis
 * delimiters (whose matching costs the square of their number) has them read as plain characters.
 */
const containerMarker = String.raw`[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))`;
const deepContainers = new RegExp(`^((?:${containerMarker}){32})(?:${containerMarker})+`, 'gm');
const deepIndent = /^([ \t]{64})[ \t]+/gm;
const maxDelimitersPerParagraph = 400;

/** Hugo/Jinja/Liquid tags, `{{ … }}`, `{{< … >}}`, `{% … %}`: never prose. A linear scan, whatever the input. */
function withoutTemplateTags(text: string): string {
  let result = text;
  for (const [open, close] of [['{{', '}}'], ['{%', '%}']] as const) {
    let kept = '';
    let from = 0;
    for (let start = result.indexOf(open); start !== -1; start = result.indexOf(open, from)) {
      const end = result.indexOf(close, start + open.length);
      if (end === -1) break;
      kept += `${result.slice(from, start)} `;
      from = end + close.length;
    }
    result = kept + result.slice(from);
  }
  return result;
}

/** The container markers a line opens with, which must stay as they are. */
const blockPrefix = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*/;
/** Code fences and thematic breaks, which are made of the same characters as emphasis. */
const fenceOrRule = /^[ \t]*(?:`{3,}|~{3,}|(?:[-*_][ \t]*){3,}$)/;

/** One line's emphasis delimiters escaped, its block syntax (bullets, fences, rules) left alone. */
function escapedDelimiters(line: string): string {
  if (fenceOrRule.test(line)) return line;
  const prefix = blockPrefix.exec(line)?.[0] ?? '';
  return prefix + line.slice(prefix.length).replace(/[*_~]/g, '\\$&');
}

/** A paragraph-sized chunk with more emphasis delimiters than prose ever has gets them read as characters. */
function tamedDelimiters(body: string): string {
  return body
    .split(/(\n[ \t]*\n)/)
    .map((chunk) => ((chunk.match(/[*_~]/g)?.length ?? 0) > maxDelimitersPerParagraph ? chunk.split('\n').map(escapedDelimiters).join('\n') : chunk))
    .join('');
}

/** Controls other than whitespace carry no prose; dropped here so offsets survive the crawl's own clean-up. */
function withoutControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** A paragraph's final form; '' when nothing readable is left (a row of badges, a stray "|"). */
function cleanParagraph(raw: string): string {
  const text = normaliseInline(withoutTemplateTags(withoutControls(raw)).replace(footnoteReference, ''));
  return /[\p{L}\p{N}]/u.test(text) ? text : '';
}

/** The text a reader sees in an inline run: link text without its URL, no images, no tags. */
function inlineText(tokens: readonly Token[] | undefined): string {
  if (!tokens) return '';
  let text = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        text += token.tokens ? inlineText(token.tokens) : decodeHTML(String(token.text));
        break;
      case 'escape':
        text += String(token.text);
        break;
      case 'codespan':
        // A name used as a word stays; a template, tag or call quoted inline is code, not prose.
        text += inlineCodeIsCode(String(token.text)) ? ' ' : String(token.text);
        break;
      case 'br':
        text += ' ';
        break;
      case 'html':
        text += separatingTag.test(String(token.text)) ? ' ' : '';
        break;
      case 'image':
      case 'checkbox':
        break;
      default:
        // strong, em, del, link and anything else with inline content: its text, no markers.
        text += inlineText('tokens' in token ? (token.tokens as Token[] | undefined) : undefined);
    }
  }
  return text;
}

interface Collected {
  readonly kind: MarkdownBlockKind;
  readonly raw: string;
  readonly level: number | null;
}

/**
 * Flattens block tokens to paragraphs. `inListItem` marks the paragraphs of a list item (and of
 * lists nested in it) as list items. Code, HTML blocks, rules and link definitions are not prose
 * and are dropped.
 */
function collectBlocks(tokens: readonly Token[], inListItem: boolean, out: Collected[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        out.push({ kind: 'heading', raw: inlineText(token.tokens), level: (token as Tokens.Heading).depth });
        break;
      case 'paragraph':
      case 'text':
        out.push({ kind: inListItem ? 'list-item' : 'paragraph', raw: token.tokens ? inlineText(token.tokens) : decodeHTML(String(token.text)), level: null });
        break;
      case 'list':
        for (const item of (token as Tokens.List).items) collectBlocks(item.tokens, true, out);
        break;
      case 'blockquote':
        collectBlocks((token as Tokens.Blockquote).tokens, inListItem, out);
        break;
      case 'table': {
        const table = token as Tokens.Table;
        for (const row of [table.header, ...table.rows]) {
          out.push({ kind: 'table-row', raw: row.map((cell) => normaliseInline(inlineText(cell.tokens))).join(' | '), level: null });
        }
        break;
      }
      default:
        // code, html, hr, def, space: not prose.
        break;
    }
  }
}

function frontMatterTitle(front: string | null): string | null {
  const match = front === null ? null : /^title\s*[:=]\s*(.+)$/m.exec(front);
  const title = match?.[1] ? cleanParagraph(match[1].trim().replace(/^(["'])(.*)\1$/, '$2')) : '';
  return title || null;
}

/** A document the parser cannot take (nesting past the stack) is read as plain paragraphs. */
function plainParagraphs(body: string): Collected[] {
  return body.split(/\n[ \t\u00a0]*\n/).map((raw) => ({ kind: 'paragraph', raw, level: null }));
}

/** Parses Markdown and returns its prose snapshot, title and structural blocks. */
/** Lines that only Markdown writes: ATX headings, strong emphasis, inline links, code fences. */
const markdownOnlyLine = /^#{1,6}[ \t]+\S|\*\*[^*\n]+\*\*|__[^_\n]+__|\[[^\]\n]+\]\([^)\s]+\)|^```/m;
const markdownLinesForPlainText = 3;

/**
 * Whether a file served as plain text is written in Markdown: a system prompt or a policy kept as
 * `.txt` often is ("## Safety Instructions", "- **Do not answer …**"). Read as plain text, its
 * markup would be quoted as the lab's prose. Three lines that only Markdown writes decide it; a
 * plain list of "- " lines does not.
 */
export function writtenInMarkdown(text: string): boolean {
  let count = 0;
  for (const line of text.split('\n')) {
    if (markdownOnlyLine.test(line)) count += 1;
    if (count >= markdownLinesForPlainText) return true;
  }
  return false;
}

export function extractMarkdown(source: string): ExtractedMarkdown {
  const unified = source.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const front = frontMatter.exec(unified);
  // Template tags go line by line before parsing too, so a link whose address is one
  // (`[text]({{< relref "x" >}})`) is still read as a link.
  const body = tamedDelimiters(
    (front ? unified.slice(front[0].length) : unified)
      .split('\n')
      .map(withoutTemplateTags)
      .join('\n')
      .replace(footnoteLabel, '')
      .replace(deepContainers, '$1')
      .replace(deepIndent, '$1'),
  );

  let collected: Collected[] = [];
  try {
    collectBlocks(Lexer.lex(body, { gfm: true }), false, collected);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    collected = plainParagraphs(body);
  }

  const paragraphs: string[] = [];
  const blocks: MarkdownBlock[] = [];
  let offset = 0;
  let title: string | null = null;
  for (const block of collected) {
    const text = cleanParagraph(block.raw);
    if (!text) continue;
    if (paragraphs.length > 0) offset += 2;
    blocks.push({ kind: block.kind, start: offset, end: offset + text.length, level: block.level });
    paragraphs.push(text);
    offset += text.length;
    if (title === null && block.kind === 'heading' && block.level === 1) title = text;
  }
  return { text: paragraphs.join('\n\n'), title: title ?? frontMatterTitle(front?.[2] ?? null), blocks };
}

/**
 * Main-text extraction: the text every later quote and character offset refers to. Readability
 * (over jsdom, scripts never run) keeps the article and drops navigation and chrome; when it
 * finds nothing we fall back to the body. The result is normalised deterministically —
 * paragraphs separated by a blank line, single spaces inside — so the same HTML always gives the
 * same snapshot, byte for byte.
 *
 * Code is not prose: `<pre>` blocks, and a `<code>` element that stands alone over several lines,
 * are left out of the snapshot; inline code in a sentence stays when it is a name used as a word
 * (`inline-code.ts`), and is left out when it is a template, tag or call. A data table is kept as
 * rows, one paragraph each with its cells joined by " | "; a table used for layout is read as the
 * blocks it holds.
 */
import { createRequire } from 'node:module';
import { inlineCodeIsCode } from './inline-code.js';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { JSDOM as JsdomClass, VirtualConsole as VirtualConsoleClass } from 'jsdom';

interface HtmlParser {
  readonly JSDOM: typeof JsdomClass;
  readonly VirtualConsole: typeof VirtualConsoleClass;
  readonly Readability: typeof ReadabilityClass;
}

let parser: HtmlParser | null = null;

/**
 * jsdom and Readability, loaded with the first HTML page rather than with this module: they are
 * among the largest packages StanceWatch uses, and an audit of Markdown, text and PDF files, the
 * server's pages or the command line's help never need them. Both are CommonJS, so they load
 * synchronously and extraction stays a plain function.
 */
function htmlParser(): HtmlParser {
  if (parser === null) {
    const require = createRequire(import.meta.url);
    const jsdom = require('jsdom') as typeof import('jsdom');
    const readability = require('@mozilla/readability') as typeof import('@mozilla/readability');
    parser = { JSDOM: jsdom.JSDOM, VirtualConsole: jsdom.VirtualConsole, Readability: readability.Readability };
  }
  return parser;
}

/**
 * Pages parsed into documents of one jsdom window before it is replaced. Building a window (its
 * global object and every DOM interface on it) cost about 5 ms, a third of reading a 1,000-page
 * site when every page had its own, and as much garbage again. But a document that runs a
 * selector query (ours, Readability's) registers listeners on its window that are never removed,
 * so a window kept for ever would hold every document parsed in it; a fresh window every few
 * dozen pages bounds what is held and costs a fraction of a millisecond a page.
 */
const pagesPerWindow = 32;

let standing: { window: JsdomClass; pagesParsed: number } | null = null;

/**
 * The page parsed as a document of a standing window, with the same parser settings a window of
 * its own would have (scripts off). The window's address is set to the page's before the parse,
 * so the document's URL and base URL, and the links resolved against them, are the page's own.
 */
function parsePage(html: string, url: string): Document {
  const { JSDOM, VirtualConsole } = htmlParser();
  if (standing === null || standing.pagesParsed >= pagesPerWindow) {
    standing?.window.window.close();
    // A silent console: hostile pages must not write to our logs through jsdom's CSS/HTML errors.
    standing = { window: new JSDOM('', { virtualConsole: new VirtualConsole() }), pagesParsed: 0 };
  }
  standing.pagesParsed += 1;
  standing.window.reconfigure({ url });
  return new standing.window.window.DOMParser().parseFromString(html, 'text/html');
}

export interface ExtractedPage {
  /** Normalised main text (the snapshot). */
  text: string;
  title: string | null;
  words: number;
  /** Every http(s) link on the page, absolute, without fragment, sorted, unique. */
  links: string[];
  /** The page carries scripts: thin text may only mean it builds itself in the browser. */
  hasScript: boolean;
  /** The page has a password field: with little text, it is a login wall. */
  hasPasswordField: boolean;
}

/** Elements whose boundaries separate paragraphs. */
const blockElements = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV',
  'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
const skippedElements = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'HEAD', 'PRE']);
/** Elements whose presence in a cell means the table lays out a page rather than holding data. */
const layoutCellContent = 'table, p, div, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, form, section, article, nav, header, footer';

/** Collapses runs of whitespace inside a paragraph to one space. */
export function normaliseInline(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/**
 * Deterministic normal form for plain text and Markdown: line endings unified, paragraphs
 * (blocks separated by blank lines) joined by "\n\n", whitespace inside a paragraph collapsed.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n/)
    .map(normaliseInline)
    .filter((paragraph) => paragraph.length > 0)
    .join('\n\n');
}

/** Words as a reader would count them: runs of letters or digits. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)?.length ?? 0;
}

/** A `<code>` that is a code block: several lines, standing alone in its parent (not a word in a sentence). */
function isCodeBlock(element: Element): boolean {
  const text = element.textContent ?? '';
  if (text.split('\n').filter((line) => line.trim().length > 0).length < 2) return false;
  return normaliseInline(element.parentElement?.textContent ?? '') === normaliseInline(text);
}

/** The rows of a table itself, not of tables nested in it. */
function ownRows(table: Element): Element[] {
  return [...table.querySelectorAll('tr')].filter((row) => row.closest('table') === table);
}

/**
 * Whether a table holds data (read as rows) or lays out a page (read as blocks), much as
 * Readability tells them apart: a presentation role, a nested table or block content in a cell
 * makes it layout; header cells, a caption, or a grid of two rows by two cells make it data.
 */
function isDataTable(table: Element): boolean {
  const role = table.getAttribute('role')?.toLowerCase();
  if (role === 'presentation' || role === 'none') return false;
  if (table.querySelector('table')) return false;
  const rows = ownRows(table);
  if (rows.some((row) => [...row.children].some((cell) => cell.querySelector(layoutCellContent) !== null))) return false;
  if (table.querySelector('th, thead, caption')) return true;
  return rows.length >= 2 && rows.every((row) => row.children.length >= 2);
}

/** The text of an inline run: skipped elements and code blocks left out, line breaks as spaces. */
function inlineText(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeType !== 1) return '';
  const element = node as Element;
  const tag = element.tagName.toUpperCase();
  if (skippedElements.has(tag) || (tag === 'CODE' && isCodeBlock(element))) return '';
  if (tag === 'CODE' && inlineCodeIsCode(element.textContent ?? '')) return ' ';
  if (tag === 'BR') return ' ';
  let text = '';
  for (let child = node.firstChild; child; child = child.nextSibling) text += inlineText(child);
  return blockElements.has(tag) ? ` ${text} ` : text;
}

/** A data table's paragraphs: its caption, then one per row, cells joined by " | ". */
function tableRows(table: Element): string[] {
  const caption = table.querySelector('caption');
  const rows = ownRows(table).map((row) =>
    normaliseInline(
      [...row.children]
        .filter((cell) => cell.tagName === 'TD' || cell.tagName === 'TH')
        .map((cell) => normaliseInline(inlineText(cell)))
        .join(' | '),
    ),
  );
  return [caption && caption.closest('table') === table ? normaliseInline(inlineText(caption)) : '', ...rows].filter((row) => /[\p{L}\p{N}]/u.test(row));
}

/** Walks a DOM subtree and returns its text as paragraphs, one per block. */
function blockText(root: Node): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const paragraph = normaliseInline(current);
    if (paragraph) paragraphs.push(paragraph);
    current = '';
  };
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (skippedElements.has(tag)) return;
    if (tag === 'CODE' && isCodeBlock(node as Element)) return;
    if (tag === 'CODE' && inlineCodeIsCode(node.textContent ?? '')) {
      current += ' ';
      return;
    }
    if (tag === 'TABLE' && isDataTable(node as Element)) {
      flush();
      paragraphs.push(...tableRows(node as Element));
      return;
    }
    if (tag === 'BR') {
      current += ' ';
      return;
    }
    const isBlock = blockElements.has(tag);
    if (isBlock) flush();
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    if (isBlock) flush();
    else if (tag === 'TD' || tag === 'TH') current += ' ';
  };
  visit(root);
  flush();
  return paragraphs.join('\n\n');
}

function normaliseLink(href: string, baseUrl: string): string | null {
  try {
    const url = new URL(href, baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

/**
 * Links in a stable order that does not depend on where a site happens to be served: the page's
 * own origin first, then other origins, each by URL. (Sorting whole URLs would order two
 * loopback sites by their port numbers, which change from run to run.)
 */
function sortLinks(links: readonly string[], pageUrl: string): string[] {
  const origin = new URL(pageUrl).origin;
  const external = (link: string) => (new URL(link).origin === origin ? 0 : 1);
  return [...links].sort((left, right) => external(left) - external(right) || (left < right ? -1 : left > right ? 1 : 0));
}

/** Extracts the main text, title and links of an HTML page fetched from `url`. */
export function extractMainText(html: string, url: string): ExtractedPage {
  const { JSDOM, Readability } = htmlParser();
  const document = parsePage(html, url);
  const links = new Set<string>();
  for (const anchor of document.querySelectorAll('a[href]')) {
    const link = normaliseLink(anchor.getAttribute('href') ?? '', document.baseURI || url);
    if (link) links.add(link);
  }
  const hasScript = document.querySelector('script') !== null;
  const hasPasswordField = document.querySelector('input[type="password" i]') !== null;
  const documentTitle = normaliseInline(document.title ?? '') || null;
  const bodyText = document.body ? blockText(document.body) : '';

  // Readability mutates the document, so it runs last, on what we no longer need.
  let text = '';
  let title = documentTitle;
  const article = new Readability(document, { charThreshold: 200 }).parse();
  if (article?.content) {
    const fragment = JSDOM.fragment(article.content);
    text = blockText(fragment);
    title = normaliseInline(article.title ?? '') || documentTitle;
  }
  // Readability can keep a sliver of a short page; the body is then the better snapshot.
  if (countWords(text) < Math.min(60, countWords(bodyText) / 2)) text = bodyText;
  return {
    text,
    title,
    words: countWords(text),
    links: sortLinks([...links], url),
    hasScript,
    hasPasswordField,
  };
}

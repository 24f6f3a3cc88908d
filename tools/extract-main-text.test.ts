import { describe, expect, it } from 'vitest';
import { countWords, extractMainText, normaliseText } from './extract-main-text.js';

const articlePage = `<!doctype html><html><head><title>Release notes</title></head><body>
<nav><a href="/">Home</a> <a href="/about#team">About</a> <a href="mailto:press@lab.example">Press</a></nav>
<main><article><h1>Release notes</h1>
<p>Our   new model
   supports <b>48</b> languages.</p>
<p>It was trained on data that was collected from the web, and we do not disclose its composition. ${'More prose follows here to make the article long enough. '.repeat(8)}</p>
<ul><li>First item</li><li>Second item</li></ul>
<p>A visitor wrote &lt;script&gt;alert("xss")&lt;/script&gt; in the forum.</p>
<script>document.write('never run')</script>
<p><a href="https://press.example/story?id=4#top">Coverage</a></p>
</article></main><footer>© Lab</footer></body></html>`;

describe('extractMainText', () => {
  it('keeps the article as paragraphs separated by blank lines, spaces collapsed', () => {
    const page = extractMainText(articlePage, 'https://lab.example/notes');
    expect(page.text).toContain('Our new model supports 48 languages.\n\nIt was trained');
    expect(page.text).toContain('\n\nFirst item\n\nSecond item\n\n');
    expect(page.text).not.toMatch(/ {2}|\n{3}|^\s|\s$/);
    expect(page.title).toBe('Release notes');
    expect(page.words).toBe(countWords(page.text));
  });

  it('shows escaped markup as text and never runs or keeps scripts', () => {
    const page = extractMainText(articlePage, 'https://lab.example/notes');
    expect(page.text).toContain('A visitor wrote <script>alert("xss")</script> in the forum.');
    expect(page.text).not.toContain('never run');
    expect(page.hasScript).toBe(true);
  });

  it('lists http(s) links absolute, without fragments, sorted', () => {
    const page = extractMainText(articlePage, 'https://lab.example/notes');
    expect(page.links).toEqual(['https://lab.example/', 'https://lab.example/about', 'https://press.example/story?id=4']);
  });

  it('lists links of the page\'s own origin first, whatever port another site is served on', () => {
    const html = '<a href="http://127.0.0.1:39001/z">Other site</a> <a href="/b">B</a> <a href="http://127.0.0.1:41000/a">A</a>';
    const page = extractMainText(html, 'http://127.0.0.1:41000/');
    expect(page.links).toEqual(['http://127.0.0.1:41000/a', 'http://127.0.0.1:41000/b', 'http://127.0.0.1:39001/z']);
  });

  it('falls back to the body when there is no article to find', () => {
    const page = extractMainText('<html><body><div>Short note.</div><div>Second line.</div></body></html>', 'https://lab.example/');
    expect(page.text).toBe('Short note.\n\nSecond line.');
  });

  it('spots login forms and empty script shells', () => {
    const login = extractMainText('<form><input type="email"><input type="PASSWORD"><button>Sign in</button></form>', 'https://lab.example/login');
    expect(login.hasPasswordField).toBe(true);
    const shell = extractMainText('<html><body><div id="app"></div><script src="/app.js"></script></body></html>', 'https://lab.example/');
    expect(shell).toMatchObject({ text: '', words: 0, hasScript: true });
  });

  it('gives the same snapshot for the same HTML', () => {
    expect(extractMainText(articlePage, 'https://lab.example/notes')).toEqual(extractMainText(articlePage, 'https://lab.example/notes'));
  });
});

describe('normaliseText', () => {
  it('unifies line endings and keeps paragraphs', () => {
    expect(normaliseText('# Title\r\n\r\nLine one\r\nline two  \n \n\n\nEnd')).toBe('# Title\n\nLine one line two\n\nEnd');
  });
});

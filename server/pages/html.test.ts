import { describe, expect, it } from 'vitest';
import { escapeHtml, html, safeHref, trustedHtml } from './html.js';

describe('escapeHtml', () => {
  it('turns every character that could open markup or close an attribute into an entity', () => {
    expect(escapeHtml(`<a href="x" title='y'>&\`</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
  });
});

describe('the html template', () => {
  it('escapes interpolated text, in content and in attributes', () => {
    const payload = '"><img src=x onerror=alert(1)>';
    expect(html`<p title="${payload}">${payload}</p>`.markup).toBe(
      '<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>',
    );
  });

  it('keeps markup built by the template itself, without escaping it twice', () => {
    const inner = html`<em>${'a < b'}</em>`;
    expect(html`<p>${inner}</p>`.markup).toBe('<p><em>a &lt; b</em></p>');
  });

  it('joins lists and renders nothing for null, undefined and false', () => {
    const items = ['<one>', 'two'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}`.markup).toBe('<ul><li>&lt;one&gt;</li><li>two</li></ul>');
  });

  it('renders numbers as text and passes trusted markup through', () => {
    expect(html`${7}/10 ${trustedHtml('<br>')}`.markup).toBe('7/10 <br>');
  });
});

describe('safeHref', () => {
  it('keeps http(s) URLs and site paths', () => {
    expect(safeHref('https://lab.example/a?b=1')).toBe('https://lab.example/a?b=1');
    expect(safeHref('/labs/acme')).toBe('/labs/acme');
  });

  it('neutralises script, data and protocol-relative URLs a crawled page could carry', () => {
    expect(safeHref('javascript:alert(1)')).toBe('#');
    expect(safeHref(' JaVaScRiPt:alert(1)')).toBe('#');
    expect(safeHref('data:text/html,<script>alert(1)</script>')).toBe('#');
    expect(safeHref('//evil.example/')).toBe('#');
    expect(safeHref('not a url')).toBe('#');
  });
});

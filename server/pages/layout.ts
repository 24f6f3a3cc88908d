/**
 * The page shell every page shares: language, landmarks (header, nav, main, footer), a skip
 * link, the stylesheets, and scripts as files (the CSP allows no inline script or style).
 */
import { html, type SafeHtml } from './html.js';

export type NavigationItem = 'labs' | 'audits' | null;

export interface PageShell {
  readonly title: string;
  /** Where the pages router is mounted ("" at the root), so every link works under a prefix. */
  readonly basePath: string;
  readonly current: NavigationItem;
  readonly main: SafeHtml;
  /** Stylesheets under /assets beyond `stance.css`, e.g. "trace.css" for the pages that show traces. */
  readonly stylesheets?: readonly string[];
  /** Script files under /assets, e.g. "dashboard.js". */
  readonly scripts?: readonly string[];
  /** data-* attributes for the body, read by the page's script (never executed as code). */
  readonly bodyData?: Readonly<Record<string, string>>;
}

export function renderPage(shell: PageShell): string {
  const { basePath } = shell;
  const navigationLink = (item: Exclude<NavigationItem, null>, href: string, label: string) =>
    html`<a href="${href}"${shell.current === item ? html` aria-current="page"` : ''}>${label}</a>`;
  const bodyData = Object.entries(shell.bodyData ?? {}).map(([name, value]) => html` data-${name.replace(/[^a-z-]/g, '')}="${value}"`);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${shell.title} · StanceWatch</title>
<link rel="stylesheet" href="${basePath}/assets/stance.css">
${(shell.stylesheets ?? []).map((stylesheet) => html`<link rel="stylesheet" href="${basePath}/assets/${stylesheet}">`)}
${(shell.scripts ?? []).map((script) => html`<script src="${basePath}/assets/${script}" defer></script>`)}
</head>
<body${bodyData}>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <a class="site-name" href="${basePath}/">StanceWatch</a>
  <nav aria-label="Site">
    ${navigationLink('labs', `${basePath}/`, 'Labs')}
    ${navigationLink('audits', `${basePath}/audits`, 'Audits')}
  </nav>
</header>
<main id="main" tabindex="-1">
${shell.main}
</main>
<footer class="site-footer">
  <p>StanceWatch audits public communications only. Scores are qualitative judgments, not validated metrics.</p>
</footer>
</body>
</html>
`.markup;
}

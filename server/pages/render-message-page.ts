/** Plain pages for "not found" and "cannot show this", in the same shell as every other page. */
import { html } from './html.js';
import { renderPage, type NavigationItem } from './layout.js';

export interface MessagePage {
  readonly title: string;
  readonly message: string;
  readonly basePath: string;
  readonly current?: NavigationItem;
}

export function renderMessagePage(page: MessagePage): string {
  return renderPage({
    title: page.title,
    basePath: page.basePath,
    current: page.current ?? null,
    main: html`<header class="page-header"><h1>${page.title}</h1></header>
<p>${page.message}</p>
<p><a href="${page.basePath}/">See every audited lab</a>.</p>`,
  });
}

/** The form a reviewer gives their token to once; the page they asked for follows. */
import { html } from './html.js';
import { renderPage } from './layout.js';

export interface ReviewerSignInPage {
  readonly basePath: string;
  /** The same-site path to return to. */
  readonly next: string;
  readonly problem?: string;
}

export function renderReviewerSignIn(page: ReviewerSignInPage): string {
  return renderPage({
    title: 'Reviewer sign-in',
    basePath: page.basePath,
    current: null,
    main: html`<header class="page-header"><h1>Reviewer sign-in</h1></header>
<p>Traces and annotations are for reviewers. Give a reviewer or admin API token (an admin creates one with <code>stancewatch tokens create --name &lt;name&gt; --role reviewer</code>); it is kept in a cookie for eight hours.</p>
${page.problem ? html`<p class="notice" role="alert">${page.problem}</p>` : ''}
<form class="reviewer-form" method="post" action="${page.basePath}/reviewer/sign-in">
  <input type="hidden" name="next" value="${page.next}">
  <label for="reviewer-token">API token</label>
  <input id="reviewer-token" name="token" type="password" autocomplete="off" required>
  <p><button type="submit">Sign in</button></p>
</form>`,
  });
}

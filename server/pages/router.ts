/**
 * The public pages and the audits dashboard, as one router the app mounts (at the root or under
 * a prefix: every link is built from the mount path). Routes stay thin: read, render, send.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Request, type Response } from 'express';
import type { AuditSystem } from '../../infra/audit-system.js';
import { loadDashboard, loadLabsIndex, loadStancePage } from './page-data.js';
import { renderDashboard } from './render-dashboard.js';
import { renderLabsIndex } from './render-labs-index.js';
import { renderMessagePage } from './render-message-page.js';
import { renderStancePage } from './render-stance-page.js';

/** The stylesheet and the dashboard script, served from `assets/` beside this file. */
export const pagesAssetsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');

export interface PagesRouterOptions {
  /** The JSON API as the browser reaches it; defaults to `<mount path>/api`. */
  readonly apiBasePath?: string;
  /** The public address of a lab's report JSON, linked from its stance page. */
  readonly rawReportPath?: (slug: string) => string;
}

const renderedStancePagesKept = 64;

const defaultRawReportPath = (slug: string) => `/stancewatch/api/labs/${encodeURIComponent(slug)}.json`;
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const auditIdPattern = /^[A-Za-z0-9_-]{1,100}$/;

function sendPage(response: Response, status: number, page: string): void {
  response.status(status).type('html').set('cache-control', 'no-cache').send(page);
}

export function createPagesRouter(system: AuditSystem, options: PagesRouterOptions = {}): express.Router {
  const router = express.Router();
  const database = system.database.pool;
  const rawReportPath = options.rawReportPath ?? defaultRawReportPath;
  const renderedStancePages = new Map<string, string>();

  const notFound = (request: Request, response: Response, message: string) =>
    sendPage(response, 404, renderMessagePage({ title: 'Not found', message, basePath: request.baseUrl }));

  router.use('/assets', express.static(pagesAssetsFolder, { index: false, maxAge: '5m', fallthrough: false }));

  router.get('/', async (request, response) => {
    sendPage(response, 200, renderLabsIndex(await loadLabsIndex(database), request.baseUrl));
  });

  const showStancePage = async (request: Request, response: Response, slug: string, auditId?: string) => {
    if (!slugPattern.test(slug) || (auditId !== undefined && !auditIdPattern.test(auditId))) {
      notFound(request, response, 'There is no stance page at this address.');
      return;
    }
    const data = await loadStancePage(database, slug, auditId);
    if (!data) {
      notFound(
        request,
        response,
        auditId === undefined
          ? `No published audit for a lab called “${slug}” yet.`
          : `Lab “${slug}” has no published audit with id “${auditId}”.`,
      );
      return;
    }
    // A page is a pure function of its report, the version list and where it is mounted, all
    // immutable once published: render each combination once.
    const latest = data.versions[data.versions.length - 1];
    const key = `${request.baseUrl}|${data.sha256}|${data.versions.length}|${latest?.sha256 ?? ''}`;
    let page = renderedStancePages.get(key);
    if (page === undefined) {
      page = renderStancePage({ ...data, basePath: request.baseUrl, rawReportPath: rawReportPath(slug) });
      if (renderedStancePages.size >= renderedStancePagesKept) renderedStancePages.delete(renderedStancePages.keys().next().value!);
      renderedStancePages.set(key, page);
    }
    sendPage(response, 200, page);
  };

  router.get('/labs/:slug', (request, response) => showStancePage(request, response, request.params.slug));
  router.get('/labs/:slug/audits/:auditId', (request, response) =>
    showStancePage(request, response, request.params.slug, request.params.auditId),
  );

  router.get('/audits', async (request, response) => {
    const audits = await loadDashboard(database);
    sendPage(
      response,
      200,
      renderDashboard({
        audits,
        basePath: request.baseUrl,
        apiBasePath: options.apiBasePath ?? `${request.baseUrl}/api`,
        llmAvailable: Boolean(system.config.llmBaseUrl),
      }),
    );
  });

  return router;
}

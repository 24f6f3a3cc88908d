/**
 * Who is reading a page. Pages are public; the trace viewer and the reviewers' view of a stance
 * page need a reviewer (or admin) API token, given once through the sign-in form (kept in an
 * HttpOnly, same-site cookie) or as `?token=` (which sets the same cookie, so links keep working).
 */
import type { Request, Response } from 'express';
import type { Queryable } from '../../infra/database/queryable.js';
import { findApiTokenBySecret, type ApiTokenRole, type ApiTokenRow } from '../../infra/database/repositories/api-tokens.js';

const reviewerCookieName = 'stancewatch_review_token';
const reviewerPageRoles: readonly ApiTokenRole[] = ['reviewer', 'admin'];
/** Report diffs compare replays: evaluators' pages (reviewers may read them too). */
export const evaluatorPageRoles: readonly ApiTokenRole[] = ['evaluator', 'reviewer', 'admin'];
/** Who may sign in to pages at all; each page then checks its own roles. */
export const signInRoles: readonly ApiTokenRole[] = ['reviewer', 'evaluator', 'admin'];
/** A working day: long enough to review an audit, short enough that a left-open browser forgets. */
const cookieMaxAgeSeconds = 8 * 60 * 60;
const tokenShape = /^[A-Za-z0-9._~+/=-]{8,200}$/;

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(separator + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function setReviewerCookie(response: Response, secret: string): void {
  response.setHeader('Set-Cookie', `${reviewerCookieName}=${encodeURIComponent(secret)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${cookieMaxAgeSeconds}`);
}

/** A valid, unrevoked token with one of `roles`, or null. */
export async function pageTokenFor(database: Queryable, secret: string | undefined, roles: readonly ApiTokenRole[] = reviewerPageRoles): Promise<ApiTokenRow | null> {
  if (!secret || !tokenShape.test(secret)) return null;
  const token = await findApiTokenBySecret(database, secret);
  if (!token || token.revokedAt !== null || !roles.includes(token.role)) return null;
  return token;
}

/** The reviewer reading this page, from `?token=` (remembered in the cookie) or the cookie. */
export async function reviewerOf(
  database: Queryable,
  request: Request,
  response: Response,
  roles: readonly ApiTokenRole[] = reviewerPageRoles,
): Promise<ApiTokenRow | null> {
  const fromQuery = typeof request.query.token === 'string' ? request.query.token : undefined;
  if (fromQuery !== undefined) {
    const token = await pageTokenFor(database, fromQuery, roles);
    if (token) setReviewerCookie(response, fromQuery);
    return token;
  }
  return pageTokenFor(database, cookieValue(request.get('cookie'), reviewerCookieName), roles);
}

/** Only same-site paths: a sign-in must not become an open redirect. */
export function safeNextPath(next: unknown, fallback: string): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\') ? next : fallback;
}

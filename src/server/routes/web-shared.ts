/** What the HTML routes share: the page language, the signed-in user as pages show them, and form CSRF checks. */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors.js';
import { canCheckReportsInBulk } from '../../services/policies/access.js';
import { langOf, type Lang } from '../pages/i18n.js';
import type { PageUser } from '../pages/layout.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** An HTML page: errors are answered as an HTML page, not as JSON. */
    html?: boolean;
  }
}

/** The Content-Security-Policy of the HTML pages: nothing inline, nothing from elsewhere, no scripts at all. */
export const PAGE_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** The language asked for by `?lang=en` (Chinese otherwise). */
export function requestLang(request: FastifyRequest): Lang {
  return langOf((request.query as Record<string, unknown> | undefined)?.lang);
}

/** The signed-in staff member as the page header shows them, or null. */
export function pageUserOf(request: FastifyRequest): PageUser | null {
  const principal = request.principal;
  if (!principal) return null;
  return {
    username: principal.username,
    csrfToken: request.csrfToken,
    canBatch: canCheckReportsInBulk(principal),
  };
}

/** Sends a whole HTML page. */
export function sendPage(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', PAGE_CSP)
    .send(body);
}

export function sameSecret(a: string | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A form POST from a session must carry the session's CSRF token in its `_csrf` field (synchronizer token). */
export function requireFormCsrf(request: FastifyRequest, sent: string | undefined): void {
  if (request.principal?.via === 'token') return; // API tokens are never sent by a browser on its own
  if (!sameSecret(sent, request.csrfToken)) {
    throw new DomainError(
      'CSRF_TOKEN_INVALID',
      '表单已过期或来源不明（CSRF 校验失败），请刷新页面后重试。',
      'The form has expired or did not come from this site (CSRF check failed); reload the page and try again.',
    );
  }
}

/** A local path to go to after sign-in; anything else (other sites, `//host`) becomes the default. */
export function safeNext(next: unknown, fallback: string): string {
  return typeof next === 'string' && /^\/(?![/\\])[\w\-./?=&%]*$/.test(next) ? next : fallback;
}

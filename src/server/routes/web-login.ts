/**
 * The HTML sign-in for staff: GET /login shows the form, POST /login opens a session (the same log-in use case as
 * the JSON API), POST /logout ends it. Login CSRF is blocked with a double-submit token: a random value in a
 * SameSite=Strict cookie that the form must repeat; sign-out needs the session's own CSRF token.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors.js';
import { limits } from '../../core/limits.js';
import { logIn } from '../../services/accounts/log-in.js';
import { logOut } from '../../services/accounts/log-out.js';
import type { Platform } from '../../services/platform/platform.js';
import { clearSessionCookie, setSessionCookie } from '../auth.js';
import { statusOf } from '../error-status.js';
import { html } from '../pages/html.js';
import { withLang, words, type Lang } from '../pages/i18n.js';
import { page } from '../pages/layout.js';
import { pageUserOf, requestLang, requireFormCsrf, safeNext, sameSecret, sendPage } from './web-shared.js';

const loginCsrfCookie = 'gongkai_login_csrf';

function loginForm(lang: Lang, token: string, next: string, problem?: string, username = '') {
  const w = words(lang);
  return html`<h1>${w.loginTitle}</h1>
    <p class="intro">${w.loginIntro}</p>
    ${problem ? html`<div class="problem" role="alert" id="problem"><p>${problem}</p></div>` : ''}
    <form class="stack" method="post" action="${withLang('/login', lang)}">
      <input type="hidden" name="_csrf" value="${token}" />
      <input type="hidden" name="next" value="${next}" />
      <label for="username">${w.username}</label>
      <input
        id="username"
        name="username"
        type="text"
        autocomplete="username"
        required
        maxlength="${limits.usernameMaxLength}"
        value="${username}"
      />
      <label for="password">${w.password}</label>
      <input
        id="password"
        name="password"
        type="password"
        autocomplete="current-password"
        required
        maxlength="${limits.passwordMaxLength}"
      />
      <div><button class="primary" type="submit">${w.login}</button></div>
    </form>`;
}

/** Issues a fresh double-submit token for the sign-in form. */
function issueLoginToken(request: FastifyRequest, reply: FastifyReply): string {
  const token = randomBytes(24).toString('base64url');
  reply.setCookie(loginCsrfCookie, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/login',
    maxAge: 60 * 60,
  });
  return token;
}

function showLogin(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { next: string; problem?: string; username?: string; status?: number },
) {
  const lang = requestLang(request);
  const token = issueLoginToken(request, reply);
  return sendPage(
    reply,
    page(
      {
        lang,
        title: words(lang).loginTitle,
        path: options.next ? `/login?next=${encodeURIComponent(options.next)}` : '/login',
        user: pageUserOf(request),
      },
      loginForm(lang, token, options.next, options.problem, options.username),
    ),
    options.status ?? 200,
  );
}

export function registerWebLoginRoutes(
  app: FastifyInstance,
  platform: Platform,
  options: { loginPerMinute: number },
): void {
  app.get('/login', { config: { public: true, html: true } }, (request, reply) =>
    showLogin(request, reply, { next: safeNext((request.query as { next?: unknown }).next, '') }),
  );

  app.post(
    '/login',
    {
      config: {
        public: true,
        html: true,
        rateLimit: { max: options.loginPerMinute, timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
      const lang = requestLang(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const text = (key: string, max: number) =>
        typeof body[key] === 'string' ? (body[key] as string).slice(0, max) : '';
      const username = text('username', limits.usernameMaxLength);
      const password = text('password', limits.passwordMaxLength);
      const next = safeNext(body.next, '');
      if (!sameSecret(text('_csrf', 100), request.cookies[loginCsrfCookie])) {
        const problem =
          lang === 'en'
            ? 'The sign-in form has expired; please try again.'
            : '登录表单已过期或来源不明，请重新登录。';
        return showLogin(request, reply, { next, problem, username, status: 403 });
      }
      try {
        const result = await logIn(platform, { username, password, ip: request.ip });
        setSessionCookie(request, reply, result.sessionId);
        reply.clearCookie(loginCsrfCookie, { path: '/login' });
        // Staff work in the console (src/web); its shell sends anyone signed out back here.
        return reply.redirect(withLang(next || '/console', lang), 303);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const wait = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
        if (typeof wait === 'number') reply.header('retry-after', String(wait));
        const problem = lang === 'en' ? error.messageEn : error.messageZh;
        return showLogin(request, reply, { next, problem, username, status: statusOf(error.code) });
      }
    },
  );

  app.post('/logout', { config: { public: true, html: true } }, async (request, reply) => {
    const lang = requestLang(request);
    if (request.principal && request.sessionId) {
      requireFormCsrf(request, ((request.body ?? {}) as { _csrf?: string })._csrf);
      await logOut(platform, request.principal, request.sessionId);
    }
    clearSessionCookie(request, reply);
    return reply.redirect(withLang('/check', lang), 303);
  });
}

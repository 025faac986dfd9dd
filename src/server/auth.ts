import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../core/errors.js';
import { limits } from '../core/limits.js';
import type { Platform } from '../services/platform/platform.js';
import type { Principal } from '../services/accounts/principal.js';
import { resolveSession } from '../services/accounts/resolve-session.js';
import { resolveToken } from '../services/accounts/resolve-token.js';

export const sessionCookie = 'gongkai_session';
export const csrfHeader = 'x-csrf-token';

type Staff = Principal & { kind: 'staff' };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Staff | null;
    sessionId: string | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session or token. */
    public?: boolean;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const unauthenticated = () =>
  new DomainError('UNAUTHENTICATED', '请先登录或提供访问令牌', 'log in or send an API token first');

/**
 * Who is calling: `Authorization: Bearer gk_…` (integrations; exempt from CSRF, since browsers never add it on
 * their own) or the session cookie. Cookie-authenticated writes must echo the session's CSRF token in X-CSRF-Token
 * (synchronizer token). Every route that is not marked public answers 401 without one or the other.
 */
export function registerAuth(app: FastifyInstance, platform: Platform): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request) => {
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.principal = await resolveToken(
        platform,
        authorization.slice('Bearer '.length).trim(),
        request.ip,
      );
    } else {
      const sessionId = request.cookies[sessionCookie];
      if (sessionId) {
        const resolved = await resolveSession(platform, sessionId, request.ip);
        if (resolved) {
          request.principal = resolved.principal;
          request.sessionId = sessionId;
          request.csrfToken = resolved.csrfToken;
        }
      }
    }
    // Unknown addresses answer 404 (a page for people, JSON under /api/), not a demand to sign in.
    if (request.routeOptions.config.public || request.is404) return;
    if (!request.principal) throw unauthenticated();
    if (request.principal.via === 'session' && unsafeMethods.has(request.method)) {
      const sent = request.headers[csrfHeader];
      if (typeof sent !== 'string' || !request.csrfToken || !sameSecret(sent, request.csrfToken)) {
        throw new DomainError('CSRF_TOKEN_INVALID', '缺少或错误的 CSRF 令牌', 'missing or wrong CSRF token');
      }
    }
  });
}

/** The authenticated staff member (routes not marked public always have one). */
export function staffOf(request: FastifyRequest): Staff {
  if (!request.principal) throw unauthenticated();
  return request.principal;
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure over https, ending at the session's absolute end. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, sessionId: string): void {
  reply.setCookie(sessionCookie, sessionId, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    maxAge: Math.floor(limits.sessionAbsoluteMs / 1000),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(sessionCookie, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
  });
}

/**
 * The console's one way to the server: openapi-fetch over the types generated from the server's own OpenAPI
 * document (schema.d.ts, `npm run api:client`), so a changed route is a type error here. Cookie-authenticated
 * writes carry the session's CSRF token; a 401 sends the user to the sign-in page.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

export type { paths };

/** The body of every error answer (src/server/presenters/error.ts). */
export interface ApiErrorBody {
  error: { code: string; message: string; messageEn: string; details?: unknown };
}

/** A refused or failed call, with the server's words in both languages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details?: unknown,
  ) {
    super(messageEn);
  }
}

let csrfToken: string | null = null;

/** The session's CSRF token, from GET /api/v1/auth/me (session.ts). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const csrf: Middleware = {
  onRequest({ request }) {
    if (unsafe.has(request.method) && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};

/** Where to sign in again, coming back to the page the user was on. */
export function signInUrl(): string {
  const here = window.location.pathname + window.location.search;
  return `/login?next=${encodeURIComponent(here)}`;
}

const signedOut: Middleware = {
  onResponse({ response }) {
    if (response.status === 401) window.location.assign(signInUrl());
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(csrf, signedOut);

function isErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiErrorBody).error?.code === 'string' &&
    typeof (value as ApiErrorBody).error?.message === 'string'
  );
}

/** The data of a call, or an ApiError in words (never a raw body or a stack). */
export async function must<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<NonNullable<T>> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      '无法连接服务器，请检查网络后重试。',
      'The server could not be reached; check the connection and try again.',
    );
  }
  const { data, error, response } = result;
  if (response.ok) return data as NonNullable<T>;
  if (isErrorBody(error)) {
    const e = error.error;
    throw new ApiError(response.status, e.code, e.message, e.messageEn, e.details);
  }
  throw new ApiError(
    response.status,
    response.status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST',
    response.status >= 500 ? '服务器暂时出错，请稍后再试。' : '请求未能完成。',
    response.status >= 500 ? 'The server failed; please try again later.' : 'The request was refused.',
  );
}

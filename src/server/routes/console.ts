/**
 * The staff console (src/web, built by Vite into dist/web/console): hashed assets under /console/assets/ with a
 * year-long immutable cache, and index.html for /console and every path below it (the app routes in the
 * browser), never cached. The shell holds no data: it reads everything through the JSON API with the session
 * cookie, and sends the session's CSRF token on writes. Signed-out visitors are sent to /login first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorPage } from '../pages/error-page.js';
import { requestLang, sendPage } from './web-shared.js';

/** Where `npm run build` puts the console: dist/web/console, found from dist/server or from src/server. */
export function defaultConsoleDir(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const fromDist = /[\\/]dist[\\/]server[\\/]routes[\\/]$/.test(here);
  return fileURLToPath(
    new URL(fromDist ? '../../web/console/' : '../../../dist/web/console/', import.meta.url),
  );
}

/**
 * Only the console's own scripts and styles (no inline script, no eval, nothing from elsewhere); API calls to
 * this origin only.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/** Serves the built console. Without a build the console paths answer 503 saying how to build it. */
export async function registerConsoleRoutes(app: FastifyInstance, dir = defaultConsoleDir()): Promise<void> {
  const indexPath = `${dir}index.html`;
  const built = existsSync(indexPath);
  // Read once: the file only changes with a new build, which needs a restart anyway.
  const index = built ? readFileSync(indexPath) : null;

  await app.register(async (scope) => {
    // Assets and the shell are public (no data in them); hidden from the OpenAPI document.
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), public: true, html: true };
      route.schema = { ...(route.schema ?? {}), hide: true };
    });
    if (built) {
      await scope.register(fastifyStatic, {
        root: `${dir}assets`,
        prefix: '/console/assets/',
        // File names carry their content hash: a new build is a new name.
        immutable: true,
        maxAge: '365d',
        // .br and .gz beside each file (written by the build) are sent to browsers that accept them.
        preCompressed: true,
        index: false,
        wildcard: true,
      });
      scope.addHook('onSend', async (request, reply, payload) => {
        if (request.url.startsWith('/console/assets/')) reply.header('content-security-policy', CONSOLE_CSP);
        return payload;
      });
    }
    const shell = (request: FastifyRequest, reply: FastifyReply) => {
      if (!index) {
        const lang = requestLang(request);
        return sendPage(
          reply.header('retry-after', '60'),
          errorPage(
            lang,
            503,
            '控制台尚未构建：请在服务器上运行 npm run build 后重新启动。',
            'The console has not been built: run npm run build on the server, then restart it.',
          ),
          503,
        );
      }
      if (!request.principal) {
        const next = encodeURIComponent(request.url.split('#')[0] ?? '/console');
        return reply.redirect(`/login?next=${next}`, 303);
      }
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('content-security-policy', CONSOLE_CSP)
        .header('referrer-policy', 'same-origin')
        .send(index);
    };
    scope.get('/console', shell);
    scope.get('/console/*', (request, reply) => {
      // A missing asset is a 404, not the app (a stale tab asking for an old chunk must not get HTML).
      if (request.url.startsWith('/console/assets/')) return reply.callNotFound();
      return shell(request, reply);
    });
  });
}

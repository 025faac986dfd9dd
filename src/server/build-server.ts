import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { DomainError } from '../core/errors.js';
import { limits } from '../core/limits.js';
import { IsolatedChecker, type IsolatedCheckOptions } from '../services/reports/isolated-check.js';
import type { Platform } from '../services/platform/platform.js';
import { registerAuth } from './auth.js';
import type { TrustProxy } from './config.js';
import { registerEdgeValidation } from './edge-validation.js';
import { statusOf } from './error-status.js';
import { presentError } from './presenters/error.js';
import { registerReportFiguresImportRoutes } from './routes/report-figures-import.js';
import { registerAgencyRoutes } from './routes/agencies.js';
import { registerAnswerDocumentRoutes } from './routes/answer-documents.js';
import { registerAnswerTemplateRoutes } from './routes/answer-templates.js';
import { registerApplicationRoutes } from './routes/applications.js';
import { registerAuditRoutes } from './routes/audit.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerBatchRoutes } from './routes/batch.js';
import { registerConsoleRoutes } from './routes/console.js';
import { registerCheckRoutes } from './routes/check.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerPublicApplicationRoutes } from './routes/public-applications.js';
import { registerDocumentRoutes } from './routes/publishing/documents.js';
import { portalNotFound, registerPortalRoutes, type PortalOptions } from './routes/portal.js';
import { registerReportRoutes } from './routes/reports.js';
import { registerTokenRoutes } from './routes/tokens.js';
import { registerUserAccessRoutes } from './routes/user-access.js';
import { registerUserRoutes } from './routes/users.js';
import { registerWebLoginRoutes } from './routes/web-login.js';
import { requestLang, sendPage } from './routes/web-shared.js';
import { errorPage } from './pages/error-page.js';

export interface ServerDeps {
  platform: Platform;
  /** pino options, or false for no logs (tests). */
  logger?: FastifyServerOptions['logger'];
  /** Which proxies' X-Forwarded-For is believed (see config.ts): none, a hop count, or addresses/CIDRs. */
  trustProxy?: TrustProxy;
  /** Login attempts per client IP and minute (on top of the per-account lockout). */
  loginPerMinute?: number;
  /** Public online submissions per client IP and minute. */
  publicSubmitPerMinute?: number;
  /** Public status look-ups per client IP and minute. */
  publicStatusPerMinute?: number;
  /** Public report checks (/check and its re-sends) per client IP and minute. */
  checkPerMinute?: number;
  /**
   * The report checker's worker threads (/check, /batch): how many, the time limit per file, the heap of each.
   * Started on the first check, closed with the server.
   */
  reportCheck?: IsolatedCheckOptions;
  /** A report checker made by the caller instead (tests); the server closes it with itself all the same. */
  reportChecker?: IsolatedChecker;
  /** The built staff console (default dist/web/console, see routes/console.ts). */
  consoleDir?: string;
  /** The public portal's limits, form secret and public origin (routes/portal.ts). */
  portal?: Partial<PortalOptions>;
}

/** Log options: structured, and without personal data (no IPs, cookies, authorization headers, bodies). */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

const fastifyCodes: Record<number, [string, string, string]> = {
  400: ['BAD_REQUEST', '请求无效', 'bad request'],
  404: ['NOT_FOUND', '未找到', 'not found'],
  413: ['PAYLOAD_TOO_LARGE', '请求体过大', 'payload too large'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型', 'unsupported media type'],
  429: ['RATE_LIMITED', '请求过于频繁，请稍后再试', 'too many requests, try again later'],
};

/** Errors on the HTML pages: a page in the reader's language saying what happened, never a stack trace. */
function htmlError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const lang = requestLang(request);
  if (error instanceof DomainError) {
    if (statusOf(error.code) === 503) reply.header('retry-after', '10');
    return sendPage(
      reply,
      errorPage(lang, statusOf(error.code), error.messageZh, error.messageEn),
      statusOf(error.code),
    );
  }
  const status = error.statusCode ?? 500;
  if (status === 413) {
    const mb = Math.round(limits.reportUploadMaxBytes / 1024 / 1024);
    return sendPage(
      reply,
      errorPage(
        lang,
        413,
        `上传的内容太大：单个文件不能超过 ${mb} MB。`,
        `The upload is too large: at most ${mb} MB per file.`,
      ),
      413,
    );
  }
  const known = fastifyCodes[status];
  if (known && status < 500) return sendPage(reply, errorPage(lang, status, known[1], known[2]), status);
  request.log.error({ err: error }, 'unhandled error');
  return sendPage(
    reply,
    errorPage(lang, 500, '服务器内部错误，请稍后再试。', 'Internal server error; please try again later.'),
    500,
  );
}

/**
 * Fastify's form of the proxy setting. A hop count N believes the N nearest proxies (the socket's address is hop
 * 0): the client is the address the outermost of them appended to X-Forwarded-For, whatever the client wrote
 * before it. A list believes only those addresses and ranges.
 */
function trustProxyOption(
  setting: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}

/** The HTTP application: security headers, cookies, auth, OpenAPI docs at /api/docs, the JSON API under /api/v1. */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: trustProxyOption(deps.trustProxy ?? false),
    bodyLimit: 1024 * 1024,
  });
  // Bodies are validated by zod in the use cases (coded errors); JSON Schemas here only document the API.
  app.setValidatorCompiler(() => (value) => ({ value }));
  // Likewise the response schemas document what the presenters send; replies are sent as they are.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (request.routeOptions.config?.html) return htmlError(error, request, reply);
    if (error instanceof DomainError) {
      const wait = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (typeof wait === 'number') reply.header('retry-after', String(wait));
      return reply.code(statusOf(error.code)).send(presentError(error));
    }
    const status = error.statusCode ?? 500;
    const known = fastifyCodes[status];
    if (known && status < 500) {
      return reply
        .code(status)
        .send(presentError({ code: known[0], messageZh: known[1], messageEn: known[2], details: undefined }));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(
      presentError({
        code: 'INTERNAL_ERROR',
        messageZh: '服务器内部错误',
        messageEn: 'internal server error',
        details: undefined,
      }),
    );
  });
  const portalOptions: PortalOptions = {
    applyPerAddressPerHour: 20,
    applyPerIdentityPerDay: 5,
    statusPerMinute: deps.publicStatusPerMinute ?? 30,
    ...deps.portal,
  };
  // JSON for the API; a page for people everywhere else.
  app.setNotFoundHandler((request, reply) =>
    request.url.startsWith('/api/')
      ? reply.code(404).send(
          presentError({
            code: 'NOT_FOUND',
            messageZh: '未找到',
            messageEn: 'not found',
            details: undefined,
          }),
        )
      : portalNotFound(deps.platform, request, reply, portalOptions),
  );

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // swagger-ui needs inline styles and its own scripts
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      // 3.1: its schemas are JSON Schema 2020-12, what zod writes (nullable enums, type arrays) without rewriting.
      openapi: '3.1.0',
      info: { title: 'Gongkai API 政府信息公开工作平台', version: '1' },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'gk_… API token' },
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'gongkai_session' },
        },
      },
    },
  });
  // The documentation is public (it describes the API, it holds no data).
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config ?? {}), public: true };
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  // The readers run in worker threads, never on this one: a hostile upload cannot block or kill the server.
  const checker = deps.reportChecker ?? new IsolatedChecker(deps.reportCheck);
  app.addHook('onClose', () => checker.close());

  registerAuth(app, deps.platform);
  registerEdgeValidation(app);
  registerHealthRoutes(app, deps.platform);
  registerAuthRoutes(app, deps.platform, { loginPerMinute: deps.loginPerMinute ?? 30 });
  registerAgencyRoutes(app, deps.platform);
  registerUserRoutes(app, deps.platform);
  registerUserAccessRoutes(app, deps.platform);
  registerTokenRoutes(app, deps.platform);
  registerAuditRoutes(app, deps.platform);
  registerReportFiguresImportRoutes(app, deps.platform);
  registerAnswerTemplateRoutes(app, deps.platform);
  registerAnswerDocumentRoutes(app, deps.platform);
  registerApplicationRoutes(app, deps.platform);
  registerReportRoutes(app, deps.platform);
  registerDocumentRoutes(app, deps.platform);
  registerPublicApplicationRoutes(app, deps.platform, {
    submitPerMinute: deps.publicSubmitPerMinute ?? 10,
    statusPerMinute: deps.publicStatusPerMinute ?? 30,
  });
  // The HTML pages, in a scope of their own: only they parse form bodies (the JSON API keeps answering 415).
  await app.register(async (web) => {
    // Pages, not API: kept out of the OpenAPI document.
    web.addHook('onRoute', (route) => {
      route.schema = { ...(route.schema ?? {}), hide: true };
    });
    await web.register(formbody);
    // Uploads are read into memory under the limits of src/core/limits.ts; nothing is written to disk.
    await web.register(multipart, {
      limits: { fileSize: limits.reportUploadMaxBytes, files: limits.batchMaxFiles },
    });
    registerCheckRoutes(web, checker, { checkPerMinute: deps.checkPerMinute ?? limits.checkPerMinute });
    registerWebLoginRoutes(web, deps.platform, { loginPerMinute: deps.loginPerMinute ?? 30 });
    registerBatchRoutes(web, deps.platform, checker);
    // The public portal, with its own error pages.
    await web.register(async (portal) => registerPortalRoutes(portal, deps.platform, portalOptions));
  });
  // The staff console: a Vue app over this API (src/web), built into static files.
  await registerConsoleRoutes(app, deps.consoleDir);
  return app;
}

/**
 * The public 政府信息公开专栏 (docs/portal.md): the district's portal and each agency's, search, the online
 * application form with its receipt, and the status look-up. Server-rendered, no scripts; every error is a page.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors.js';
import {
  facetNames,
  type FacetName,
  type SearchFilters,
  type SearchResult,
} from '../../core/search/model.js';
import type { PublicApplicationInput } from '../../services/applications/application-input.js';
import { getPublicStatus } from '../../services/applications/get-public-status.js';
import type { Platform } from '../../services/platform/platform.js';
import { checkFormToken, issueFormToken, type FormTokenPolicy } from '../../services/portal/form-token.js';
import {
  listPortalAgencies,
  portalAgencyByCode,
  portalPageNotFound,
  type PortalAgency,
} from '../../services/portal/portal-directory.js';
import {
  getPublishedReport,
  listPublishedReportYears,
  listPublishedReports,
} from '../../services/portal/published-reports.js';
import {
  agencyFeedEntries,
  countSitemapDocuments,
  SITEMAP_MAX_URLS,
  sitemapDocuments,
} from '../../services/portal/feeds.js';
import { atomFeed, sitemap, sitemapIndex, type SitemapUrl } from '../pages/portal/feeds.js';
import { ITEM_LABELS, label } from '../pages/portal/labels.js';
import { submitOnlineApplication } from '../../services/portal/submit-online-application.js';
import { searchDocuments } from '../../services/search/search-documents.js';
import { statusOf } from '../error-status.js';
import { html } from '../pages/html.js';
import { langOf, withLang, type Lang } from '../pages/i18n.js';
import {
  APPLY_FIELDS,
  applyForm,
  receiptBody,
  statusForm,
  statusResult,
  type ApplyField,
  type ApplyValues,
} from '../pages/portal/apply.js';
import { t, portalPage, type Crumb } from '../pages/portal/layout.js';
import {
  agencyHome,
  agencyPath,
  districtHome,
  emptyColumnReason,
  errorBody,
  guidePage,
  listPage,
  notFoundBody,
  reportPage,
  reportsListPage,
  rulesPage,
} from '../pages/portal/pages.js';
import { PORTAL_CSS } from '../pages/portal/style.js';
import { documentPage } from '../pages/portal/document.js';
import { getPortalDocument } from '../../services/portal/get-document.js';
import { PAGE_CSP, safeNext } from './web-shared.js';

export interface PortalOptions {
  /** Secret that signs the application form's tokens (random per process when absent). */
  formSecret?: Uint8Array;
  formTokenPolicy?: FormTokenPolicy;
  /** Online applications per client address and hour (the flood guard on top of the token). */
  applyPerAddressPerHour: number;
  /** Online applications per identity, agency and day. */
  applyPerIdentityPerDay: number;
  /** Status look-ups per client address and minute (guards query codes against guessing). */
  statusPerMinute: number;
  /** The public origin for canonical URLs, feeds and the sitemap (default: from the request's Host). */
  publicOrigin?: string;
  /** URLs in one sitemap file before the sitemap becomes an index (sitemaps.org: 50,000). */
  sitemapMaxUrls?: number;
}

const route = { public: true, html: true } as const;
const ELDER_COOKIE = 'gk_elder';
const PAGE_SIZE = 20;

/** A counter per key and fixed window, kept in memory (one process; resets with it). */
class WindowLimiter {
  private readonly hits = new Map<string, { start: number; n: number }>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}
  /** Counts one more for `key`; false when over the limit. */
  take(key: string, now: number): boolean {
    const entry = this.hits.get(key);
    if (!entry || now - entry.start >= this.windowMs) {
      if (this.hits.size > 100_000) this.hits.clear();
      this.hits.set(key, { start: now, n: 1 });
      return true;
    }
    entry.n += 1;
    return entry.n <= this.max;
  }
}

function query(request: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

function bodyFields(request: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((request.body ?? {}) as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v.slice(0, 6000);
  }
  return out;
}

function isElder(request: FastifyRequest): boolean {
  return request.cookies[ELDER_COOKIE] === '1';
}

/** Sends a portal page; a GET page gets an ETag (304 when unchanged) and a short public cache life. */
function sendPortal(
  request: FastifyRequest,
  reply: FastifyReply,
  body: string,
  options: { status?: number; cache?: boolean } = {},
): FastifyReply {
  reply
    .code(options.status ?? 200)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', PAGE_CSP)
    .header('vary', 'Cookie');
  if (options.cache === false || (options.status ?? 200) !== 200 || request.method !== 'GET') {
    return reply.header('cache-control', 'no-store').send(body);
  }
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  reply.header('etag', etag).header('cache-control', 'public, max-age=60');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.send(body);
}

/** Sends a feed or sitemap: its XML type, an ETag (304 when unchanged) and the portal pages' cache life. */
function sendXml(request: FastifyRequest, reply: FastifyReply, type: string, body: string): FastifyReply {
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  reply
    .code(200)
    .type(`${type}; charset=utf-8`)
    .header('etag', etag)
    .header('cache-control', 'public, max-age=60');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.send(body);
}

interface Context {
  lang: Lang;
  agencies: PortalAgency[];
  byId: Map<string, PortalAgency>;
  district: PortalAgency;
  origin: string;
  elder: boolean;
}

async function contextOf(
  platform: Platform,
  request: FastifyRequest,
  options: PortalOptions,
): Promise<Context> {
  const agencies = await listPortalAgencies(platform);
  const district = agencies.find((a) => a.parentId === null);
  if (!district) throw portalPageNotFound();
  return {
    lang: langOf(query(request).lang),
    agencies,
    byId: new Map(agencies.map((a) => [a.id, a])),
    district,
    origin: options.publicOrigin ?? `${request.protocol}://${request.host}`,
    elder: isElder(request),
  };
}

function pageOf(
  ctx: Context,
  meta: {
    title: string;
    description: string;
    path: string;
    crumbs: Crumb[];
    noindex?: boolean;
    feed?: string;
  },
  body: Parameters<typeof portalPage>[1],
): string {
  return portalPage(
    {
      lang: ctx.lang,
      title: meta.title,
      description: meta.description,
      path: meta.path,
      origin: ctx.origin,
      siteName: ctx.district.name,
      crumbs: meta.crumbs,
      elder: ctx.elder,
      ...(meta.noindex ? { noindex: true } : {}),
      ...(meta.feed
        ? { feed: { href: meta.feed, title: t(ctx.lang, '最新公开（Atom）', 'Latest (Atom)') } }
        : {}),
    },
    body,
  );
}

const home = (ctx: Context): Crumb => ({ href: '/gk', label: t(ctx.lang, '政府信息公开', 'Disclosure') });
const agencyCrumb = (a: PortalAgency): Crumb => ({ href: agencyPath(a), label: a.name });

const FILTER_KEYS: FacetName[] = [...facetNames];

function filtersOf(params: Record<string, string>): SearchFilters {
  const filters: SearchFilters = {};
  for (const key of FILTER_KEYS) if (params[key]) filters[key] = params[key];
  return filters;
}

async function runList(
  platform: Platform,
  params: Record<string, string>,
  agencyIds: string[] | undefined,
): Promise<SearchResult> {
  return searchDocuments(platform, {
    text: params.q ?? '',
    ...(agencyIds ? { agencyIds } : {}),
    filters: filtersOf(params),
    order: params.order === 'date' || !params.q ? 'date' : 'relevance',
    cursor: params.after ?? null,
    limit: PAGE_SIZE,
  });
}

/** Bad search input in words a person understands (the zod details are for the API). */
function friendlySearchError(error: unknown): unknown {
  if (error instanceof DomainError && error.code === 'VALIDATION_FAILED') {
    return new DomainError(
      'VALIDATION_FAILED',
      '检索条件无效：请检查筛选条件（年份为四位数字）后重试。',
      'The search options are not valid: check the filters (a year has four digits) and try again.',
    );
  }
  if (error instanceof DomainError && error.code === 'CURSOR_INVALID') {
    return new DomainError(
      'CURSOR_INVALID',
      '翻页链接无效或已过期：请从第一页重新开始。',
      'The page link is not valid or has expired: start again from the first page.',
    );
  }
  return error;
}

const FIELD_OF: Record<string, ApplyField> = {
  type: 'applicantType',
  name: 'name',
  identityKind: 'identityKind',
  identityNumber: 'identityNumber',
  phone: 'phone',
  email: 'email',
  address: 'address',
  contactPerson: 'contactPerson',
  title: 'title',
  documentNumber: 'documentNumber',
  description: 'description',
  medium: 'medium',
  delivery: 'delivery',
};

const FRIENDLY: Record<ApplyField, [string, string]> = {
  applicantType: ['请选择申请人类型', 'Choose who is applying'],
  name: ['请填写姓名或名称', 'Enter your name'],
  identityKind: ['请选择身份证明的种类', 'Choose the kind of identity document'],
  identityNumber: ['请填写证件号码', 'Enter the identity number'],
  phone: ['联系电话格式有误', 'Enter a valid telephone number'],
  email: ['电子邮箱格式有误，例如 name@example.com', 'Enter an e-mail address like name@example.com'],
  address: ['通信地址太长', 'The address is too long'],
  contactPerson: ['联系人太长', 'The contact name is too long'],
  title: ['信息名称太长', 'The name is too long'],
  documentNumber: ['文号太长', 'The document number is too long'],
  description: ['请描述所需的政府信息', 'Describe the information you need'],
  medium: ['请选择获取信息的形式', 'Choose the form of the information'],
  delivery: ['请选择获取信息的途径', 'Choose how to receive it'],
};

/** Field messages from a validation failure, in the page's language. */
function fieldErrors(error: DomainError, lang: Lang): Partial<Record<ApplyField | 'form', string>> {
  type Issue = { path: string; message: string; messageEn?: string; own?: boolean };
  const issues = ((error.details as { issues?: Issue[] } | undefined)?.issues ?? []) as Issue[];
  const out: Partial<Record<ApplyField | 'form', string>> = {};
  for (const issue of issues) {
    const field = FIELD_OF[issue.path.split('.').pop() ?? ''];
    if (!field || out[field]) continue;
    // The validation layer gives each issue in both languages and says whether the words are written for people.
    if (issue.messageEn !== undefined) {
      out[field] = issue.own
        ? lang === 'en'
          ? issue.messageEn
          : issue.message
        : t(lang, ...FRIENDLY[field]);
      continue;
    }
    const bilingual = issue.message.split(' / ');
    out[field] =
      bilingual.length === 2 && /[\u4e00-\u9fff]/.test(bilingual[0]!)
        ? lang === 'en'
          ? bilingual[1]!
          : bilingual[0]!
        : t(lang, ...FRIENDLY[field]);
  }
  if (Object.keys(out).length === 0) out.form = error.text(lang);
  return out;
}

function applicationInput(values: ApplyValues, key: string): PublicApplicationInput {
  const opt = (v: string | undefined) => (v && v.trim() ? v.trim() : null);
  return {
    applicant: {
      type: (values.applicantType ?? '') as never,
      name: values.name ?? '',
      identityKind: (values.identityKind ?? '') as never,
      identityNumber: values.identityNumber ?? '',
      phone: opt(values.phone),
      email: opt(values.email),
      address: opt(values.address),
      contactPerson: opt(values.contactPerson),
    },
    request: {
      title: opt(values.title),
      documentNumber: opt(values.documentNumber),
      description: values.description ?? '',
    },
    form: { medium: (values.medium ?? '') as never, delivery: (values.delivery ?? '') as never },
    idempotencyKey: key,
  };
}

export function registerPortalRoutes(app: FastifyInstance, platform: Platform, options: PortalOptions): void {
  const secret = options.formSecret ?? randomBytes(32);
  const perAddress = new WindowLimiter(options.applyPerAddressPerHour, 3_600_000);
  const statusLimiter = new WindowLimiter(options.statusPerMinute, 60_000);

  // Errors of the portal are portal pages in the reader's language (never JSON, never a stack trace).
  app.setErrorHandler(async (error: Error & { statusCode?: number }, request, reply) => {
    const ctx = await contextOf(platform, request, options).catch(() => null);
    const lang = langOf(query(request).lang);
    const domain = error instanceof DomainError ? error : null;
    const status = domain ? statusOf(domain.code) : (error.statusCode ?? 500);
    if (status >= 500) request.log.error({ err: error }, 'portal error');
    const [zh, en] = domain
      ? [domain.messageZh, domain.messageEn]
      : status === 429
        ? ['请求过于频繁，请稍后再试。', 'Too many requests; try again later.']
        : status < 500
          ? ['请求无效。', 'The request is not valid.']
          : ['服务器内部错误，请稍后再试。', 'Internal server error; please try again later.'];
    const body = status === 404 ? notFoundBody(lang, zh, en) : errorBody(lang, status, zh, en);
    const title =
      status === 404
        ? t(lang, '没有找到这个页面', 'Page not found')
        : t(lang, '请求未能完成', 'Request refused');
    if (!ctx) {
      return reply
        .code(status)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(
          portalPage(
            {
              lang,
              title,
              description: title,
              path: '/gk',
              origin: '',
              siteName: '',
              crumbs: [],
              elder: false,
              noindex: true,
            },
            body,
          ),
        );
    }
    return sendPortal(
      request,
      reply,
      pageOf(ctx, { title, description: title, path: '/gk', crumbs: [home(ctx)], noindex: true }, body),
      {
        status,
      },
    );
  });

  app.get('/assets/portal.css', { config: { public: true } }, (request, reply) => {
    const etag = `"${createHash('sha1').update(PORTAL_CSS).digest('base64url')}"`;
    reply
      .type('text/css; charset=utf-8')
      .header('etag', etag)
      .header('cache-control', 'public, max-age=3600');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.send(PORTAL_CSS);
  });

  app.get('/gk/elder', { config: route }, (request, reply) => {
    const params = query(request);
    const on = params.on === '1';
    reply.header(
      'set-cookie',
      `${ELDER_COOKIE}=${on ? '1' : '0'}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly`,
    );
    return reply.redirect(safeNext(params.next, '/gk'), 303);
  });

  app.get('/gk', { config: route }, async (request, reply) => {
    const ctx = await contextOf(platform, request, options);
    const latest = await searchDocuments(platform, {
      text: '',
      filters: {},
      order: 'date',
      cursor: null,
      limit: 10,
    });
    const counts = new Map(latest.facets.agency.map((f) => [f.value, f.count]));
    const body = districtHome(
      { district: ctx.district, agencies: ctx.agencies, counts, latest: latest.hits },
      ctx.lang,
    );
    return sendPortal(
      request,
      reply,
      pageOf(
        ctx,
        {
          title: t(ctx.lang, '政府信息公开', 'Government information disclosure'),
          description: t(
            ctx.lang,
            `${ctx.district.name}各机关的政府信息公开专栏：公开指南、法定主动公开内容、年度报告和在线申请。`,
            `The disclosure pages of the agencies of ${ctx.district.name}: guides, published information, annual reports, online applications.`,
          ),
          path: '/gk',
          crumbs: [],
        },
        body,
      ),
    );
  });

  const searchHandler = (scoped: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = await contextOf(platform, request, options);
    const params = query(request);
    const agency = scoped
      ? portalAgencyByCode(ctx.agencies, (request.params as { code: string }).code)
      : null;
    const base = agency ? agencyPath(agency, '/search') : '/gk/search';
    const result = await runList(platform, params, agency ? [agency.id] : undefined).catch((e: unknown) => {
      throw friendlySearchError(e);
    });
    const { lang } = ctx;
    const listed = { ...params };
    const title = params.q
      ? t(lang, `检索：${params.q}`, `Search: ${params.q}`)
      : agency
        ? t(lang, `在${agency.name}的信息中检索`, `Search ${agency.name}`)
        : t(lang, '检索政府信息', 'Search government information');
    const body = listPage(
      {
        title,
        base,
        params: listed,
        result,
        facets: agency
          ? ['item', 'year', 'genre', 'validity']
          : ['agency', 'item', 'year', 'genre', 'validity'],
        agencies: ctx.byId,
        showAgency: !agency,
        searchable: true,
        emptyText: params.q
          ? t(
              lang,
              '没有找到相关信息。可以换用更短或更常用的词，或去掉筛选条件。',
              'Nothing found. Try shorter or more common words, or remove filters.',
            )
          : t(lang, '输入关键词、文号或索引号检索。', 'Type words, a document number or an index number.'),
        isFirstPage: !params.after,
      },
      lang,
    );
    return sendPortal(
      request,
      reply,
      pageOf(
        ctx,
        {
          title,
          description: title,
          path: `${base}${params.q ? `?q=${encodeURIComponent(params.q)}` : ''}`,
          crumbs: agency ? [home(ctx), agencyCrumb(agency)] : [home(ctx)],
          noindex: !!params.q,
        },
        body,
      ),
    );
  };
  app.get('/gk/search', { config: route }, searchHandler(false));
  app.get('/gk/a/:code/search', { config: route }, searchHandler(true));

  app.get<{ Params: { code: string } }>('/gk/a/:code', { config: route }, async (request, reply) => {
    const ctx = await contextOf(platform, request, options);
    const agency = portalAgencyByCode(ctx.agencies, request.params.code);
    const latest = await searchDocuments(platform, {
      text: '',
      agencyIds: [agency.id],
      filters: {},
      order: 'date',
      cursor: null,
      limit: 10,
      facets: false,
    });
    const years = await listPublishedReportYears(platform, agency.id);
    const body = agencyHome(
      { agency, count: latest.total, reportYears: years, latest: latest.hits, agencies: ctx.byId },
      ctx.lang,
    );
    return sendPortal(
      request,
      reply,
      pageOf(
        ctx,
        {
          title: agency.name,
          description: t(
            ctx.lang,
            `${agency.name}政府信息公开专栏：政府信息公开指南、制度、法定主动公开内容、年报和依申请公开。`,
            `${agency.name}: disclosure guide, rules, published information, annual reports and applications.`,
          ),
          path: agencyPath(agency),
          crumbs: [home(ctx)],
          feed: agencyPath(agency, '/feed.xml'),
        },
        body,
      ),
    );
  });

  app.get<{ Params: { code: string } }>('/gk/a/:code/guide', { config: route }, async (request, reply) => {
    const ctx = await contextOf(platform, request, options);
    const agency = portalAgencyByCode(ctx.agencies, request.params.code);
    const title = t(ctx.lang, '政府信息公开指南', 'Disclosure guide');
    return sendPortal(
      request,
      reply,
      pageOf(
        ctx,
        {
          title: `${title} · ${agency.name}`,
          description: t(
            ctx.lang,
            `${agency.name}政府信息公开指南：受理机构、申请方式、办理流程和收费。`,
            `${agency.name}: how to apply, the procedure and fees.`,
          ),
          path: agencyPath(agency, '/guide'),
          crumbs: [home(ctx), agencyCrumb(agency)],
        },
        guidePage(agency, ctx.lang),
      ),
    );
  });

  app.get<{ Params: { code: string } }>('/gk/a/:code/rules', { config: route }, async (request, reply) => {
    const ctx = await contextOf(platform, request, options);
    const agency = portalAgencyByCode(ctx.agencies, request.params.code);
    const title = t(ctx.lang, '政府信息公开制度', 'Disclosure rules');
    return sendPortal(
      request,
      reply,
      pageOf(
        ctx,
        {
          title: `${title} · ${agency.name}`,
          description: title,
          path: agencyPath(agency, '/rules'),
          crumbs: [home(ctx), agencyCrumb(agency)],
        },
        rulesPage(agency, ctx.lang),
      ),
    );
  });

  app.get<{ Params: { code: string } }>('/gk/a/:code/content', { config: route }, async (request, reply) => {
    const ctx = await contextOf(platform, request, options);
    const agency = portalAgencyByCode(ctx.agencies, request.params.code);
    const params = query(request);
    delete params.q;
    const result = await runList(platform, params, [agency.id]).catch((e: unknown) => {
      throw friendlySearchError(e);
    });
    const title = t(ctx.lang, '法定主动公开内容', 'Published information');
    const itemFeed = params.item && /^[A-Za-z0-9]{1,40}$/.test(params.item) ? params.item : null;
    const feed = itemFeed ? agencyPath(agency, `/feeds/${itemFeed}.xml`) : agencyPath(agency, '/feed.xml');
    const body = listPage(
      {
        title: `${agency.name} · ${title}`,
        intro: html`<p>
          <a href="${feed}" type="application/atom+xml"
            >${
              itemFeed
                ? t(
                    ctx.lang,
                    `订阅“${label(ITEM_LABELS, itemFeed, 'zh')}”（Atom）`,
                    `Subscribe to “${label(ITEM_LABELS, itemFeed, 'en')}” (Atom feed)`,
                  )
                : t(ctx.lang, '订阅最新公开（Atom）', 'Subscribe to the latest (Atom feed)')
            }</a
          >
        </p>`,
        base: agencyPath(agency, '/content'),
        params,
        result,
        facets: ['item', 'subject', 'genre', 'year', 'validity'],
        agencies: ctx.byId,
        showAgency: false,
        searchable: false,
        emptyText:
          result.total === 0 && Object.keys(filtersOf(params)).length === 0
            ? emptyColumnReason(agency, ctx.lang)
            : t(ctx.lang, '这个分类下暂无信息。', 'Nothing in this category yet.'),
        isFirstPage: !params.after,
      },
      ctx.lang,
    );
    return sendPortal(
      request,
      reply,
      pageOf(
        ctx,
        {
          title: `${title} · ${agency.name}`,
          description: t(
            ctx.lang,
            `${agency.name}依照条例第二十条主动公开的政府信息。`,
            `What ${agency.name} publishes under Article 20.`,
          ),
          path: agencyPath(agency, '/content'),
          crumbs: [home(ctx), agencyCrumb(agency)],
          feed,
        },
        body,
      ),
    );
  });

  app.get<{ Params: { code: string } }>('/gk/a/:code/reports', { config: route }, async (request, reply) => {
    const ctx = await contextOf(platform, request, options);
    const agency = portalAgencyByCode(ctx.agencies, request.params.code);
    const reports = await listPublishedReports(platform, agency.id);
    const title = t(ctx.lang, '政府信息公开年报', 'Annual reports');
    return sendPortal(
      request,
      reply,
      pageOf(
        ctx,
        {
          title: `${title} · ${agency.name}`,
          description: title,
          path: agencyPath(agency, '/reports'),
          crumbs: [home(ctx), agencyCrumb(agency)],
        },
        reportsListPage(agency, reports, ctx.lang),
      ),
    );
  });

  app.get<{ Params: { code: string; year: string } }>(
    '/gk/a/:code/reports/:year',
    { config: route },
    async (request, reply) => {
      const ctx = await contextOf(platform, request, options);
      const agency = portalAgencyByCode(ctx.agencies, request.params.code);
      if (!/^\d{4}$/.test(request.params.year)) throw portalPageNotFound();
      const year = Number(request.params.year);
      const compiled = await getPublishedReport(platform, agency.id, year);
      const title = t(ctx.lang, `${year}年政府信息公开工作年度报告`, `Annual report ${year}`);
      return sendPortal(
        request,
        reply,
        pageOf(
          ctx,
          {
            title: `${title} · ${agency.name}`,
            description: `${agency.name} ${title}`,
            path: agencyPath(agency, `/reports/${year}`),
            crumbs: [
              home(ctx),
              agencyCrumb(agency),
              { href: agencyPath(agency, '/reports'), label: t(ctx.lang, '年报', 'Annual reports') },
            ],
          },
          reportPage(agency, year, compiled, ctx.lang),
        ),
      );
    },
  );

  // Atom feeds: an agency's latest published documents, and those of one 第二十条 item.
  const sendFeed = async (
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    item: string | null,
  ): Promise<FastifyReply> => {
    const ctx = await contextOf(platform, request, options);
    const agency = portalAgencyByCode(ctx.agencies, code);
    const hits = await agencyFeedEntries(platform, agency.id, item);
    const itemName = item ? label(ITEM_LABELS, item, 'zh') : null;
    const self = item ? agencyPath(agency, `/feeds/${item}.xml`) : agencyPath(agency, '/feed.xml');
    const page = item
      ? `${agencyPath(agency, '/content')}?item=${encodeURIComponent(item)}`
      : agencyPath(agency);
    return sendXml(
      request,
      reply,
      'application/atom+xml',
      atomFeed({
        self: `${ctx.origin}${self}`,
        page: `${ctx.origin}${page}`,
        title: `${agency.name} · ${itemName ?? '最新公开的政府信息'}`,
        author: agency.name,
        fallbackUpdated: `${new Date(platform.clock().getTime()).toISOString().slice(0, 19)}Z`,
        entries: hits.map((h) => ({
          title: h.title.text,
          url: `${ctx.origin}/gk/d/${encodeURIComponent(h.id)}`,
          publishedOn: h.publishedOn,
          summary: [h.documentNumber, h.indexNumber].filter((v) => v).join(' · ') || null,
        })),
      }),
    );
  };
  app.get<{ Params: { code: string } }>('/gk/a/:code/feed.xml', { config: route }, (request, reply) =>
    sendFeed(request, reply, request.params.code, null),
  );
  app.get<{ Params: { code: string; file: string } }>(
    '/gk/a/:code/feeds/:file',
    { config: route },
    (request, reply) => {
      const item = /^([A-Za-z0-9]{1,40})\.xml$/.exec(request.params.file)?.[1];
      if (!item) throw portalPageNotFound();
      return sendFeed(request, reply, request.params.code, item);
    },
  );

  // The sitemap: the portal's pages and every published document; an index of files over the limit.
  const sitemapMax = options.sitemapMaxUrls ?? SITEMAP_MAX_URLS;
  const portalUrls = async (ctx: Context): Promise<SitemapUrl[]> => {
    const urls: SitemapUrl[] = ['/gk', '/gk/search', '/gk/status'].map((p) => ({ loc: `${ctx.origin}${p}` }));
    for (const agency of ctx.agencies) {
      for (const part of ['', '/guide', '/rules', '/content', '/reports', '/apply'])
        urls.push({ loc: `${ctx.origin}${agencyPath(agency, part)}` });
      for (const year of await listPublishedReportYears(platform, agency.id))
        urls.push({ loc: `${ctx.origin}${agencyPath(agency, `/reports/${year}`)}` });
    }
    return urls;
  };
  const documentUrls = async (ctx: Context, page: number): Promise<SitemapUrl[]> =>
    (await sitemapDocuments(platform, page, sitemapMax)).map((d) => ({
      loc: `${ctx.origin}/gk/d/${encodeURIComponent(d.id)}`,
      lastmod: d.publishedOn,
    }));
  app.get('/sitemap.xml', { config: route }, async (request, reply) => {
    const ctx = await contextOf(platform, request, options);
    const pages = await portalUrls(ctx);
    const documents = await countSitemapDocuments(platform);
    if (pages.length + documents <= sitemapMax) {
      const urls = [...pages, ...(documents > 0 ? await documentUrls(ctx, 1) : [])];
      return sendXml(request, reply, 'application/xml', sitemap(urls));
    }
    const files = [`${ctx.origin}/sitemaps/pages.xml`];
    for (let n = 1; n <= Math.ceil(documents / sitemapMax); n += 1)
      files.push(`${ctx.origin}/sitemaps/documents-${n}.xml`);
    return sendXml(request, reply, 'application/xml', sitemapIndex(files));
  });
  app.get<{ Params: { file: string } }>('/sitemaps/:file', { config: route }, async (request, reply) => {
    const ctx = await contextOf(platform, request, options);
    if (request.params.file === 'pages.xml')
      return sendXml(request, reply, 'application/xml', sitemap(await portalUrls(ctx)));
    const n = Number(/^documents-(\d{1,6})\.xml$/.exec(request.params.file)?.[1] ?? NaN);
    const documents = await countSitemapDocuments(platform);
    if (!Number.isInteger(n) || n < 1 || n > Math.ceil(documents / sitemapMax)) throw portalPageNotFound();
    return sendXml(request, reply, 'application/xml', sitemap(await documentUrls(ctx, n)));
  });

  app.get<{ Params: { id: string } }>('/gk/d/:id', { config: route }, async (request, reply) => {
    const ctx = await contextOf(platform, request, options);
    const doc = await getPortalDocument(platform, request.params.id);
    const agency = ctx.byId.get(doc.agencyId);
    return sendPortal(
      request,
      reply,
      pageOf(
        ctx,
        {
          title: doc.title,
          description:
            `${agency?.name ?? ''} ${doc.documentNumber ?? ''} ${doc.publishedOn} ${doc.bodyText.slice(0, 80)}`.trim(),
          path: `/gk/d/${encodeURIComponent(doc.id)}`,
          crumbs: agency
            ? [
                home(ctx),
                agencyCrumb(agency),
                {
                  href: agencyPath(agency, '/content'),
                  label: t(ctx.lang, '法定主动公开内容', 'Published information'),
                },
              ]
            : [home(ctx)],
        },
        documentPage(doc, agency, ctx.lang),
      ),
    );
  });

  const applyPage = (
    ctx: Context,
    agency: PortalAgency,
    values: ApplyValues,
    errors: Record<string, string>,
  ) =>
    pageOf(
      ctx,
      {
        title: `${t(ctx.lang, '依申请公开', 'Apply for information')} · ${agency.name}`,
        description: t(ctx.lang, `在线向${agency.name}申请政府信息公开。`, `Apply online to ${agency.name}.`),
        path: agencyPath(agency, '/apply'),
        crumbs: [home(ctx), agencyCrumb(agency)],
        noindex: Object.keys(errors).length > 0,
      },
      applyForm({ agency, token: issueFormToken(secret, platform.clock()), values, errors }, ctx.lang),
    );

  app.get<{ Params: { code: string } }>('/gk/a/:code/apply', { config: route }, async (request, reply) => {
    const ctx = await contextOf(platform, request, options);
    const agency = portalAgencyByCode(ctx.agencies, request.params.code);
    return sendPortal(request, reply, applyPage(ctx, agency, {}, {}), { cache: false });
  });

  app.post<{ Params: { code: string } }>('/gk/a/:code/apply', { config: route }, async (request, reply) => {
    const ctx = await contextOf(platform, request, options);
    const agency = portalAgencyByCode(ctx.agencies, request.params.code);
    const fields = bodyFields(request);
    const values: ApplyValues = {};
    for (const f of APPLY_FIELDS) if (fields[f] !== undefined) values[f] = fields[f];
    const refuse = (status: number, errors: Record<string, string>) =>
      sendPortal(request, reply, applyPage(ctx, agency, values, errors), { status, cache: false });
    let key: string;
    try {
      key = checkFormToken(secret, fields._token ?? '', platform.clock(), options.formTokenPolicy);
    } catch (error) {
      if (error instanceof DomainError) return refuse(400, { form: error.text(ctx.lang) });
      throw error;
    }
    if (!perAddress.take(request.ip, Date.now())) {
      return refuse(429, {
        form: t(
          ctx.lang,
          '从您的网络地址提交的申请过多，请一小时后再提交；您填写的内容已保留。',
          'Too many applications from your address: submit again in an hour; what you entered is kept.',
        ),
      });
    }
    try {
      const result = await submitOnlineApplication(
        platform,
        agency.id,
        applicationInput(values, key),
        request.ip,
        options.applyPerIdentityPerDay,
      );
      const body = receiptBody(
        agency,
        {
          trackingNumber: result.record.trackingNumber,
          queryCode: result.queryCode,
          replayed: result.replayed,
          registeredOn: result.record.registeredOn,
        },
        ctx.lang,
      );
      return sendPortal(
        request,
        reply,
        pageOf(
          ctx,
          {
            title: t(ctx.lang, '申请已提交', 'Application submitted'),
            description: t(ctx.lang, '申请回执', 'Receipt'),
            path: agencyPath(agency, '/apply'),
            crumbs: [home(ctx), agencyCrumb(agency)],
            noindex: true,
          },
          body,
        ),
        { status: result.replayed ? 200 : 201, cache: false },
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION_FAILED') {
        return refuse(400, fieldErrors(error, ctx.lang));
      }
      if (error instanceof DomainError && error.code === 'RATE_LIMITED') {
        return refuse(429, { form: error.text(ctx.lang) });
      }
      throw error;
    }
  });

  const statusPage = (ctx: Context, body: Parameters<typeof portalPage>[1]) =>
    pageOf(
      ctx,
      {
        title: t(ctx.lang, '查询申请办理状态', 'Application status'),
        description: t(
          ctx.lang,
          '凭受理编号和查询码查询政府信息公开申请的办理进度。',
          'Follow an application with its tracking number and query code.',
        ),
        path: '/gk/status',
        crumbs: [home(ctx)],
      },
      body,
    );

  app.get('/gk/status', { config: route }, async (request, reply) => {
    const ctx = await contextOf(platform, request, options);
    return sendPortal(request, reply, statusPage(ctx, statusForm(ctx.lang)));
  });

  app.post('/gk/status', { config: route }, async (request, reply) => {
    const ctx = await contextOf(platform, request, options);
    const fields = bodyFields(request);
    const number = (fields.number ?? '').trim().slice(0, 64);
    if (!statusLimiter.take(request.ip, Date.now())) {
      return sendPortal(
        request,
        reply,
        statusPage(
          ctx,
          statusForm(ctx.lang, {
            number,
            problem: t(
              ctx.lang,
              '查询过于频繁，请一分钟后再试。',
              'Too many look-ups; try again in a minute.',
            ),
          }),
        ),
        { status: 429, cache: false },
      );
    }
    try {
      const status = await getPublicStatus(platform, number, (fields.code ?? '').slice(0, 64));
      return sendPortal(request, reply, statusPage(ctx, statusResult(status, ctx.lang)), { cache: false });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'APPLICATION_NOT_FOUND') {
        return sendPortal(
          request,
          reply,
          statusPage(
            ctx,
            statusForm(ctx.lang, {
              number,
              problem: t(
                ctx.lang,
                '受理编号或查询码不正确。请核对回执上的受理编号和查询码（不区分大小写）。',
                'The tracking number or query code is wrong. Check both on your receipt (case does not matter).',
              ),
            }),
          ),
          { status: 404, cache: false },
        );
      }
      throw error;
    }
  });
}

/** The page for an address nobody serves: a portal page for people, JSON under /api/. */
export async function portalNotFound(
  platform: Platform,
  request: FastifyRequest,
  reply: FastifyReply,
  options: Pick<PortalOptions, 'publicOrigin'>,
): Promise<FastifyReply> {
  const lang = langOf(query(request).lang);
  const title = t(lang, '没有找到这个页面', 'Page not found');
  const body = notFoundBody(
    lang,
    '您访问的地址不存在，可能是输入有误，或者页面已经移动。',
    'Nothing is at this address: it may be mistyped, or the page has moved.',
  );
  const ctx = await contextOf(platform, request, {
    ...options,
    applyPerAddressPerHour: 0,
    applyPerIdentityPerDay: 0,
    statusPerMinute: 0,
  }).catch(() => null);
  const html = ctx
    ? pageOf(
        ctx,
        { title, description: title, path: withLang('/gk', 'zh'), crumbs: [home(ctx)], noindex: true },
        body,
      )
    : portalPage(
        {
          lang,
          title,
          description: title,
          path: '/gk',
          origin: '',
          siteName: '',
          crumbs: [],
          elder: false,
          noindex: true,
        },
        body,
      );
  return reply
    .code(404)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', PAGE_CSP)
    .send(html);
}

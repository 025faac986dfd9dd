/** The page shell of the public portal: head (canonical, description, feeds, languages), header, crumbs, footer. */
import { html, type Html } from '../html.js';
import { withLang, type Lang } from '../i18n.js';

/** Chinese or English, by the page's language. */
export function t(lang: Lang, zh: string, en: string): string {
  return lang === 'en' ? en : zh;
}

export interface Crumb {
  href: string;
  label: string;
}

export interface PortalPageOptions {
  lang: Lang;
  title: string;
  description: string;
  /** The page's own path and query (without lang), for the canonical URL and the language link. */
  path: string;
  /** The public origin (`https://gk.example.gov.cn`), for canonical and feed URLs. */
  origin: string;
  /** The district (root agency) whose portal this is, for the header. */
  siteName: string;
  crumbs: Crumb[];
  elder: boolean;
  feed?: { href: string; title: string };
  /** Pages that must not be indexed (results, forms with data). */
  noindex?: boolean;
}

function elderSwitch(options: PortalPageOptions): Html {
  const next = withLang(options.path, options.lang);
  const on = !options.elder;
  return html`<a href="/gk/elder?on=${on ? '1' : '0'}&amp;next=${encodeURIComponent(next)}"
    >${on ? t(options.lang, '长者模式', 'Large print') : t(options.lang, '退出长者模式', 'Standard print')}</a
  >`;
}

/** A whole HTML document of the portal. */
export function portalPage(options: PortalPageOptions, body: Html): string {
  const { lang } = options;
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  const canonical = `${options.origin}${withLang(options.path, lang)}`;
  const crumbs =
    options.crumbs.length > 0
      ? html`<nav class="crumbs" aria-label="${t(lang, '当前位置', 'Breadcrumbs')}">
          <ol>
            ${options.crumbs.map((c) => html`<li><a href="${withLang(c.href, lang)}">${c.label}</a></li>`)}
          </ol>
        </nav>`
      : '';
  return `<!doctype html>\n${
    html`<html lang="${lang === 'en' ? 'en' : 'zh-CN'}" class="${options.elder ? 'elder' : ''}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>
          ${options.title} · ${options.siteName}${t(lang, '政府信息公开', ' · Government information')}
        </title>
        <meta name="description" content="${options.description}" />
        ${options.noindex ? html`<meta name="robots" content="noindex" />` : ''}
        <link rel="canonical" href="${canonical}" />
        <link rel="alternate" hreflang="zh-CN" href="${options.origin}${options.path}" />
        <link rel="alternate" hreflang="en" href="${options.origin}${withLang(options.path, 'en')}" />
        ${
          options.feed
            ? html`<link
                rel="alternate"
                type="application/atom+xml"
                title="${options.feed.title}"
                href="${options.feed.href}"
              />`
            : ''
        }
        <link rel="stylesheet" href="/assets/portal.css" />
      </head>
      <body>
        <a class="skip" href="#main">${t(lang, '跳到主要内容', 'Skip to main content')}</a>
        <header class="gk-header">
          <div class="wrap">
            <a class="gk-brand" href="${withLang('/gk', lang)}"
              >${options.siteName}<small
                >${t(lang, '政府信息公开', 'Government information disclosure')}</small
              ></a
            >
            <nav aria-label="${t(lang, '网站导航', 'Site')}">
              <ul>
                <li><a href="${withLang('/gk', lang)}">${t(lang, '首页', 'Home')}</a></li>
                <li><a href="${withLang('/gk/search', lang)}">${t(lang, '检索', 'Search')}</a></li>
                <li>
                  <a href="${withLang('/gk/status', lang)}">${t(lang, '申请查询', 'Application status')}</a>
                </li>
                <li>${elderSwitch(options)}</li>
                <li>
                  <a
                    href="${withLang(options.path, other)}"
                    lang="${other === 'en' ? 'en' : 'zh-CN'}"
                    hreflang="${other === 'en' ? 'en' : 'zh-CN'}"
                    >${other === 'en' ? 'English' : '中文'}</a
                  >
                </li>
              </ul>
            </nav>
          </div>
        </header>
        ${crumbs}
        <main id="main">${body}</main>
        <footer class="gk-footer">
          <div class="wrap">
            <ul>
              <li>
                <a href="${withLang('/gk', lang)}">${t(lang, '政府信息公开首页', 'Disclosure home')}</a>
              </li>
              <li>
                <a href="${withLang('/check', lang)}">${t(lang, '年度报告检查', 'Annual report checker')}</a>
              </li>
              <li><a href="${withLang('/gk/search', lang)}">${t(lang, '检索', 'Search')}</a></li>
              <li>
                <a href="${withLang('/gk/status', lang)}">${t(lang, '申请查询', 'Application status')}</a>
              </li>
              <li><a href="/sitemap.xml">${t(lang, '网站地图', 'Sitemap')}</a></li>
            </ul>
            <p>
              ${t(
                lang,
                '本网站依据《中华人民共和国政府信息公开条例》设立。申请查询只显示办理进度，不显示任何个人信息。',
                'This site serves the Regulations on the Disclosure of Government Information. Status look-ups show progress only, never personal data.',
              )}
            </p>
          </div>
        </footer>
      </body>
    </html>`.value
  }`;
}

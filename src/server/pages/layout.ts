/** The page shell of the public pages: language, header with sign-in state, skip link, stylesheet. */
import { html, type Html } from './html.js';
import { withLang, words, type Lang } from './i18n.js';

export interface PageUser {
  username: string;
  /** The session's CSRF token, for the sign-out form. */
  csrfToken: string | null;
  canBatch: boolean;
}

export interface PageOptions {
  lang: Lang;
  title: string;
  /** The path of this page, for the language link. */
  path: string;
  user?: PageUser | null;
  /** Replaces the language link (result pages re-send their data to switch language). */
  languageSwitch?: Html;
}

/** A whole HTML document. */
export function page(options: PageOptions, body: Html): string {
  const { lang, user } = options;
  const w = words(lang);
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  const languageSwitch =
    options.languageSwitch ??
    html`<a
      href="${withLang(options.path, other)}"
      lang="${other === 'en' ? 'en' : 'zh-CN'}"
      hreflang="${other === 'en' ? 'en' : 'zh-CN'}"
      >${w.languageSwitch}</a
    >`;
  const userNav = user
    ? html`<li>${w.signedInAs(user.username)}</li>
        <li><a href="/console">${w.console}</a></li>
        ${user.canBatch ? html`<li><a href="${withLang('/batch', lang)}">${w.batch}</a></li>` : ''}
        <li>
          <form method="post" action="${withLang('/logout', lang)}">
            <input type="hidden" name="_csrf" value="${user.csrfToken ?? ''}" />
            <button type="submit">${w.logout}</button>
          </form>
        </li>`
    : html`<li><a href="${withLang('/login', lang)}">${w.login}</a></li>`;
  return `<!doctype html>\n${
    html`<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} · ${w.siteName}</title>
        <link rel="stylesheet" href="/assets/site.css" />
      </head>
      <body>
        <a class="skip" href="#main">${w.skip}</a>
        <header class="site">
          <a class="brand" href="${withLang('/check', lang)}">${w.siteName}</a>
          <nav aria-label="${lang === 'en' ? 'Site' : '网站导航'}">
            <ul>
              <li><a href="${withLang('/check', lang)}">${w.checkTitle}</a></li>
              ${userNav}
              <li>${languageSwitch}</li>
            </ul>
          </nav>
        </header>
        <main id="main">${body}</main>
        <footer class="site">${w.privacy}</footer>
      </body>
    </html>`.value
  }`;
}

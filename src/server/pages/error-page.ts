/** The HTML page for a refused or failed request on the public pages. */
import { html } from './html.js';
import { page } from './layout.js';
import { withLang, words, type Lang } from './i18n.js';

/** A page saying what went wrong, in Chinese with the English below (or the other way round with lang=en). */
export function errorPage(lang: Lang, status: number, messageZh: string, messageEn: string): string {
  const w = words(lang);
  const [first, second] = lang === 'en' ? [messageEn, messageZh] : [messageZh, messageEn];
  const title = lang === 'en' ? `Request refused (${status})` : `请求未能完成（${status}）`;
  return page(
    { lang, title, path: '/check' },
    html`<h1>${title}</h1>
      <div class="problem" role="alert" id="problem">
        <p>${first}</p>
        <p lang="${lang === 'en' ? 'zh-CN' : 'en'}">${second}</p>
      </div>
      <p><a href="${withLang('/check', lang)}">${w.checkAnother}</a></p>`,
  );
}

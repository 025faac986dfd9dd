/** A document page as gov.cn shows one: the 目录 metadata table, the title, the body, the attachments. */
import type { PortalAgency } from '../../../services/portal/portal-directory.js';
import type { PortalDocument } from '../../../services/portal/get-document.js';
import { html, type Html } from '../html.js';
import type { Lang } from '../i18n.js';
import { GENRE_LABELS, ITEM_CLAUSE, ITEM_LABELS, label, subjectLabel, VALIDITY_LABELS } from './labels.js';
import { t } from './layout.js';

function paragraphs(text: string): Html {
  return html`${text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => html`<p>${p}</p>`)}`;
}

export function documentPage(doc: PortalDocument, agency: PortalAgency | undefined, lang: Lang): Html {
  const none = '—';
  const inactive = doc.validity === 'repealed' || doc.validity === 'expired' || doc.validity === 'amended';
  const banner = inactive
    ? html`<div class="banner" role="note">
        <strong
          >${t(
            lang,
            `本文件${label(VALIDITY_LABELS, doc.validity, lang)}。`,
            `This document is ${label(VALIDITY_LABELS, doc.validity, lang).toLowerCase()}.`,
          )}</strong
        >
        ${t(lang, '请以现行有效的文件为准。', 'Rely on the documents in force.')}
      </div>`
    : '';
  return html`${banner}
    <div class="table-wrap">
      <table class="meta" aria-label="${t(lang, '信息目录', 'Catalogue record')}">
        <tbody>
          <tr>
            <th scope="row">${t(lang, '索引号', 'Index number')}</th>
            <td>${doc.indexNumber ?? none}</td>
            <th scope="row">${t(lang, '主题分类', 'Subject')}</th>
            <td>${doc.subject === null ? none : subjectLabel(doc.subject)}</td>
          </tr>
          <tr>
            <th scope="row">${t(lang, '发布机构', 'Issued by')}</th>
            <td>${agency?.name ?? none}</td>
            <th scope="row">${t(lang, '公开类别', 'Category')}</th>
            <td>
              ${doc.item ? `${ITEM_CLAUSE[doc.item] ?? ''}${label(ITEM_LABELS, doc.item, lang)}` : none}
            </td>
          </tr>
          <tr>
            <th scope="row">${t(lang, '标题', 'Title')}</th>
            <td colspan="3">${doc.title}</td>
          </tr>
          <tr>
            <th scope="row">${t(lang, '文号', 'Document number')}</th>
            <td>${doc.documentNumber ?? none}</td>
            <th scope="row">${t(lang, '发布日期', 'Published')}</th>
            <td><time datetime="${doc.publishedOn}">${doc.publishedOn}</time></td>
          </tr>
          <tr>
            <th scope="row">${t(lang, '体裁', 'Kind')}</th>
            <td>${doc.genre ? label(GENRE_LABELS, doc.genre, lang) : none}</td>
            <th scope="row">${t(lang, '有效性', 'Validity')}</th>
            <td>${doc.validity ? label(VALIDITY_LABELS, doc.validity, lang) : none}</td>
          </tr>
        </tbody>
      </table>
    </div>
    <h1>${doc.title}</h1>
    ${doc.documentNumber ? html`<p class="muted">${doc.documentNumber}</p>` : ''}
    <div class="body-text">${paragraphs(doc.bodyText)}</div>
    ${
      doc.attachmentText
        ? html`<h2>${t(lang, '附件', 'Attachments')}</h2>
            <div class="body-text">${paragraphs(doc.attachmentText)}</div>`
        : ''
    }`;
}

/** The portal's page bodies: district and agency homes, 指南, 制度, 法定主动公开内容, 年报, search. */
import { agencyKindLabels, agencyKinds, type AgencyKind } from '../../../core/agency.js';
import type { Finding } from '../../../core/report/findings.js';
import type { AnnualReport } from '../../../core/report/model.js';
import type { FacetCount, FacetName, SearchHit, SearchResult, Snippet } from '../../../core/search/model.js';
import type { PortalAgency } from '../../../services/portal/portal-directory.js';
import { html, join, type Html } from '../html.js';
import { withLang, type Lang } from '../i18n.js';
import { reportTables } from '../report-tables.js';
import { GENRE_LABELS, ITEM_CLAUSE, ITEM_LABELS, label, subjectLabel, VALIDITY_LABELS } from './labels.js';
import { t } from './layout.js';

const KIND_EN: Record<AgencyKind, string> = {
  government: 'People’s governments',
  department: 'Government departments',
  subdistrict: 'Subdistrict offices',
  township: 'Township governments',
  other: 'Other agencies',
};

export const agencyPath = (a: Pick<PortalAgency, 'code'>, part = '') =>
  `/gk/a/${encodeURIComponent(a.code)}${part}`;

/** A text with its marked stretches in <mark>. */
export function marked(snippet: Snippet): Html {
  const parts: Html[] = [];
  let at = 0;
  for (const m of snippet.marks) {
    parts.push(html`${snippet.text.slice(at, m.start)}<mark>${snippet.text.slice(m.start, m.end)}</mark>`);
    at = m.end;
  }
  parts.push(html`${snippet.text.slice(at)}`);
  return join(parts);
}

function dateText(iso: string, lang: Lang): Html {
  return html`<time datetime="${iso}">${lang === 'en' ? iso : iso}</time>`;
}

export function searchForm(lang: Lang, action: string, value = '', labelText?: string): Html {
  return html`<form class="search" method="get" action="${action}" role="search">
    <label class="vh" for="q">${labelText ?? t(lang, '检索政府信息', 'Search government information')}</label>
    <input
      type="text"
      id="q"
      name="q"
      value="${value}"
      maxlength="100"
      autocomplete="off"
      placeholder="${t(lang, '标题、正文、文号或索引号', 'Title, text, document or index number')}"
    />
    ${lang === 'en' ? html`<input type="hidden" name="lang" value="en" />` : ''}
    <button type="submit">${t(lang, '检索', 'Search')}</button>
  </form>`;
}

/** A list of documents: title (marked), date always visible, the agency, 文号 and what it is. */
export function itemList(
  hits: readonly SearchHit[],
  agencies: ReadonlyMap<string, PortalAgency>,
  lang: Lang,
  options: { showAgency: boolean },
): Html {
  return html`<ul class="items">
    ${hits.map((hit) => {
      const agency = agencies.get(hit.agencyId);
      const bad = hit.validity === 'repealed' || hit.validity === 'expired' || hit.validity === 'amended';
      return html`<li>
        <a href="${withLang(`/gk/d/${encodeURIComponent(hit.id)}`, lang)}">${marked(hit.title)}</a>
        ${dateText(hit.publishedOn, lang)}
        <span class="meta">
          ${hit.exact ? html`<span class="tag exact">${t(lang, '文号/索引号匹配', 'Number match')}</span>` : ''}
          ${bad ? html`<span class="tag bad">${label(VALIDITY_LABELS, hit.validity, lang)}</span>` : ''}
          ${options.showAgency && agency ? html`${agency.name} · ` : ''}${
            hit.documentNumber ? html`${hit.documentNumber} · ` : ''
          }${label(ITEM_LABELS, hit.item, lang)}
        </span>
        ${hit.snippet ? html`<p class="snippet">${marked(hit.snippet)}</p>` : ''}
      </li>`;
    })}
  </ul>`;
}

export interface DistrictView {
  district: PortalAgency;
  agencies: PortalAgency[];
  counts: Map<string, number>;
  latest: SearchHit[];
}

export function districtHome(view: DistrictView, lang: Lang): Html {
  const byId = new Map(view.agencies.map((a) => [a.id, a]));
  const kinds = agencyKinds.filter((k) => view.agencies.some((a) => a.kind === k));
  return html`<h1>${view.district.name}${t(lang, '政府信息公开', ' — government information')}</h1>
    <p class="lead">
      ${t(
        lang,
        '本区各机关依据《中华人民共和国政府信息公开条例》主动公开的政府信息、公开指南、年度报告，以及在线申请公开。',
        'What the agencies of the district publish under the Regulations, their guides and annual reports, and where to apply online.',
      )}
    </p>
    ${searchForm(lang, '/gk/search')}
    <h2 id="agencies">${t(lang, '各机关政府信息公开专栏', 'Agencies')}</h2>
    ${kinds.map(
      (kind) =>
        html`<h3>${lang === 'en' ? KIND_EN[kind] : agencyKindLabels[kind]}</h3>
          <ul class="cards">
            ${view.agencies
              .filter((a) => a.kind === kind)
              .map(
                (a) =>
                  html`<li>
                    <a href="${withLang(agencyPath(a), lang)}">${a.name}</a>
                    <p>
                      ${t(lang, `主动公开 ${view.counts.get(a.id) ?? 0} 条`, `${view.counts.get(a.id) ?? 0} items published`)}
                    </p>
                  </li>`,
              )}
          </ul>`,
    )}
    <h2 id="latest">${t(lang, '最新公开', 'Latest')}</h2>
    ${
      view.latest.length > 0
        ? itemList(view.latest, byId, lang, { showAgency: true })
        : html`<p class="notice">
            ${t(lang, '各机关尚未在本平台发布主动公开信息。', 'No agency has published on this platform yet.')}
          </p>`
    }
    <h2 id="apply">${t(lang, '依申请公开', 'Applying for information')}</h2>
    <p>
      ${t(
        lang,
        '需要未主动公开的政府信息，可以向掌握该信息的机关提出申请：进入该机关的专栏，选择“依申请公开”。已经提交的申请可以',
        'To ask for information that has not been published, apply to the agency that holds it: open its page and choose “Apply”. For an application already made, ',
      )}
      <a href="${withLang('/gk/status', lang)}">${t(lang, '查询办理状态', 'look up its status')}</a>。
    </p>`;
}

export interface AgencyHomeView {
  agency: PortalAgency;
  count: number;
  reportYears: number[];
  latest: SearchHit[];
  agencies: ReadonlyMap<string, PortalAgency>;
}

export function agencyHome(view: AgencyHomeView, lang: Lang): Html {
  const a = view.agency;
  const parts: { href: string; zh: string; en: string; noteZh: string; noteEn: string }[] = [
    {
      href: agencyPath(a, '/guide'),
      zh: '政府信息公开指南',
      en: 'Disclosure guide',
      noteZh: '公开的范围、方式，申请的渠道、流程和收费',
      noteEn: 'What is published, how to apply, the procedure and fees',
    },
    {
      href: agencyPath(a, '/rules'),
      zh: '政府信息公开制度',
      en: 'Disclosure rules',
      noteZh: '保密审查、主动公开、依申请公开、年度报告等工作制度',
      noteEn: 'Secrecy review, publication, applications, annual reports',
    },
    {
      href: agencyPath(a, '/content'),
      zh: '法定主动公开内容',
      en: 'Published information',
      noteZh: view.count > 0 ? `按条例第二十条分类，共 ${view.count} 条` : '暂未发布（见说明）',
      noteEn: view.count > 0 ? `By Article 20 item; ${view.count} items` : 'Nothing published yet (see why)',
    },
    {
      href: agencyPath(a, '/reports'),
      zh: '政府信息公开年报',
      en: 'Annual reports',
      noteZh:
        view.reportYears.length > 0
          ? `${view.reportYears.join('、')} 年度`
          : '暂无已发布的年度报告（见说明）',
      noteEn: view.reportYears.length > 0 ? view.reportYears.join(', ') : 'None published yet (see why)',
    },
    {
      href: agencyPath(a, '/apply'),
      zh: '依申请公开',
      en: 'Apply for information',
      noteZh: '在线提交申请，查询办理状态',
      noteEn: 'Apply online and follow your application',
    },
  ];
  return html`<h1>${a.name}${t(lang, '政府信息公开专栏', ' — government information')}</h1>
    ${searchForm(lang, agencyPath(a, '/search'), '', t(lang, `在${a.name}的信息中检索`, `Search ${a.name}`))}
    <ul class="cards">
      ${parts.map(
        (p) =>
          html`<li>
            <a href="${withLang(p.href, lang)}">${t(lang, p.zh, p.en)}</a>
            <p>${t(lang, p.noteZh, p.noteEn)}</p>
          </li>`,
      )}
    </ul>
    <h2>${t(lang, '最新公开', 'Latest')}</h2>
    <p>
      <a href="${agencyPath(a, '/feed.xml')}" type="application/atom+xml"
        >${t(lang, '订阅最新公开（Atom）', 'Subscribe to the latest (Atom feed)')}</a
      >
    </p>
    ${
      view.latest.length > 0
        ? itemList(view.latest, view.agencies, lang, { showAgency: false })
        : html`<p class="notice">${emptyColumnReason(a, lang)}</p>`
    }`;
}

/** Why a column is empty (a column with nothing in it says why: 网站检查 rules). */
export function emptyColumnReason(a: PortalAgency, lang: Lang): string {
  return t(
    lang,
    `${a.name}尚未在本平台发布主动公开信息。如需查找本机关的政府信息，可以依申请公开，或联系${a.officeName ?? '政府信息公开工作机构'}${a.phone ? `（电话 ${a.phone}）` : ''}。`,
    `${a.name} has not published information on this platform yet. To obtain its information, apply for it or contact its disclosure office${a.phone ? ` (${a.phone})` : ''}.`,
  );
}

function guideRow(th: string, value: string | null, lang: Lang): Html {
  return html`<tr>
    <th scope="row">${th}</th>
    <td>${value ?? t(lang, '（未提供）', '(not given)')}</td>
  </tr>`;
}

/** 政府信息公开指南, generated from the agency record (条例第十二条, 61号). */
export function guidePage(a: PortalAgency, lang: Lang): Html {
  const office = a.officeName ?? a.name;
  return html`<h1>${a.name}${t(lang, '政府信息公开指南', ' — disclosure guide')}</h1>
    <p class="lead">
      ${t(
        lang,
        `为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。`,
        'This guide explains, under the Regulations on the Disclosure of Government Information, what this agency publishes and how to apply for information.',
      )}
    </p>
    <h2 id="proactive">${t(lang, '一、主动公开', '1. Information published proactively')}</h2>
    <p>
      ${t(
        lang,
        '（一）公开范围：条例第二十条、第二十一条规定的政府信息，以及本机关认为需要主动公开的其他信息。（二）公开方式：本网站“法定主动公开内容”栏目，同时视情况通过政务新媒体、公开查阅点等途径公开。（三）公开时限：信息形成或者变更之日起 20 个工作日内（条例第二十六条）。',
        '(1) Scope: the information named in Articles 20 and 21 and other information the agency decides to publish. (2) Where: the “Published information” column of this site, and where appropriate official social media and reading rooms. (3) When: within 20 working days of being made or changed (Article 26).',
      )}
    </p>
    <p>
      <a href="${withLang(agencyPath(a, '/content'), lang)}"
        >${t(lang, '查看法定主动公开内容', 'See the published information')}</a
      >
    </p>
    <h2 id="apply">${t(lang, '二、依申请公开', '2. Applying for information')}</h2>
    <h3>${t(lang, '（一）受理机构', '(1) Where applications are received')}</h3>
    <div class="table-wrap">
      <table class="meta">
        <tbody>
          ${guideRow(t(lang, '受理机构', 'Office'), office, lang)}
          ${guideRow(t(lang, '办公地址', 'Address'), a.address, lang)}
          ${guideRow(t(lang, '邮政编码', 'Postcode'), a.postcode, lang)}
          ${guideRow(t(lang, '办公时间', 'Office hours'), a.officeHours, lang)}
          ${guideRow(t(lang, '联系电话', 'Telephone'), a.phone, lang)}
          ${guideRow(t(lang, '传真', 'Fax'), a.fax, lang)}
          ${guideRow(t(lang, '网址', 'Website'), a.website, lang)}
          ${guideRow(t(lang, '电子邮箱', 'E-mail'), a.email, lang)}
        </tbody>
      </table>
    </div>
    <h3>${t(lang, '（二）申请方式', '(2) How to apply')}</h3>
    <ul>
      <li>
        <a href="${withLang(agencyPath(a, '/apply'), lang)}">${t(lang, '在线申请', 'Online')}</a>：${t(
          lang,
          '填写本网站的申请表，提交后即得到受理编号和查询码。',
          'fill in the form on this site; you receive a tracking number and a query code at once.',
        )}
      </li>
      <li>
        ${t(lang, '信函申请', 'By post')}：${t(
          lang,
          `寄至${a.address ?? '上述地址'}${a.postcode ? `（邮编 ${a.postcode}）` : ''}，信封注明“政府信息公开申请”。以双方确认之日为收到申请之日。`,
          'send it to the address above, marked “政府信息公开申请”. It counts as received on the day the office confirms.',
        )}
      </li>
      <li>
        ${t(lang, '当面申请', 'In person')}：${t(
          lang,
          `在办公时间到${office}填写申请表。`,
          'fill in the form at the office during office hours.',
        )}
      </li>
      ${
        a.fax
          ? html`<li>
              ${t(lang, '传真申请', 'By fax')}：${t(lang, `传真至 ${a.fax}。`, `send it to ${a.fax}.`)}
            </li>`
          : ''
      }
    </ul>
    <h3>${t(lang, '（三）办理流程', '(3) The procedure')}</h3>
    <ol class="flow" aria-label="${t(lang, '依申请公开办理流程图', 'Procedure diagram')}">
      <li>
        <strong>${t(lang, '提出申请', 'Apply')}</strong>
        <p>${t(lang, '在线、信函、当面或传真', 'Online, by post, in person or by fax')}</p>
      </li>
      <li>
        <strong>${t(lang, '登记受理', 'Registration')}</strong>
        <p>
          ${t(lang, '内容不明确的，7 个工作日内一次性告知补正', 'Unclear requests: one request to clarify within 7 working days')}
        </p>
      </li>
      <li>
        <strong>${t(lang, '审查办理', 'Review')}</strong>
        <p>
          ${t(lang, '涉及第三方权益的征求意见（不计入期限）', 'Third parties consulted where their interests are involved (time not counted)')}
        </p>
      </li>
      <li>
        <strong>${t(lang, '作出答复', 'Answer')}</strong>
        <p>
          ${t(lang, '收到申请之日起 20 个工作日内；需要延长的，延长不超过 20 个工作日', 'Within 20 working days of receipt; at most 20 more when extended')}
        </p>
      </li>
      <li>
        <strong>${t(lang, '送达', 'Delivery')}</strong>
        <p>${t(lang, '按申请人选择的形式和途径', 'In the form and way the applicant chose')}</p>
      </li>
    </ol>
    <h3>${t(lang, '（四）收费', '(4) Fees')}</h3>
    <p>
      ${t(
        lang,
        '依申请提供政府信息不收费。申请数量、频次明显超过合理范围的，依照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费：按件计收的，同一申请人一个自然月内累计申请 10 件以下（含 10 件）不收费，11—30 件的部分每件 100 元，31 件以上的部分以 10 件为一档、每档每件增加 100 元；按量计收的，30 页以下（含 30 页）不收费，31—100 页的部分每页 10 元，101—200 页的部分每页 20 元，201 页以上的部分每页 40 元。',
        'Information is provided free of charge. Where the number or frequency of applications clearly exceeds a reasonable range, a processing fee applies (国办函〔2020〕109号): per application, 10 a month free, 100 yuan each from the 11th to the 30th, rising by 100 yuan per band of 10 beyond; or per page, 30 pages free, then 10, 20 and 40 yuan a page.',
      )}
    </p>
    <h2 id="remedy">${t(lang, '三、监督和救济', '3. Oversight and remedies')}</h2>
    <p>
      ${t(
        lang,
        '认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（条例第五十一条）。',
        'Anyone who considers that the agency has infringed their lawful rights may complain to the agency above it or the competent office, or apply for administrative reconsideration or bring an administrative lawsuit (Article 51).',
      )}
    </p>`;
}

/** 政府信息公开制度: the working rules every agency keeps (条例, 保密法 第三十五条, 61号). */
export function rulesPage(a: PortalAgency, lang: Lang): Html {
  const rules: [string, string, string, string][] = [
    [
      '保密审查制度',
      'Secrecy review',
      '拟公开的政府信息，依照《中华人民共和国保守国家秘密法》及其实施条例等规定进行保密审查，先审查、后公开；不能确定的，报有关主管部门或者保密行政管理部门确定（条例第十七条）。审查记录留存备查。',
      'Information to be published is reviewed for secrets first (Secrecy Law Art. 35); uncertain cases are referred to the competent authority (Art. 17). Review records are kept.',
    ],
    [
      '主动公开制度',
      'Proactive publication',
      '公文在拟制时确定公开属性；主动公开的信息经经办人员、分管负责人、主要负责人三级审核后，自形成或者变更之日起 20 个工作日内公开（条例第二十六条），政策文件与解读同步发布。',
      'Each document’s disclosure status is decided when drafted; published items pass a three-level review and go out within 20 working days (Art. 26), with policy documents published together with their interpretations.',
    ],
    [
      '依申请公开制度',
      'Applications',
      '统一受理、登记、审查、答复和送达；法定期限按国务院办公厅公布的节假日安排计算工作日；答复文书载明理由、依据和救济途径。',
      'One process for receipt, registration, review, answer and delivery; deadlines counted in working days on the State Council’s holiday calendar; answers state reasons, grounds and remedies.',
    ],
    [
      '年度报告制度',
      'Annual reports',
      '每年 1 月 31 日前向社会公布上一年度政府信息公开工作年度报告（条例第四十九条、第五十条），格式依照国办公开办函〔2021〕30号。',
      'The annual report of the previous year is published by 31 January (Arts. 49–50), in the format of 国办公开办函〔2021〕30号.',
    ],
    [
      '监督考核和责任追究制度',
      'Oversight and accountability',
      '政府信息公开工作纳入绩效考核，接受社会评议和上级机关监督检查；违反条例规定的，依法追究责任（条例第五十二条、第五十三条）。',
      'Disclosure work is part of performance review and is inspected by the agencies above; breaches are answered for (Arts. 52–53).',
    ],
  ];
  return html`<h1>${a.name}${t(lang, '政府信息公开制度', ' — disclosure rules')}</h1>
    ${rules.map(
      ([zh, en, bodyZh, bodyEn]) =>
        html`<h2>${t(lang, zh, en)}</h2>
          <p>${t(lang, bodyZh, bodyEn)}</p>`,
    )}`;
}

const FACET_TITLES: Record<FacetName, [string, string]> = {
  item: ['按条例第二十条', 'By Article 20 item'],
  agency: ['发布机关', 'Agency'],
  year: ['发布年份', 'Year'],
  genre: ['体裁', 'Kind of document'],
  validity: ['有效性', 'Validity'],
  subject: ['主题分类', 'Subject'],
};

function facetLabel(name: FacetName, value: string, lang: Lang, agencies: ReadonlyMap<string, PortalAgency>) {
  switch (name) {
    case 'item':
      return `${ITEM_CLAUSE[value] ?? ''}${label(ITEM_LABELS, value, lang)}`;
    case 'genre':
      return label(GENRE_LABELS, value, lang);
    case 'validity':
      return label(VALIDITY_LABELS, value, lang);
    case 'agency':
      return agencies.get(value)?.name ?? value;
    case 'subject':
      return subjectLabel(value);
    default:
      return value;
  }
}

/** The query of a list page with one parameter changed (null removes it); the cursor is always dropped. */
export function withParam(
  base: string,
  params: Record<string, string>,
  key: string,
  value: string | null,
): string {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (k !== key && k !== 'after' && v) next.set(k, v);
  if (value !== null) next.set(key, value);
  const query = next.toString();
  return query ? `${base}?${query}` : base;
}

function facetBlock(
  name: FacetName,
  counts: readonly FacetCount[],
  base: string,
  params: Record<string, string>,
  lang: Lang,
  agencies: ReadonlyMap<string, PortalAgency>,
): Html {
  if (counts.length === 0) return html``;
  const chosen = params[name];
  return html`<h2 id="facet-${name}">${t(lang, ...FACET_TITLES[name])}</h2>
    <ul aria-labelledby="facet-${name}">
      ${
        chosen
          ? html`<li><a href="${withParam(base, params, name, null)}">${t(lang, '全部', 'All')}</a></li>`
          : ''
      }
      ${counts.slice(0, 30).map((c) =>
        c.value === chosen
          ? html`<li class="on">
              <span aria-current="true">${facetLabel(name, c.value, lang, agencies)}</span>
              <span class="count">(${c.count})</span>
            </li>`
          : html`<li>
              <a href="${withParam(base, params, name, c.value)}"
                >${facetLabel(name, c.value, lang, agencies)}</a
              >
              <span class="count">(${c.count})</span>
            </li>`,
      )}
    </ul>`;
}

export interface ListView {
  title: string;
  /** The form's action and the facets' base path. */
  base: string;
  /** The current query parameters (q, order, filters, lang). */
  params: Record<string, string>;
  result: SearchResult;
  facets: readonly FacetName[];
  agencies: ReadonlyMap<string, PortalAgency>;
  showAgency: boolean;
  searchable: boolean;
  /** What to say when there is nothing (a column says why it is empty). */
  emptyText: string;
  intro?: Html;
  isFirstPage: boolean;
}

/** A search or browse page: the box, facets with counts, the hits with dates, and keyset pages. */
export function listPage(view: ListView, lang: Lang): Html {
  const { result, params } = view;
  const q = params.q ?? '';
  const order = params.order === 'date' ? 'date' : 'relevance';
  const nextHref = result.nextCursor
    ? (() => {
        const next = new URLSearchParams(params);
        next.set('after', result.nextCursor);
        return `${view.base}?${next.toString()}`;
      })()
    : null;
  const firstHref = withParam(view.base, params, 'after', null);
  const orderLinks =
    q && view.searchable
      ? html`<p>
          ${t(lang, '排序：', 'Order: ')}
          ${
            order === 'relevance'
              ? html`<strong>${t(lang, '相关度', 'Relevance')}</strong> ·
                  <a href="${withParam(view.base, params, 'order', 'date')}"
                    >${t(lang, '发布日期', 'Date')}</a
                  >`
              : html`<a href="${withParam(view.base, params, 'order', null)}"
                    >${t(lang, '相关度', 'Relevance')}</a
                  >
                  · <strong>${t(lang, '发布日期', 'Date')}</strong>`
          }
        </p>`
      : '';
  return html`<h1>${view.title}</h1>
    ${view.intro ?? ''} ${view.searchable ? searchForm(lang, view.base, q) : ''}
    <div class="layout">
      <nav class="facets" aria-label="${t(lang, '筛选', 'Filters')}">
        ${view.facets.map((f) => facetBlock(f, result.facets[f], view.base, params, lang, view.agencies))}
      </nav>
      <div>
        <p role="status">
          ${
            q
              ? t(lang, `“${q}”共找到 ${result.total} 条信息`, `${result.total} results for “${q}”`)
              : t(lang, `共 ${result.total} 条信息`, `${result.total} items`)
          }
          ${
            result.terms.length > 1 && q
              ? html`<span class="muted"
                  >（${t(lang, '检索词：', 'words: ')}${result.terms.join(' ')}）</span
                >`
              : ''
          }
        </p>
        ${orderLinks}
        ${
          result.hits.length > 0
            ? itemList(result.hits, view.agencies, lang, { showAgency: view.showAgency })
            : html`<p class="notice">${view.emptyText}</p>`
        }
        <nav class="pager" aria-label="${t(lang, '翻页', 'Pages')}">
          ${!view.isFirstPage ? html`<a href="${firstHref}">${t(lang, '« 回到第一页', '« First page')}</a>` : ''}
          ${nextHref ? html`<a href="${nextHref}" rel="next">${t(lang, '下一页 »', 'Next page »')}</a>` : ''}
        </nav>
      </div>
    </div>`;
}

/** The public export of a published report (docs/report-exports.md): anyone may download it. */
export const reportExportPath = (a: Pick<PortalAgency, 'id'>, year: number, format: 'docx' | 'pdf') =>
  `/api/v1/public/agencies/${encodeURIComponent(a.id)}/reports/${year}/export?format=${format}`;

function reportDownloads(a: PortalAgency, year: number, lang: Lang): Html {
  return html`<ul class="downloads">
    <li>
      <a href="${reportExportPath(a, year, 'docx')}" download
        >${t(lang, `下载 Word 版（DOCX）`, 'Download Word (DOCX)')}</a
      >
    </li>
    <li>
      <a href="${reportExportPath(a, year, 'pdf')}" download>${t(lang, `下载 PDF 版`, 'Download PDF')}</a>
    </li>
  </ul>`;
}

export function reportsListPage(
  a: PortalAgency,
  reports: { year: number; publishedOn: string }[],
  lang: Lang,
): Html {
  return html`<h1>${a.name}${t(lang, '政府信息公开年报', ' — annual reports')}</h1>
    ${
      reports.length > 0
        ? html`<ul class="items">
            ${reports.map(
              (r) =>
                html`<li>
                  <a href="${withLang(agencyPath(a, `/reports/${r.year}`), lang)}"
                    >${t(
                      lang,
                      `${a.name}${r.year}年政府信息公开工作年度报告`,
                      `${a.name}: annual report ${r.year}`,
                    )}</a
                  >
                  ${t(lang, '发布日期', 'Published')} ${dateText(r.publishedOn, lang)}
                  ${reportDownloads(a, r.year, lang)}
                </li>`,
            )}
          </ul>`
        : html`<p class="notice">
            ${t(
              lang,
              '暂无已发布的年度报告：本机关每年 1 月 31 日前公布上一年度的报告（条例第五十条），发布后在这里显示并可下载。本机关开始使用本平台以前的年度报告，请查阅本机关门户网站，或联系本机关政府信息公开工作机构。',
              'No annual report published yet: an agency publishes the report of a year by 31 January of the next (Article 50); it appears here, with downloads, once published. Earlier reports are on the agency’s own website, or ask its disclosure office.',
            )}
          </p>`
    }`;
}

export function reportPage(
  a: PortalAgency,
  year: number,
  published: { report: AnnualReport; findings: Finding[]; publishedOn: string },
  lang: Lang,
): Html {
  return html`<h1>
      ${t(lang, `${a.name}${year}年政府信息公开工作年度报告`, `${a.name}: annual report ${year}`)}
    </h1>
    <p class="muted">
      ${t(
        lang,
        '按照国办公开办函〔2021〕30号规定的格式，本机关审批并发布的报告。',
        'In the format of 国办公开办函〔2021〕30号, as approved and published by the agency.',
      )}
      ${t(lang, '发布日期', 'Published')} ${dateText(published.publishedOn, lang)}
    </p>
    ${reportDownloads(a, year, lang)}
    <h2>${t(lang, '统计表', 'Tables')}</h2>
    <div class="table-wrap">${reportTables(published.report, published.findings, lang)}</div>`;
}

export function notFoundBody(lang: Lang, messageZh: string, messageEn: string): Html {
  return html`<h1>${t(lang, '没有找到这个页面', 'Page not found')}</h1>
    <p>${t(lang, messageZh, messageEn)}</p>
    <p>${t(lang, '您可以：', 'You can:')}</p>
    <ul>
      <li>
        <a href="${withLang('/gk', lang)}"
          >${t(lang, '回到政府信息公开首页', 'go to the disclosure home page')}</a
        >
      </li>
      <li>
        <a href="${withLang('/gk/search', lang)}"
          >${t(lang, '检索政府信息', 'search government information')}</a
        >
      </li>
    </ul>`;
}

export function errorBody(lang: Lang, status: number, messageZh: string, messageEn: string): Html {
  const [first, second] = lang === 'en' ? [messageEn, messageZh] : [messageZh, messageEn];
  return html`<h1>${t(lang, `请求未能完成（${status}）`, `Request refused (${status})`)}</h1>
    <div class="error-summary" role="alert">
      <p>${first}</p>
      <p lang="${lang === 'en' ? 'zh-CN' : 'en'}">${second}</p>
    </div>
    <p>
      <a href="${withLang('/gk', lang)}"
        >${t(lang, '回到政府信息公开首页', 'Go to the disclosure home page')}</a
      >
    </p>`;
}

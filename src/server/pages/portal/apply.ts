/** 依申请公开 in the browser: the form (GOV.UK error summary), the receipt, and the status look-up. */
import { caseEventLabels } from '../../../core/applications/events.js';
import { outcomeOf } from '../../../core/applications/outcomes.js';
import { applicantTypeLabels, applicantTypes } from '../../../core/applications/record.js';
import { caseStatusLabels } from '../../../core/applications/state-machine.js';
import type { PublicStatus } from '../../../services/applications/get-public-status.js';
import type { PortalAgency } from '../../../services/portal/portal-directory.js';
import { html, type Html } from '../html.js';
import { withLang, type Lang } from '../i18n.js';
import { t } from './layout.js';
import { agencyPath } from './pages.js';

const APPLICANT_EN: Record<string, string> = {
  naturalPerson: 'Individual',
  commercialEnterprise: 'Business',
  researchInstitution: 'Research institution',
  publicWelfareOrganization: 'Non-profit organisation',
  legalServiceInstitution: 'Legal services',
  otherOrganization: 'Other organisation',
};

/** The form's fields, named as the page posts them. */
export const APPLY_FIELDS = [
  'applicantType',
  'name',
  'identityKind',
  'identityNumber',
  'phone',
  'email',
  'address',
  'contactPerson',
  'title',
  'documentNumber',
  'description',
  'medium',
  'delivery',
] as const;
export type ApplyField = (typeof APPLY_FIELDS)[number];
export type ApplyValues = Partial<Record<ApplyField, string>>;

export interface ApplyFormView {
  agency: PortalAgency;
  token: string;
  values: ApplyValues;
  /** Field → message, in the page's language. */
  errors: Partial<Record<ApplyField | 'form', string>>;
}

const LABELS: Record<ApplyField, [string, string]> = {
  applicantType: ['申请人类型', 'Who is applying'],
  name: ['姓名或名称', 'Name'],
  identityKind: ['身份证明', 'Proof of identity'],
  identityNumber: ['证件号码', 'Identity number'],
  phone: ['联系电话', 'Telephone'],
  email: ['电子邮箱', 'E-mail'],
  address: ['通信地址', 'Postal address'],
  contactPerson: ['联系人（法人或其他组织填写）', 'Contact person (organisations)'],
  title: ['所需信息的名称', 'Name of the information'],
  documentNumber: ['文号（如知道）', 'Document number (if known)'],
  description: ['所需信息的内容描述', 'Describe the information you need'],
  medium: ['获取信息的形式', 'Form of the information'],
  delivery: ['获取信息的途径', 'How you want to receive it'],
};

function errorOf(view: ApplyFormView, field: ApplyField): Html {
  const message = view.errors[field];
  return message
    ? html`<p class="error-message" id="${field}-error"><span class="vh">${'错误：'}</span>${message}</p>`
    : html``;
}

function described(view: ApplyFormView, field: ApplyField, hint?: boolean): string {
  return [hint ? `${field}-hint` : '', view.errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ');
}

function textField(
  view: ApplyFormView,
  lang: Lang,
  field: ApplyField,
  options: {
    type?: string;
    hint?: [string, string];
    required?: boolean;
    autocomplete?: string;
    max?: number;
  } = {},
): Html {
  const by = described(view, field, !!options.hint);
  return html`<div class="field${view.errors[field] ? ' error' : ''}">
    <label for="${field}"
      >${t(lang, ...LABELS[field])}${options.required ? '' : t(lang, '（选填）', ' (optional)')}</label
    >
    ${options.hint ? html`<p class="hint" id="${field}-hint">${t(lang, ...options.hint)}</p>` : ''}
    ${errorOf(view, field)}
    <input
      type="${options.type ?? 'text'}"
      id="${field}"
      name="${field}"
      value="${view.values[field] ?? ''}"
      maxlength="${options.max ?? 200}"
      ${options.autocomplete ? html`autocomplete="${options.autocomplete}"` : ''}
      ${by ? html`aria-describedby="${by}"` : ''}
      ${view.errors[field] ? html`aria-invalid="true"` : ''}
    />
  </div>`;
}

function radios(
  view: ApplyFormView,
  lang: Lang,
  field: ApplyField,
  options: { value: string; zh: string; en: string }[],
  hint?: [string, string],
): Html {
  const by = described(view, field, !!hint);
  return html`<fieldset
    class="field${view.errors[field] ? ' error' : ''}"
    ${by ? html`aria-describedby="${by}"` : ''}
  >
    <legend>${t(lang, ...LABELS[field])}</legend>
    ${hint ? html`<p class="hint" id="${field}-hint">${t(lang, ...hint)}</p>` : ''} ${errorOf(view, field)}
    <div class="choices">
      ${options.map(
        (o, i) =>
          html`<label
            ><input
              type="radio"
              name="${field}"
              id="${i === 0 ? field : `${field}-${o.value}`}"
              value="${o.value}"
              ${view.values[field] === o.value ? 'checked' : ''}
            />
            ${t(lang, o.zh, o.en)}</label
          >`,
      )}
    </div>
  </fieldset>`;
}

export function applyForm(view: ApplyFormView, lang: Lang): Html {
  const a = view.agency;
  const errorEntries = Object.entries(view.errors) as [ApplyField | 'form', string][];
  return html`<h1>${t(lang, `向${a.name}申请政府信息公开`, `Apply to ${a.name} for information`)}</h1>
    ${
      errorEntries.length > 0
        ? html`<div
            class="error-summary"
            role="alert"
            aria-labelledby="error-summary-title"
            tabindex="-1"
            id="errors"
          >
            <h2 id="error-summary-title">${t(lang, '请修改以下内容后再提交', 'There is a problem')}</h2>
            <ul>
              ${errorEntries.map(([field, message]) =>
                field === 'form'
                  ? html`<li>${message}</li>`
                  : html`<li><a href="#${field}">${message}</a></li>`,
              )}
            </ul>
          </div>`
        : ''
    }
    <p class="lead">
      ${t(
        lang,
        '依据条例第二十九条，申请应当包括申请人的姓名或者名称、身份证明、联系方式，所需政府信息的名称、文号或者便于查询的其他特征性描述，以及获取信息的方式。',
        'Under Article 29 an application gives the applicant’s name, proof of identity and contact details, a description of the information, and how to receive it.',
      )}
    </p>
    <p class="hint">
      ${t(
        lang,
        '您填写的个人信息只用于办理本申请，不会在网站上公开。提交后页面会显示受理编号和查询码，请妥善保存。',
        'Your personal details are used only to handle this application and are never published. After submitting you get a tracking number and a query code: keep them.',
      )}
    </p>
    <form method="post" action="${withLang(agencyPath(a, '/apply'), lang)}" novalidate>
      <input type="hidden" name="_token" value="${view.token}" />
      <h2>${t(lang, '申请人信息', 'About you')}</h2>
      ${radios(
        view,
        lang,
        'applicantType',
        applicantTypes.map((v) => ({ value: v, zh: applicantTypeLabels[v], en: APPLICANT_EN[v] ?? v })),
      )}
      ${textField(view, lang, 'name', { required: true, autocomplete: 'name' })}
      ${radios(
        view,
        lang,
        'identityKind',
        [
          { value: 'residentId', zh: '居民身份证', en: 'Resident identity card' },
          { value: 'creditCode', zh: '统一社会信用代码', en: 'Unified social credit code' },
          { value: 'other', zh: '其他证件', en: 'Other document' },
        ],
        [
          '自然人一般选择居民身份证；法人或其他组织选择统一社会信用代码。',
          'Individuals usually give their resident identity card; organisations their credit code.',
        ],
      )}
      ${textField(view, lang, 'identityNumber', {
        required: true,
        max: 64,
        hint: [
          '18 位身份证号码或统一社会信用代码，最后一位校验码会自动核对。',
          'The 18-character number; its check digit is verified.',
        ],
      })}
      <h2>${t(lang, '联系方式（至少填写一项）', 'How to contact you (at least one)')}</h2>
      ${textField(view, lang, 'phone', { type: 'tel', autocomplete: 'tel', max: 64 })}
      ${textField(view, lang, 'email', { type: 'email', autocomplete: 'email' })}
      ${textField(view, lang, 'address', { autocomplete: 'street-address', max: 500 })}
      ${textField(view, lang, 'contactPerson')}
      <h2>${t(lang, '所需信息', 'The information you need')}</h2>
      ${textField(view, lang, 'title', { max: 500 })} ${textField(view, lang, 'documentNumber')}
      <div class="field${view.errors.description ? ' error' : ''}">
        <label for="description">${t(lang, ...LABELS.description)}</label>
        <p class="hint" id="description-hint">
          ${t(lang, '写明信息的内容、时间范围等，便于机关查找。', 'Say what it is about and the period it covers, so the office can find it.')}
        </p>
        ${errorOf(view, 'description')}
        <textarea
          id="description"
          name="description"
          maxlength="5000"
          rows="6"
          aria-describedby="${described(view, 'description', true)}"
          ${view.errors.description ? html`aria-invalid="true"` : ''}
        >
${view.values.description ?? ''}</textarea>
      </div>
      ${radios(view, lang, 'medium', [
        { value: 'electronic', zh: '电子文本', en: 'Electronic' },
        { value: 'paper', zh: '纸质文本', en: 'Paper' },
        { value: 'inspection', zh: '查阅', en: 'To inspect' },
      ])}
      ${radios(view, lang, 'delivery', [
        { value: 'online', zh: '网上获取', en: 'Online' },
        { value: 'email', zh: '电子邮件', en: 'E-mail' },
        { value: 'post', zh: '邮寄', en: 'Post' },
        { value: 'pickup', zh: '自行领取', en: 'Collect in person' },
        { value: 'fax', zh: '传真', en: 'Fax' },
      ])}
      <button type="submit" class="button">${t(lang, '提交申请', 'Submit the application')}</button>
    </form>`;
}

export function receiptBody(
  a: PortalAgency,
  receipt: { trackingNumber: string; queryCode: string | null; replayed: boolean; registeredOn: string },
  lang: Lang,
): Html {
  return html`<div class="panel receipt" role="status">
      <h1>${t(lang, '申请已提交', 'Application submitted')}</h1>
      <p>${t(lang, '受理编号', 'Tracking number')}</p>
      <p class="big" id="tracking-number">${receipt.trackingNumber}</p>
      ${
        receipt.queryCode
          ? html`<p>${t(lang, '查询码', 'Query code')}</p>
              <p class="big" id="query-code">${receipt.queryCode}</p>`
          : ''
      }
    </div>
    ${
      receipt.replayed
        ? html`<p class="notice">
            ${t(lang, '这份申请表已经提交过，没有重复登记；以上是它的受理编号。', 'This form was already submitted; it was not filed twice. Above is its tracking number.')}
          </p>`
        : ''
    }
    <p>
      ${t(
        lang,
        `${a.name}已于 ${receipt.registeredOn} 收到您的在线申请。以互联网渠道提交的申请，以双方确认之日为收到申请之日（条例第三十一条第三项），答复期限从那天起算 20 个工作日。`,
        `${a.name} received your online application on ${receipt.registeredOn}. An online application counts as received when the office confirms it (Article 31(3)); the 20 working days run from then.`,
      )}
    </p>
    <p>
      ${t(lang, '请保存或打印本页。凭受理编号和查询码可以', 'Print or keep this page. With the tracking number and query code you can')}
      <a href="${withLang('/gk/status', lang)}">${t(lang, '查询办理状态', 'look up the status')}</a>。
    </p>
    <p class="no-print muted">
      ${t(lang, '打印：使用浏览器的“打印”功能，页面会只打印回执内容。', 'To print, use your browser’s Print; only the receipt is printed.')}
    </p>`;
}

export function statusForm(lang: Lang, values: { number?: string; problem?: string } = {}): Html {
  return html`<h1>${t(lang, '查询申请办理状态', 'Look up an application')}</h1>
    ${
      values.problem
        ? html`<div class="error-summary" role="alert" id="errors">
            <h2>${t(lang, '没有查到', 'Not found')}</h2>
            <p>${values.problem}</p>
          </div>`
        : ''
    }
    <p>
      ${t(
        lang,
        '输入提交申请时得到的受理编号和查询码。查询结果只显示办理进度，不显示个人信息。',
        'Enter the tracking number and query code you received. Only the progress is shown, never personal data.',
      )}
    </p>
    <form method="post" action="${withLang('/gk/status', lang)}" novalidate>
      <div class="field">
        <label for="number">${t(lang, '受理编号', 'Tracking number')}</label>
        <input
          type="text"
          id="number"
          name="number"
          value="${values.number ?? ''}"
          maxlength="64"
          autocomplete="off"
        />
      </div>
      <div class="field">
        <label for="code">${t(lang, '查询码', 'Query code')}</label>
        <input type="text" id="code" name="code" value="" maxlength="64" autocomplete="off" />
      </div>
      <button type="submit" class="button">${t(lang, '查询', 'Look up')}</button>
    </form>`;
}

export function statusResult(status: PublicStatus, lang: Lang): Html {
  const row = (th: string, value: string | null) =>
    html`<tr>
      <th scope="row">${th}</th>
      <td>${value ?? '—'}</td>
    </tr>`;
  return html`<h1>${t(lang, '申请办理状态', 'Application status')}</h1>
    <div class="table-wrap">
      <table class="meta">
        <tbody>
          ${row(t(lang, '受理编号', 'Tracking number'), status.trackingNumber)}
          ${row(t(lang, '受理机关', 'Agency'), status.agencyName)}
          ${row(t(lang, '当前状态', 'Status'), caseStatusLabels[status.status][lang])}
          ${row(t(lang, '登记日期', 'Registered'), status.registeredOn)}
          ${row(t(lang, '收到申请日期', 'Received'), status.receivedOn)}
          ${row(t(lang, '答复期限', 'Answer due'), status.dueOn)}
          ${row(t(lang, '办结日期', 'Closed'), status.closedOn)}
          ${row(
            t(lang, '办理结果', 'Outcome'),
            status.outcome
              ? lang === 'en'
                ? outcomeOf(status.outcome).row.labelEn
                : outcomeOf(status.outcome).row.label
              : null,
          )}
        </tbody>
      </table>
    </div>
    <h2>${t(lang, '办理过程', 'History')}</h2>
    <ol>
      ${status.history.map(
        (h) =>
          html`<li>
            <time datetime="${h.date}">${h.date}</time>
            ${(caseEventLabels as Record<string, { zh: string; en: string }>)[h.type]?.[lang] ?? h.type}
          </li>`,
      )}
    </ol>
    <p>
      <a href="${withLang('/gk/status', lang)}"
        >${t(lang, '查询另一件申请', 'Look up another application')}</a
      >
    </p>`;
}

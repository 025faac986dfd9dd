/** The public report checker: the form, and a checked report shown as tables with findings, doubts and downloads. */
import { cellName, listCells } from '../../core/report/cells.js';
import { countBySeverity, RULES, type Finding } from '../../core/report/findings.js';
import type { AnnualReport, ReaderDoubt } from '../../core/report/model.js';
import { limits } from '../../core/limits.js';
import { html, type Html } from './html.js';
import { withLang, words, type Lang } from './i18n.js';
import { cellId, indexFindings, marksFor, partAnchor, reportTables } from './report-tables.js';

/** A report as the checker shows it. */
export interface CheckView {
  /** The file name, or 粘贴的文字 for pasted text. */
  name: string;
  format: string;
  report: AnnualReport;
  findings: Finding[];
  doubts: ReaderDoubt[];
}

const MB = Math.round(limits.reportUploadMaxBytes / 1024 / 1024);

/** The form: paste text or choose a file. `problem` is shown above it when a check could not run. */
export function checkForm(lang: Lang, options: { problem?: string; text?: string } = {}): Html {
  const w = words(lang);
  return html`<h1>${w.checkTitle}</h1>
    <p class="intro">${w.checkIntro}</p>
    <p class="notice">${w.privacy}</p>
    ${
      options.problem
        ? html`<div class="problem" role="alert" id="problem"><p>${options.problem}</p></div>`
        : ''
    }
    <form class="check" method="post" action="${withLang('/check', lang)}" enctype="multipart/form-data">
      <label for="text">${w.pasteLabel}</label>
      <p class="hint" id="text-hint">${w.pasteHint}</p>
      <textarea id="text" name="text" rows="12" aria-describedby="text-hint">${options.text ?? ''}</textarea>
      <label for="file">${w.fileLabel}</label>
      <p class="hint" id="file-hint">${w.fileHint(MB)}</p>
      <input
        id="file"
        name="file"
        type="file"
        accept=".txt,.text,.html,.htm,.docx,.pdf,.json,text/plain,text/html,application/pdf,application/json,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        aria-describedby="file-hint"
      />
      <div><button class="primary" type="submit">${w.submit}</button></div>
    </form>`;
}

/** The findings, numbered as the marks on the cells, each linking to its cell. */
export function findingsList(view: CheckView, lang: Lang, prefix = ''): Html {
  const w = words(lang);
  const en = lang === 'en';
  if (view.findings.length === 0) return html`<p>${w.noFindings}</p>`;
  return html`<ol class="findings-list">
    ${view.findings.map((finding, i) => {
      const rule = RULES[finding.rule];
      const amounts =
        typeof finding.expected === 'number' || typeof finding.actual === 'number'
          ? html`<br /><span class="hint"
                >${w.expectedActual(String(finding.expected ?? w.blank), String(finding.actual ?? w.blank))}</span
              >`
          : '';
      return html`<li id="${prefix}f-${i + 1}" data-rule="${finding.rule}" data-path="${finding.path}">
        <span class="badge ${finding.severity}"
          >${finding.severity === 'error' ? `✗ ${w.error}` : `! ${w.warning}`}</span
        >
        <strong>${rule ? (en ? rule.en : rule.zh) : finding.rule}</strong>
        · ${target(view, prefix, finding.path, cellName(finding.path, lang))}<br />
        ${en ? finding.messageEn : finding.message}${amounts}
      </li>`;
    })}
  </ol>`;
}

/** A link to the cell or part a finding or doubt names, or just its name when the page has no such place. */
function target(view: CheckView, prefix: string, path: string, name: string): Html {
  const isCell = listCells(view.report).some((cell) => cell.path === path);
  const anchor = isCell ? cellId(prefix, path) : partAnchor(prefix, path);
  return anchor ? html`<a href="#${anchor}">${name}</a>` : html`${name}`;
}

/** What the reader was unsure of. */
export function doubtsList(view: CheckView, lang: Lang, prefix = ''): Html {
  const w = words(lang);
  if (view.doubts.length === 0) return html`<p>${w.noDoubts}</p>`;
  return html`<ul class="doubts">
    ${view.doubts.map(
      (doubt) =>
        html`<li data-kind="${doubt.kind}">
          ${
            doubt.path ? html`${target(view, prefix, doubt.path, cellName(doubt.path, lang))}：` : ''
          }${lang === 'en' ? (doubt.messageEn ?? doubt.message) : doubt.message}
        </li>`,
    )}
  </ul>`;
}

/** The hidden fields that re-send a checked report (downloads, language switch): nothing is kept on the server. */
export function resendFields(view: CheckView): Html {
  return html`<input type="hidden" name="name" value="${view.name}" />
    <input type="hidden" name="format" value="${view.format}" />
    <input type="hidden" name="report" value="${JSON.stringify(view.report)}" />`;
}

/** The id of the form holding a result's re-send fields (the language switch submits it too). */
export const resendFormId = (prefix = '') => `${prefix}resend`;

/**
 * The download buttons: a POST that re-sends the report; the server checks it again and answers a file. The page
 * carries the report once, in this form; the language switch is a button of this form with its own action.
 */
export function downloadForm(view: CheckView, lang: Lang, prefix = ''): Html {
  const w = words(lang);
  return html`<form
    method="post"
    action="${withLang('/check/export', lang)}"
    class="downloads"
    id="${resendFormId(prefix)}"
  >
    ${resendFields(view)}
    <button class="secondary" type="submit" name="as" value="json">${w.downloadJson}</button>
    <button class="secondary" type="submit" name="as" value="csv">${w.downloadCsv}</button>
  </form>`;
}

/** The summary of a checked report: agency, year, template, counts. */
export function summary(view: CheckView, lang: Lang, prefix = ''): Html {
  const w = words(lang);
  const index = indexFindings(view.findings);
  const marks = (path: string) => marksFor(index, path, prefix, lang);
  const { errors, warnings } = countBySeverity(view.findings);
  const template = view.report.template === '2021' ? w.template2021 : w.template2019;
  return html`<div class="summary">
    <p class="verdict ${errors > 0 ? 'bad' : 'good'}"${prefix ? '' : html` id="verdict"`}>
      ${errors > 0 ? `✗ ${w.inconsistent(errors)}` : `✓ ${w.consistent}`} (${w.counts(errors, warnings)})
    </p>
    <dl>
      <dt>${w.agency}</dt>
      <dd id="${prefix}summary-agency">
        <span${prefix ? '' : html` id="agency"`}>${view.report.agency ?? w.unknown}</span>${marks('agency')}
      </dd>
      <dt>${w.year}</dt>
      <dd id="${prefix}summary-year">${view.report.year ?? w.unknown}${marks('year')}</dd>
      <dt>${w.template}</dt>
      <dd id="${prefix}summary-template">${template}${marks('template')}</dd>
      <dt>${w.source}</dt>
      <dd>${view.name} (${view.format.toUpperCase()})</dd>
    </dl>
  </div>`;
}

/** A checked report: summary, downloads, the tables beside the findings, and the reader's doubts. */
export function reportView(view: CheckView, lang: Lang, prefix = '', headingLevel: 1 | 2 = 1): Html {
  const w = words(lang);
  const title = `${view.report.agency ?? view.name}${view.report.year ? ` ${view.report.year}` : ''}`;
  const heading =
    headingLevel === 1 ? html`<h1>${w.resultTitle(title)}</h1>` : html`<h2 id="${prefix}title">${title}</h2>`;
  return html`${heading} ${summary(view, lang, prefix)}
    <h${headingLevel + 1}>${w.downloads}</h${headingLevel + 1}>
    ${downloadForm(view, lang, prefix)}
    <div class="layout">
      <aside class="findings" aria-labelledby="${prefix ? `${prefix}title ` : ''}${prefix}h-findings">
        <h${headingLevel + 1} id="${prefix}h-findings">${w.findings}</h${headingLevel + 1}>
        ${findingsList(view, lang, prefix)}
        <h${headingLevel + 1} id="${prefix}h-doubts">${w.doubts}</h${headingLevel + 1}>
        ${doubtsList(view, lang, prefix)}
      </aside>
      <div class="tables">
        <p class="hint">${w.tablesHint}</p>
        ${reportTables(view.report, view.findings, lang, prefix)}
      </div>
    </div>`;
}

/** The result page body: the report, then a way to check another. */
export function resultBody(view: CheckView, lang: Lang): Html {
  const w = words(lang);
  return html`${reportView(view, lang)}
    <p><a href="${withLang('/check', lang)}">${w.checkAnother}</a></p>`;
}

/**
 * Errors in words. The server's coded errors carry a Chinese and an English message; the console shows the
 * one of the current language, adds advice for the codes where a person can act, and never shows a code, a
 * stack or a raw body. Validation issues are put on the form's fields where the form names them.
 */
import { ApiError } from '../api/client';
import { lang } from './lang';

/** What a person can do about some errors (shown after the server's message). */
const advice: Record<string, { zh: string; en: string }> = {
  CSRF_TOKEN_INVALID: { zh: '请刷新页面后重试。', en: 'Reload the page and try again.' },
  APPLICATION_CHANGED: { zh: '请刷新页面查看最新情况。', en: 'Reload the page to see the latest state.' },
  FORBIDDEN: { zh: '如需此权限，请联系本单位管理员。', en: 'Ask your administrator for this permission.' },
  RATE_LIMITED: { zh: '请稍候片刻再试。', en: 'Wait a moment and try again.' },
};

/** One message for a person, from anything thrown. */
export function errorText(error: unknown): string {
  const en = lang.value === 'en';
  if (error instanceof ApiError) {
    const base = en ? error.messageEn : error.messageZh;
    const more = advice[error.code];
    return more ? `${base}${en ? ' ' : ''}${en ? more.en : more.zh}` : base;
  }
  return en
    ? 'Something went wrong in the console; reload the page and try again.'
    : '工作台出现错误，请刷新页面后重试。';
}

interface Issue {
  path: string;
  /** Chinese; `messageEn` is the same in English (the server translates every validation message). */
  message: string;
  messageEn?: string;
}

function issuesOf(error: unknown): Issue[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return [];
  const details = error.details as { issues?: Issue[] } | undefined;
  return Array.isArray(details?.issues) ? details.issues : [];
}

/** The issue in the console's language; older servers sent zod's English words, mapped here. */
function issueWords(issue: Issue): string {
  const en = lang.value === 'en';
  if (issue.messageEn !== undefined) return en ? issue.messageEn : issue.message;
  const message = issue.message;
  // Bilingual messages written in the schemas: "中文 / English".
  const pair = message.split(' / ');
  if (pair.length === 2 && /[\u4e00-\u9fff]/.test(pair[0]!)) return en ? pair[1]! : pair[0]!;
  if (/too small|>=1 char|required|received undefined/i.test(message)) return en ? 'required' : '必填';
  if (/too big|<=/i.test(message)) return en ? 'too long' : '内容过长';
  if (/email/i.test(message)) return en ? 'not an e-mail address' : '电子邮箱格式不正确';
  if (/url|uri/i.test(message)) return en ? 'not a web address' : '网址格式不正确';
  if (/date|YYYY/i.test(message)) return en ? 'not a date' : '日期格式不正确';
  if (/number|integer/i.test(message)) return en ? 'not a whole number' : '应为整数';
  if (/enum|option/i.test(message)) return en ? 'not one of the choices' : '不是可选的值';
  return en ? 'invalid value' : '填写有误';
}

/**
 * Field errors by form path (e.g. `applicant.identityNumber`), for the paths the form knows; everything else
 * comes back in `rest` as sentences naming the field by `labels`.
 */
export function fieldErrors(
  error: unknown,
  labels: Record<string, string>,
): { fields: Record<string, string>; rest: string[] } {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const issue of issuesOf(error)) {
    const text = issueWords(issue);
    if (issue.path in labels) fields[issue.path] ??= text;
    else rest.push(text);
  }
  return { fields, rest };
}

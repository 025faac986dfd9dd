import { z } from 'zod';
import { DomainError } from '../../core/errors.js';
import { findUnsafeText, unsafeTextMessages } from '../../core/input-rules.js';

const zhMessages = z.locales.zhCN().localeError;
const enMessages = z.locales.en().localeError;

export interface ValidationIssue {
  path: string;
  /** Chinese (the default message). */
  message: string;
  messageEn: string;
}

/** A custom message written "中文 / English" is split into its languages; any other is used for both. */
function splitBilingual(message: string): [string, string] | null {
  const at = message.lastIndexOf(' / ');
  if (at <= 0 || !/[\u3400-\u9fff]/.test(message.slice(0, at))) return null;
  return [message.slice(0, at), message.slice(at + 3)];
}

/** A VALIDATION_FAILED error listing the issues: a Chinese message in Chinese, an English one in English. */
export function validationError(issues: ValidationIssue[]): DomainError {
  const zh = issues.map((i) => `${i.path || '（整体）'}：${i.message}`).join('；');
  const en = issues.map((i) => `${i.path || '(root)'}: ${i.messageEn}`).join('; ');
  return new DomainError('VALIDATION_FAILED', `输入无效：${zh}`, `invalid input: ${en}`, { issues });
}

/** The refusal of a text with NUL, control, bidirectional-override characters or lone surrogates. */
export function unsafeTextError(value: unknown): DomainError | null {
  const found = findUnsafeText(value);
  if (!found) return null;
  const [zh, en] = unsafeTextMessages[found.reason];
  return validationError([{ path: found.path, message: zh, messageEn: en }]);
}

/**
 * Parses input at the edge of a use case. Texts with characters that cannot be stored or that would print
 * differently from what is shown are refused first; a schema failure lists every issue in both languages
 * (zod's own words in its zh-CN and en locales; this project's messages are written "中文 / English").
 */
export function validate<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const unsafe = unsafeTextError(input);
  if (unsafe) throw unsafe;
  const result = schema.safeParse(input, { error: zhMessages });
  if (result.success) return result.data;
  const english = schema.safeParse(input, { error: enMessages });
  const issues = result.error.issues.map((issue, index) => {
    const path = issue.path.map(String).join('.');
    const bilingual = splitBilingual(issue.message);
    if (bilingual) return { path, message: bilingual[0], messageEn: bilingual[1] };
    const en = english.success ? undefined : english.error.issues[index]?.message;
    return { path, message: issue.message, messageEn: en ?? issue.message };
  });
  throw validationError(issues);
}

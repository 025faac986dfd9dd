/**
 * The time-stamped, signed token of the online application form: the flood guard that needs no outside CAPTCHA.
 * A token is `issuedAt.nonce.signature` (HMAC-SHA256 under a server secret). A form sent back sooner than a person
 * could fill it, or after it expired, or with a token this server did not sign, is refused with its data kept;
 * the nonce is the form's idempotency key, so sending the same form twice files one application.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../core/errors.js';

export interface FormTokenPolicy {
  /** Seconds a person needs at least (a script posts at once). */
  minSeconds: number;
  /** Seconds a form stays valid. */
  maxSeconds: number;
}

export const defaultFormTokenPolicy: FormTokenPolicy = { minSeconds: 3, maxSeconds: 4 * 3600 };

function sign(secret: Uint8Array, payload: string): string {
  return createHmac('sha256', secret).update(`gongkai-form\0${payload}`).digest('base64url');
}

export function issueFormToken(secret: Uint8Array, now: Date): string {
  const payload = `${Math.floor(now.getTime() / 1000)}.${randomBytes(18).toString('base64url')}`;
  return `${payload}.${sign(secret, payload)}`;
}

function refused(zh: string, en: string): DomainError {
  return new DomainError('FORM_TOKEN_INVALID', zh, en);
}

/** The form's nonce when its token is sound; FORM_TOKEN_INVALID otherwise (the page keeps what was typed). */
export function checkFormToken(
  secret: Uint8Array,
  token: string,
  now: Date,
  policy: FormTokenPolicy = defaultFormTokenPolicy,
): string {
  const parts = token.split('.');
  if (parts.length !== 3 || !/^\d{1,12}$/.test(parts[0]!) || !/^[\w-]{16,64}$/.test(parts[1]!)) {
    throw refused(
      '表单无效，请使用本网站的申请表重新提交。',
      'The form is not valid; submit it again from this site.',
    );
  }
  const expected = Buffer.from(sign(secret, `${parts[0]}.${parts[1]}`));
  const given = Buffer.from(parts[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw refused(
      '表单无效，请使用本网站的申请表重新提交。',
      'The form is not valid; submit it again from this site.',
    );
  }
  const age = now.getTime() / 1000 - Number(parts[0]);
  if (age < policy.minSeconds) {
    throw refused(
      '提交太快了：请核对填写的内容后再提交。',
      'That was too quick: check what you entered, then submit again.',
    );
  }
  if (age > policy.maxSeconds) {
    throw refused(
      '表单已过期：已保留您填写的内容，请再次提交。',
      'The form has expired: what you entered is kept; submit it again.',
    );
  }
  return parts[1]!;
}

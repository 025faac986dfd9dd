/** A stable error code with a message for people in Chinese and English; add new codes to `ErrorCode`. */
export type ErrorCode =
  | 'INVALID_DATE'
  | 'INVALID_NUMBER'
  | 'INVALID_RANGE'
  | 'CALENDAR_YEAR_MISSING'
  | 'CALENDAR_YEAR_EXISTS'
  | 'CALENDAR_FILE_INVALID'
  | 'CALENDAR_DUPLICATE_DAY'
  | 'CALENDAR_HOLIDAY_ALSO_WORKDAY'
  | 'EXTENSION_ALREADY_GRANTED'
  | 'EXTENSION_TOO_LONG'
  | 'EXTENSION_APPROVER_MISSING'
  | 'CLOCK_EVENT_INVALID'
  | 'FEE_METHOD_CONFLICT'
  // Reading and checking reports.
  | 'REPORT_UNREADABLE'
  | 'REPORT_INVALID'
  | 'REPORT_FORMAT_UNSUPPORTED'
  | 'REPORT_NOT_FOUND'
  | 'REPORT_NEEDS_OCR'
  | 'UPLOAD_TOO_LARGE'
  | 'UPLOAD_INVALID'
  | 'REPORT_TOO_LARGE'
  | 'REPORT_TIMEOUT'
  | 'REPORT_READER_FAILED'
  | 'REPORT_CHECKER_UNAVAILABLE'
  | 'REPORT_CHECKER_BUSY'
  | 'RATE_LIMITED'
  | 'CASE_FACTS_INVALID'
  // Publishing intake (主动公开): notice bodies, attachments, catalogue imports.
  | 'BODY_TOO_LARGE'
  | 'ATTACHMENT_TYPE_REFUSED'
  | 'ATTACHMENT_TOO_LARGE'
  | 'ATTACHMENT_UNREADABLE'
  | 'ATTACHMENT_TIMEOUT'
  | 'ATTACHMENT_EXTRACTOR_UNAVAILABLE'
  | 'IMPORT_INVALID'
  // Disclosure applications (依申请公开办件).
  | 'TRANSITION_NOT_ALLOWED'
  | 'APPLICATION_NOT_FOUND'
  | 'APPEAL_NOT_FOUND'
  | 'APPEAL_INVALID'
  | 'APPLICATION_CHANGED'
  // Answer documents (告知书 / 答复书) and their templates.
  | 'ANSWER_TEMPLATE_INVALID'
  | 'ANSWER_TEMPLATE_KIND_UNKNOWN'
  | 'ANSWER_TEMPLATE_VERSION_CONFLICT'
  | 'ANSWER_NOT_AVAILABLE'
  | 'ANSWER_NOT_ISSUED'
  // 主动公开: documents, their review and publication.
  | 'DOCUMENT_INVALID'
  | 'DOCUMENT_NOT_FOUND'
  | 'DOCUMENT_NOT_EDITABLE'
  | 'DOCUMENT_CHANGED'
  | 'DOCUMENT_BLOCKED'
  | 'ATTACHMENT_INVALID'
  | 'ATTACHMENT_NOT_FOUND'
  | 'PUBLISHING_SETTINGS_INVALID'
  // Report exports (DOCX, PDF, XLSX) and publication.
  | 'EXPORT_FORMAT_UNKNOWN'
  | 'EXPORT_UNAVAILABLE'
  | 'REPORT_NO_DATA'
  // The public portal: search and the online application form.
  | 'SEARCH_QUERY_TOO_LONG'
  | 'PORTAL_PAGE_NOT_FOUND'
  | 'FORM_TOKEN_INVALID'
  // The platform: configuration, accounts, agencies, backups.
  | 'ACCOUNT_LOCKED'
  | 'AGENCY_CODE_TAKEN'
  | 'AGENCY_CYCLE'
  | 'AGENCY_NOT_FOUND'
  | 'BACKUP_INVALID'
  | 'BACKUP_UNSUPPORTED'
  | 'CONFIG_INVALID'
  | 'CSRF_TOKEN_INVALID'
  | 'CURSOR_INVALID'
  | 'DATABASE_IN_USE'
  | 'DATABASE_NOT_FOUND'
  | 'DATABASE_URL_INVALID'
  | 'FORBIDDEN'
  | 'GRANT_NOT_FOUND'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'LAST_GRANT'
  | 'LOGIN_FAILED'
  | 'LOGIN_THROTTLED'
  | 'PASSWORD_WRONG'
  | 'TOKEN_NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'USERNAME_TAKEN'
  | 'USER_NOT_FOUND'
  | 'VALIDATION_FAILED';

/** An error of the domain: a stable code plus a Chinese and an English message. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details?: unknown,
  ) {
    super(`${code}: ${messageZh} / ${messageEn}`);
    this.name = 'DomainError';
  }

  /** The message in one language, or both ("中文 / English") when no language is given. */
  text(lang?: 'zh' | 'en'): string {
    if (lang === 'zh') return this.messageZh;
    if (lang === 'en') return this.messageEn;
    return `${this.messageZh} / ${this.messageEn}`;
  }
}

/** True when `error` is a DomainError, optionally with the given code. */
export function isDomainError(error: unknown, code?: ErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}

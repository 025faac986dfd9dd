/** The one table from coded errors to HTTP status. Codes not listed answer 400. */
export const errorStatus: Record<string, number> = {
  VALIDATION_FAILED: 400,
  AGENCY_CYCLE: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  LOGIN_FAILED: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  NOT_FOUND: 404,
  AGENCY_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  TOKEN_NOT_FOUND: 404,
  AGENCY_CODE_TAKEN: 409,
  USERNAME_TAKEN: 409,
  PAYLOAD_TOO_LARGE: 413,
  UPLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
};

export function statusOf(code: string): number {
  return errorStatus[code] ?? 400;
}

/** Security and size limits, in one place so server, CLI and UI agree. */
export const limits = {
  // Failed sign-ins are throttled with growing delays, not locked: src/core/login-throttle.ts.
  /** A session ends after this long without a request… */
  sessionIdleMs: 30 * 60_000,
  /** …and in any case this long after login. */
  sessionAbsoluteMs: 12 * 60 * 60_000,
  /** Sessions record activity at most this often (avoids a write per request). */
  sessionTouchIntervalMs: 60_000,
  /** API tokens expire after this many days unless made shorter (GONGKAI_TOKEN_EXPIRY_DAYS sets it)… */
  tokenExpiryDays: 90,
  /** …which may be set up to this many. */
  tokenExpiryMaxDays: 3650,
  /** A token's last use is recorded at most this often. */
  tokenTouchIntervalMs: 60_000,
  /** scrypt cost (log2 N) used in production; tests may lower it through configuration only. */
  scryptLog2N: 15,
  scryptMinLog2NOutsideTests: 14,
  passwordMinLength: 12,
  passwordMaxLength: 256,
  usernameMaxLength: 64,
  nameMaxLength: 200,
  textMaxLength: 2000,
  auditPageMax: 500,
  /** The largest report file the report checker accepts (web upload). */
  reportUploadMaxBytes: 20 * 1024 * 1024,
  /** The largest pasted report text (UTF-8 bytes). */
  reportTextMaxBytes: 2 * 1024 * 1024,
  /** Batch check: files in one upload, and their total size. */
  batchMaxFiles: 50,
  batchMaxTotalBytes: 50 * 1024 * 1024,
  /** Zip archives in a batch: entries, and the total size once decompressed (zip-bomb guard). */
  zipMaxEntries: 200,
  zipMaxUncompressedBytes: 64 * 1024 * 1024,
  /** Public report checks (/check and its re-sends) per client IP and minute. */
  checkPerMinute: 30,
  /** Checks that may wait for a report-checker worker, per worker, beyond those running; more get 503 at once. */
  checkWaitingPerWorker: 8,
  /** Re-sent results (download, language switch, sort): the largest form body. */
  resendMaxBytes: 20 * 1024 * 1024,
} as const;

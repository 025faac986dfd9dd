/** An application error with a stable code and a message in Chinese and English; mapped to HTTP status in src/server. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details?: unknown,
  ) {
    super(`${messageZh} / ${messageEn}`);
    this.name = 'DomainError';
  }
}

/**
 * Coded domain errors: a stable code, a Chinese message and its English, optional details. Exceptions are
 * for unreadable input and illegal operations; validation returns findings instead (DESIGN-GUIDE §4–5).
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(`${code}: ${messageEn}`);
    this.name = 'DomainError';
  }
}

import type { DomainError } from '../../core/errors.js';

/** The JSON body of every error response. */
export function presentError(error: Pick<DomainError, 'code' | 'messageZh' | 'messageEn' | 'details'>) {
  return {
    error: {
      code: error.code,
      message: error.messageZh,
      messageEn: error.messageEn,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
}

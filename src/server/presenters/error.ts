/** The JSON body of every error response. */
export function presentError(error: {
  code: string;
  messageZh: string;
  messageEn: string;
  details?: unknown;
}) {
  return {
    error: {
      code: error.code,
      message: error.messageZh,
      messageEn: error.messageEn,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
}

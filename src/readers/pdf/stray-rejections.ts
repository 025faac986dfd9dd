/**
 * pdf.js runs its "worker" in this thread, and on a damaged file some of its internal promises reject with nobody
 * awaiting them (seen with `XRefEntryException: Bad (uncompressed) XRef entry` on PDFs with bytes deleted), after
 * the call we do await has already failed with its own error and become REPORT_UNREADABLE. Such a stray rejection
 * says nothing new, but Node's default would end the process (the CLI, a scan worker, the web checker's worker).
 *
 * `ignorePdfJsStrayRejections` installs one listener that drops exactly these: pdf.js's own exception classes
 * (every one carries `BaseExceptionClosure`, pdf.js's exception factory, in its stack). Anything else keeps
 * Node's default: when no other listener exists, it is re-thrown as an uncaught exception.
 */

/** pdf.js's exception class names (pdfjs-dist 5, src/shared/util.js and src/core/core_utils.js). */
const PDFJS_EXCEPTIONS = new Set([
  'AbortException',
  'FormatError',
  'InvalidPDFException',
  'MissingDataException',
  'ParserEOFException',
  'PasswordException',
  'ResponseException',
  'UnknownErrorException',
  'XRefEntryException',
  'XRefParseException',
]);

/** True for an error raised inside pdf.js (by its exception factory), judged by name and stack only. */
export function isPdfJsError(reason: unknown): boolean {
  if (typeof reason !== 'object' || reason === null) return false;
  const { name, stack } = reason as { name?: unknown; stack?: unknown };
  return (
    typeof name === 'string' &&
    PDFJS_EXCEPTIONS.has(name) &&
    typeof stack === 'string' &&
    stack.includes('BaseExceptionClosure')
  );
}

let installed = false;

/** Installs the listener once per thread (called when pdf.js is loaded). */
export function ignorePdfJsStrayRejections(): void {
  if (installed) return;
  installed = true;
  const listener = (reason: unknown): void => {
    if (isPdfJsError(reason)) return;
    // Node's default for an unhandled rejection, kept when nobody else listens: fail as an uncaught exception.
    if (process.listenerCount('unhandledRejection') === 1) throw reason;
  };
  process.on('unhandledRejection', listener);
}

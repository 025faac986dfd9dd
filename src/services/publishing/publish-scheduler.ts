import { systemOperator } from '../accounts/principal.js';
import type { PlatformDeps } from '../platform/platform.js';
import { publishDueDocuments, type DuePublication } from './document-actions.js';

/**
 * The timer that publishes scheduled documents: every `intervalMs` (default one minute) it publishes what is due, as
 * the system. Runs never overlap; a failed item stays scheduled and is reported to `onResult`. Returns a stop function.
 */
export function startPublishScheduler(
  deps: PlatformDeps,
  onResult: (results: DuePublication[], error?: unknown) => void,
  intervalMs = 60_000,
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const results = await publishDueDocuments(deps, systemOperator);
      if (results.length > 0) onResult(results);
    } catch (error) {
      onResult([], error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}

import type { PlatformDeps } from '../platform/platform.js';
import type { Principal } from '../accounts/principal.js';
import { documentView, loadDocument, todayOf, type DocumentView } from './document-view.js';

/** One document with its working version, history, deadline, links, channels and 修订记录. */
export async function getDocument(
  deps: PlatformDeps,
  principal: Principal,
  ref: string,
): Promise<DocumentView> {
  const { stored, agency } = await loadDocument(deps.db, principal, ref);
  return documentView(deps.db, stored, agency, todayOf(deps.clock));
}

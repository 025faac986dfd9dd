import { sessionsRepository } from '../../storage/sessions-repository.js';
import { withAudit } from '../audit/audit-trail.js';
import type { PlatformDeps } from '../platform/platform.js';
import type { Principal } from './principal.js';
import { hashSecret } from './secret-hash.js';
import { homeAgencyOf } from './user-view.js';

/** Ends a session. */
export async function logOut(
  deps: PlatformDeps,
  principal: Principal & { kind: 'staff' },
  sessionId: string,
): Promise<void> {
  await withAudit(deps, principal, async (trx, record) => {
    await sessionsRepository.delete(trx, hashSecret(sessionId));
    record({
      action: 'auth.logout',
      entityType: 'session',
      entityId: principal.userId,
      agencyId: homeAgencyOf(principal),
      before: null,
      after: null,
    });
  });
}

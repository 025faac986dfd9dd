import { limits } from '../../core/limits.js';
import { sessionsRepository } from '../../storage/sessions-repository.js';
import { usersRepository } from '../../storage/users-repository.js';
import type { PlatformDeps } from '../platform/platform.js';
import { staffPrincipal, type Principal } from './principal.js';
import { hashSecret } from './secret-hash.js';

export interface ResolvedSession {
  principal: Principal & { kind: 'staff' };
  csrfToken: string;
}

/** The staff member behind a session cookie, or null when the session is unknown, idle too long or past its end. */
export async function resolveSession(
  deps: PlatformDeps,
  sessionId: string,
  ip: string,
): Promise<ResolvedSession | null> {
  const idHash = hashSecret(sessionId);
  const session = await sessionsRepository.findByIdHash(deps.db, idHash);
  if (!session) return null;
  const now = deps.clock().getTime();
  const lastSeen = new Date(session.last_seen_at).getTime();
  if (now >= new Date(session.expires_at).getTime() || now - lastSeen >= limits.sessionIdleMs) {
    await sessionsRepository.delete(deps.db, idHash);
    return null;
  }
  const user = await usersRepository.findById(deps.db, session.user_id);
  if (!user || user.disabledAt !== null) return null;
  if (now - lastSeen >= limits.sessionTouchIntervalMs) {
    await sessionsRepository.touch(deps.db, idHash, new Date(now).toISOString());
  }
  return {
    principal: staffPrincipal(user, 'session', ip),
    csrfToken: session.csrf_token,
  };
}

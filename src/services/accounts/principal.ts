import type { AuditActor } from '../../core/audit.js';
import type { RoleGrant } from '../../core/roles.js';

/** Who is acting: a staff member (through a session or an API token) or the operator at the command line. */
export type Principal =
  | {
      kind: 'staff';
      userId: string;
      username: string;
      grants: RoleGrant[];
      via: 'session' | 'token';
      ip: string;
    }
  | {
      kind: 'operator';
      label: 'cli' | 'system';
      /** The operating-system account at the command line. */ osUser?: string;
    };

export const cliOperator: Principal = { kind: 'operator', label: 'cli' };
export const systemOperator: Principal = { kind: 'operator', label: 'system' };

/** The command-line operator, named by their operating-system account so CLI changes stay attributable. */
export function cliOperatorAs(osUser: string | undefined): Principal {
  return osUser ? { kind: 'operator', label: 'cli', osUser } : cliOperator;
}

/** How the audit trail names a principal: who, and from where. */
export function auditActorOf(principal: Principal): AuditActor {
  if (principal.kind === 'operator') {
    const label = principal.osUser ? `${principal.label}:${principal.osUser}` : principal.label;
    return { userId: null, label, source: principal.label };
  }
  return {
    userId: principal.userId,
    label: principal.username,
    source: `${principal.via === 'token' ? 'api' : 'web'} ${principal.ip}`,
  };
}

/** The staff principal of an account signed in through a session or an API token (the grants alone, no metadata). */
export function staffPrincipal(
  user: { id: string; username: string; grants: readonly RoleGrant[] },
  via: 'session' | 'token',
  ip: string,
): Principal & { kind: 'staff' } {
  return {
    kind: 'staff',
    userId: user.id,
    username: user.username,
    grants: user.grants.map((g) => ({ role: g.role, agencyId: g.agencyId })),
    via,
    ip,
  };
}

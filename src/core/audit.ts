import { canonicalJson } from './canonical-json.js';

/** Every kind of change the audit trail records (a typed union: adding an action means adding it here). */
export const auditActions = [
  'agency.create',
  'agency.update',
  'user.create',
  'user.password-set',
  'user.password-change',
  'user.disable',
  'user.enable',
  'user.grant',
  'user.grant-remove',
  'auth.login',
  'auth.login-failed',
  'auth.locked',
  'auth.logout',
  'token.create',
  'token.revoke',
  'system.seed',
  'application.register',
  'application.event',
  'appeal.create',
  'appeal.update',
  'report.figures-set',
  'answerTemplate.update',
  'answer.issue',
  'document.create',
  'document.update',
  'document.event',
  'document.attachment-add',
  'document.attachment-remove',
  'document.link',
  'document.unlink',
  'document.channel-add',
  'document.channel-remove',
  'publishing.settings-set',
  'personal-data.read',
] as const;
export type AuditAction = (typeof auditActions)[number];

export type AuditEntityType =
  | 'agency'
  | 'user'
  | 'session'
  | 'token'
  | 'system'
  | 'application'
  | 'appeal'
  | 'report'
  | 'answerTemplate'
  | 'document'
  | 'publishingSettings';

/** What a use case hands to the audit trail; the storage adds sequence, time, actor and hashes. */
export interface AuditEvent {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  /** The agency whose subtree the entry belongs to (scopes who may read it); null for system-wide entries. */
  agencyId: string | null;
  before: unknown;
  after: unknown;
}

/** Who did it and from where: a staff member through the web/API, or an operator at the command line. */
export interface AuditActor {
  userId: string | null;
  /** Username or `cli`/`system`; never a password or token. */
  label: string;
  /** `web 203.0.113.5`, `api 203.0.113.5`, `cli`, `system`. */
  source: string;
}

/** One stored entry of the chain. */
export interface AuditEntry {
  seq: number;
  at: string;
  actorUserId: string | null;
  actor: string;
  source: string;
  action: string;
  entityType: string;
  entityId: string;
  agencyId: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

/** The hash of the entry before the first one. */
export const auditGenesisHash = '0'.repeat(64);

/** The text that is hashed (with the previous hash in front) for an entry: everything but its own hash. */
export function auditHashInput(entry: Omit<AuditEntry, 'hash'>): string {
  const { prevHash, ...rest } = entry;
  return prevHash + canonicalJson(rest);
}

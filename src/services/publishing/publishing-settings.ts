import type { Agency } from '../../core/agency.js';
import { DomainError } from '../../core/errors.js';
import {
  checkPublishingSettings,
  defaultPublishingSettings,
  publishingSettingsSchema,
  type PublishingSettings,
} from '../../core/publishing/settings.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import type { Executor } from '../../storage/executor.js';
import { publishingSettingsRepository } from '../../storage/publishing/publishing-settings-repository.js';
import { auditActorOf, type Principal } from '../accounts/principal.js';
import { findAgencyByRef } from '../agencies/find-agency.js';
import { withAudit } from '../audit/audit-trail.js';
import { errors } from '../platform/errors.js';
import type { PlatformDeps } from '../platform/platform.js';
import { inScope, managePublishingSettingsRoles, readDocumentRoles, scopeOf } from '../policies/access.js';

/** The settings in force for an agency: its own, else the defaults (三级审核, `{机构代码}/{年}-{五位序号}`). */
export async function settingsOf(db: Executor, agency: Pick<Agency, 'id'>): Promise<PublishingSettings> {
  const stored = await publishingSettingsRepository.get(db, agency.id);
  if (stored === undefined) return defaultPublishingSettings;
  return publishingSettingsSchema.parse(stored);
}

/** The `{机构代码}` of the agency's 索引号. */
export function indexCodeOf(agency: Pick<Agency, 'code'>, settings: PublishingSettings): string {
  return settings.agencyCode ?? agency.code.toUpperCase();
}

export async function getPublishingSettings(
  deps: PlatformDeps,
  principal: Principal,
  agencyRef: string,
): Promise<{ agencyId: string; settings: PublishingSettings }> {
  const agency = await findAgencyByRef(deps.db, agencyRef);
  const tree = await agenciesRepository.listAll(deps.db);
  if (!inScope(scopeOf(principal, tree, readDocumentRoles), agency.id))
    throw errors.agencyNotFound(agencyRef);
  return { agencyId: agency.id, settings: await settingsOf(deps.db, agency) };
}

/** Replaces an agency's publishing settings (administrators); turning self-approval on is audited as such. */
export async function setPublishingSettings(
  deps: PlatformDeps,
  principal: Principal,
  agencyRef: string,
  raw: unknown,
): Promise<{ agencyId: string; settings: PublishingSettings; warnings: string[] }> {
  const parsed = publishingSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const summary = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new DomainError(
      'PUBLISHING_SETTINGS_INVALID',
      `发布设置无效：${summary}`,
      `invalid publishing settings: ${summary}`,
      {
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      },
    );
  }
  const settings = checkPublishingSettings(parsed.data);
  return withAudit(deps, principal, async (trx, record) => {
    const agency = await findAgencyByRef(trx, agencyRef);
    const tree = await agenciesRepository.listAll(trx);
    if (!inScope(scopeOf(principal, tree, managePublishingSettingsRoles), agency.id))
      throw errors.forbidden();
    const before = await settingsOf(trx, agency);
    await publishingSettingsRepository.put(
      trx,
      agency.id,
      settings,
      deps.clock().toISOString(),
      auditActorOf(principal).label,
    );
    const warnings: string[] = [];
    if (settings.allowSelfApproval && !before.allowSelfApproval) {
      warnings.push(
        '已允许自我审核：起草人可审核自己的文件，每次都会在审核记录中注明 / self-approval enabled: each one is recorded with a warning',
      );
    }
    if (settings.reviewChain.length < 3) {
      warnings.push(
        `审核流程为 ${settings.reviewChain.length} 级（少于默认的三级审核）/ the review chain has fewer than three steps`,
      );
    }
    record({
      action: 'publishing.settings-set',
      entityType: 'publishingSettings',
      entityId: agency.id,
      agencyId: agency.id,
      before,
      after: { ...settings, warnings },
    });
    return { agencyId: agency.id, settings, warnings };
  });
}

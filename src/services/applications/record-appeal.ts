import { randomUUID } from 'node:crypto';
import type { AppealKind, AppealResult } from '../../core/applications/compile-report.js';
import type { AppealRecord } from '../../core/applications/record.js';
import { compareDates } from '../../core/calendar/date.js';
import { DomainError } from '../../core/errors.js';
import { appealsRepository } from '../../storage/appeals-repository.js';
import {
  decideAppealInput,
  recordAppealInput,
  type DecideAppealInput,
  type RecordAppealInput,
} from './application-input.js';
import { withAudit } from '../audit/audit-trail.js';
import { beijingDate } from './case-calendar.js';
import { errors } from '../platform/errors.js';
import { loadCase } from './get-application.js';
import type { PlatformDeps } from '../platform/platform.js';
import { handleApplicationRoles } from '../policies/access.js';
import type { Principal } from '../accounts/principal.js';
import { validate } from '../platform/validate.js';

function invalid(zh: string, en: string): DomainError {
  return new DomainError('APPEAL_INVALID', zh, en);
}

function checkDates(filedOn: string, result: AppealResult | null, decidedOn: string | null, today: string) {
  if (compareDates(filedOn, today) > 0) throw invalid('立案日期不能晚于今天', 'filed in the future');
  if ((result === null) !== (decidedOn === null)) {
    throw invalid(
      '结果和审结日期须同时填写或同时留空',
      'give both the result and the decision date, or neither',
    );
  }
  if (decidedOn !== null && (compareDates(decidedOn, filedOn) < 0 || compareDates(decidedOn, today) > 0)) {
    throw invalid('审结日期应在立案日期与今天之间', 'the decision date must be between filing and today');
  }
}

/**
 * Records a 行政复议 or 行政诉讼 about an application (table 四). It is counted for the agency whose application it
 * is: 复议机关作为共同被告的，只计算原行为主体的案件数量 (国办公开办函〔2016〕201号).
 */
export async function recordAppeal(
  deps: PlatformDeps,
  principal: Principal,
  applicationRef: string,
  raw: RecordAppealInput,
): Promise<AppealRecord> {
  const input = validate(recordAppealInput, raw);
  const today = beijingDate(deps.clock());
  const result = (input.result ?? null) as AppealResult | null;
  const decidedOn = input.decidedOn ?? null;
  checkDates(input.filedOn, result, decidedOn, today);
  return withAudit(deps, principal, async (trx, record) => {
    const { stored } = await loadCase(trx, principal, applicationRef);
    await loadCase(trx, principal, applicationRef, handleApplicationRoles).catch(() => {
      throw errors.forbidden();
    });
    if (compareDates(input.filedOn, stored.record.registeredOn) < 0) {
      throw invalid('立案日期早于申请登记日期', 'filed before the application was registered');
    }
    const at = deps.clock().toISOString();
    const appeal: AppealRecord = {
      id: randomUUID(),
      applicationId: stored.record.id,
      agencyId: stored.record.agencyId,
      kind: input.kind as AppealKind,
      filedOn: input.filedOn,
      result,
      decidedOn,
      caseNumber: input.caseNumber ?? null,
      note: input.note ?? null,
      createdAt: at,
      updatedAt: at,
    };
    await appealsRepository.insert(trx, appeal);
    record({
      action: 'appeal.create',
      entityType: 'appeal',
      entityId: appeal.id,
      agencyId: appeal.agencyId,
      before: null,
      after: appeal,
    });
    return appeal;
  });
}

/** Records the result of an appeal (维持, 纠正, 其他) or sets it back to 尚未审结 (result null). */
export async function decideAppeal(
  deps: PlatformDeps,
  principal: Principal,
  appealId: string,
  raw: DecideAppealInput,
): Promise<AppealRecord> {
  const input = validate(decideAppealInput, raw);
  const today = beijingDate(deps.clock());
  return withAudit(deps, principal, async (trx, record) => {
    const before = await appealsRepository.findById(trx, appealId);
    if (!before) throw errors.appealNotFound(appealId);
    await loadCase(trx, principal, before.applicationId).catch(() => {
      throw errors.appealNotFound(appealId);
    });
    await loadCase(trx, principal, before.applicationId, handleApplicationRoles).catch(() => {
      throw errors.forbidden();
    });
    checkDates(before.filedOn, input.result, input.decidedOn, today);
    const after: AppealRecord = {
      ...before,
      result: input.result,
      decidedOn: input.decidedOn,
      note: input.note === undefined ? before.note : input.note,
      updatedAt: deps.clock().toISOString(),
    };
    await appealsRepository.update(trx, after);
    record({
      action: 'appeal.update',
      entityType: 'appeal',
      entityId: after.id,
      agencyId: after.agencyId,
      before,
      after,
    });
    return after;
  });
}

import type { CaseEvent } from '../../core/applications/events.js';
import type { OutcomeCode } from '../../core/applications/outcomes.js';
import { applyEvent, caseClock, caseStatusLabels, replay } from '../../core/applications/state-machine.js';
import { compareDates } from '../../core/calendar/date.js';
import { DomainError } from '../../core/errors.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { applicationsRepository } from '../../storage/applications-repository.js';
import { isUniqueViolation } from '../../storage/constraint-errors.js';
import { caseEventInput, type CaseEventInput } from './application-input.js';
import { withAudit } from '../audit/audit-trail.js';
import { beijingDate, calendarOf, clockPolicyOf, dueBasisOf } from './case-calendar.js';
import { errors } from '../platform/errors.js';
import { loadCase, viewOf, type ApplicationView } from './get-application.js';
import type { PlatformDeps } from '../platform/platform.js';
import { approveExtensionRoles, handleApplicationRoles, inScope, scopeOf } from '../policies/access.js';
import { auditActorOf, type Principal } from '../accounts/principal.js';
import { validate } from '../platform/validate.js';

/**
 * Appends one event to a case's history after the state machine accepts it (else TRANSITION_NOT_ALLOWED), and
 * refreshes the projection, in one transaction with its audit entry. An extension needs a 负责人 (approver role).
 */
export async function recordApplicationEvent(
  deps: PlatformDeps,
  principal: Principal,
  ref: string,
  raw: CaseEventInput,
): Promise<ApplicationView> {
  const input = validate(caseEventInput, raw);
  const today = beijingDate(deps.clock());
  if (compareDates(input.date, today) > 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `日期不能晚于今天：${input.date}`,
      `the date is in the future: ${input.date}`,
    );
  }
  if ('until' in input && compareDates(input.until, input.date) <= 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      '延迟答复期限应晚于记录日期',
      'the delay must end after its date',
    );
  }
  try {
    return await withAudit(deps, principal, async (trx, record) => {
      const { stored, agency } = await loadCase(trx, principal, ref);
      const tree = await agenciesRepository.listAll(trx);
      if (!inScope(scopeOf(principal, tree, handleApplicationRoles), agency.id)) throw errors.forbidden();
      let event: CaseEvent;
      if (input.type === 'extensionApproved') {
        // 条例第三十三条第二款: 经政府信息公开工作机构负责人同意.
        if (!inScope(scopeOf(principal, tree, approveExtensionRoles), agency.id)) {
          throw new DomainError(
            'FORBIDDEN',
            '延长答复期限须经负责人同意：只有负责人可以记录延期',
            'an extension needs the approval of the office head (approver role)',
          );
        }
        const approver = principal.kind === 'staff' ? principal.username : input.approver;
        if (!approver) {
          throw new DomainError('EXTENSION_APPROVER_MISSING', '须写明同意延期的负责人', 'name the approver');
        }
        event = { type: 'extensionApproved', date: input.date, workingDays: input.workingDays, approver };
      } else if (input.type === 'answered') {
        event = { ...input, outcome: input.outcome as OutcomeCode, severed: input.severed };
      } else {
        event = input;
      }
      const history = (await applicationsRepository.listEvents(trx, stored.record.id)).map((e) => e.event);
      const before = replay(history);
      const after = applyEvent(before, event);
      const clock = caseClock(calendarOf(agency), [...history, event], clockPolicyOf(agency));
      const at = deps.clock().toISOString();
      const seq = stored.eventCount + 1;
      await applicationsRepository.appendEvent(
        trx,
        stored.record.id,
        seq,
        event,
        auditActorOf(principal),
        at,
      );
      await applicationsRepository.updateProjection(trx, stored.record.id, {
        status: after.status,
        outcome: after.outcome,
        receivedOn: after.receivedOn,
        closedOn: after.closedOn,
        dueOn: after.closedOn === null ? clock.due : null,
        ...dueBasisOf(agency, clock.due, after.closedOn !== null),
        eventCount: seq,
        updatedAt: at,
      });
      record({
        action: 'application.event',
        entityType: 'application',
        entityId: stored.record.id,
        agencyId: agency.id,
        before: { status: before.status },
        after: { seq, event, status: after.status, statusLabel: caseStatusLabels[after.status].zh },
      });
      const fresh = (await applicationsRepository.findById(trx, stored.record.id))!;
      return viewOf(trx, fresh, agency, today);
    });
  } catch (error) {
    // Two people recording at once: the (case, seq) key lets one win; the other is told to reload.
    if (isUniqueViolation(error)) throw errors.applicationChanged();
    throw error;
  }
}

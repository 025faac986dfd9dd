/**
 * The annual report's publication as a process (条例第五十条): the report compiled from the records is approved
 * by the agency's 负责人 (a recorded approval step, until the 主动公开 review chain takes it over), which freezes
 * it; the approved report is then published. A published report is final: a correction is a new publication
 * process, not a change to this one.
 */

/** Where a report is in its publication: never approved, approved (frozen), or published. */
export type PublicationStep = 'draft' | 'approved' | 'published';

export type PublicationAction = 'approve' | 'publish';

/** The step after `action`, or null when the action is not allowed from `current`. */
export function nextPublicationStep(
  current: PublicationStep,
  action: PublicationAction,
): PublicationStep | null {
  switch (action) {
    // Approving again replaces an approval that was not published (the figures or the text changed).
    case 'approve':
      return current === 'published' ? null : 'approved';
    case 'publish':
      return current === 'approved' ? 'published' : null;
  }
}

/** Why an action is refused, for a person. */
export function refusedStepMessage(
  current: PublicationStep,
  action: PublicationAction,
): { zh: string; en: string } {
  if (current === 'published') {
    return { zh: '该年度报告已经发布，不能再审批或发布', en: 'the report is already published' };
  }
  if (action === 'publish') {
    return {
      zh: '年度报告须经负责人审批后才能发布',
      en: 'the report must be approved before it is published',
    };
  }
  return { zh: '该操作不允许', en: 'not allowed' };
}

/**
 * The publication deadline of the annual report. 条例第五十条: 政府信息公开工作年度报告 is published by 31 January
 * of the following year (每年1月31日前). Dates are calendar dates in Beijing time (YYYY-MM-DD).
 */

/** Where an agency's report for a year stands against the deadline. */
export type PublicationStatus = 'due' | 'published-on-time' | 'late' | 'missing';

export interface PublicationState {
  status: PublicationStatus;
  /** The last day to publish: `${year + 1}-01-31`. */
  dueDate: string;
  publishedOn: string | null;
}

/** The statutory last day to publish the report for `year` (条例第五十条). */
export function publicationDueDate(year: number): string {
  return `${year + 1}-01-31`;
}

/**
 * The status on `today`: published by the due date is on time, after it late; not published is `due` up to and
 * including the due date, `missing` after it.
 */
export function publicationState(year: number, publishedOn: string | null, today: string): PublicationState {
  const dueDate = publicationDueDate(year);
  if (publishedOn !== null) {
    return { status: publishedOn <= dueDate ? 'published-on-time' : 'late', dueDate, publishedOn };
  }
  return { status: today <= dueDate ? 'due' : 'missing', dueDate, publishedOn: null };
}

/** The statuses in words, Chinese and English. */
export const PUBLICATION_STATUS_WORDS: Record<PublicationStatus, { zh: string; en: string }> = {
  due: { zh: '待发布（未到期）', en: 'Due (not yet published)' },
  'published-on-time': { zh: '已按时发布', en: 'Published on time' },
  late: { zh: '逾期发布', en: 'Published late' },
  missing: { zh: '逾期未发布', en: 'Missing (deadline passed)' },
};

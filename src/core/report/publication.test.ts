import { describe, expect, it } from 'vitest';
import { publicationDueDate, publicationState } from './deadline.js';
import { nextPublicationStep } from './publication.js';

describe('the publication process', () => {
  it('approves a draft or an unpublished approval, publishes only what was approved, and ends there', () => {
    expect(nextPublicationStep('draft', 'approve')).toBe('approved');
    expect(nextPublicationStep('approved', 'approve')).toBe('approved');
    expect(nextPublicationStep('approved', 'publish')).toBe('published');
    expect(nextPublicationStep('draft', 'publish')).toBeNull();
    expect(nextPublicationStep('published', 'approve')).toBeNull();
    expect(nextPublicationStep('published', 'publish')).toBeNull();
  });
});

describe('the 31 January deadline (条例第五十条)', () => {
  it.each([
    // [published on, today, status]
    [null, '2027-01-15', 'due'],
    [null, '2027-01-31', 'due'],
    [null, '2027-02-01', 'missing'],
    ['2027-01-31', '2027-03-01', 'published-on-time'],
    ['2027-01-10', '2027-01-12', 'published-on-time'],
    ['2027-02-01', '2027-02-01', 'late'],
    ['2028-01-05', '2028-01-05', 'late'],
  ] as const)('published %s, today %s: %s', (publishedOn, today, status) => {
    expect(publicationState(2026, publishedOn, today)).toEqual({
      status,
      dueDate: '2027-01-31',
      publishedOn,
    });
  });

  it('is 31 January of the following year', () => {
    expect(publicationDueDate(2019)).toBe('2020-01-31');
  });
});

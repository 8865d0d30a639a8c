import { describe, expect, it } from 'vitest';
import { refetchAtDeadline } from './deadline.js';

describe('refetchAtDeadline', () => {
  const now = Date.parse('2026-12-04T12:00:00.000Z');
  it('fetches again just after the deadline, at least a second apart, at most an hour ahead', () => {
    expect(refetchAtDeadline(null, now)).toBe(false);
    expect(refetchAtDeadline('2026-12-04T12:00:10.000Z', now)).toBe(10_250);
    expect(refetchAtDeadline('2026-12-04T11:59:00.000Z', now)).toBe(1000);
    expect(refetchAtDeadline('2027-06-01T12:00:00.000Z', now)).toBe(3_600_000);
  });
});

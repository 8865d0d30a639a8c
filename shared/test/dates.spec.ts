import { describe, expect, it } from 'vitest';
import { isLate, osloDate } from '../src/domain/index.js';

describe('Oslo dates', () => {
  it('uses the Oslo calendar day, not UTC', () => {
    expect(osloDate(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
    expect(osloDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(osloDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('an item is late after its due date unless done', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    expect(isLate({ dueDate: '2026-11-22', status: 'in_progress' }, now)).toBe(true);
    expect(isLate({ dueDate: '2026-11-23', status: 'in_progress' }, now)).toBe(false);
    expect(isLate({ dueDate: '2026-11-22', status: 'done' }, now)).toBe(false);
    expect(isLate({ dueDate: null, status: 'not_started' }, now)).toBe(false);
  });
});

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

import { isoToOsloLocal, osloLocalToIso } from '../src/domain/index.js';

describe('Oslo wall-clock times', () => {
  it('gives winter and summer offsets', () => {
    expect(osloLocalToIso('2026-12-01T12:00')).toBe('2026-12-01T12:00:00+01:00');
    expect(osloLocalToIso('2026-06-15T23:59')).toBe('2026-06-15T23:59:00+02:00');
    expect(new Date(osloLocalToIso('2026-12-01T12:00')).toISOString()).toBe('2026-12-01T11:00:00.000Z');
  });
  it('round-trips', () => {
    expect(isoToOsloLocal('2026-12-01T11:00:00.000Z')).toBe('2026-12-01T12:00');
    expect(isoToOsloLocal(osloLocalToIso('2026-03-29T03:30'))).toBe('2026-03-29T03:30');
  });
});

import { describe, expect, it } from 'vitest';
import { caseListResponseSchema } from '@samrad/shared/contracts';
import { contractFor, json } from './contracts.js';

describe('msw fixtures are held to the response contracts', () => {
  it('finds the operation a request answers, a literal path before a parameter', () => {
    expect(contractFor('GET', 'http://localhost/api/cases/c1?x=1')?.operation).toBe('GET /api/cases/:id');
    expect(contractFor('GET', 'http://localhost/api/me/tasks')?.operation).toBe('GET /api/me/tasks');
    expect(contractFor('GET', 'http://localhost/api/me/notification-settings')?.operation).toBe('GET /api/me/notification-settings');
    expect(contractFor('DELETE', 'http://localhost/api/attachments/a1')).toBeUndefined();
  });

  it('json() refuses a fixture that drifted from its contract', () => {
    const listed = { id: 'c1', number: '2026/1', title: 'Sak', status: 'draft', access: 'public', readable: true };
    expect(() => json(caseListResponseSchema, { cases: [listed as never] })).toThrow(/updatedAt/);
    expect(
      json(caseListResponseSchema, { cases: [{ ...listed, mandateItemId: null, updatedAt: '2026-11-20T09:00:00.000Z' } as never] }).status,
    ).toBe(200);
  });
});

import { describe, expect, it } from 'vitest';
import { parseCaseReference } from '../src/domain/case-reference.js';

describe('parseCaseReference: what a reference to an earlier case or decision names', () => {
  it.each([
    ['sak 7/21', { kind: 'committee', number: '7/21' }],
    ['PS 41/26 i kommunestyret', { kind: 'committee', number: '41/26' }],
    ['sak 07 / 21', { kind: 'committee', number: '7/21' }],
    ['sak 2026/12', { kind: 'archive', year: 2026, seq: 12 }],
    ['Arkivsak 2019/1043, skolestruktur', { kind: 'archive', year: 2019, seq: 1043 }],
    ['sak 11/21 og 12/21', { kind: 'committee', number: '11/21' }],
  ])('%s', (text, target) => {
    expect(parseCaseReference(text)).toEqual(target);
  });

  it.each(['Kommunestyrets vedtak om skolestruktur', 'sak 7/2021/3', '1.1.2021', 'sak 0/21', 'sak 7/123', '12/3'])(
    'names nothing: %s',
    (text) => {
      expect(parseCaseReference(text)).toBeNull();
    },
  );
});

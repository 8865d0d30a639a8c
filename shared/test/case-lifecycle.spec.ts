import { describe, expect, it } from 'vitest';
import {
  allowedManualMoves,
  CASE_PHASES,
  meetingMayDecide,
  nextPhase,
  type CasePhase,
  type CaseState,
  type MoveContext,
} from '../src/domain/index.js';

const ROUTE = ['Arbeidsgruppen', 'Driftsutvalget', 'Kommunestyret'];
const officer: MoveContext = { officer: true, route: ROUTE };
const state = (phase: CasePhase): CaseState => ({ phase, bodyPosition: phase === 'before_body' ? 1 : null });

/** The labels the reasons use (written out here, not taken from the machine). */
const LABEL: Record<CasePhase, string> = {
  draft: 'Utkast',
  in_preparation: 'Under utredning',
  input_round: 'Innspillsrunde',
  working_group: 'I arbeidsgruppen',
  recommended: 'Innstilt',
  before_body: 'Til behandling',
  decided: 'Vedtatt',
  follow_up: 'Til oppfølging',
  closed: 'Avsluttet',
};
const NOW: Record<CasePhase, string> = { ...LABEL, before_body: 'Til behandling i Arbeidsgruppen' };

/**
 * Every manual move from a phase (row) to a phase (column), by a case officer:
 * ok | same (already there) | no (refused, plain) | a hint the refusal adds (what to do instead) | closed.
 */
type Cell = 'ok' | 'same' | 'no' | 'round' | 'rec' | 'send' | 'last' | 'closed';
const TABLE: Record<CasePhase, Record<CasePhase, Cell>> = {
  //             draft    in_prep  round    w_group  recomm.  before   decided  follow   closed
  draft: {
    draft: 'same',
    in_preparation: 'ok',
    input_round: 'round',
    working_group: 'no',
    recommended: 'rec',
    before_body: 'send',
    decided: 'last',
    follow_up: 'no',
    closed: 'no',
  },
  in_preparation: {
    draft: 'ok',
    in_preparation: 'same',
    input_round: 'round',
    working_group: 'ok',
    recommended: 'rec',
    before_body: 'send',
    decided: 'last',
    follow_up: 'no',
    closed: 'no',
  },
  input_round: {
    draft: 'no',
    in_preparation: 'ok',
    input_round: 'same',
    working_group: 'ok',
    recommended: 'rec',
    before_body: 'send',
    decided: 'last',
    follow_up: 'no',
    closed: 'no',
  },
  working_group: {
    draft: 'no',
    in_preparation: 'ok',
    input_round: 'no',
    working_group: 'same',
    recommended: 'rec',
    before_body: 'send',
    decided: 'last',
    follow_up: 'no',
    closed: 'no',
  },
  recommended: {
    draft: 'no',
    in_preparation: 'ok',
    input_round: 'no',
    working_group: 'ok',
    recommended: 'same',
    before_body: 'ok',
    decided: 'last',
    follow_up: 'no',
    closed: 'no',
  },
  before_body: {
    draft: 'no',
    in_preparation: 'ok',
    input_round: 'no',
    working_group: 'no',
    recommended: 'no',
    before_body: 'same',
    decided: 'last',
    follow_up: 'no',
    closed: 'no',
  },
  decided: {
    draft: 'no',
    in_preparation: 'no',
    input_round: 'no',
    working_group: 'no',
    recommended: 'no',
    before_body: 'no',
    decided: 'same',
    follow_up: 'ok',
    closed: 'ok',
  },
  follow_up: {
    draft: 'no',
    in_preparation: 'no',
    input_round: 'no',
    working_group: 'no',
    recommended: 'no',
    before_body: 'no',
    decided: 'no',
    follow_up: 'same',
    closed: 'ok',
  },
  closed: {
    draft: 'closed',
    in_preparation: 'closed',
    input_round: 'closed',
    working_group: 'closed',
    recommended: 'closed',
    before_body: 'closed',
    decided: 'closed',
    follow_up: 'closed',
    closed: 'closed',
  },
};

const HINT: Record<'round' | 'rec' | 'send' | 'last', string> = {
  round: 'Saken kommer på høring når en innspillsrunde åpnes på den.',
  rec: 'Saken får fasen når en innstilling registreres.',
  send: 'Registrer innstillingen før saken sendes til behandling.',
  last: 'Saken blir vedtatt når det siste organet i saksgangen fatter vedtak.',
};

function expected(
  from: CasePhase,
  to: CasePhase,
  cell: Cell,
): { ok: true; to: CaseState } | { ok: false; reason: string; path: string; kind: 'invalid' } {
  const refused = (reason: string) => ({ ok: false as const, reason, path: 'to', kind: 'invalid' as const });
  switch (cell) {
    case 'ok':
      return { ok: true, to: { phase: to, bodyPosition: to === 'before_body' ? 1 : null } };
    case 'same':
      return refused(`Saken er allerede i fasen «${NOW[from]}»`);
    case 'closed':
      return refused('Saken er avsluttet og kan ikke flyttes');
    case 'no':
      return refused(`Saken kan ikke flyttes fra «${NOW[from]}» til «${LABEL[to]}».`);
    default:
      return refused(`Saken kan ikke flyttes fra «${NOW[from]}» til «${LABEL[to]}». ${HINT[cell]}`);
  }
}

describe('the case lifecycle', () => {
  const pairs = CASE_PHASES.flatMap((from) => CASE_PHASES.map((to) => [from, to, TABLE[from][to]] as const));

  it('the table covers every pair of phases', () => {
    expect(pairs).toHaveLength(CASE_PHASES.length ** 2);
    expect(new Set(CASE_PHASES)).toEqual(new Set(Object.keys(TABLE)));
  });

  it.each(pairs)('a case officer moves a case from %s to %s: %s', (from, to, cell) => {
    expect(nextPhase(state(from), { type: 'move', to }, officer)).toEqual(expected(from, to, cell));
  });

  it('lists the allowed manual moves from the same table', () => {
    for (const from of CASE_PHASES) {
      expect(allowedManualMoves(state(from), officer)).toEqual(CASE_PHASES.filter((to) => TABLE[from][to] === 'ok'));
    }
  });

  it('only a case officer moves a case', () => {
    for (const from of CASE_PHASES) {
      for (const to of CASE_PHASES) {
        expect(nextPhase(state(from), { type: 'move', to }, { officer: false, route: ROUTE })).toEqual({
          ok: false,
          reason: 'Bare saksbehandlere kan flytte en sak',
          path: 'to',
          kind: 'forbidden',
        });
      }
    }
    expect(nextPhase(state('before_body'), { type: 'decide', bodyPosition: 1 }, { officer: false, route: ROUTE })).toMatchObject({
      ok: false,
      kind: 'forbidden',
    });
  });

  it('sends a case to the first body only when it has a route', () => {
    expect(nextPhase(state('recommended'), { type: 'move', to: 'before_body' }, { officer: true, route: [] })).toEqual({
      ok: false,
      reason: 'Saken har ingen saksgang. Legg inn organene den skal behandles i først.',
      path: 'to',
      kind: 'invalid',
    });
  });

  it('a vedtak needs the case before that body; a body before the last sends it on; only the last decides', () => {
    const before = (n: number): CaseState => ({ phase: 'before_body', bodyPosition: n });
    expect(nextPhase(before(1), { type: 'decide', bodyPosition: 1 }, officer)).toEqual({ ok: true, to: before(2) });
    expect(nextPhase(before(2), { type: 'decide', bodyPosition: 2 }, officer)).toEqual({ ok: true, to: before(3) });
    expect(nextPhase(before(3), { type: 'decide', bodyPosition: 3 }, officer)).toEqual({
      ok: true,
      to: { phase: 'decided', bodyPosition: null },
    });
    expect(nextPhase(before(1), { type: 'decide', bodyPosition: 3 }, officer)).toEqual({
      ok: false,
      reason: 'Saken ligger ikke til behandling i Kommunestyret, men i Arbeidsgruppen',
      path: 'bodyId',
      kind: 'invalid',
    });
    expect(nextPhase(state('recommended'), { type: 'decide', bodyPosition: 1 }, officer)).toEqual({
      ok: false,
      reason: 'Arbeidsgruppen kan ikke fatte vedtak før saken er sendt til behandling der (saken er nå «Innstilt»)',
      path: 'bodyId',
      kind: 'invalid',
    });
    expect(nextPhase(before(1), { type: 'decide', bodyPosition: 4 }, officer)).toMatchObject({
      ok: false,
      reason: 'Organet står ikke i sakens saksgang',
    });
    for (const phase of CASE_PHASES.filter((p) => p !== 'before_body')) {
      expect(nextPhase(state(phase), { type: 'decide', bodyPosition: 1 }, officer).ok).toBe(false);
    }
  });

  it('the deciding vedtak while input is open needs a confirmation with a reason', () => {
    const last: CaseState = { phase: 'before_body', bodyPosition: 3 };
    const open = { ...officer, openRounds: ['Innspill til ny modell'], undisposedInputs: 2 };
    expect(nextPhase(last, { type: 'decide', bodyPosition: 3 }, open)).toEqual({
      ok: false,
      reason:
        'Innspillsrunden «Innspill til ny modell» er fortsatt åpen. 2 innspill mangler behandling. Bekreft med en begrunnelse at vedtaket likevel skal fattes.',
      path: 'confirmOpenInput',
      kind: 'conflict',
    });
    expect(nextPhase(last, { type: 'decide', bodyPosition: 3 }, { ...officer, undisposedInputs: 1, confirmOpenInput: '  ' })).toMatchObject(
      { ok: false, reason: expect.stringMatching(/^Ett innspill mangler behandling\./) },
    );
    expect(nextPhase(last, { type: 'decide', bodyPosition: 3 }, { ...open, confirmOpenInput: 'Budsjettfristen' })).toEqual({
      ok: true,
      to: { phase: 'decided', bodyPosition: null },
    });
    // Open input does not hold back a body before the last.
    expect(nextPhase({ phase: 'before_body', bodyPosition: 1 }, { type: 'decide', bodyPosition: 1 }, open)).toEqual({
      ok: true,
      to: { phase: 'before_body', bodyPosition: 2 },
    });
  });

  it('an input round puts a case not yet recommended on consultation, and is refused on a closed case', () => {
    const expectations: Record<CasePhase, CasePhase | 'refused'> = {
      draft: 'input_round',
      in_preparation: 'input_round',
      input_round: 'input_round',
      working_group: 'input_round',
      recommended: 'recommended',
      before_body: 'before_body',
      decided: 'decided',
      follow_up: 'follow_up',
      closed: 'refused',
    };
    for (const from of CASE_PHASES) {
      const r = nextPhase(state(from), { type: 'open_round' }, officer);
      expect(r.ok ? r.to.phase : 'refused', from).toBe(expectations[from]);
    }
  });

  it('an innstilling makes the case recommended, or leaves it before its body; refused on a draft or a decided case', () => {
    const expectations: Record<CasePhase, CasePhase | 'refused'> = {
      draft: 'refused',
      in_preparation: 'recommended',
      input_round: 'recommended',
      working_group: 'recommended',
      recommended: 'recommended',
      before_body: 'before_body',
      decided: 'refused',
      follow_up: 'refused',
      closed: 'refused',
    };
    for (const from of CASE_PHASES) {
      const r = nextPhase(state(from), { type: 'recommend' }, officer);
      expect(r.ok ? r.to.phase : 'refused', from).toBe(expectations[from]);
    }
  });

  it('only an ordinary meeting decides: not a drøftingsmøte, not a school conference', () => {
    expect(meetingMayDecide('ordinary')).toBe(true);
    expect(meetingMayDecide('consultation')).toBe(false);
    expect(meetingMayDecide('school_conference')).toBe(false);
  });
});

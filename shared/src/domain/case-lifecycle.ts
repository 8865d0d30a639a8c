/**
 * The case lifecycle (saksgang) as one state machine: its phases, who may move a case, and what each
 * move requires. Pure: the backend loads the facts (route, open input), asks `nextPhase`, and writes
 * the answer (`CasesService.move`); the case page shows the moves `allowedManualMoves` lists.
 */

/** The phases, in order. They are the values of `case_file.status`. */
export const CASE_PHASES = [
  'draft',
  'in_preparation',
  'input_round',
  'working_group',
  'recommended',
  'before_body',
  'decided',
  'follow_up',
  'closed',
] as const;
export type CasePhase = (typeof CASE_PHASES)[number];

export const PHASE_LABELS: Record<CasePhase, string> = {
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

/** Where a case is: its phase, and when before a body, that body's position on the route (1 = first). */
export interface CaseState {
  phase: CasePhase;
  bodyPosition: number | null;
}

export type CaseEvent =
  /** A case officer moves the case by hand (start, rework, to the working group, send on, follow-up, close). */
  | { type: 'move'; to: CasePhase }
  /** An input round was opened on the case. */
  | { type: 'open_round' }
  /** An innstilling was recorded. */
  | { type: 'recommend' }
  /** The body at this route position recorded its vedtak. */
  | { type: 'decide'; bodyPosition: number };

export interface MoveContext {
  /** Whether the actor is a case officer (every move is an officer's). */
  officer: boolean;
  /** The names of the bodies on the route, in order. */
  route: string[];
  /** For a deciding vedtak: the titles of the case's input rounds still open. */
  openRounds?: string[];
  /** For a deciding vedtak: how many inputs on the case lack a disposition. */
  undisposedInputs?: number;
  /** For a deciding vedtak: the reason given for deciding while input is open (null: none given). */
  confirmOpenInput?: string | null;
}

export type MoveResult =
  | { ok: true; to: CaseState }
  /** `kind` says how the API answers: 400 invalid, 403 forbidden, 409 conflict (may be confirmed). */
  | { ok: false; reason: string; path: string; kind: 'invalid' | 'forbidden' | 'conflict' };

/** The manual moves: from each phase, the phases an officer may move a case to by hand. */
const MANUAL: Record<CasePhase, CasePhase[]> = {
  draft: ['in_preparation'],
  in_preparation: ['draft', 'working_group'],
  input_round: ['in_preparation', 'working_group'],
  working_group: ['in_preparation'],
  recommended: ['in_preparation', 'working_group', 'before_body'],
  before_body: ['in_preparation'],
  decided: ['follow_up', 'closed'],
  follow_up: ['closed'],
  closed: [],
};

/** Phases reached only by what happens to the case, with what to do instead. */
const BY_EVENT_ONLY: Partial<Record<CasePhase, string>> = {
  input_round: 'Saken kommer på høring når en innspillsrunde åpnes på den.',
  recommended: 'Saken får fasen når en innstilling registreres.',
  decided: 'Saken blir vedtatt når det siste organet i saksgangen fatter vedtak.',
};

const label = (s: CaseState, route: string[]) =>
  s.phase === 'before_body' && s.bodyPosition !== null
    ? `Til behandling i ${route[s.bodyPosition - 1] ?? `organ nr. ${s.bodyPosition}`}`
    : PHASE_LABELS[s.phase];

const at = (phase: CasePhase, bodyPosition: number | null = null): MoveResult => ({ ok: true, to: { phase, bodyPosition } });
const refuse = (reason: string, path: string, kind: 'invalid' | 'forbidden' | 'conflict' = 'invalid'): MoveResult => ({
  ok: false,
  reason,
  path,
  kind,
});

/** Whether a move back (for rework) rather than forward. */
export function isMoveBack(from: CasePhase, to: CasePhase): boolean {
  return CASE_PHASES.indexOf(to) < CASE_PHASES.indexOf(from);
}

/** The one rule for moving a case: where the event takes it from its state, or why not (Norwegian, with the field). */
export function nextPhase(state: CaseState, event: CaseEvent, ctx: MoveContext): MoveResult {
  if (!ctx.officer) return refuse('Bare saksbehandlere kan flytte en sak', event.type === 'move' ? 'to' : 'bodyId', 'forbidden');
  const now = label(state, ctx.route);
  switch (event.type) {
    case 'move': {
      const to = event.to;
      if (state.phase === 'closed') return refuse('Saken er avsluttet og kan ikke flyttes', 'to');
      if (to === state.phase) return refuse(`Saken er allerede i fasen «${now}»`, 'to');
      if (!MANUAL[state.phase].includes(to)) {
        const hint = isMoveBack(state.phase, to)
          ? ''
          : (BY_EVENT_ONLY[to] ?? (to === 'before_body' ? 'Registrer innstillingen før saken sendes til behandling.' : ''));
        return refuse(`Saken kan ikke flyttes fra «${now}» til «${PHASE_LABELS[to]}».${hint ? ` ${hint}` : ''}`, 'to');
      }
      if (to === 'before_body') {
        if (ctx.route.length === 0) return refuse('Saken har ingen saksgang. Legg inn organene den skal behandles i først.', 'to');
        return at('before_body', 1);
      }
      return at(to);
    }
    case 'open_round':
      if (state.phase === 'closed') return refuse('Saken er avsluttet. Det kan ikke åpnes nye innspillsrunder på den.', 'caseId');
      // Until the innstilling the case goes on consultation; later a round leaves the phase as it is.
      return state.phase === 'draft' || state.phase === 'in_preparation' || state.phase === 'working_group'
        ? at('input_round')
        : { ok: true, to: state };
    case 'recommend':
      if (state.phase === 'draft') return refuse('Start utredningen av saken før innstillingen registreres', 'bodyId');
      if (state.phase === 'decided' || state.phase === 'follow_up' || state.phase === 'closed')
        return refuse(`Saken er allerede avgjort («${now}»). Det kan ikke registreres flere innstillinger.`, 'bodyId');
      // An innstilling to a later body while the case is before a body leaves the phase as it is.
      return state.phase === 'recommended' || state.phase === 'before_body' ? { ok: true, to: state } : at('recommended');
    case 'decide': {
      const body = ctx.route[event.bodyPosition - 1];
      if (!body) return refuse('Organet står ikke i sakens saksgang', 'bodyId');
      if (state.phase !== 'before_body' || state.bodyPosition === null)
        return refuse(`${body} kan ikke fatte vedtak før saken er sendt til behandling der (saken er nå «${now}»)`, 'bodyId');
      if (state.bodyPosition !== event.bodyPosition)
        return refuse(
          `Saken ligger ikke til behandling i ${body}, men i ${ctx.route[state.bodyPosition - 1] ?? `organ nr. ${state.bodyPosition}`}`,
          'bodyId',
        );
      if (event.bodyPosition < ctx.route.length) return at('before_body', event.bodyPosition + 1);
      const open = openInputText(ctx.openRounds ?? [], ctx.undisposedInputs ?? 0);
      if (open && !ctx.confirmOpenInput?.trim()) {
        return refuse(`${open} Bekreft med en begrunnelse at vedtaket likevel skal fattes.`, 'confirmOpenInput', 'conflict');
      }
      return at('decided');
    }
  }
}

/** What is still open on a case before its deciding vedtak (null: nothing). */
export function openInputText(openRounds: string[], undisposedInputs: number): string | null {
  const parts = [
    ...openRounds.map((t) => `Innspillsrunden «${t}» er fortsatt åpen.`),
    ...(undisposedInputs > 0 ? [`${undisposedInputs === 1 ? 'Ett innspill' : `${undisposedInputs} innspill`} mangler behandling.`] : []),
  ];
  return parts.length ? parts.join(' ') : null;
}

/** The phases an officer may move the case to by hand from its state (what the case page offers). */
export function allowedManualMoves(state: CaseState, ctx: MoveContext): CasePhase[] {
  return CASE_PHASES.filter((to) => nextPhase(state, { type: 'move', to }, ctx).ok);
}

/** Meeting kinds whose minutes may record a vedtak: a drøftingsmøte (consultation) and a school conference decide nothing. */
export function meetingMayDecide(kind: string): boolean {
  return kind === 'ordinary';
}

export const NO_DECISION_IN_MEETING: Record<string, string> = {
  consultation: 'Et drøftingsmøte fatter ikke vedtak. Protokollen har drøftingen og partenes protokolltilførsler.',
  school_conference: 'En skolekonferanse fatter ikke vedtak. Protokollen har bare drøftingen.',
};

import { z } from 'zod';
import { Dec, ZERO } from '../allocation/decimal.js';
import { AnalysisInputError, count, kroner, label, nonNegativeNok, parseAnalysis, wholeCount } from './common.js';

export const PEERS_FORMAT = 'samrad.peer-comparison/v1';

const municipality = z.strictObject({
  name: label,
  /** Net operating expenditure per inhabitant aged 6-15, NOK. */
  costPerChild: nonNegativeNok,
  /** Average pupils per school; needed for the logarithmic fit. */
  pupilsPerSchool: count.refine((v) => Number(v) > 0, { error: 'Må være større enn 0' }).optional(),
});

/** Peer comparison (KOSTRA, chapter 2.7), in the format of `kostra-2008.peers.json`. */
export const peerComparisonSchema = z.strictObject({
  format: z.literal(PEERS_FORMAT, { error: `Formatet må være «${PEERS_FORMAT}»` }),
  source: z.string().max(500).optional(),
  year: z.number().int().optional(),
  measure: z.string().max(500).optional(),
  own: municipality.extend({ children6to15: wholeCount }),
  /**
   * The other municipalities of the data. Those with `chosen: false` are not compared with one by one but
   * still count in the logarithmic fit (the data given); absent means chosen.
   */
  peers: z
    .array(municipality.extend({ chosen: z.boolean({ error: 'Må være sann eller usann' }).optional() }))
    .min(1, { error: 'Oppgi minst én sammenligningskommune' })
    .refine((peers) => peers.some((p) => p.chosen !== false), { error: 'Velg minst én kommune å sammenligne med' }),
});
export type PeerComparisonInput = z.input<typeof peerComparisonSchema>;

export interface PeerResult {
  name: string;
  costPerChild: number;
  /** peer − own cost per child, NOK. */
  difference: number;
  /** "At the peer's cost level": difference × own children aged 6-15, NOK. */
  effect: number;
  pupilsPerSchool: number | null;
}

export interface LogFit {
  /** cost = intercept + slope × ln(pupils per school). */
  intercept: number;
  slope: number;
  rSquared: number;
  points: number;
  /** The curve's cost at the own municipality's school size, and own cost − that. */
  ownPredicted: number | null;
  ownResidual: number | null;
}

export interface PeerComparisonResult {
  own: { name: string; costPerChild: number; children6to15: number; pupilsPerSchool: number | null };
  /** The chosen peers, each against the own municipality. */
  peers: PeerResult[];
  /** The municipalities of the data that were not chosen: only in the fit (and the chart). */
  others: { name: string; costPerChild: number; pupilsPerSchool: number | null }[];
  /** Least-squares fit over every municipality given with pupils per school (the own one included); null under 3 points. */
  fit: LogFit | null;
}

/** Ordinary least squares of y on ln(x), in 40-digit decimals. */
export function logarithmicFit(points: { x: number | string; y: number | string }[]) {
  const n = new Dec(points.length);
  const xs = points.map((p) => new Dec(p.x).ln());
  const ys = points.map((p) => new Dec(p.y));
  const mean = (v: InstanceType<typeof Dec>[]) => v.reduce((a, b) => a.plus(b), ZERO).dividedBy(n);
  const mx = mean(xs);
  const my = mean(ys);
  let sxx = ZERO;
  let sxy = ZERO;
  let syy = ZERO;
  xs.forEach((x, i) => {
    const dx = x.minus(mx);
    const dy = ys[i]!.minus(my);
    sxx = sxx.plus(dx.times(dx));
    sxy = sxy.plus(dx.times(dy));
    syy = syy.plus(dy.times(dy));
  });
  if (sxx.isZero()) return null;
  const slope = sxy.dividedBy(sxx);
  const intercept = my.minus(slope.times(mx));
  // R² = 1 − SSres/SStot, and for a least-squares line SSres = Syy − Sxy²/Sxx.
  const rSquared = syy.isZero() ? new Dec(1) : sxy.times(sxy).dividedBy(sxx.times(syy));
  return { slope, intercept, rSquared };
}

export function computePeerComparison(raw: unknown): PeerComparisonResult {
  const input = parseAnalysis(peerComparisonSchema, raw);
  const own = new Dec(input.own.costPerChild);
  const children = new Dec(input.own.children6to15);
  const peers = input.peers
    .filter((p) => p.chosen !== false)
    .map((p) => {
      const difference = new Dec(p.costPerChild).minus(own);
      return {
        name: p.name,
        costPerChild: kroner(new Dec(p.costPerChild)),
        difference: kroner(difference),
        effect: kroner(difference.times(children)),
        pupilsPerSchool: p.pupilsPerSchool === undefined ? null : Number(p.pupilsPerSchool),
      };
    });
  const withSize = [input.own, ...input.peers].filter((m) => m.pupilsPerSchool !== undefined);
  let fit: LogFit | null = null;
  if (withSize.length >= 3) {
    const f = logarithmicFit(withSize.map((m) => ({ x: m.pupilsPerSchool!, y: m.costPerChild })));
    if (!f)
      throw new AnalysisInputError([
        { path: 'peers', message: 'Alle kommunene har like mange elever per skole; kurven kan ikke tilpasses' },
      ]);
    const ownSize = input.own.pupilsPerSchool;
    const predicted = ownSize === undefined ? null : f.intercept.plus(f.slope.times(new Dec(ownSize).ln()));
    fit = {
      intercept: kroner(f.intercept),
      slope: kroner(f.slope),
      rSquared: Number(f.rSquared.toDecimalPlaces(6).toString()),
      points: withSize.length,
      ownPredicted: predicted === null ? null : kroner(predicted),
      ownResidual: predicted === null ? null : kroner(own.minus(predicted)),
    };
  }
  return {
    own: {
      name: input.own.name,
      costPerChild: kroner(own),
      children6to15: input.own.children6to15,
      pupilsPerSchool: input.own.pupilsPerSchool === undefined ? null : Number(input.own.pupilsPerSchool),
    },
    peers,
    others: input.peers
      .filter((p) => p.chosen === false)
      .map((p) => ({
        name: p.name,
        costPerChild: kroner(new Dec(p.costPerChild)),
        pupilsPerSchool: p.pupilsPerSchool === undefined ? null : Number(p.pupilsPerSchool),
      })),
    fit,
  };
}

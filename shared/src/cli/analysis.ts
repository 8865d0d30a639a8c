#!/usr/bin/env node
/**
 * The analysis tools from the command line:
 *   npm run analysis -- peers <fil.json> [--format table|json]
 * `peers` reads a peer comparison in the format `samrad.peer-comparison/v1` (see kostra-2008.peers.json) and prints
 * each peer's cost per child aged 6-15, the difference from the own municipality and the effect "at the peer's cost
 * level" ((peer − own) × own children), in NOK; the table also shows the logarithmic fit against school size.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AnalysisInputError, computePeerComparison, type PeerComparisonResult } from '../engine/index.js';

const USAGE = 'Bruk: npm run analysis -- peers <fil.json> [--format table|json]';

class CliError extends Error {}

const nok = (n: number) =>
  Math.round(n)
    .toLocaleString('nb-NO')
    .replace(/\u00a0/g, ' ');
const signed = (n: number) => (n > 0 ? '+' : '') + nok(n);

function peersTable(r: PeerComparisonResult): string {
  const rows = [
    ['Kommune', 'Kr per barn 6-15', 'Forskjell', 'Effekt på deres nivå', 'Elever per skole'],
    [r.own.name + ' (egen)', nok(r.own.costPerChild), '', '', r.own.pupilsPerSchool === null ? '' : String(r.own.pupilsPerSchool)],
    ...r.peers.map((p) => [
      p.name,
      nok(p.costPerChild),
      signed(p.difference),
      signed(p.effect),
      p.pupilsPerSchool === null ? '' : String(p.pupilsPerSchool),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines = rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  if (r.fit) {
    lines.push(
      '',
      `Logaritmisk kurve over ${r.fit.points} kommuner: kostnad = ${nok(r.fit.intercept)} ${r.fit.slope < 0 ? '−' : '+'} ${nok(Math.abs(r.fit.slope))} · ln(elever per skole), R² = ${r.fit.rSquared.toFixed(3).replace('.', ',')}`,
    );
    if (r.fit.ownPredicted !== null)
      lines.push(
        `${r.own.name} ligger ${signed(r.fit.ownResidual!)} kr per barn mot kurven (${nok(r.fit.ownPredicted)} ved sin skolestørrelse)`,
      );
  }
  return lines.join('\n') + '\n';
}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'table' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || positionals.length !== 2 || positionals[0] !== 'peers') {
    process.stderr.write(USAGE + '\n');
    return values.help ? 0 : 2;
  }
  if (values.format !== 'table' && values.format !== 'json') throw new CliError(`Ukjent format «${values.format}». ${USAGE}`);
  const result = computePeerComparison(JSON.parse(readFileSync(positionals[1]!, 'utf8')));
  if (values.format === 'json') {
    const peers = result.peers.map((p) => ({ name: p.name, costPerChild: p.costPerChild, difference: p.difference, effect: p.effect }));
    process.stdout.write(JSON.stringify({ peers }, null, 2) + '\n');
  } else process.stdout.write(peersTable(result));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof AnalysisInputError) {
    process.stderr.write('Ugyldig input:\n' + error.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n') + '\n');
  } else if (
    error instanceof CliError ||
    error instanceof SyntaxError ||
    (error as { code?: string }).code === 'ENOENT' ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  ) {
    process.stderr.write(`${(error as Error).message}\n`);
  } else {
    process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  }
  process.exitCode = 1;
}

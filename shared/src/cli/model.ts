#!/usr/bin/env node
/**
 * The allocation model from the command line:
 *   npm run model -- <input.json|.csv|.xlsx> [--model model.json] [--frame N | --frame-change N]
 *                    [--format table|json|csv|xlsx] [--out file]
 * A CSV or XLSX file gives the units; the criteria and rates then come from --model (an interchange JSON).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { AllocationInputError, allocate, formatFigure41, parseAllocationInput, withFrame } from '../engine/index.js';
import { formatResultCsv, resultWorkbook, unitsFromCsv, unitsFromXlsx, type TableIssue } from '../formats/index.js';

const USAGE =
  'Bruk: npm run model -- <fil.json|fil.csv|fil.xlsx> [--model modell.json] [--frame N | --frame-change N] [--format table|json|csv|xlsx] [--out fil]';

class CliError extends Error {}

async function readInput(file: string, modelFile: string | undefined): Promise<unknown> {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return JSON.parse(readFileSync(file, 'utf8'));
  if (ext !== '.csv' && ext !== '.xlsx') throw new CliError(`Ukjent filtype «${ext}». ${USAGE}`);
  if (!modelFile) throw new CliError('En CSV- eller XLSX-fil gir bare enhetene: oppgi kriterier og satser med --model modell.json');
  const model = JSON.parse(readFileSync(modelFile, 'utf8')) as Record<string, unknown>;
  const custom = ((model.customDrivers as { id: string }[] | undefined) ?? []).map((d) => d.id);
  const table = ext === '.csv' ? unitsFromCsv(readFileSync(file, 'utf8'), custom) : await unitsFromXlsx(readFileSync(file), custom);
  if (!table.ok) throw new CliError(table.errors.map((e: TableIssue) => `Rad ${e.row}, kolonne «${e.column}»: ${e.message}`).join('\n'));
  return { ...model, units: table.units };
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      frame: { type: 'string' },
      'frame-change': { type: 'string' },
      format: { type: 'string', default: 'table' },
      model: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length !== 1) {
    process.stderr.write(USAGE + '\n');
    return values.help ? 0 : 2;
  }
  if (values.frame !== undefined && values['frame-change'] !== undefined)
    throw new CliError('Oppgi enten --frame eller --frame-change, ikke begge');
  let input = parseAllocationInput(await readInput(positionals[0]!, values.model));
  if (values.frame !== undefined) input = parseAllocationInput(withFrame(input, { frame: values.frame }));
  if (values['frame-change'] !== undefined) input = parseAllocationInput(withFrame(input, { frameChange: values['frame-change'] }));
  const result = allocate(input);
  let output: string | Uint8Array;
  switch (values.format) {
    case 'json':
      output = JSON.stringify(result, null, 2) + '\n';
      break;
    case 'csv':
      output = formatResultCsv(result);
      break;
    case 'xlsx':
      output = await resultWorkbook(input, result);
      break;
    case 'table':
      output = formatFigure41(result) + '\n';
      break;
    default:
      throw new CliError(`Ukjent format «${values.format}». ${USAGE}`);
  }
  if (values.out) writeFileSync(values.out, output);
  else process.stdout.write(output);
  return 0;
}

/** parseArgs takes "-5100000" for an option; join a negative number to the option before it. */
function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if ((arg === '--frame' || arg === '--frame-change') && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

main(joinNegativeValues(process.argv.slice(2))).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof AllocationInputError) {
      process.stderr.write('Ugyldig modellinput:\n' + error.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n') + '\n');
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
    process.exit(1);
  },
);

import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { DataSource, QueryFailedError } from 'typeorm';
import { createMunicipalitySchema, parseWith, type CreateMunicipality, type FieldError } from '@samrad/shared/contracts';
import { ConfigError, loadConfig, type AppConfig } from './platform/config/config.js';
import { ValidationFailed } from './platform/http/errors.js';
import { MunicipalitiesService } from './modules/municipalities/municipalities.service.js';
import { UsersService } from './modules/users/users.service.js';
import { OperatorModule } from './operator.module.js';

export const MUNICIPALITY_HELP = `Bruk: npm run municipality -- create --name "Navn kommune" --org-number 123456789 --admin-email adresse@kommune.no --admin-name "Fornavn Etternavn"

Oppretter en ny kommune i Samråd og inviterer den første administratoren på e-post
(den vanlige invitasjonen: lenken gjelder i 7 dager, og administratoren velger passord selv).
Kommunen starter tom: administratoren inviterer resten og oppretter organene i nettleseren.

Valg:
  --name          kommunens navn, for eksempel "Solvik kommune"
  --org-number    organisasjonsnummeret, ni siffer
  --admin-email   e-postadressen til den første administratoren
  --admin-name    navnet til den første administratoren
  -h, --help      viser denne teksten

Kommandoen bruker de samme miljøvariablene som Samråd (DATABASE_URL, APP_URL for lenken i
invitasjonen, MAIL_TRANSPORT). E-posten sendes av Samråds worker; med MAIL_TRANSPORT=capture
ligger den på APP_URL/dev/mail. Databasen må være migrert (npm start gjør det).

Avslutter med kode 0 når kommunen er opprettet, 1 når den ble avvist (ugyldige eller brukte
verdier), 2 ved feil bruk av kommandoen.`;

/** The command's options by the field of the contract they fill. */
const OPTION_OF: Record<string, string> = {
  name: '--name',
  orgNumber: '--org-number',
  adminEmail: '--admin-email',
  email: '--admin-email',
  adminName: '--admin-name',
};

export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface CreatedMunicipality {
  municipality: { id: string; name: string; orgNumber: string };
  admin: { id: string; email: string; name: string };
}

class Refused extends Error {
  constructor(readonly errors: FieldError[]) {
    super('refused');
  }
}

/** Reads `create --name … --org-number … --admin-email … --admin-name …`; a usage error is thrown as a Norwegian message. */
export function parseMunicipalityArgs(argv: string[]): { help: true } | { help: false; values: Record<string, string | undefined> } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        name: { type: 'string' },
        'org-number': { type: 'string' },
        'admin-email': { type: 'string' },
        'admin-name': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const option = /'(-[^' ]+)/.exec((error as Error).message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(option ? `Ukjent valg ${option}.` : 'Ukjent valg.');
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError(option ? `Valget ${option} mangler en verdi.` : 'Et valg mangler en verdi.');
    throw new UsageError((error as Error).message);
  }
  if (parsed.values.help) return { help: true };
  const [command, ...rest] = parsed.positionals;
  if (command === undefined) throw new UsageError('Oppgi hva som skal gjøres: create.');
  if (command !== 'create') throw new UsageError(`Ukjent kommando «${command}». Bruk create.`);
  if (rest.length > 0)
    throw new UsageError(`Ukjent argument «${rest[0]}». Sett verdier med anførselstegn rundt, for eksempel --name "Solvik kommune".`);
  return {
    help: false,
    values: {
      name: parsed.values.name,
      orgNumber: parsed.values['org-number'],
      adminEmail: parsed.values['admin-email'],
      adminName: parsed.values['admin-name'],
    },
  };
}

export class UsageError extends Error {}

/**
 * Creates the municipality and invites its first administrator, in one transaction, through the owning
 * modules' services (municipalities, users; the invitation through auth's token and the outbox).
 */
export async function createMunicipality(config: AppConfig, input: CreateMunicipality): Promise<CreatedMunicipality> {
  const app = await NestFactory.createApplicationContext(OperatorModule.forRoot(config), { logger: ['error'], abortOnError: false });
  try {
    const db = app.get(DataSource);
    if (await db.showMigrations())
      throw new Error(
        'Databasen er ikke migrert ennå. Kjør migreringene først (npm start gjør det, eller node backend/dist/cli.js migrate).',
      );
    const municipalities = app.get(MunicipalitiesService);
    const users = app.get(UsersService);
    try {
      return await db.transaction(async (m) => {
        const municipality = await municipalities.create(m, { name: input.name, orgNumber: input.orgNumber });
        const admin = await users.inviteFirstAdministrator(m, municipality.id, { email: input.adminEmail, name: input.adminName });
        return {
          municipality: { id: municipality.id, name: municipality.name, orgNumber: municipality.orgNumber },
          admin: { id: admin.id, email: admin.email, name: admin.name },
        };
      });
    } catch (error) {
      if (error instanceof ValidationFailed) throw new Refused((error.getResponse() as { errors: FieldError[] }).errors);
      // The same number or address given by two commands at once: the unique index refuses the second.
      const constraint = error instanceof QueryFailedError ? (error.driverError as { constraint?: string }).constraint : undefined;
      if (constraint === 'municipality_org_number_key')
        throw new Refused([{ path: 'orgNumber', message: `Organisasjonsnummeret ${input.orgNumber} er allerede registrert` }]);
      if (constraint === 'app_user_email_key')
        throw new Refused([{ path: 'email', message: `E-postadressen ${input.adminEmail} hører allerede til en bruker i Samråd` }]);
      throw error;
    }
  } finally {
    await app.close();
  }
}

/**
 * `npm run municipality -- create …`: answers the exit code (0 created, 1 refused, 2 wrong use) and
 * writes what happened, in Norwegian, to `io`.
 */
export async function runMunicipalityCommand(
  argv: string[],
  io: CommandIo = { out: (l) => console.log(l), err: (l) => console.error(l) },
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let args;
  try {
    args = parseMunicipalityArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${error.message}\n\n${MUNICIPALITY_HELP}`);
    return 2;
  }
  if (args.help) {
    io.out(MUNICIPALITY_HELP);
    return 0;
  }
  const input = parseWith(createMunicipalitySchema, args.values);
  const refuse = (errors: FieldError[]) => {
    io.err('Kommunen ble ikke opprettet:');
    for (const e of errors) io.err(`  ${OPTION_OF[e.path] ?? e.path}: ${e.message}`);
    return 1;
  };
  if (!input.ok) return refuse(input.errors);
  let config: AppConfig;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(error.message);
    return 2;
  }
  try {
    const created = await createMunicipality(config, input.data);
    const base = config.APP_URL.replace(/\/$/, '');
    io.out(`Opprettet ${created.municipality.name} (organisasjonsnummer ${created.municipality.orgNumber}).`);
    io.out(
      `Invitasjonen til administratoren ${created.admin.name} <${created.admin.email}> er lagt i utsendingskøen og sendes av Samråds worker. Lenken i den gjelder i 7 dager.`,
    );
    if (config.MAIL_TRANSPORT === 'capture') io.out(`E-post fanges opp (MAIL_TRANSPORT=capture): se ${base}/dev/mail`);
    return 0;
  } catch (error) {
    if (error instanceof Refused) return refuse(error.errors);
    io.err(`Kommunen ble ikke opprettet: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

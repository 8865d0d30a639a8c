import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { osloDate } from '@samrad/shared/domain';
import { runMunicipalityCommand } from '../src/municipality-command.js';
import { DEMO, anonymous, login, startTestApp, type Client, type TestApp } from './harness.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PASSWORD = 'et langt og godt passord for oppsett';

/** A fresh nine-digit organisation number and a matching name, so reruns against the same database never collide. */
const fresh = () => {
  const n = String(randomInt(100_000_000, 999_999_999));
  return { orgNumber: n, name: `Prøvevik ${n} kommune`, email: `admin.${n}@provevik.test` };
};

/** Runs the command's function, collecting what it writes. */
async function command(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runMunicipalityCommand(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const createArgs = (m: { orgNumber: string; name: string; email: string }, adminName = 'Ada Administrator') => [
  'create',
  '--name',
  m.name,
  '--org-number',
  m.orgNumber,
  '--admin-email',
  m.email,
  '--admin-name',
  adminName,
];

describe('the operator command: npm run municipality -- create', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** The newest invitation link's token queued for the address (the worker sends it; the outbox holds it). */
  async function inviteToken(email: string): Promise<string> {
    const [row]: { text: string }[] = await t.db.query(
      `SELECT payload->>'text' AS text FROM outbox WHERE job = 'mail.send' AND lower(payload->>'to') = lower($1)
          AND payload->>'subject' = 'Invitasjon til Samråd' ORDER BY id DESC LIMIT 1`,
      [email],
    );
    return /invitasjon\?token=([\w-]+)/.exec(row?.text ?? '')?.[1] ?? '';
  }

  async function accept(email: string): Promise<Client> {
    const res = await anonymous(t.url).request('POST', '/api/auth/accept-invite', { token: await inviteToken(email), password: PASSWORD });
    expect(res.status).toBe(200);
    return login(t.url, email, PASSWORD);
  }

  it('creates an empty municipality whose administrator is invited through the normal invitation and can log in', async () => {
    const m = fresh();
    const r = await command(createArgs(m));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Opprettet ${m.name} (organisasjonsnummer ${m.orgNumber}).`);
    expect(r.out).toContain(`Ada Administrator <${m.email}>`);

    const [row]: { id: string; name: string }[] = await t.db.query(`SELECT id, name FROM municipality WHERE org_number = $1`, [
      m.orgNumber,
    ]);
    expect(row?.name).toBe(m.name);
    const users: { email: string; status: string; is_admin: boolean }[] = await t.db.query(
      `SELECT email, status, is_admin FROM app_user WHERE municipality_id = $1`,
      [row!.id],
    );
    expect(users).toEqual([{ email: m.email, status: 'invited', is_admin: true }]);
    const [audit]: { n: number }[] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE municipality_id = $1 AND entity_type = 'user' AND action = 'create' AND actor_id IS NULL`,
      [row!.id],
    );
    expect(audit!.n).toBe(1);

    const admin = await accept(m.email);
    const me = (await admin.request('GET', '/api/auth/me')).body;
    expect(me.municipality.name).toBe(m.name);
    expect(me.roles).toContain('admin');
    // Nothing of the demo: the administrator alone, no bodies, no cases.
    expect((await admin.request('GET', '/api/users')).body.users.map((u: { email: string }) => u.email)).toEqual([m.email]);
    expect((await admin.request('GET', '/api/bodies')).body.bodies).toEqual([]);
    expect((await admin.request('GET', '/api/cases')).body.cases ?? []).toEqual([]);
  });

  it('refuses a used organisation number, a name in use and an address that already has a user, with a non-zero exit and nothing stored', async () => {
    const m = fresh();
    expect((await command(createArgs(m))).code).toBe(0);

    const sameNumber = await command(createArgs({ ...fresh(), orgNumber: m.orgNumber }));
    expect(sameNumber.code).toBe(1);
    expect(sameNumber.err).toContain(`--org-number: Organisasjonsnummeret ${m.orgNumber} er allerede registrert (${m.name})`);

    const sameName = await command(createArgs({ ...fresh(), name: m.name.toUpperCase() }));
    expect(sameName.code).toBe(1);
    expect(sameName.err).toContain(`--name: Det finnes allerede en kommune som heter ${m.name}`);

    const other = fresh();
    const takenAddress = await command(createArgs({ ...other, email: DEMO.admin.toUpperCase() }));
    expect(takenAddress.code).toBe(1);
    expect(takenAddress.err).toContain(`--admin-email: E-postadressen ${DEMO.admin.toUpperCase()} hører allerede til en bruker i Samråd`);
    // The transaction holds both: the municipality of a refused administrator is not left behind.
    expect(await t.db.query(`SELECT 1 FROM municipality WHERE org_number = $1`, [other.orgNumber])).toEqual([]);
  });

  it('refuses bad input field by field, unknown use with exit code 2, and explains itself with --help', async () => {
    const bad = await command(['create', '--name', ' ', '--org-number', '12345', '--admin-email', 'ikke-en-adresse', '--admin-name', '']);
    expect(bad.code).toBe(1);
    expect(bad.err.split('\n')).toEqual([
      'Kommunen ble ikke opprettet:',
      '  --name: Navnet på kommunen må fylles ut',
      '  --org-number: Organisasjonsnummeret må være ni siffer (for eksempel 123456789)',
      '  --admin-email: Skriv inn en gyldig e-postadresse for administratoren',
      '  --admin-name: Navnet på administratoren må fylles ut',
    ]);
    const missing = await command(['create']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('--org-number: Organisasjonsnummeret må fylles ut');

    const unknownOption = await command(['create', '--navn', 'X']);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.err).toMatch(/^Ukjent valg --navn\./);
    const unknownCommand = await command(['slett']);
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.err).toMatch(/^Ukjent kommando «slett»\. Bruk create\./);
    const unquoted = await command(['create', '--name', 'Solvik', 'kommune']);
    expect(unquoted.code).toBe(2);
    expect(unquoted.err).toContain('Ukjent argument «kommune»');

    const help = await command(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Bruk: npm run municipality -- create --name/);
    expect(help.out).toContain('--admin-email');
  });

  it('runs as the real command from the repository (npm run municipality), with its exit codes', { timeout: 240_000 }, async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn('npm', ['run', '--silent', 'municipality', '--', ...args], {
          cwd: ROOT,
          env: { ...process.env, APP_URL: 'http://localhost:4321' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c) => (stdout += c));
        child.stderr.on('data', (c) => (stderr += c));
        child.once('exit', (code) => resolve({ code, stdout, stderr }));
      });
    const m = fresh();
    const created = await run(createArgs(m, 'Prosess Administrator'));
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain(`Opprettet ${m.name} (organisasjonsnummer ${m.orgNumber}).`);
    expect(created.stdout).toContain('se http://localhost:4321/dev/mail');
    const [mail]: { text: string }[] = await t.db.query(
      `SELECT payload->>'text' AS text FROM outbox WHERE payload->>'to' = $1 AND payload->>'subject' = 'Invitasjon til Samråd'`,
      [m.email],
    );
    expect(mail!.text).toMatch(/^Hei Prosess Administrator,/);
    expect(mail!.text).toContain('http://localhost:4321/invitasjon?token=');

    const again = await run(createArgs(m));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`--org-number: Organisasjonsnummeret ${m.orgNumber} er allerede registrert`);
    expect(again.stdout).toBe('');
  });

  describe('a municipality keeps an active administrator', () => {
    let first: Client;
    let second: Client;
    let firstId: string;
    let secondId: string;
    beforeAll(async () => {
      const m = fresh();
      expect((await command(createArgs(m))).code).toBe(0);
      first = await accept(m.email);
      firstId = first.userId;
      const invited = await first.request('POST', '/api/users', { email: `nr2.${m.email}`, name: 'Andre Administrator', isAdmin: true });
      expect(invited.status).toBe(201);
      secondId = invited.body.id;
      second = await accept(`nr2.${m.email}`);
    });

    const versionOf = async (c: Client, id: string) =>
      ((await c.request('GET', '/api/users')).body.users as { id: string; version: number }[]).find((u) => u.id === id)!.version;

    it('an administrator can neither disable themselves nor take their own administrator role', async () => {
      const version = await versionOf(first, firstId);
      const disable = await first.request('PATCH', `/api/users/${firstId}`, { version, status: 'disabled' });
      expect(disable.status).toBe(400);
      expect(disable.body.errors[0].path).toBe('status');
      const demote = await first.request('PATCH', `/api/users/${firstId}`, { version, isAdmin: false });
      expect(demote.status).toBe(400);
      expect(demote.body.errors[0].path).toBe('isAdmin');
    });

    it('two administrators who remove each other at the same moment: one succeeds, the last one stays', async () => {
      const [secondVersion, firstVersion] = [await versionOf(first, secondId), await versionOf(second, firstId)];
      const [a, b] = await Promise.all([
        first.request('PATCH', `/api/users/${secondId}`, { version: secondVersion, isAdmin: false }),
        second.request('PATCH', `/api/users/${firstId}`, { version: firstVersion, isAdmin: false }),
      ]);
      // The second of the two may also be refused at the door (its role was just taken): never two 200s.
      expect([a.status, b.status].filter((s) => s === 200)).toHaveLength(1);
      const refused = a.status === 200 ? b : a;
      expect([400, 403]).toContain(refused.status);
      if (refused.status === 400) expect(refused.body.errors[0].message).toMatch(/minst én aktiv administrator/);
      const [row]: { n: number }[] = await t.db.query(
        `SELECT count(*)::int AS n FROM app_user WHERE id = ANY($1) AND is_admin AND status = 'active'`,
        [[firstId, secondId]],
      );
      expect(row!.n).toBe(1);
    });

    it('disables and enables a person again; one who never accepted gets the invitation back, and it can be resent', async () => {
      const admin = (await first.request('GET', '/api/auth/me')).body.roles.includes('admin') ? first : second;
      const invited = await admin.request('POST', '/api/users', { email: `sen.${randomInt(1e9)}@provevik.test`, name: 'Sen Svarer' });
      expect(invited.status).toBe(201);
      const disabled = await admin.request('PATCH', `/api/users/${invited.body.id}`, { version: invited.body.version, status: 'disabled' });
      expect(disabled.body.status).toBe('disabled');
      expect((await admin.request('POST', `/api/users/${invited.body.id}/resend-invite`)).status).toBe(400);
      const enabled = await admin.request('PATCH', `/api/users/${invited.body.id}`, { version: disabled.body.version, status: 'active' });
      expect(enabled.status).toBe(200);
      expect(enabled.body.status).toBe('invited');
      const resent = await admin.request('POST', `/api/users/${invited.body.id}/resend-invite`);
      expect(resent.status).toBe(202);
      const [mails]: { n: number }[] = await t.db.query(
        `SELECT count(*)::int AS n FROM outbox WHERE payload->>'to' = $1 AND payload->>'subject' = 'Invitasjon til Samråd'`,
        [invited.body.email],
      );
      expect(mails!.n).toBe(2);
      // An active person's invitation cannot be resent.
      const other = admin === first ? secondId : firstId;
      expect((await admin.request('POST', `/api/users/${other}/resend-invite`)).status).toBe(400);
    });

    it('closing a body keeps it and its history: running memberships end today, one not begun goes, no new members', async () => {
      const admin = (await first.request('GET', '/api/auth/me')).body.roles.includes('admin') ? first : second;
      const today = osloDate(new Date());
      const steering = await admin.request('POST', '/api/bodies', { kind: 'steering_group', name: 'Styringsgruppe' });
      const working = await admin.request('POST', '/api/bodies', {
        kind: 'working_group',
        name: 'Arbeidsgruppe',
        parentId: steering.body.id,
      });
      const member = (validFrom: string) => ({ userId: admin.userId, role: 'member', capacity: 'administration', validFrom });
      const running = await admin.request('POST', `/api/bodies/${steering.body.id}/members`, member('2026-01-01'));
      const future = await admin.request('POST', `/api/bodies/${steering.body.id}/members`, member('2099-01-01'));
      expect([running.status, future.status]).toEqual([201, 201]);

      const early = await admin.request('DELETE', `/api/bodies/${steering.body.id}`);
      expect(early.status).toBe(400);
      expect(early.body.errors[0].message).toMatch(/underordnede organer som ikke er lagt ned/);
      expect((await admin.request('DELETE', `/api/bodies/${working.body.id}`)).status).toBe(204);
      expect((await admin.request('DELETE', `/api/bodies/${steering.body.id}`)).status).toBe(204);

      const closed = (await admin.request('GET', `/api/bodies/${steering.body.id}`)).body;
      expect(closed.closedOn).toBe(today);
      expect(closed.members.map((x: { id: string; validTo: string | null }) => [x.id, x.validTo])).toEqual([[running.body.id, today]]);
      const list = (await admin.request('GET', '/api/bodies')).body.bodies as { id: string; closedOn: string | null }[];
      expect(
        list
          .filter((b) => b.closedOn === today)
          .map((b) => b.id)
          .sort(),
      ).toEqual([steering.body.id, working.body.id].sort());
      const again = await admin.request('DELETE', `/api/bodies/${steering.body.id}`);
      expect(again.body.errors[0].message).toBe('Organet er allerede lagt ned');
      const late = await admin.request('POST', `/api/bodies/${steering.body.id}/members`, member(today));
      expect(late.status).toBe(400);
      expect(late.body.errors[0]).toEqual({ path: 'userId', message: 'Organet er lagt ned og kan ikke få nye medlemmer' });
      // Its memberships are history: not made current again, not removed.
      const ended = closed.members[0] as { id: string; version: number };
      const reopened = await admin.request('PATCH', `/api/bodies/${steering.body.id}/members/${ended.id}`, {
        version: ended.version,
        validTo: null,
      });
      expect(reopened.body.errors).toEqual([
        { path: 'validTo', message: 'Organet er lagt ned. Medlemskapene er historikk og kan ikke endres.' },
      ]);
      expect((await admin.request('DELETE', `/api/bodies/${steering.body.id}/members/${ended.id}`)).status).toBe(400);
      // Its history is there: the close is an audited change, not a delete.
      const history = (await admin.request('GET', `/api/audit/body/${steering.body.id}`)).body;
      expect(history.events.map((e: { action: string }) => e.action)).toEqual(['create', 'update']);
    });
  });
});

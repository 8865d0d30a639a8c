import type { DataSource } from 'typeorm';
import { DEMO_ORG_NUMBER } from './demo.js';

export const DEMO_OIDC_NAME = 'Demo-innlogging';

/**
 * `npm start` only (DEMO_OIDC_ISSUER, refused in production): the demo municipality logs in through the demo OpenID
 * provider `npm start` runs on this machine, so its button on the log-in page can be tried. A public client (PKCE, no
 * secret) for every role, linking by e-mail and creating no accounts. The issuer is brought up to date on every start.
 */
export async function seedDemoOidc(db: DataSource, issuer: string): Promise<void> {
  await db.transaction(async (m) => {
    const [municipality]: { id: string }[] = await m.query(`SELECT id FROM municipality WHERE org_number = $1`, [DEMO_ORG_NUMBER]);
    if (!municipality) return;
    const [existing]: { id: string }[] = await m.query(`SELECT id FROM oidc_provider WHERE municipality_id = $1 AND name = $2`, [
      municipality.id,
      DEMO_OIDC_NAME,
    ]);
    if (existing)
      await m.query(`UPDATE oidc_provider SET issuer = $2, enabled = true, version = version + 1, updated_at = now() WHERE id = $1`, [
        existing.id,
        issuer,
      ]);
    else
      await m.query(
        `INSERT INTO oidc_provider (municipality_id, name, kind, issuer, client_id, scopes, claim, allowed_roles)
         VALUES ($1, $2, 'generic', $3, 'samrad-demo', 'openid email profile', 'email', ARRAY['admin', 'case_officer', 'member', 'participant'])`,
        [municipality.id, DEMO_OIDC_NAME, issuer],
      );
  });
}

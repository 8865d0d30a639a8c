import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { AppConfig } from '../../platform/config/config.js';

/** Development and tests only: production refuses to start without OIDC_SECRET_KEY (see config.ts). */
const DEVELOPMENT_KEY = 'samrad-development-oidc-secret-key-not-for-production';

const derive = (config: Pick<AppConfig, 'OIDC_SECRET_KEY'>, purpose: string) =>
  Buffer.from(hkdfSync('sha256', config.OIDC_SECRET_KEY ?? DEVELOPMENT_KEY, 'samrad', purpose, 32));

/** A provider's client secret, encrypted with AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function encryptSecret(config: Pick<AppConfig, 'OIDC_SECRET_KEY'>, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive(config, 'oidc-client-secret'), iv);
  const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function decryptSecret(config: Pick<AppConfig, 'OIDC_SECRET_KEY'>, stored: string): string {
  const [, iv, tag, data] = stored.split('.');
  const decipher = createDecipheriv('aes-256-gcm', derive(config, 'oidc-client-secret'), Buffer.from(iv!, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag!, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data!, 'base64url')), decipher.final()]).toString('utf8');
}

/** The keyed hash (HMAC-SHA-256) under which a national identity number is stored and looked up. */
export function nationalIdHmac(config: Pick<AppConfig, 'OIDC_SECRET_KEY'>, nationalId: string): string {
  return createHmac('sha256', derive(config, 'national-id')).update(nationalId.trim()).digest('hex');
}

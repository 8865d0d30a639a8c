import argon2 from 'argon2';

/** argon2id with OWASP's recommended parameters. */
export const hashPassword = (password: string) =>
  argon2.hash(password, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
export const verifyPassword = (hash: string, password: string) => argon2.verify(hash, password).catch(() => false);

/** Verifying against a dummy hash keeps the time of a log-in with an unknown e-mail the same. */
let dummy: Promise<string> | undefined;
export const dummyVerify = async (password: string) => verifyPassword(await (dummy ??= hashPassword('samrad-dummy-password')), password);

// jsdom lacks CSS.escape, which Designsystemet's popover polyfill uses at import.
const g = globalThis as unknown as { CSS?: { escape?: (v: string) => string } };
g.CSS ??= {};
g.CSS.escape ??= (v: string) => v.replace(/[^\w-]/g, (c) => `\\${c}`);
// …and document.getAnimations, which Designsystemet's spinner uses to keep animations in step.
(document as unknown as { getAnimations?: () => Animation[] }).getAnimations ??= () => [];
import '../i18n/index.js';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { assertFixturesKeptContracts, checkFixtures } from './contracts.js';
import { server } from './server.js';

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  checkFixtures(server);
});
afterEach(async () => {
  cleanup();
  server.resetHandlers();
  // Every JSON answer the test's fixtures gave must parse with the operation's response contract.
  await assertFixturesKeptContracts();
});
afterAll(() => server.close());

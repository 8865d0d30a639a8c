import { setupServer } from 'msw/node';

/** The API at the HTTP boundary; each test declares the answers it needs. */
export const server = setupServer();

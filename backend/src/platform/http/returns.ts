import { SetMetadata } from '@nestjs/common';
import type { z } from 'zod';

export const RETURNS_KEY = 'samrad:returns';
export const RETURNS_FILE_KEY = 'samrad:returns-file';

/**
 * The shared contract of a route's successful JSON response: it goes into OpenAPI, and with
 * CONTRACT_CHECK=1 (the tests) every answer is parsed with it (`contract-check.ts`).
 */
export const Returns = (schema: z.ZodType) => SetMetadata(RETURNS_KEY, schema);

/**
 * A successful response that is not JSON (a file, a page, a feed), by its media type. A route with a
 * fixed `@Header('content-type', …)` or `@HttpCode(204)` needs neither decorator.
 */
export const ReturnsFile = (mediaType: string) => SetMetadata(RETURNS_FILE_KEY, mediaType);

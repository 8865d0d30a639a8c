import { SetMetadata } from '@nestjs/common';
import type { z } from 'zod';

export const RETURNS_KEY = 'samrad:returns';

/** The shared contract of a route's successful response; it goes into OpenAPI and the contract tests. */
export const Returns = (schema: z.ZodType) => SetMetadata(RETURNS_KEY, schema);

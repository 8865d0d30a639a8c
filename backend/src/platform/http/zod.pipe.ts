import { Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { parseWith } from '@samrad/shared/contracts';
import { ValidationFailed } from './errors.js';

/** Validates a body, query or param with a shared zod contract; Norwegian field errors on failure. */
@Injectable()
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const r = parseWith(this.schema, value ?? {});
    if (!r.ok) throw new ValidationFailed(r.errors);
    return r.data;
  }
}

export const body = <S extends z.ZodType>(schema: S) => new ZodPipe(schema);

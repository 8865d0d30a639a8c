import { z } from 'zod';
import { motionResponseSchema } from './cases.js';

/** The decisions register: an exempt case's decision text and motions are withheld with its legal basis. */
export const decisionRegisterResponseSchema = z.object({
  decisions: z.array(
    z.object({
      id: z.string(),
      body: z.object({ id: z.string(), name: z.string() }),
      committeeNumber: z.string().nullable(),
      decidedOn: z.string(),
      text: z.string().nullable(),
      motions: z.array(motionResponseSchema),
      exemptBasis: z.string().nullable(),
      case: z.object({ id: z.string(), number: z.string(), title: z.string(), access: z.enum(['public', 'exempt']) }),
      mandateItem: z.object({ id: z.string(), number: z.number().int(), title: z.string() }).nullable(),
      inputs: z.number().int(),
    }),
  ),
});

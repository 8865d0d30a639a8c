import type { Messages } from './nb.js';

/** The shape of nb.ts with every text a string: nn.ts and en.ts are typed by it, so a missing key fails the typecheck. */
export type Translation = { [K in keyof Messages]: Widen<Messages[K]> };
type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };

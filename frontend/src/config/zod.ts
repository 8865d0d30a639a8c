import { config } from 'zod';

// zod compiles object parsers with `new Function` unless told not to, after probing whether eval is
// allowed. Samråd's CSP forbids eval, and the probe, though caught, is reported by the browser as a CSP
// violation on every page. Interpreted parsing is fast enough for a form. Imported first by main.tsx,
// because zod reads the setting when a schema is built.
config({ jitless: true });

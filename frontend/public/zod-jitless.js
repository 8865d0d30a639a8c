// zod compiles object parsers with `new Function` unless told not to, after probing whether eval is
// allowed; Samråd's CSP forbids eval, and the browser reports the probe as a violation. zod reads this
// global setting when a schema is built, and the bundler may evaluate schemas before any module of the
// app runs, so it is set here, by a classic script that runs before the module graph.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });

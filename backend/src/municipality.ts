import 'reflect-metadata';
import { runMunicipalityCommand } from './municipality-command.js';

/** Operations: `npm run municipality -- create --name … --org-number … --admin-email … --admin-name …` (see --help). */
runMunicipalityCommand(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

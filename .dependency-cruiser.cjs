/**
 * Import boundaries, checked in `npm test`:
 * - the allocation engine is pure: no Node built-ins, no framework, no I/O library;
 * - shared depends on nothing of the apps;
 * - backend modules use each other only through their public files (module, service): a module's
 *   entities and typed rows (`*.entity.ts`, `*.rows.ts`) are private, so only the table's owner
 *   (platform/database/table-owners.ts) can write it; others call the owner's service;
 * - the backend platform does not depend on business modules (except the entity registry);
 * - frontend features do not import each other (pages compose them).
 */
module.exports = {
  forbidden: [
    {
      name: 'engine-no-node-builtins',
      severity: 'error',
      comment: 'shared/src/engine must stay free of I/O: no Node built-ins',
      from: { path: '^shared/src/engine' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'engine-no-frameworks-or-io-libraries',
      severity: 'error',
      comment: 'shared/src/engine must stay free of frameworks and I/O libraries',
      from: { path: '^shared/src/engine' },
      to: { path: 'node_modules/(@nestjs|typeorm|react|react-dom|pg|ioredis|bullmq|exceljs|papaparse|fastify|nodemailer|@fastify)/' },
    },
    {
      name: 'engine-no-formats-or-cli',
      severity: 'error',
      from: { path: '^shared/src/engine' },
      to: { path: '^shared/src/(formats|cli)/' },
    },
    {
      name: 'shared-stands-alone',
      severity: 'error',
      from: { path: '^shared/src' },
      to: { path: '^(backend|frontend|tests|infra)/' },
    },
    {
      name: 'contracts-and-domain-are-pure',
      severity: 'error',
      from: { path: '^shared/src/(contracts|domain)' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'modules-use-public-files-only',
      severity: 'error',
      comment:
        "another module is used through its module or service files only; its entities and typed rows are private (only a table's owner writes it)",
      from: { path: '^backend/src/modules/([^/]+)/' },
      to: {
        path: '^backend/src/modules/([^/]+)/',
        pathNot: ['^backend/src/modules/$1/', '\\.(module|service)\\.ts$'],
      },
    },
    {
      name: 'platform-does-not-depend-on-modules',
      severity: 'error',
      from: { path: '^backend/src/platform/', pathNot: '^backend/src/platform/database/entities\\.ts$' },
      to: { path: '^backend/src/modules/' },
    },
    {
      name: 'features-do-not-import-features',
      severity: 'error',
      from: { path: '^frontend/src/features/([^/]+)/' },
      to: { path: '^frontend/src/features/([^/]+)/', pathNot: '^frontend/src/features/$1/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^(shared|backend|frontend)/src' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
    },
  },
};

/**
 * Every table has exactly one owner: a business module (`backend/src/modules/<owner>/`) or the platform
 * (`backend/src/platform/`). Only the owner writes its table (INSERT, UPDATE, DELETE, upserts, TypeORM
 * writes of its entities); another module that needs a change calls the owner's service. Reads across
 * modules (read models: tasks, the decisions register, the digest) may stay SQL.
 *
 * The owner keeps the table's one typed home: a TypeORM entity (registered in `entities.ts`) or typed
 * rows in its `<module>.rows.ts` (for tables kept on raw SQL), listed in that file's `ROW_TABLES`.
 *
 * `backend/test/table-ownership.spec.ts` checks that every table of the migrated schema is here, that
 * its typed home lies in its owner's folder, and that no module's source writes a table it does not own.
 * A new table gets its owner here in the same change as its migration.
 */
export const TABLE_OWNERS = {
  // platform: the schema, the outbox and its idempotency keys, yearly number sequences
  schema_migrations: 'platform',
  outbox: 'platform',
  job_done: 'platform',
  number_counter: 'platform',

  municipality: 'municipalities',
  app_user: 'users',
  user_session: 'auth',
  auth_token: 'auth',
  login_attempt: 'auth',
  audit_event: 'audit',
  caught_mail: 'mail',

  body: 'bodies',
  membership: 'bodies',
  mandate: 'mandates',
  mandate_item: 'mandates',

  case_file: 'cases',
  case_phase: 'cases',
  case_section: 'cases',
  case_section_version: 'cases',
  case_route_step: 'cases',
  recommendation: 'cases',
  decision: 'cases',
  comment: 'cases',
  case_officer_disqualification: 'cases',
  decision_follow_up: 'decisions',

  input_round: 'input-rounds',
  round_invitation: 'input-rounds',
  round_person_invitation: 'input-rounds',
  round_reminder: 'input-rounds',
  submission: 'input-rounds',
  submission_version: 'input-rounds',
  disposition: 'input-rounds',

  meeting: 'meetings',
  agenda_item: 'meetings',
  attendance: 'meetings',
  protocol_statement: 'meetings',
  agenda_item_absence: 'meetings',
  meeting_registration: 'meetings',
  calendar_token: 'meetings',
  impartiality_declaration: 'meetings',

  allocation_case: 'allocation',
  allocation_dataset: 'allocation',
  model_version: 'allocation',
  scenario: 'allocation',
  scenario_result: 'allocation',
  sweep: 'allocation',
  import_job: 'allocation',

  analysis_tool: 'analysis',
  analysis_tool_version: 'analysis',
  analysis_comment: 'analysis',
  analysis_adoption: 'analysis',

  notification: 'notifications',
  attachment: 'attachments',
  generated_document: 'documents',
  oidc_provider: 'auth',
  oidc_national_id: 'auth',
  oidc_login_state: 'auth',
  integration_token: 'integration-tokens',
  integration_token_use: 'integration-tokens',
} as const satisfies Record<string, string>;

export type OwnedTable = keyof typeof TABLE_OWNERS;
export type TableOwner = (typeof TABLE_OWNERS)[OwnedTable];

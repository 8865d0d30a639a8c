import { Platform1763800000000 } from './1763800000000-platform.js';
import { Organisation1763800000001 } from './1763800000001-organisation.js';
import { CaseWorkflow1763800000002 } from './1763800000002-case-workflow.js';
import { Meetings1763800000003 } from './1763800000003-meetings.js';
import { Allocation1763800000004 } from './1763800000004-allocation.js';
import { ImportJobs1763800000005 } from './1763800000005-import-jobs.js';
import { Attachments1763800000006 } from './1763800000006-attachments.js';
import { NotificationSettings1763800000007 } from './1763800000007-notification-settings.js';
import { ConferencesAndPersons1763800000008 } from './1763800000008-conferences-and-persons.js';
import { CurrentMembership1763800000009 } from './1763800000009-current-membership.js';
import { SubmissionKeyScope1763800000010 } from './1763800000010-submission-key-scope.js';
import { CaseLifecycle1763800000012 } from './1763800000012-case-lifecycle.js';
import { MandateFollowUp1763800000200 } from './1763800000200-mandate-follow-up.js';
import { Search1763800000600 } from './1763800000600-search.js';
import { MeetingProtocol1763800000500 } from './1763800000500-meeting-protocol.js';
import { BodyClosed1763800000100 } from './1763800000100-body-closed.js';
import { Analysis1763800000800 } from './1763800000800-analysis.js';
import { CaseReferences1763800000300 } from './1763800000300-case-references.js';
import { SearchVectors1763800000610 } from './1763800000610-search-vectors.js';
import { AllocationMainScenario1763800000910 } from './1763800000910-allocation-main-scenario.js';
import { ImportMapping1763800000931 } from './1763800000931-import-mapping.js';
import { Documents1763800000900 } from './1763800000900-documents.js';
import { Language1763800000920 } from './1763800000920-language.js';
import { AnalysisAdoption1763800000820 } from './1763800000820-analysis-adoption.js';
import { Innsyn1763800000940 } from './1763800000940-innsyn.js';
import { Oidc1763800001000 } from './1763800001000-oidc.js';
import { NoticeLanguage1763800000960 } from './1763800000960-notice-language.js';
import { IntegrationTokens1763800001020 } from './1763800001020-integration-tokens.js';
import { PersonalData1763800001030 } from './1763800001030-personal-data.js';
import { InnsynDocuments1763800000950 } from './1763800000950-innsyn-documents.js';
import { Impartiality1763800001010 } from './1763800001010-impartiality.js';

/** Migrations in order. Each is reviewed SQL; data backfills get their own migration. */
export const MIGRATIONS = [
  Platform1763800000000,
  Organisation1763800000001,
  CaseWorkflow1763800000002,
  Meetings1763800000003,
  Allocation1763800000004,
  ImportJobs1763800000005,
  Attachments1763800000006,
  NotificationSettings1763800000007,
  ConferencesAndPersons1763800000008,
  CurrentMembership1763800000009,
  SubmissionKeyScope1763800000010,
  CaseLifecycle1763800000012,
  MandateFollowUp1763800000200,
  Search1763800000600,
  MeetingProtocol1763800000500,
  BodyClosed1763800000100,
  Analysis1763800000800,
  CaseReferences1763800000300,
  SearchVectors1763800000610,
  AllocationMainScenario1763800000910,
  ImportMapping1763800000931,
  Documents1763800000900,
  Language1763800000920,
  AnalysisAdoption1763800000820,
  Innsyn1763800000940,
  Oidc1763800001000,
  IntegrationTokens1763800001020,
  PersonalData1763800001030,
  InnsynDocuments1763800000950,
  NoticeLanguage1763800000960,
  Impartiality1763800001010,
];

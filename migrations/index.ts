import { InitialSchema1763750000000 } from './1763750000000-initial-schema';
import { CaseWorkflow1763750100000 } from './1763750100000-case-workflow';
import { Attachments1763750200000 } from './1763750200000-attachments';
import { CaseStatusCounts1763750300000 } from './1763750300000-case-status-counts';
import { SettingsAndAudit1764400000000 } from './1764400000000-settings-and-audit';
import { CaseFactsAndOutboxKeys1764400100000 } from './1764400100000-case-facts-and-outbox-keys';
import { SignInHardening1764500000000 } from './1764500000000-sign-in-hardening';
import { Deadlines1764700000000 } from './1764700000000-deadlines';
import { ReportRollups1764800000000 } from './1764800000000-report-rollups';
import { WhistleblowerChannel1765000000000 } from './1765000000000-whistleblower-channel';
import { StaffSessions1765100000000 } from './1765100000000-staff-sessions';
import { SiteLogo1765200000000 } from './1765200000000-site-logo';
import { NumbersAtCommit1765300000000 } from './1765300000000-numbers-at-commit';
import { NumbersAtInsert1765400000000 } from './1765400000000-numbers-at-insert';
import { RegistrationTriggersPerStatement1765500000000 } from './1765500000000-registration-triggers-per-statement';
import { RegistrationRollupsAtInsert1765600000000 } from './1765600000000-registration-rollups-at-insert';
import { ReportFlushByIndex1765700000000 } from './1765700000000-report-flush-by-index';

/** Every migration, in order. Listed explicitly so that ts and compiled js load the same set. */
export const migrations = [
  InitialSchema1763750000000,
  CaseWorkflow1763750100000,
  Attachments1763750200000,
  CaseStatusCounts1763750300000,
  SettingsAndAudit1764400000000,
  CaseFactsAndOutboxKeys1764400100000,
  SignInHardening1764500000000,
  Deadlines1764700000000,
  ReportRollups1764800000000,
  WhistleblowerChannel1765000000000,
  StaffSessions1765100000000,
  SiteLogo1765200000000,
  NumbersAtCommit1765300000000,
  NumbersAtInsert1765400000000,
  RegistrationTriggersPerStatement1765500000000,
  RegistrationRollupsAtInsert1765600000000,
  ReportFlushByIndex1765700000000,
];

/**
 * Every migration, in order. A static list rather than a folder scan: bundlers and `tsx` builds
 * miss files that are only found at run time. Names are ISO-8601 timestamps, so name order is
 * run order; never rename or edit a migration that may have run, add a new one.
 */
import type { Migration } from 'kysely';
import * as appRoleAndReferenceData from './20261123T090000Z-app-role-and-reference-data';
import * as usersAndSessions from './20261123T090100Z-users-and-sessions';
import * as unitsAndCirculars from './20261123T090200Z-units-and-circulars';
import * as cases from './20261123T090300Z-cases';
import * as auditEvents from './20261123T090400Z-audit-events';
import * as rollups from './20261123T100000Z-rollups';
import * as rollupRegimeFamily from './20261124T090000Z-rollup-regime-family';
import * as casesActOnIndex from './20261124T100000Z-cases-act-on-index';
import * as caseCodesActOn from './20261125T090000Z-case-codes-act-on';
import * as rollupRegencyAllTime from './20261126T090000Z-rollup-regency-all-time';
import * as rollupKeyContestLast from './20261126T100000Z-rollup-key-contest-last';
import * as rollupCoveringIndexes from './20261126T110000Z-rollup-covering-indexes';
import * as tenantPoliciesEvaluateOnce from './20261126T120000Z-tenant-policies-evaluate-once';

export const migrations: Readonly<Record<string, Migration>> = {
  '20261123T090000Z-app-role-and-reference-data': appRoleAndReferenceData,
  '20261123T090100Z-users-and-sessions': usersAndSessions,
  '20261123T090200Z-units-and-circulars': unitsAndCirculars,
  '20261123T090300Z-cases': cases,
  '20261123T090400Z-audit-events': auditEvents,
  '20261123T100000Z-rollups': rollups,
  '20261124T090000Z-rollup-regime-family': rollupRegimeFamily,
  '20261124T100000Z-cases-act-on-index': casesActOnIndex,
  '20261125T090000Z-case-codes-act-on': caseCodesActOn,
  '20261126T090000Z-rollup-regency-all-time': rollupRegencyAllTime,
  '20261126T100000Z-rollup-key-contest-last': rollupKeyContestLast,
  '20261126T110000Z-rollup-covering-indexes': rollupCoveringIndexes,
  '20261126T120000Z-tenant-policies-evaluate-once': tenantPoliciesEvaluateOnce,
};

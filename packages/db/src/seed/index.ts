/**
 * Seed and demo data of Netral: reference data, the demo data set, and the case generator for
 * benchmarks.
 *
 * @example
 * import { seedIfEmpty, generateDemoCases } from '@netral/db/seed';
 * const logins = await seedIfEmpty(netral, { hashPassword, log: console.log });
 * await generateDemoCases(netral, { cases: 1_000_000, seed: 7 });
 */
export { DEMO_PASSWORD, type DemoLogin, demoUsers, type SeedDemoOptions, seedDemo, seedIfEmpty } from './demo';
export {
  type GenerateDemoCasesOptions,
  generateDemoCases,
  provenStatuses,
  sanctionedStatuses,
} from './generate';
export { referenceProvinces, referenceRegencies, seedReference } from './reference';

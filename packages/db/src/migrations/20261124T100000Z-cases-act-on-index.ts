/**
 * The cases behind an analytics number, across regencies: `analytics.cases` lists a national or
 * provincial scope newest act first (`act_on DESC, id DESC`), and no index served that order
 * without a regency or a status in front, so every such page sorted the whole scope (1.2 s at a
 * million cases, measured by bench/analytics-requests.bench.ts). With this index the page reads
 * the newest cases in order and stops after one page.
 */
import { type MigrationDb, run } from './frozen-sql';

export async function up(db: MigrationDb): Promise<void> {
  await run(db, ['CREATE INDEX cases_act_on_idx ON cases (act_on DESC, id DESC)']);
}

export async function down(db: MigrationDb): Promise<void> {
  await run(db, ['DROP INDEX cases_act_on_idx']);
}

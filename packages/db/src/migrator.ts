/**
 * The Kysely migrator over the static migration list.
 */
import { type Kysely, Migrator } from 'kysely';
import { migrations } from './migrations/index';
import type { DB } from './schema';

/**
 * A migrator whose bookkeeping tables live in `schema` when given (the connection's search_path
 * puts the migrated tables there too), else in the connection's current schema.
 *
 * @example
 * const { error } = await createMigrator(db, 'public').migrateToLatest();
 */
export function createMigrator(db: Kysely<DB>, schema?: string): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema !== undefined && { migrationTableSchema: schema }),
  });
}

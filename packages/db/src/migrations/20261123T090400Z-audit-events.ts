/**
 * The append-only, hash-chained audit log.
 *
 * One chain per regency plus one for events without a regency (users, taxonomy…), so that a
 * regency's transaction can always see the previous link of the chain it appends to, and
 * regencies do not wait on each other's audit lock.
 */
import { APP_ROLE_SQL, type MigrationDb, run, tenantMatch } from './frozen-sql';

export async function up(db: MigrationDb): Promise<void> {
  await run(db, [
    `CREATE TABLE audit_events (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       -- No foreign keys: the log must outlive anything it mentions.
       regency_id text,
       actor_id uuid,
       action text NOT NULL,
       entity text NOT NULL,
       entity_id text,
       before jsonb,
       after jsonb,
       at timestamptz NOT NULL,
       prev_hash text CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
       hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
     )`,
    // Row-level security filters on regency_id; (regency_id, id) also walks one chain in order and
    // finds its head (ORDER BY id DESC LIMIT 1), for regency_id IS NULL too.
    'CREATE INDEX audit_events_regency_id_idx ON audit_events (regency_id, id)',
    // The history of one record.
    'CREATE INDEX audit_events_entity_idx ON audit_events (entity, entity_id)',

    'ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY',
    'ALTER TABLE audit_events FORCE ROW LEVEL SECURITY',
    // Reading: own regencies; events without a regency only nationally ('*').
    `CREATE POLICY audit_events_read ON audit_events FOR SELECT USING ${tenantMatch('regency_id')}`,
    // Appending: own regencies, and events without a regency from anyone (a login, a password
    // change); appending reveals nothing.
    `CREATE POLICY audit_events_append ON audit_events FOR INSERT WITH CHECK (regency_id IS NULL OR ${tenantMatch('regency_id')})`,
    // Append-only: no UPDATE or DELETE privilege, whatever the policies say.
    `GRANT SELECT, INSERT ON audit_events TO ${APP_ROLE_SQL}`,

    // The head of a chain, read past row-level security (SECURITY DEFINER, run as the owner, which
    // must bypass it: superuser or BYPASSRLS): a regency transaction appending to the chain without
    // a regency cannot see it. It returns a hash, no content. search_path is pinned to this schema.
    `CREATE FUNCTION audit_chain_head(p_regency_id text) RETURNS text
       LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
     BEGIN
       IF p_regency_id IS NULL THEN
         RETURN (SELECT hash FROM audit_events WHERE regency_id IS NULL ORDER BY id DESC LIMIT 1);
       END IF;
       RETURN (SELECT hash FROM audit_events WHERE regency_id = p_regency_id ORDER BY id DESC LIMIT 1);
     END $$`,
    'REVOKE ALL ON FUNCTION audit_chain_head(text) FROM PUBLIC',
    `GRANT EXECUTE ON FUNCTION audit_chain_head(text) TO ${APP_ROLE_SQL}`,
  ]);
}

export async function down(db: MigrationDb): Promise<void> {
  await run(db, ['DROP FUNCTION audit_chain_head(text)', 'DROP TABLE audit_events']);
}

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { createDb } from './create-db';
import { PGLITE_TEMPLATE_ENV, testDatabaseUrl } from './testing';

describe('createDb', () => {
  it('rejects schema names it would have to quote', () => {
    expect(() => createDb({ pglite: 'memory' }, { schema: 'x"; drop table users; --' })).toThrow(TypeError);
  });

  it.skipIf(testDatabaseUrl() !== undefined)(
    'keeps PGlite data in its folder across restarts, in its schema',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'netral-db-'));
      try {
        // Start the folder from the global setup's template when there is one: initdb takes seconds.
        const template = process.env[PGLITE_TEMPLATE_ENV];
        if (template !== undefined) {
          const seeded = new PGlite(dir, { loadDataDir: new Blob([new Uint8Array(await readFile(template))]) });
          await seeded.waitReady;
          await seeded.close();
        }

        const first = createDb({ pglite: dir }, { schema: 'netral' });
        await first.migrate();
        await first.withAdmin((trx) => trx.insertInto('provinces').values({ code: '63', name: 'Kalsel' }).execute());
        await first.close();

        const second = createDb({ pglite: dir }, { schema: 'netral' });
        await second.migrate(); // nothing to do, still checks row-level security
        const provinces = await second.withTenant([], (trx) => trx.selectFrom('provinces').selectAll().execute());
        await second.close();
        expect(provinces).toEqual([{ code: '63', name: 'Kalsel' }]);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});

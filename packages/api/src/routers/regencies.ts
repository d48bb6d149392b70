/**
 * Regencies (kabupaten/kota) the caller may see: where they do casework, or, for an analyst, the
 * scope of their grants (national, a province, regencies). Feeds regency pickers and filters.
 */
import { listRegencies, type RegencyScope } from '@netral/db/queries/regencies';
import { regencyKindSchema } from '@netral/domain/model';
import { z } from 'zod';
import type { SessionUser } from '../context';
import { authedProcedure, router } from '../trpc';

const regencyOutputSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: regencyKindSchema,
  provinceCode: z.string(),
  provinceName: z.string(),
});

/** Every regency a user's grants reach, whatever the role. */
export function visibleRegencies(user: SessionUser): RegencyScope {
  const regencyIds = new Set<string>();
  const provinceCodes = new Set<string>();
  for (const g of user.grants) {
    if (g.role === 'national_admin') return 'all';
    if (g.role === 'analyst' && g.regencyId === null && g.provinceCode === null) return 'all';
    if (g.regencyId !== null) regencyIds.add(g.regencyId);
    if (g.provinceCode !== null) provinceCodes.add(g.provinceCode);
  }
  return { regencyIds: [...regencyIds].sort(), provinceCodes: [...provinceCodes].sort() };
}

export const regenciesRouter = router({
  /** The regencies the caller may see, with their province, by code. */
  list: authedProcedure.output(z.array(regencyOutputSchema)).query(({ ctx }) =>
    // Regencies are reference data, not tenant rows: no tenant needed to read them.
    ctx.db.withTenant([], (trx) => listRegencies(trx, visibleRegencies(ctx.user))),
  ),
});

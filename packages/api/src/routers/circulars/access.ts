/**
 * Who may read and change circulars, and the helpers the circulars and provisions routers share.
 *
 * Circulars are public legal documents (published in JDIH), so besides caseworkers, analysts read
 * them in full for their scope (national, a province or a list of regencies): the rule that
 * analysts never see names or NIPs protects case subjects and reporters, not a Bupati's
 * signature. Only `createdBy` (an internal user id) is withheld from analysts.
 */
import type { DB } from '@netral/db/schema';
import { DomainError } from '@netral/domain/errors';
import type { Role } from '@netral/domain/model';
import { TRPCError } from '@trpc/server';
import type { Transaction } from 'kysely';
import type { Context, SessionUser } from '../../context';
import { appError, caseworkTenant } from '../../trpc';

const text = {
  notInRegency: {
    id: 'Data tidak ditemukan atau Anda tidak memiliki akses ke kabupaten/kota ini.',
    en: 'Not found, or you have no access to this regency.',
  },
  noAccess: {
    id: 'Peran Anda tidak memiliki akses ke surat edaran.',
    en: 'Your role has no access to circulars.',
  },
  adminOnly: {
    id: 'Hanya admin kabupaten/kota atau admin nasional yang dapat menerbitkan, mencabut atau mengganti surat edaran.',
    en: 'Only regency or national administrators can publish, revoke or supersede circulars.',
  },
  notFound: { id: 'Surat edaran tidak ditemukan', en: 'Circular not found' },
} as const;

/** Regencies whose circulars `user` may read, or 'all': casework regencies plus an analyst's scope. */
export async function readableRegencies(
  ctx: Pick<Context, 'db'>,
  user: SessionUser,
): Promise<readonly string[] | 'all'> {
  const casework = caseworkTenant(user);
  if (casework === 'all') return 'all';
  const ids = new Set(casework);
  const provinces: string[] = [];
  for (const grant of user.grants) {
    if (grant.role !== 'analyst') continue;
    if (grant.regencyId !== null) ids.add(grant.regencyId);
    else if (grant.provinceCode !== null) provinces.push(grant.provinceCode);
    else return 'all';
  }
  if (provinces.length > 0) {
    // Regencies are reference data (no row-level security); the empty tenant reads them.
    const rows = await ctx.db.withTenant([], (trx) =>
      trx.selectFrom('regencies').select('id').where('province_code', 'in', provinces).execute(),
    );
    for (const row of rows) ids.add(row.id);
  }
  return [...ids].sort();
}

/**
 * Runs `fn` in one read transaction scoped to `regencyIds` (each must be readable, NOT_FOUND
 * otherwise) or, when none are named or `narrow` is false, to everything the user may read.
 */
export async function inReadScope<T>(
  ctx: Pick<Context, 'db'> & { user: SessionUser },
  regencyIds: readonly string[],
  fn: (trx: Transaction<DB>) => Promise<T>,
  options: { narrow?: boolean } = {},
): Promise<T> {
  const scope = await readableRegencies(ctx, ctx.user);
  for (const id of regencyIds) {
    if (scope !== 'all' && !scope.includes(id)) throw notInRegency();
  }
  const narrow = (options.narrow ?? true) && regencyIds.length > 0;
  const tenant = narrow ? [...new Set(regencyIds)].sort() : scope;
  if (tenant !== 'all' && tenant.length === 0) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `${text.noAccess.id} / ${text.noAccess.en}` });
  }
  return ctx.db.withTenant(tenant, fn);
}

/** True when the user reads circulars only as an analyst (no casework role anywhere). */
export function isAnalystOnly(user: SessionUser): boolean {
  return user.grants.every((g) => g.role === 'analyst');
}

export function notInRegency(): TRPCError {
  // NOT_FOUND rather than FORBIDDEN: a user of one regency learns nothing of another.
  return new TRPCError({ code: 'NOT_FOUND', message: `${text.notInRegency.id} / ${text.notInRegency.en}` });
}

export function circularNotFound(): TRPCError {
  return appError(new DomainError('NOT_FOUND', text.notFound));
}

/** Publishing, revoking and superseding are for administrators; officers edit drafts only. */
export function assertAdmin(roles: readonly Role[]): void {
  if (!roles.some((r) => r === 'regency_admin' || r === 'national_admin')) {
    throw appError(new DomainError('FORBIDDEN', text.adminOnly));
  }
}

/** Runs `fn`, turning the `DomainError`s that queries throw into tRPC errors with their stable code. */
export async function domainCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof DomainError) throw appError(error);
    throw error;
  }
}

/**
 * tRPC setup: one `t`, the error formatter, and the base procedures. Each procedure narrows
 * the context, so handlers never write `ctx.user!`:
 *
 * - `publicProcedure`: anyone (login, health).
 * - `authedProcedure`: a signed-in user (`ctx.user`); mutations need the CSRF token over HTTP.
 * - `caseworkProcedure`: users who work with cases and circulars (not analysts);
 *   `ctx.tenant` is every regency they may read, `ctx.inTenant(fn)` runs `fn` in one
 *   transaction under row-level security for exactly those regencies.
 * - `regencyProcedure`: takes `{ regencyId }`, checks the caller works there; `ctx.inRegency(fn)`
 *   runs `fn` in one transaction scoped to that single regency, `ctx.roles` are the caller's roles there.
 */

import type { DB } from '@netral/db/schema';
import { DomainError, type DomainErrorCode } from '@netral/domain/errors';
import type { Role } from '@netral/domain/model';
import { initTRPC, TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Context, Locale, RoleGrant, SessionUser } from './context';

/** A message in both languages; zod messages of `@netral/domain` are written `"id / en"`. */
export function localize(message: string, locale: Locale): string {
  const at = message.indexOf(' / ');
  if (at < 0) return message;
  return locale === 'id' ? message.slice(0, at) : message.slice(at + 3);
}

const domainToTrpc: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  VALIDATION: 'BAD_REQUEST',
  INVALID_NIP: 'BAD_REQUEST',
  INVALID_DATE: 'BAD_REQUEST',
  MISSING_FIELDS: 'BAD_REQUEST',
  UNKNOWN_CONTEST: 'BAD_REQUEST',
  UNKNOWN_RACE: 'BAD_REQUEST',
  UNKNOWN_PROHIBITION_CODE: 'BAD_REQUEST',
  ILLEGAL_TRANSITION: 'CONFLICT',
  TRANSITION_FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  FORBIDDEN: 'FORBIDDEN',
};

/**
 * Throws a tRPC error carrying a domain error, so the formatter can send its stable code and
 * its message in the caller's language.
 *
 * @example throw appError(new DomainError('NOT_FOUND', { id: 'Kasus tidak ditemukan', en: 'Case not found' }))
 */
export function appError(error: DomainError): TRPCError {
  return new TRPCError({ code: domainToTrpc[error.code], message: error.text.en, cause: error });
}

/** The shape of `error.data` that clients branch on. */
export interface ErrorData {
  code: TRPC_ERROR_CODE_KEY;
  httpStatus: number;
  /** Stable domain code (`ILLEGAL_TRANSITION`, `CONFLICT`…) when the error came from the domain. */
  domainCode: DomainErrorCode | null;
  /** Per-field messages in the caller's language, keyed by dotted path. */
  fieldErrors: Record<string, string[]>;
  path?: string;
}

const internalMessage: Record<Locale, string> = {
  id: 'Terjadi kesalahan pada server. Coba lagi nanti.',
  en: 'Something went wrong on the server. Please try again later.',
};

const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter({ shape, error, ctx }): typeof shape & { data: ErrorData } {
    const locale: Locale = ctx?.locale ?? 'id';
    const cause = error.cause;
    const fieldErrors: Record<string, string[]> = {};
    let message = shape.message;
    let domainCode: DomainErrorCode | null = null;
    if (cause instanceof z.ZodError) {
      for (const issue of cause.issues) {
        const key = issue.path.map(String).join('.') || '_';
        fieldErrors[key] = [...(fieldErrors[key] ?? []), localize(issue.message, locale)];
      }
      message = locale === 'id' ? 'Periksa kembali isian yang ditandai.' : 'Please check the marked fields.';
      domainCode = 'VALIDATION';
    } else if (cause instanceof DomainError) {
      domainCode = cause.code;
      message = cause.text[locale];
      for (const issue of cause.issues) {
        fieldErrors[issue.path] = [...(fieldErrors[issue.path] ?? []), issue.text[locale]];
      }
    } else if (error.code === 'INTERNAL_SERVER_ERROR') {
      // Never send an unexpected error's message: SQL and stack traces leak that way.
      message = internalMessage[locale];
    } else {
      message = localize(message, locale);
    }
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, message, data: { ...data, domainCode, fieldErrors } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

const messages = {
  unauthorized: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  csrf: {
    id: 'Permintaan ditolak: token keamanan (CSRF) tidak cocok. Muat ulang halaman.',
    en: 'Request refused: the security (CSRF) token does not match. Reload the page.',
  },
  noCasework: {
    id: 'Peran Anda tidak memiliki akses ke data kasus.',
    en: 'Your role has no access to case data.',
  },
  notInRegency: {
    id: 'Data tidak ditemukan atau Anda tidak memiliki akses ke kabupaten/kota ini.',
    en: 'Not found, or you have no access to this regency.',
  },
} as const;

/**
 * The signed-in caller, for the context of `authedProcedure` and what builds on it. Throws
 * UNAUTHORIZED without a session, FORBIDDEN for an HTTP mutation without the session's CSRF token.
 */
function signedIn(ctx: Context, type: string): { user: SessionUser; session: NonNullable<Context['session']> } {
  if (!ctx.user || !ctx.session) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: `${messages.unauthorized.id} / ${messages.unauthorized.en}` });
  }
  if (type === 'mutation' && ctx.transport === 'http' && ctx.csrfHeader !== ctx.session.csrfToken) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `${messages.csrf.id} / ${messages.csrf.en}` });
  }
  return { user: ctx.user, session: ctx.session };
}

// Middlewares hand `next` only what they add: tRPC merges it into the context (copying every key,
// once per middleware that passes a context), so fewer and smaller merges keep each call lean.
export const authedProcedure = t.procedure.use(({ ctx, type, next }) => next({ ctx: signedIn(ctx, type) }));

const caseworkRoles: readonly Role[] = ['national_admin', 'regency_admin', 'regency_officer'];

/** Regencies a user may work in (cases, circulars, units), or 'all' for a national admin. */
export function caseworkTenant(user: SessionUser): readonly string[] | 'all' {
  if (user.grants.some((g) => g.role === 'national_admin')) return 'all';
  const ids = user.grants
    .filter((g) => caseworkRoles.includes(g.role) && g.regencyId !== null)
    .map((g) => g.regencyId as string);
  return [...new Set(ids)].sort();
}

/** The caller's roles in one regency (a national admin holds `national_admin` everywhere). */
export function rolesIn(user: SessionUser, regencyId: string): Role[] {
  const roles = new Set<Role>();
  for (const g of user.grants) {
    if (g.role === 'national_admin') roles.add(g.role);
    else if (caseworkRoles.includes(g.role) && g.regencyId === regencyId) roles.add(g.role);
  }
  return [...roles];
}

type InTx = <T>(fn: (trx: Transaction<DB>) => Promise<T>) => Promise<T>;

// One middleware, not two on top of `authedProcedure`: the same checks in the same order.
export const caseworkProcedure = t.procedure.use(({ ctx, type, next }) => {
  const { user, session } = signedIn(ctx, type);
  const tenant = caseworkTenant(user);
  if (tenant !== 'all' && tenant.length === 0) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `${messages.noCasework.id} / ${messages.noCasework.en}` });
  }
  const inTenant: InTx = (fn) => ctx.db.withTenant(tenant, fn);
  return next({ ctx: { user, session, tenant, inTenant } });
});

export const regencyProcedure = caseworkProcedure
  .input(
    z.object({
      regencyId: z.string().regex(/^\d{2}\.\d{2}$/, 'Kode kabupaten/kota tidak valid / Invalid regency code'),
    }),
  )
  .use(({ ctx, input, next }) => {
    const roles = rolesIn(ctx.user, input.regencyId);
    if (roles.length === 0) {
      // NOT_FOUND rather than FORBIDDEN: a user of one regency learns nothing of another.
      throw new TRPCError({ code: 'NOT_FOUND', message: `${messages.notInRegency.id} / ${messages.notInRegency.en}` });
    }
    const inRegency: InTx = (fn) => ctx.db.withTenant([input.regencyId], fn);
    return next({ ctx: { regencyId: input.regencyId, roles, inRegency } });
  });

export type { RoleGrant, SessionUser };

/**
 * User administration. A national admin manages every user; a regency admin manages the users
 * working in their regencies, and only their roles there (a user's roles elsewhere are neither
 * shown nor touched). Analysts and officers manage no one, and never list names.
 */
import { appendAudit } from '@netral/db/audit';
import { deleteUserSessions } from '@netral/db/queries/sessions';
import {
  allGrantsOf,
  createUser,
  getUser,
  listUsers,
  replaceGrants,
  type UserGrant,
  type UserRecord,
  type UserScope,
  updateUser,
  usernameExists,
} from '@netral/db/queries/users';
import type { DB } from '@netral/db/schema';
import { ConflictError, DomainError, ValidationError } from '@netral/domain/errors';
import { provinceCodeSchema, regencyCodeSchema, roleSchema, versionSchema } from '@netral/domain/model';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { hashPassword, PASSWORD_MIN_LENGTH } from '../auth';
import type { SessionUser } from '../context';
import { appError, authedProcedure, router } from '../trpc';

const msg = (id: string, en: string) => `${id} / ${en}`;

const grantInputSchema = z
  .object({
    role: roleSchema,
    regencyId: regencyCodeSchema.nullable().default(null),
    provinceCode: provinceCodeSchema.nullable().default(null),
  })
  .superRefine((g, ctx) => {
    // The same shape rules as the user_roles CHECK constraint, as field messages.
    if (g.role === 'national_admin' && (g.regencyId !== null || g.provinceCode !== null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['regencyId'],
        message: msg('Admin nasional tidak terikat kabupaten/kota', 'A national admin has no regency'),
      });
    }
    if (g.role === 'analyst' && g.regencyId !== null && g.provinceCode !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['provinceCode'],
        message: msg(
          'Cakupan analis: nasional, satu provinsi, atau satu kabupaten/kota',
          'An analyst scope is national, one province or one regency',
        ),
      });
    }
    if (
      (g.role === 'regency_admin' || g.role === 'regency_officer') &&
      (g.regencyId === null || g.provinceCode !== null)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['regencyId'],
        message: msg('Pilih kabupaten/kota untuk peran ini', 'Choose a regency for this role'),
      });
    }
  });

const grantsInputSchema = z
  .array(grantInputSchema, { error: msg('Peran harus berupa daftar', 'Roles must be a list') })
  .min(1, { error: msg('Pilih sedikitnya satu peran', 'Choose at least one role') })
  .max(50);

const passwordSchema = z
  .string({ error: msg('Kata sandi wajib diisi', 'Password is required') })
  .min(PASSWORD_MIN_LENGTH, {
    error: msg(
      `Kata sandi paling sedikit ${PASSWORD_MIN_LENGTH} karakter`,
      `Password must be at least ${PASSWORD_MIN_LENGTH} characters`,
    ),
  })
  .max(200, { error: msg('Kata sandi paling banyak 200 karakter', 'Password must be at most 200 characters') });

const displayNameSchema = z
  .string({ error: msg('Nama wajib diisi', 'Name is required') })
  .trim()
  .min(1, { error: msg('Nama wajib diisi', 'Name is required') })
  .max(200, { error: msg('Nama paling banyak 200 karakter', 'Name must be at most 200 characters') });

const localeSchema = z.enum(['id', 'en'], { error: msg('Bahasa harus id atau en', 'Language must be id or en') });

const userIdSchema = z.uuid({ error: msg('ID pengguna tidak valid', 'Invalid user id') });

export const createUserInputSchema = z.object({
  username: z
    .string({ error: msg('Nama pengguna wajib diisi', 'Username is required') })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,49}$/, {
      error: msg(
        'Nama pengguna 3–50 karakter: huruf, angka, titik, garis bawah atau tanda hubung',
        'Username: 3–50 letters, digits, dots, underscores or hyphens',
      ),
    }),
  displayName: displayNameSchema,
  password: passwordSchema,
  locale: localeSchema.default('id'),
  grants: grantsInputSchema,
});

export const updateUserInputSchema = z.object({
  id: userIdSchema,
  version: versionSchema,
  displayName: displayNameSchema.optional(),
  locale: localeSchema.optional(),
  /** A new password (an administrator's reset); ends the user's sessions. */
  password: passwordSchema.optional(),
  /** The user's roles inside the caller's scope, replacing those there. */
  grants: grantsInputSchema.optional(),
});

const userOutputSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  locale: z.enum(['id', 'en']),
  disabledAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  grants: z.array(
    z.object({ role: roleSchema, regencyId: z.string().nullable(), provinceCode: z.string().nullable() }),
  ),
});
export type UserOutput = z.infer<typeof userOutputSchema>;

function toOutput(user: UserRecord): UserOutput {
  return {
    ...user,
    disabledAt: user.disabledAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a user: no password hash. */
function auditView(user: UserRecord) {
  return {
    username: user.username,
    displayName: user.displayName,
    locale: user.locale,
    disabledAt: user.disabledAt,
    version: user.version,
    grants: user.grants,
  };
}

const errors = {
  forbidden: new DomainError('FORBIDDEN', {
    id: 'Hanya admin yang dapat mengelola pengguna.',
    en: 'Only administrators can manage users.',
  }),
  notFound: new DomainError('NOT_FOUND', { id: 'Pengguna tidak ditemukan.', en: 'User not found.' }),
  outsideScope: new DomainError('FORBIDDEN', {
    id: 'Pengguna ini memiliki peran di luar wewenang Anda.',
    en: 'This user holds roles outside your authority.',
  }),
  self: new DomainError('FORBIDDEN', {
    id: 'Anda tidak dapat menonaktifkan akun Anda sendiri.',
    en: 'You cannot disable your own account.',
  }),
};

/** The users a caller manages: all (national admin), or those of the regencies they administer. */
function adminScope(user: SessionUser): UserScope | null {
  if (user.grants.some((g) => g.role === 'national_admin')) return 'all';
  const ids = [
    ...new Set(user.grants.filter((g) => g.role === 'regency_admin' && g.regencyId !== null).map((g) => g.regencyId)),
  ] as string[];
  return ids.length > 0 ? ids.sort() : null;
}

/** Regency admins hand out regency roles in their regencies only. */
function checkGrantsInScope(grants: readonly UserGrant[], scope: UserScope): void {
  if (scope === 'all') return;
  const issues = grants.flatMap((g, i) =>
    (g.role === 'regency_admin' || g.role === 'regency_officer') && g.regencyId !== null && scope.includes(g.regencyId)
      ? []
      : [
          {
            path: `grants.${i}`,
            text: {
              id: 'Anda hanya dapat memberi peran di kabupaten/kota Anda sendiri.',
              en: 'You can only grant roles in your own regencies.',
            },
          },
        ],
  );
  if (issues.length > 0) {
    throw appError(
      new DomainError('FORBIDDEN', { id: 'Peran di luar wewenang Anda.', en: 'Roles outside your authority.' }, issues),
    );
  }
}

/** The one regency a user event concerns within the caller's scope, else null (the national chain). */
function auditRegency(grantSets: readonly (readonly UserGrant[])[], scope: UserScope): string | null {
  const ids = new Set<string>();
  for (const grants of grantSets) {
    for (const g of grants) {
      if (g.regencyId !== null && (scope === 'all' || scope.includes(g.regencyId))) ids.add(g.regencyId);
    }
  }
  return ids.size === 1 ? ([...ids][0] ?? null) : null;
}

const adminProcedure = authedProcedure.use(({ ctx, next }) => {
  const scope = adminScope(ctx.user);
  if (scope === null) throw appError(errors.forbidden);
  const inScope = <T>(fn: (trx: Transaction<DB>) => Promise<T>) => ctx.db.withTenant(scope, fn);
  return next({ ctx: { ...ctx, scope, inScope } });
});

/**
 * The target user as the caller may see them, after checking the caller manages them: a regency
 * admin manages users with a role in their regencies and no national or analyst role.
 */
async function managedUser(trx: Transaction<DB>, id: string, scope: UserScope): Promise<UserRecord> {
  const user = await getUser(trx, id, scope);
  if (!user) throw appError(errors.notFound);
  if (scope === 'all') return user;
  if (user.grants.length === 0) throw appError(errors.notFound);
  const all = await allGrantsOf(trx, id);
  if (all.some((g) => g.role === 'national_admin' || g.role === 'analyst')) throw appError(errors.outsideScope);
  return user;
}

async function applyUpdate(
  trx: Transaction<DB>,
  id: string,
  version: number,
  changes: Parameters<typeof updateUser>[3],
  now: Date,
): Promise<void> {
  if (!(await updateUser(trx, id, version, changes, now))) throw appError(new ConflictError());
}

export const usersRouter = router({
  /** Users the caller manages, by username; `regencyId` narrows to one regency. */
  list: adminProcedure
    .input(z.object({ regencyId: regencyCodeSchema.optional() }).default({}))
    .output(z.array(userOutputSchema))
    .query(async ({ ctx, input }) => {
      if (input.regencyId !== undefined && ctx.scope !== 'all' && !ctx.scope.includes(input.regencyId)) {
        throw appError(errors.notFound);
      }
      const users = await ctx.inScope((trx) =>
        listUsers(trx, ctx.scope, input.regencyId !== undefined ? { regencyId: input.regencyId } : {}),
      );
      return users.map(toOutput);
    }),

  /** One user the caller manages. */
  get: adminProcedure
    .input(z.object({ id: userIdSchema }))
    .output(userOutputSchema)
    .query(async ({ ctx, input }) => toOutput(await ctx.inScope((trx) => managedUser(trx, input.id, ctx.scope)))),

  /** Creates a user with a password and roles. */
  create: adminProcedure
    .input(createUserInputSchema)
    .output(userOutputSchema)
    .mutation(async ({ ctx, input }) => {
      checkGrantsInScope(input.grants, ctx.scope);
      // Hashing takes tens of milliseconds: not inside the transaction.
      const passwordHash = await hashPassword(input.password);
      const user = await ctx.inScope(async (trx) => {
        if (await usernameExists(trx, input.username)) {
          throw appError(
            new ValidationError({ id: 'Nama pengguna sudah dipakai.', en: 'The username is taken.' }, [
              { path: 'username', text: { id: 'Nama pengguna sudah dipakai', en: 'The username is taken' } },
            ]),
          );
        }
        const id = await createUser(trx, { ...input, passwordHash });
        const created = await getUser(trx, id, ctx.scope);
        if (!created) throw new Error('created user not found');
        await appendAudit(trx, {
          regencyId: auditRegency([input.grants], ctx.scope),
          actorId: ctx.user.id,
          action: 'user.create',
          entity: 'user',
          entityId: id,
          after: auditView(created),
        });
        return created;
      });
      return toOutput(user);
    }),

  /** Changes name, language, password (ending the user's sessions) or roles within the caller's scope. */
  update: adminProcedure
    .input(updateUserInputSchema)
    .output(userOutputSchema)
    .mutation(async ({ ctx, input }) => {
      if (input.grants) checkGrantsInScope(input.grants, ctx.scope);
      const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
      const user = await ctx.inScope(async (trx) => {
        const before = await managedUser(trx, input.id, ctx.scope);
        await applyUpdate(
          trx,
          input.id,
          input.version,
          {
            ...(input.displayName !== undefined && { displayName: input.displayName }),
            ...(input.locale !== undefined && { locale: input.locale }),
            ...(passwordHash !== undefined && { passwordHash }),
          },
          ctx.now(),
        );
        if (input.grants) await replaceGrants(trx, input.id, ctx.scope, input.grants);
        if (passwordHash !== undefined) await deleteUserSessions(trx, input.id);
        const after = await getUser(trx, input.id, ctx.scope);
        if (!after) throw new Error('updated user not found');
        await appendAudit(trx, {
          regencyId: auditRegency([before.grants, after.grants], ctx.scope),
          actorId: ctx.user.id,
          action: passwordHash !== undefined ? 'user.update_password' : 'user.update',
          entity: 'user',
          entityId: input.id,
          before: auditView(before),
          after: auditView(after),
        });
        return after;
      });
      return toOutput(user);
    }),

  /** Disables a user (they can no longer sign in; their sessions end) or, with `disabled: false`, enables them again. */
  disable: adminProcedure
    .input(z.object({ id: userIdSchema, version: versionSchema, disabled: z.boolean().default(true) }))
    .output(userOutputSchema)
    .mutation(async ({ ctx, input }) => {
      if (input.id === ctx.user.id && input.disabled) throw appError(errors.self);
      const user = await ctx.inScope(async (trx) => {
        const before = await managedUser(trx, input.id, ctx.scope);
        const now = ctx.now();
        await applyUpdate(trx, input.id, input.version, { disabledAt: input.disabled ? now : null }, now);
        if (input.disabled) await deleteUserSessions(trx, input.id);
        const after = await getUser(trx, input.id, ctx.scope);
        if (!after) throw new Error('updated user not found');
        await appendAudit(trx, {
          regencyId: auditRegency([before.grants], ctx.scope),
          actorId: ctx.user.id,
          action: input.disabled ? 'user.disable' : 'user.enable',
          entity: 'user',
          entityId: input.id,
          before: auditView(before),
          after: auditView(after),
        });
        return after;
      });
      return toOutput(user);
    }),
});

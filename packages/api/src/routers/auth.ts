/**
 * Sign-in, sign-out and "who am I". The session lives in an httpOnly cookie; the CSRF token that
 * mutations must echo in `x-csrf-token` is returned by `login` and `me`.
 */
import { appendAudit } from '@netral/db/audit';
import { deleteSession } from '@netral/db/queries/sessions';
import { roleSchema } from '@netral/domain/model';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { LOGIN_WINDOW_MS, signIn } from '../auth';
import { authedProcedure, publicProcedure, router } from '../trpc';

const grantSchema = z.object({
  role: roleSchema,
  regencyId: z.string().nullable(),
  provinceCode: z.string().nullable(),
});

const meUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  locale: z.enum(['id', 'en']),
});

const meSchema = z.object({
  user: meUserSchema,
  grants: z.array(grantSchema),
  csrfToken: z.string(),
});

export const loginInputSchema = z.object({
  username: z
    .string({ error: 'Nama pengguna wajib diisi / Username is required' })
    .trim()
    .min(1, { error: 'Nama pengguna wajib diisi / Username is required' })
    .max(100, { error: 'Nama pengguna terlalu panjang / Username is too long' }),
  password: z
    .string({ error: 'Kata sandi wajib diisi / Password is required' })
    .min(1, { error: 'Kata sandi wajib diisi / Password is required' })
    .max(1000, { error: 'Kata sandi terlalu panjang / Password is too long' }),
});

const minutes = LOGIN_WINDOW_MS / 60_000;

export const authRouter = router({
  /** Checks the password, opens a session, sets the cookie; returns the user and the CSRF token. */
  login: publicProcedure
    .input(loginInputSchema)
    .output(meSchema)
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      const result = await signIn(ctx.db, { ...input, clientKey: ctx.clientKey, now });
      if (!result.ok && result.reason === 'throttled') {
        throw new TRPCError({
          code: 'TOO_MANY_REQUESTS',
          message: `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${minutes} menit. / Too many failed sign-in attempts. Try again in ${minutes} minutes.`,
        });
      }
      if (!result.ok) {
        throw new TRPCError({
          code: 'UNAUTHORIZED',
          message: 'Nama pengguna atau kata sandi salah. / Wrong username or password.',
        });
      }
      ctx.cookies.set(result.token, result.expiresAt);
      const { grants, ...user } = result.user;
      return { user, grants: [...grants], csrfToken: result.csrfToken };
    }),

  /** Ends the current session and clears the cookie. */
  logout: authedProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await ctx.db.withTenant([], async (trx) => {
      await deleteSession(trx, ctx.session.id);
      await appendAudit(trx, {
        regencyId: null,
        actorId: ctx.user.id,
        action: 'auth.logout',
        entity: 'user',
        entityId: ctx.user.id,
      });
    });
    ctx.cookies.clear();
    return { ok: true as const };
  }),

  /** The signed-in user, their roles and the CSRF token; null when not signed in. */
  me: publicProcedure.output(meSchema.nullable()).query(({ ctx }) => {
    if (!ctx.user || !ctx.session) return null;
    const { grants, ...user } = ctx.user;
    return { user, grants: [...grants], csrfToken: ctx.session.csrfToken };
  }),
});

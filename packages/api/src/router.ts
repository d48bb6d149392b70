/**
 * The application router. Its type, `AppRouter`, is all the front ends import from the server.
 * Procedure names are a contract that integrators call over HTTP (`auth.login`, `cases.list`…).
 */
import { analyticsRouter } from './routers/analytics';
import { auditRouter } from './routers/audit';
import { authRouter } from './routers/auth';
import { casesRouter } from './routers/cases';
import { circularsRouter } from './routers/circulars';
import { contestsRouter } from './routers/contests';
import { provisionsRouter } from './routers/provisions';
import { regenciesRouter } from './routers/regencies';
import { taxonomyRouter } from './routers/taxonomy';
import { unitsRouter } from './routers/units';
import { usersRouter } from './routers/users';
import { router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  regencies: regenciesRouter,
  units: unitsRouter,
  taxonomy: taxonomyRouter,
  contests: contestsRouter,
  circulars: circularsRouter,
  provisions: provisionsRouter,
  cases: casesRouter,
  analytics: analyticsRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;

/**
 * Everything under `/r/:regencyId`: the shell with the navigation the user's roles in that
 * regency allow, the regency switcher, and the feature pages (loaded on demand).
 */
import { useI18n } from '@netral/ui/i18n';
import { AppShell, type NavItem } from '@netral/ui/layout';
import { type Role, useSession } from '@netral/ui/session';
import { Loading, NotFound } from '@netral/ui/states';
import { lazy, type ReactNode, Suspense } from 'react';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { m } from './messages';
import { useRegencies } from './regencies';

/** The feature chunks, by the first segment of the path under the regency. */
const loaders = {
  cases: () => import('../features/cases/routes'),
  circulars: () => import('../features/circulars/routes'),
  units: () => import('../features/units/units-page'),
  users: () => import('../features/users/users-page'),
  audit: () => import('../features/audit/audit-page'),
};
const CasesRoutes = lazy(() => loaders.cases().then((mod) => ({ default: mod.CasesRoutes })));
const CircularsRoutes = lazy(() => loaders.circulars().then((mod) => ({ default: mod.CircularsRoutes })));
const UnitsPage = lazy(() => loaders.units().then((mod) => ({ default: mod.UnitsPage })));
const UsersPage = lazy(() => loaders.users().then((mod) => ({ default: mod.UsersPage })));
const AuditPage = lazy(() => loaders.audit().then((mod) => ({ default: mod.AuditPage })));

/** What each role may open in a regency. */
const sections: { href: string; label: NavItem['label']; roles: Role[] }[] = [
  { href: '/cases', label: m.cases, roles: ['national_admin', 'regency_admin', 'regency_officer'] },
  { href: '/circulars', label: m.circulars, roles: ['national_admin', 'regency_admin', 'regency_officer'] },
  { href: '/units', label: m.units, roles: ['national_admin', 'regency_admin'] },
  { href: '/users', label: m.users, roles: ['national_admin', 'regency_admin'] },
  { href: '/audit', label: m.audit, roles: ['national_admin', 'regency_admin'] },
];

export function RegencyArea({ regencyId }: { regencyId: string }) {
  const { t } = useI18n();
  const session = useSession();
  const regencies = useRegencies();
  const [location, navigate] = useLocation();
  const roles = session.rolesIn(regencyId);
  const allowed = sections.filter((s) => s.roles.some((r) => roles.includes(r)));
  const may = (href: string) => allowed.some((s) => s.href === href);

  // Fetch the page's code while the regency list loads, not after: on a cold visit the two
  // requests overlap instead of running one after the other. (import() is idempotent.)
  const section = location.split('/')[1];
  if (section !== undefined && section in loaders) void loaders[section as keyof typeof loaders]();

  if (regencies.isPending) return <Loading />;
  const regency = regencies.data?.find((r) => r.id === regencyId);
  const shell = (children: ReactNode) => (
    <AppShell
      title={t(m.appTitle)}
      nav={[...allowed.map(({ href, label }) => ({ href, label }))]}
      user={session.me.user.displayName}
      onLogout={() => {
        session.logout().then(() => navigate('~/'));
      }}
      toolbar={
        regencies.data && regencies.data.length > 1 ? (
          <label>
            <span className="sr-only">{t(m.switchRegency)}</span>
            <select
              value={regencyId}
              onChange={(e) => {
                const section = `/${location.split('/')[1] ?? 'cases'}`;
                navigate(`~/r/${e.target.value}${section}`);
              }}
            >
              {regencies.data.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          regency && <span>{regency.name}</span>
        )
      }
    >
      {children}
    </AppShell>
  );
  // Another regency's URL: the same answer as a missing record, and nothing of its data.
  if (!regency || allowed.length === 0) return shell(<NotFound />);

  return shell(
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/">
          <Redirect to={allowed[0]?.href ?? '/cases'} replace />
        </Route>
        {may('/cases') && (
          <Route path="/cases" nest>
            <CasesRoutes regencyId={regencyId} regencyName={regency.name} />
          </Route>
        )}
        {may('/circulars') && (
          <Route path="/circulars" nest>
            <CircularsRoutes regencyId={regencyId} regencyName={regency.name} />
          </Route>
        )}
        {may('/units') && (
          <Route path="/units">
            <UnitsPage regencyId={regencyId} regencyName={regency.name} />
          </Route>
        )}
        {may('/users') && (
          <Route path="/users">
            <UsersPage regencyId={regencyId} regencyName={regency.name} />
          </Route>
        )}
        {may('/audit') && (
          <Route path="/audit">
            <AuditPage regencyId={regencyId} regencyName={regency.name} />
          </Route>
        )}
        <Route>
          <NotFound />
        </Route>
      </Switch>
    </Suspense>,
  );
}

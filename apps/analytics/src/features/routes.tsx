/**
 * The analytics app's pages inside the shell: the dashboard, the cases behind a number, and the
 * comparison of two contests. Each page is its own lazy chunk: Recharts comes with the dashboard
 * and the comparison, not with the cases page (nor, of course, with the sign-in page).
 */
import './analytics.css';
import { useI18n } from '@netral/ui/i18n';
import { AppShell } from '@netral/ui/layout';
import { useSession } from '@netral/ui/session';
import { Loading, NotFound } from '@netral/ui/states';
import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { m } from './messages';

const DashboardPage = lazy(() => import('./dashboard/dashboard-page').then((mod) => ({ default: mod.DashboardPage })));
const ComparePage = lazy(() => import('./compare/compare-page').then((mod) => ({ default: mod.ComparePage })));
const CasesPage = lazy(() => import('./cases/cases-page').then((mod) => ({ default: mod.CasesPage })));

export function AnalyticsRoutes() {
  const { t } = useI18n();
  const session = useSession();

  return (
    <AppShell
      title={t(m.appTitle)}
      nav={[
        { href: '/', label: m.navDashboard, prefix: false },
        { href: '/compare', label: m.navCompare },
      ]}
      user={session.me.user.displayName}
      onLogout={() => {
        void session.logout();
      }}
    >
      <Suspense fallback={<Loading />}>
        <Switch>
          <Route path="/">
            <DashboardPage />
          </Route>
          <Route path="/cases">
            <CasesPage />
          </Route>
          <Route path="/compare">
            <ComparePage />
          </Route>
          <Route>
            <NotFound />
          </Route>
        </Switch>
      </Suspense>
    </AppShell>
  );
}

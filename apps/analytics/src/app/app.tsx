/**
 * The analytics app (served at /analytics/): providers, sign-in gate and the dashboard routes.
 * Recharts is loaded with the dashboard, never with the sign-in page.
 */
import { I18nProvider, useI18n } from '@netral/ui/i18n';
import { SessionGate } from '@netral/ui/session';
import { Loading } from '@netral/ui/states';
import { ApiProvider, useTRPC } from '@netral/ui/trpc';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { Router, useLocation, useSearch } from 'wouter';

const loadRoutes = () => import('../features/routes');
const AnalyticsRoutes = lazy(() => loadRoutes().then((mod) => ({ default: mod.AnalyticsRoutes })));

const m = { appTitle: { id: 'Netral · Analitik', en: 'Netral · Analytics' } };

export function App() {
  return (
    <I18nProvider>
      <ApiProvider>
        <Router base="/analytics">
          <Gate />
        </Router>
      </ApiProvider>
    </I18nProvider>
  );
}

const loadDashboardQueries = () => import('../features/dashboard/queries');
const loadDashboardPage = () => import('../features/dashboard/dashboard-page');

/**
 * Asks for what the first page needs as soon as the reader is known to be signed in: the names
 * every page labels with (contests, regencies) and, on the dashboard, its figures and its code
 * (with Recharts), which the routes would otherwise ask for only once they have loaded.
 */
function Prefetch() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [path] = useLocation();
  const search = useSearch();
  useEffect(() => {
    void queryClient.prefetchQuery(trpc.contests.list.queryOptions());
    void queryClient.prefetchQuery(trpc.regencies.list.queryOptions());
  }, [trpc, queryClient]);
  useEffect(() => {
    if (path !== '/') return;
    void loadDashboardPage();
    let current = true;
    void loadDashboardQueries().then(({ dashboardQueriesFor }) => {
      if (!current) return;
      const { summary, perContest } = dashboardQueriesFor(trpc, search);
      void queryClient.prefetchQuery(summary);
      void queryClient.prefetchQuery(perContest);
    });
    return () => {
      current = false;
    };
  }, [path, search, trpc, queryClient]);
  return null;
}

function Gate() {
  const { t } = useI18n();
  // Fetch the pages' code while the session is being checked, not after: a signed-in reader
  // (most visits) then waits for one round trip, not two in a row. The sign-in page does not
  // wait for it.
  useEffect(() => {
    void loadRoutes();
    void loadDashboardQueries();
  }, []);
  return (
    <SessionGate appTitle={t(m.appTitle)}>
      <Prefetch />
      <Suspense fallback={<Loading />}>
        <AnalyticsRoutes />
      </Suspense>
    </SessionGate>
  );
}

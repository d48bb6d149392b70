/**
 * The analytics app (served at /analytics/): providers, sign-in gate and the dashboard routes.
 * Recharts is loaded with the dashboard, never with the sign-in page.
 */
import { I18nProvider, useI18n } from '@netral/ui/i18n';
import { SessionGate } from '@netral/ui/session';
import { Loading } from '@netral/ui/states';
import { ApiProvider } from '@netral/ui/trpc';
import { lazy, Suspense, useEffect } from 'react';
import { Router } from 'wouter';

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

function Gate() {
  const { t } = useI18n();
  // Fetch the pages' code while the session is being checked, not after: a signed-in reader
  // (most visits) then waits for one round trip, not two in a row. The sign-in page does not
  // wait for it.
  useEffect(() => {
    void loadRoutes();
  }, []);
  return (
    <SessionGate appTitle={t(m.appTitle)}>
      <Suspense fallback={<Loading />}>
        <AnalyticsRoutes />
      </Suspense>
    </SessionGate>
  );
}

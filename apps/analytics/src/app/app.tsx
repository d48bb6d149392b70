/**
 * The analytics app (served at /analytics/): providers, sign-in gate and the dashboard routes.
 * Recharts is loaded with the dashboard, never with the sign-in page.
 */
import { I18nProvider, useI18n } from '@netral/ui/i18n';
import { SessionGate } from '@netral/ui/session';
import { Loading } from '@netral/ui/states';
import { ApiProvider } from '@netral/ui/trpc';
import { lazy, Suspense } from 'react';
import { Router } from 'wouter';

const AnalyticsRoutes = lazy(() => import('../features/routes').then((mod) => ({ default: mod.AnalyticsRoutes })));

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
  return (
    <SessionGate appTitle={t(m.appTitle)}>
      <Suspense fallback={<Loading />}>
        <AnalyticsRoutes />
      </Suspense>
    </SessionGate>
  );
}

/**
 * The admin app: providers, sign-in gate, and the routes. Every page but the sign-in form is
 * loaded on demand, so the login page needs only the shell's JavaScript.
 *
 * URLs carry the regency: `/r/63.01/cases/…`. A shared link opens the same view for anyone with
 * access to that regency, and a clear "not found / no access" page for anyone else.
 */
import { I18nProvider, useI18n } from '@netral/ui/i18n';
import { SessionGate, useSession } from '@netral/ui/session';
import { NotFound } from '@netral/ui/states';
import { ApiProvider } from '@netral/ui/trpc';
import { Redirect, Route, Router, Switch } from 'wouter';
import { m } from './messages';
import { useRegencies } from './regencies';
import { RegencyArea } from './regency-area';

export function App() {
  return (
    <I18nProvider>
      <ApiProvider>
        <Router>
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
      <Routes />
    </SessionGate>
  );
}

function Routes() {
  return (
    <Switch>
      <Route path="/">
        <Home />
      </Route>
      <Route path="/r/:regencyId" nest>
        {(params) => <RegencyArea regencyId={decodeURIComponent(params.regencyId)} />}
      </Route>
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
}

/** Sends the user to the first regency they work in, or explains why there is none. */
function Home() {
  const { t } = useI18n();
  const session = useSession();
  const regencies = useRegencies();
  const caseworker = session.hasRole('national_admin', 'regency_admin', 'regency_officer');
  if (!caseworker) {
    return (
      <main id="main" className="login">
        <div className="login-card">
          <h1>{t(m.analystOnlyTitle)}</h1>
          <p>{t(m.analystOnlyText)}</p>
          <a className="button primary" href="/analytics/">
            {t(m.openAnalytics)}
          </a>
          <button type="button" onClick={() => session.logout()}>
            {t(m.logout)}
          </button>
        </div>
      </main>
    );
  }
  const first = regencies.data?.[0];
  if (regencies.isPending) return null;
  if (!first) return <NotFound />;
  return <Redirect to={`/r/${first.id}/cases`} replace />;
}

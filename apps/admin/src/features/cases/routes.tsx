/**
 * The cases feature, mounted (nested) at `/r/:regencyId/cases`: the list, a new case, the import,
 * and one case by id.
 */
import { Loading } from '@netral/ui/states';
import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import './cases.css';
import { CaseListPage } from './list-page';
import type { CasesProps } from './shared';

// The list is the page people land on: it comes with this chunk; the others load when opened.
const CaseCreatePage = lazy(() => import('./create-page').then((mod) => ({ default: mod.CaseCreatePage })));
const CaseDetailPage = lazy(() => import('./detail-page').then((mod) => ({ default: mod.CaseDetailPage })));
const CaseImportPage = lazy(() => import('./import-page').then((mod) => ({ default: mod.CaseImportPage })));

export function CasesRoutes({ regencyId, regencyName }: CasesProps) {
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/">
          <CaseListPage regencyId={regencyId} regencyName={regencyName} />
        </Route>
        <Route path="/new">
          <CaseCreatePage regencyId={regencyId} regencyName={regencyName} />
        </Route>
        <Route path="/import">
          <CaseImportPage regencyId={regencyId} regencyName={regencyName} />
        </Route>
        <Route path="/:id">
          {(params) => (
            <CaseDetailPage
              key={params.id}
              regencyId={regencyId}
              regencyName={regencyName}
              id={decodeURIComponent(params.id)}
            />
          )}
        </Route>
      </Switch>
    </Suspense>
  );
}

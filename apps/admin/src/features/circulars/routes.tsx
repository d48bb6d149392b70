/**
 * Circulars (Surat Edaran), mounted at `/r/:regencyId/circulars`: the list, the import wizard,
 * the comparison of two circulars, one circular and the editor of a draft.
 */
import { NotFound } from '@netral/ui/states';
import { Route, Switch } from 'wouter';
import { CircularComparePage } from './compare-page';
import { CircularDetailPage } from './detail-page';
import { CircularEditPage } from './edit-page';
import { CircularImportPage } from './import-page';
import { CircularListPage } from './list-page';
import './circulars.css';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function CircularsRoutes({ regencyId, regencyName }: { regencyId: string; regencyName: string }) {
  return (
    <Switch>
      <Route path="/">
        <CircularListPage regencyId={regencyId} regencyName={regencyName} />
      </Route>
      <Route path="/import">
        <CircularImportPage regencyId={regencyId} />
      </Route>
      <Route path="/compare">
        <CircularComparePage regencyId={regencyId} />
      </Route>
      <Route path="/:id/edit">
        {(params) => (uuid.test(params.id) ? <CircularEditPage regencyId={regencyId} id={params.id} /> : <NotFound />)}
      </Route>
      <Route path="/:id">
        {(params) =>
          uuid.test(params.id) ? (
            <CircularDetailPage key={params.id} regencyId={regencyId} id={params.id} />
          ) : (
            <NotFound />
          )
        }
      </Route>
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
}

import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiRequestError } from '../client/api-request-error.js';
import { Alert, Loading } from '../ui/states.js';
import { NoAccessPage } from './no-access-page.js';

/**
 * Renders `children` once every query has data: the loading state before, the "no access" page for a 403,
 * and the API's message for other failures.
 */
export function QueryBoundary({ queries, children }: { queries: UseQueryResult[]; children: () => ReactNode }) {
  const failed = queries.find((query) => query.isError);
  if (failed?.error instanceof ApiRequestError && failed.error.status === 403) return <NoAccessPage />;
  if (failed) {
    return (
      <Alert tone="error" title="Could not load this page">
        {failed.error?.message}
      </Alert>
    );
  }
  if (queries.some((query) => query.isPending)) return <Loading />;
  return <>{children()}</>;
}

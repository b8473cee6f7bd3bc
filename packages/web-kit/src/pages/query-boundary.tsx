import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiRequestError } from '../client/api-request-error.js';
import { Alert, Loading } from '../ui/states.js';
import { NoAccessPage } from './no-access-page.js';

/** The data of each query of a tuple, in order. */
type LoadedData<Queries extends readonly UseQueryResult[]> = { [Index in keyof Queries]: Queries[Index] extends UseQueryResult<infer Data> ? Data : never };

/**
 * Renders `children` with the data of every query, once each has it: the loading state before, the "no access"
 * page for a 403, and the API's message for other failures.
 */
export function QueryBoundary<const Queries extends readonly UseQueryResult[]>({
  queries,
  children,
}: {
  queries: Queries;
  children: (...data: LoadedData<Queries>) => ReactNode;
}) {
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
  // No query is pending or failed here, so each holds its data; react-query's union cannot follow a tuple, hence the cast.
  return <>{children(...(queries.map((query) => query.data) as unknown as LoadedData<Queries>))}</>;
}

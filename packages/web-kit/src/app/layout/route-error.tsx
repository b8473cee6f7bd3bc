import type { ErrorComponentProps } from '@tanstack/react-router';
import { ApiRequestError } from '../../client/api-request-error.js';
import { NoAccessPage } from '../../pages/no-access-page.js';
import { Button } from '../../ui/button.js';
import { Alert } from '../../ui/states.js';

/** A page's failure: "no access" for a 403 from the API, otherwise the message and a retry. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  if (error instanceof ApiRequestError && error.status === 403) return <NoAccessPage />;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="space-y-3 p-4">
      <Alert tone="error" title="Something went wrong">
        {message}
      </Alert>
      <Button variant="outline" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}

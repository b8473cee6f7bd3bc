import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useDashboard } from '../app/dashboard-context.js';
import { usePageTitle } from '../app/layout/use-page-title.js';
import { rememberSession } from '../app/session.js';
import { dataOf } from '../client/api-request-error.js';
import { Alert, Loading } from '../ui/states.js';

/** `/auth/callback`: Discord sends the browser here with `?code&state`; the page posts them to the API once. */
export function AuthCallbackPage() {
  usePageTitle('Signing in');
  const { api } = useDashboard();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    // A code is single-use: never post it twice (React may run effects twice in development).
    if (started.current) return;
    started.current = true;
    const query = new URLSearchParams(window.location.search);
    const code = query.get('code');
    const state = query.get('state');
    if (query.get('error') !== null || code === null || state === null) {
      setError(query.get('error_description') ?? 'Discord did not authorize the login.');
      return;
    }
    dataOf(api.client.POST('/api/v1/auth/discord/callback', { body: { code, state } }))
      .then(async (session) => {
        await rememberSession(queryClient, api, session);
        await navigate({ to: '/', replace: true });
      })
      .catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  }, [api, queryClient, navigate]);
  if (error === null) return <Loading label="Signing you in…" />;
  return (
    <div className="mx-auto max-w-md space-y-3">
      <Alert tone="error" title="Login failed">
        {error}
      </Alert>
      <Link className="underline" to="/">
        Try again
      </Link>
    </div>
  );
}

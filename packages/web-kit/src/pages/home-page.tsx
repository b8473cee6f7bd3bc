import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useDashboard } from '../app/dashboard-context.js';
import { usePageTitle } from '../app/layout/use-page-title.js';
import { useSession } from '../app/session.js';
import { dataOf } from '../client/api-request-error.js';
import { Button } from '../ui/button.js';
import { Card, CardContent, CardHeader, CardTitle } from '../ui/card.js';
import { Alert, EmptyState, Loading } from '../ui/states.js';

/** `/`: the login button when signed out, the guild selector when signed in. */
export function HomePage() {
  const session = useSession();
  usePageTitle(session.data ? 'Your guilds' : 'Log in');
  if (session.isPending) return <Loading />;
  if (!session.data) return <LoginCard />;
  const { guilds, user, is_developer: isDeveloper } = session.data;
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Hello, {user.global_name ?? user.username}</h1>
      <p className="text-muted-foreground">
        {isDeveloper ? 'Developer team: every guild where the bot is active.' : 'Guilds you may manage where the bot is active.'}
      </p>
      {guilds.length === 0 ? (
        <EmptyState title="No guild yet">Add the bot to a guild, or ask an authorized user of one to grant you access.</EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {guilds.map((guild) => (
            <li key={guild.guild_id}>
              <Link to="/guilds/$guildId" params={{ guildId: guild.guild_id }} className="block rounded-lg border border-border p-4 hover:bg-muted">
                <span className="font-medium">{guild.name}</span>
                <span className="block text-xs text-muted-foreground">
                  {guild.access === 'developer' ? 'developer team' : guild.is_initial ? 'added the bot' : 'authorized'}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function LoginCard() {
  const { api } = useDashboard();
  const [error, setError] = useState<string | null>(null);
  return (
    <Card className="mx-auto mt-10 max-w-sm">
      <CardHeader>
        <CardTitle>
          <span className="text-xl">Log in</span>
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        <p className="text-sm text-muted-foreground">Sign in with Discord to manage your guilds.</p>
        <Button
          className="w-full"
          onClick={async () => {
            try {
              const { url } = await dataOf(api.client.GET('/api/v1/auth/discord/url'));
              window.location.assign(url);
            } catch (failure) {
              setError(failure instanceof Error ? failure.message : String(failure));
            }
          }}
        >
          Log in with Discord
        </Button>
        {error === null ? null : (
          <Alert tone="error" title="Login is unavailable">
            {error}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}

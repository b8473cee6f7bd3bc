import { Link, Outlet, useNavigate, useParams } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../ui/button.js';
import { Select } from '../../ui/input.js';
import { useDashboard } from '../dashboard-context.js';
import { rememberSession, SESSION_KEY, useSession } from '../session.js';
import { applyTheme, initialTheme, type Theme } from '../theme.js';
import { ErrorBoundary } from './error-boundary.js';
import { Sidebar } from './sidebar.js';

/** The frame of every page: header (guild switcher, theme, logout), sidebar, and the page. */
export function AppShell() {
  const session = useSession().data;
  const params = useParams({ strict: false }) as { guildId?: string };
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        Skip to content
      </a>
      <header className="flex flex-wrap items-center gap-2 border-b border-border px-3 py-2 sm:px-4">
        <Link to="/" className="mr-auto text-lg font-semibold">
          Baseline
        </Link>
        {session ? <GuildSwitcher current={params.guildId} /> : null}
        <ThemeToggle />
        {session ? <LogoutButton /> : null}
      </header>
      <div className="flex flex-1 flex-col md:flex-row">
        {session ? <Sidebar guildId={params.guildId} /> : null}
        <main id="main" className="min-w-0 flex-1 p-3 sm:p-6">
          <ErrorBoundary label="This page failed">
            <Outlet />
          </ErrorBoundary>
        </main>
      </div>
    </div>
  );
}

function GuildSwitcher({ current }: { current: string | undefined }) {
  const session = useSession().data;
  const navigate = useNavigate();
  if (!session || session.guilds.length === 0) return null;
  return (
    <Select
      aria-label="Guild"
      className="h-8 w-44 text-sm"
      value={current ?? ''}
      onChange={(event) => {
        if (event.target.value) void navigate({ to: '/guilds/$guildId', params: { guildId: event.target.value } });
      }}
    >
      <option value="">Choose a guild…</option>
      {session.guilds.map((guild) => (
        <option key={guild.guild_id} value={guild.guild_id}>
          {guild.name}
        </option>
      ))}
    </Select>
  );
}

function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const next: Theme = theme === 'dark' ? 'light' : 'dark';
  return (
    <Button
      variant="ghost"
      size="sm"
      aria-label={`Switch to ${next} theme`}
      onClick={() => {
        applyTheme(next);
        setTheme(next);
      }}
    >
      {theme === 'dark' ? '☀' : '☾'}
    </Button>
  );
}

function LogoutButton() {
  const { api } = useDashboard();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (
    <Button
      variant="outline"
      size="sm"
      onClick={async () => {
        await api.client.POST('/api/v1/auth/logout');
        // The session query is set to null, not removed: a page showing it (the guild list) re-renders signed out.
        // Everything else read with the old session goes.
        await rememberSession(queryClient, api, null);
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
        await navigate({ to: '/' });
      }}
    >
      Log out
    </Button>
  );
}

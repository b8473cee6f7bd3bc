import { Link } from '@tanstack/react-router';
import { useDashboard } from '../dashboard-context.js';
import { useSession } from '../session.js';

const LINK = 'block whitespace-nowrap rounded-md px-3 py-2 text-sm hover:bg-muted [&.active]:bg-muted [&.active]:font-semibold';

/**
 * Navigation built from the registered plugins: the guild's pages (built-in, then each plugin's nav items)
 * when a guild is open, and the developer-team pages for the developer team. A row that scrolls sideways on
 * narrow screens, a column from `md` up.
 */
export function Sidebar({ guildId }: { guildId: string | undefined }) {
  const session = useSession().data;
  const { plugins } = useDashboard();
  const items = plugins.flatMap(({ plugin }) => plugin.navItems);
  const guildItems = items.filter((item) => item.to.startsWith('/guilds/'));
  const adminItems = items.filter((item) => item.to.startsWith('/admin/'));
  return (
    <nav aria-label="Dashboard" className="flex gap-1 overflow-x-auto border-b border-border p-2 md:w-56 md:flex-col md:border-r md:border-b-0">
      {guildId === undefined ? null : (
        <>
          <Link className={LINK} to="/guilds/$guildId" params={{ guildId }} activeOptions={{ exact: true }}>
            Overview
          </Link>
          <Link className={LINK} to="/guilds/$guildId/settings" params={{ guildId }}>
            Settings
          </Link>
          <Link className={LINK} to="/guilds/$guildId/access" params={{ guildId }}>
            Access
          </Link>
          <Link className={LINK} to="/guilds/$guildId/toggles" params={{ guildId }}>
            Plugins &amp; commands
          </Link>
          {guildItems.map((item) => (
            <Link key={item.to} className={LINK} to={item.to} params={{ guildId }}>
              {item.label}
            </Link>
          ))}
        </>
      )}
      {session?.is_developer ? (
        <>
          <Link className={LINK} to="/admin/shards">
            Shards
          </Link>
          <Link className={LINK} to="/admin/llm">
            LLM costs
          </Link>
          <Link className={LINK} to="/admin/tasks">
            Tasks
          </Link>
          {adminItems.map((item) => (
            <Link key={item.to} className={LINK} to={item.to}>
              {item.label}
            </Link>
          ))}
        </>
      ) : null}
    </nav>
  );
}

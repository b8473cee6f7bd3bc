import { Outlet, useParams } from '@tanstack/react-router';
import { NoAccessPage } from '../../pages/no-access-page.js';
import { Loading } from '../../ui/states.js';
import { canOpenGuild, useSession } from '../session.js';
import { SignInRequired } from './sign-in-required.js';

/** Guards `/guilds/$guildId/…`: signed in, and an authorized user of the guild or on the developer team. */
export function GuildLayout() {
  const { guildId } = useParams({ from: '/guilds/$guildId' });
  const session = useSession();
  if (session.isPending) return <Loading />;
  if (!session.data) return <SignInRequired />;
  if (!canOpenGuild(session.data, guildId)) return <NoAccessPage />;
  return <Outlet />;
}

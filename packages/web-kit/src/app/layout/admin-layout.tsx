import { Outlet } from '@tanstack/react-router';
import { NoAccessPage } from '../../pages/no-access-page.js';
import { Loading } from '../../ui/states.js';
import { useSession } from '../session.js';
import { SignInRequired } from './sign-in-required.js';

/** Guards `/admin/…`: the developer team only (the API refuses others too; this avoids a flash of errors). */
export function AdminLayout() {
  const session = useSession();
  if (session.isPending) return <Loading />;
  if (!session.data) return <SignInRequired />;
  if (!session.data.is_developer) return <NoAccessPage />;
  return <Outlet />;
}

import { Link } from '@tanstack/react-router';
import { usePageTitle } from '../app/layout/use-page-title.js';

/** What a signed-in user sees on a page they may not open (the API answered 403, or a guard refused). */
export function NoAccessPage() {
  usePageTitle('No access');
  return (
    <section aria-labelledby="no-access" className="mx-auto max-w-md space-y-3 py-10 text-center">
      <h1 id="no-access" className="text-2xl font-semibold">
        No access
      </h1>
      <p className="text-muted-foreground">
        Your account may not open this page. Ask an authorized user of the guild to grant you access, or pick another guild.
      </p>
      <Link className="underline" to="/">
        Back to your guilds
      </Link>
    </section>
  );
}

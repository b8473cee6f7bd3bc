import { Link } from '@tanstack/react-router';
import { usePageTitle } from '../app/layout/use-page-title.js';

export function NotFoundPage() {
  usePageTitle('Not found');
  return (
    <section className="mx-auto max-w-md space-y-3 py-10 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <Link className="underline" to="/">
        Back to your guilds
      </Link>
    </section>
  );
}

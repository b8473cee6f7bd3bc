import { Link } from '@tanstack/react-router';
import { EmptyState } from '../../ui/states.js';

/** Shown on a guarded page without a session. */
export function SignInRequired() {
  return (
    <EmptyState title="Sign in to continue">
      <Link className="underline" to="/">
        Go to the login page
      </Link>
    </EmptyState>
  );
}

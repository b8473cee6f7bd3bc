import { Suspense, type ComponentType } from 'react';
import { Loading } from '../../ui/states.js';
import { ErrorBoundary } from './error-boundary.js';
import { usePageTitle } from './use-page-title.js';

/** A plugin's page: its lazy chunk under Suspense, and an error boundary naming the plugin if it throws. */
export function PluginPage({ title, packageName, page: Page }: { title: string; packageName: string; page: ComponentType }) {
  usePageTitle(title);
  return (
    <ErrorBoundary label={`The page of plugin package "${packageName}" failed`}>
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    </ErrorBoundary>
  );
}

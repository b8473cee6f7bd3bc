import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert } from '../../ui/states.js';

/** Catches a render error below it and shows it in place, so the shell and sidebar stay usable. */
export class ErrorBoundary extends Component<{ label: string; children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[baseline] ${this.props.label}`, error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <Alert tone="error" title={this.props.label}>
        {this.state.error.message}
      </Alert>
    );
  }
}

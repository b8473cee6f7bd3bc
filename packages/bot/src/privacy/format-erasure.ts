import type { TranslateFunction, UserDataErasureReport } from '@baseline/core';

/** The user-facing summary of an erasure: one line per plugin, in the reply's language. */
export function formatErasure(report: UserDataErasureReport, t: TranslateFunction): string {
  const lines = report.plugins.map((entry) => {
    const outcome =
      entry.status === 'erased'
        ? t('privacy.outcome.erased')
        : entry.status === 'failed'
          ? t('privacy.outcome.failed', { reference: report.correlationId })
          : t('privacy.outcome.notCompliant');
    return `- ${t('privacy.pluginLine', { plugin: entry.plugin, outcome })}`;
  });
  return [t('privacy.done'), ...lines].join('\n');
}

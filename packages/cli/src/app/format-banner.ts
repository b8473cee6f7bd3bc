import pc from 'picocolors';
import type { RunningApp } from './start-baseline-app.js';

/** The addresses a person opens once the app runs, printed at the end of start-up. */
export function formatBanner(running: RunningApp, extra: { dashboard?: string | undefined } = {}): string {
  const rows: [string, string | undefined][] = [
    ['dashboard', extra.dashboard],
    ['emulator', running.emulatorPageUrl === undefined ? undefined : `${running.emulatorPageUrl}  (run commands as a demo user)`],
    ['API reference', running.api === undefined ? undefined : `${running.api.url}/api/v1/docs`],
    ['health', running.api === undefined ? undefined : `${running.api.url}/api/v1/health`],
  ];
  const lines = rows.filter((row): row is [string, string] => row[1] !== undefined).map(([label, url]) => `  ${pc.dim(label.padEnd(16))}${pc.cyan(url)}`);
  const plugins = running.bot.services.plugins.map((loaded) => loaded.id).join(', ') || 'none';
  const mode = running.emulator === undefined ? 'Discord' : 'the Discord emulator';
  return `\n${pc.green('●')} ${pc.bold('baseline')} is running against ${mode} (plugins: ${plugins})\n${lines.join('\n')}\n  ${pc.dim('Ctrl+C stops everything.')}\n\n`;
}

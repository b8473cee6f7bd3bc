import { stripVTControlCharacters } from 'node:util';
import { vi } from 'vitest';

/** What a stream was written in this process since {@link captureWrites} started. */
export interface CapturedWrites {
  text(): string;
  restore(): void;
}

/**
 * Records what the code under test writes to `stream`. With `echo: false` the text goes nowhere else: for output
 * that prints an emulator's token on purpose (`baseline emulator`), which the run's secret audit would report.
 */
export function captureWrites(stream: NodeJS.WriteStream, { echo = true }: { echo?: boolean } = {}): CapturedWrites {
  const spy = vi.spyOn(stream, 'write');
  if (!echo) spy.mockImplementation(() => true);
  return {
    // Colour depends on where the suite runs (picocolors turns it on when CI is set): tests read the plain text.
    text: () => stripVTControlCharacters(spy.mock.calls.map(([chunk]) => String(chunk)).join('')),
    restore: () => spy.mockRestore(),
  };
}

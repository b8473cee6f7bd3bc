import { readFile } from 'node:fs/promises';
// The playwright provider's types add `page` and `iframe` to the command context.
import type {} from '@vitest/browser-playwright';
import type { BrowserCommand } from 'vitest/node';

/** What the browser saved after a click: the file name it suggested and the file's text. */
export interface DownloadedFile {
  fileName: string;
  text: string;
}

/**
 * A browser-mode command (`commands.clickAndDownload(locator.selector)` in a test): clicks the element in the test's
 * frame and waits for the download that click starts, through Playwright on the Node side, so a page test checks the
 * file Chromium really saved (name and bytes), not the calls that produced it.
 */
export const clickAndDownload: BrowserCommand<[selector: string]> = async (context, selector): Promise<DownloadedFile> => {
  const [download] = await Promise.all([context.page.waitForEvent('download'), context.iframe.locator(selector).click()]);
  return { fileName: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
};

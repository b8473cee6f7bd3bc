/** Discord's limit on a message's `content`. */
export const DISCORD_MESSAGE_LIMIT = 2000;

const FENCE_LINE = /^ {0,3}```(.*)$/;
const CLOSE_FENCE = '\n```';

/**
 * Splits text into Discord messages of at most `limit` characters. Cuts fall on the last line break, else the
 * last space, before the limit (a word longer than a whole message is cut where it must). A cut inside a
 * fenced code block closes the fence at the end of that message and reopens it, with its language, at the
 * start of the next, so every message renders on its own.
 *
 * Hand-written: the maintained helpers (`@sapphire/utilities`' `splitText`) cut at a space but know nothing
 * of code fences. The split of a text's first pages does not change as text is appended, which the streaming
 * helper relies on to edit earlier messages at most once more.
 *
 * @example
 * ```ts
 * splitForDiscord('a'.repeat(2500)).map((page) => page.length); // [2000, 500]
 * ```
 */
export function splitForDiscord(text: string, limit = DISCORD_MESSAGE_LIMIT): string[] {
  const pages: string[] = [];
  let rest = text;
  let reopen = '';
  for (;;) {
    const body = reopen === '' ? rest : `${reopen}\n${rest}`;
    if (body.length <= limit) {
      pages.push(body);
      return pages;
    }
    const floor = reopen === '' ? 0 : reopen.length + 1;
    let cut = chooseCut(body, floor, limit);
    // Room for the closing fence when the page ends inside a code block.
    if (openFenceAt(body.slice(0, cut)) !== undefined) cut = chooseCut(body, floor, limit - CLOSE_FENCE.length);
    let page = body.slice(0, cut);
    const open = openFenceAt(page);
    if (open !== undefined) page += CLOSE_FENCE;
    pages.push(page);
    reopen = open ?? '';
    // The separator the cut fell on (a line break or a space) is dropped.
    rest = body.slice(body[cut] === '\n' || body[cut] === ' ' ? cut + 1 : cut);
  }
}

/** Where to cut `body` at or before `budget`: the last line break, else the last space, after `floor`. */
function chooseCut(body: string, floor: number, budget: number): number {
  const window = body.slice(0, budget + 1);
  for (const separator of ['\n', ' ']) {
    const at = window.lastIndexOf(separator);
    if (at > floor) return Math.min(at, budget);
  }
  return budget;
}

/** The opening line (e.g. "```ts") of the code fence still open at the end of `text`, if any. */
function openFenceAt(text: string): string | undefined {
  let open: string | undefined;
  for (const line of text.split('\n')) {
    const match = FENCE_LINE.exec(line);
    if (match === null) continue;
    if (open === undefined) open = `\`\`\`${match[1]!.trim()}`;
    else if (match[1]!.trim() === '') open = undefined;
  }
  return open;
}

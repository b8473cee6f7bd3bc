import { setTimeout as sleep } from 'node:timers/promises';

interface PageState {
  guilds: { id: string; botIsMember: boolean; channels: { id: string; type: number }[]; members: { id: string; username: string }[] }[];
}
/** A message as the emulator's page shows it (the fields tests read). */
export interface PageMessage {
  bot: boolean;
  loading: boolean;
  content: string;
  embeds: { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
}

/** A slash command a demo user runs on the page. */
export interface PageCommand {
  name: string;
  subcommand?: string;
  options?: Record<string, string>;
  /** @default 'alice' */
  username?: string;
}

/**
 * Runs a slash command as a demo user through the emulator's web page (its HTTP API, as the page itself does)
 * and returns the text of the bot's reply: how a test reaches a bot that runs in another process.
 */
export async function runCommandOnPage(pageUrl: string, command: PageCommand): Promise<string> {
  return (await replyOnPage(pageUrl, command)).content;
}

/** {@link runCommandOnPage}, returning the whole reply (its embeds too). */
export async function replyOnPage(pageUrl: string, command: PageCommand): Promise<PageMessage> {
  const base = pageUrl.endsWith('/') ? pageUrl : `${pageUrl}/`;
  const state = (await (await fetch(`${base}api/state`)).json()) as PageState;
  const guild = state.guilds.find((candidate) => candidate.botIsMember) ?? state.guilds[0]!;
  const user = guild.members.find((member) => member.username === (command.username ?? 'alice'))!;
  const channel = guild.channels.find((candidate) => candidate.type === 0)!;
  const messages = async () =>
    ((await (await fetch(`${base}api/messages?channel=${channel.id}&user=${user.id}`)).json()) as { messages: PageMessage[] }).messages;
  const before = (await messages()).length;
  const invoked = await fetch(`${base}api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      guildId: guild.id,
      channelId: channel.id,
      userId: user.id,
      name: command.name,
      subcommand: command.subcommand,
      options: command.options ?? {},
    }),
  });
  if (!invoked.ok) throw new Error(`invoking /${command.name} failed: ${await invoked.text()}`);
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const reply = (await messages()).slice(before).find((message) => message.bot && !message.loading);
    if (reply !== undefined) return reply;
    await sleep(100);
  }
  throw new Error(`/${command.name} got no reply within 30 s`);
}

import type { DiscordRest } from '../discord/discord-rest.js';

/**
 * Whether a user belongs to the developer team: a member of `MAIN_GUILD_ID`. Asked through the bot token when
 * one is configured, otherwise through the user's own guild list. No main guild configured: nobody is.
 */
export async function isDeveloperTeamMember(
  userId: string,
  deps: { mainGuildId: string | undefined; discord: DiscordRest; userAccessToken: () => Promise<string> },
): Promise<boolean> {
  const { mainGuildId, discord } = deps;
  if (mainGuildId === undefined) return false;
  if (discord.hasBotToken) return (await discord.member(mainGuildId, userId)) !== undefined;
  const guilds = await discord.currentUserGuilds(await deps.userAccessToken());
  return guilds.some((guild) => guild.id === mainGuildId);
}

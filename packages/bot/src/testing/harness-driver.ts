import type { DiscordEmulator, InteractionHandle, SentMessage, SlashCommandInput } from '@baseline/testing';

/** Where an action happens: a guild and channel by id or name; the first seeded guild and its first channel by default. */
export interface DriverPlace {
  /** Guild id or name. @default the first guild */
  guild?: string;
  /** Channel id or name in that guild. @default its first text channel */
  channel?: string;
}

/**
 * The plugin harness's driver: what a test does as Discord users, by name. Everything else the emulator can do
 * is on `harness.emulator`.
 */
export interface HarnessDriver {
  /** The id of a guild by name, or of the first guild. */
  guildId(name?: string): string;
  /** The id of a channel by name in a guild, or of its first text channel. */
  channelId(place?: DriverPlace): string;
  /** The id of a user by username. */
  userId(username: string): string;
  /** Runs a slash command as `as` (a username). */
  run(command: string, input: { as: string; options?: SlashCommandInput['options']; subcommand?: string } & DriverPlace): InteractionHandle;
  /** A user joins a guild (GUILD_MEMBER_ADD reaches the bot); the user is created when unknown. */
  join(username: string, place?: Pick<DriverPlace, 'guild'>): void;
  /** A member leaves a guild (GUILD_MEMBER_REMOVE). */
  leave(username: string, place?: Pick<DriverPlace, 'guild'>): void;
  /** Messages posted in a channel, oldest first. */
  messages(place?: DriverPlace): SentMessage[];
}

/** Builds the {@link HarnessDriver} over an emulator. */
export function createHarnessDriver(emulator: DiscordEmulator): HarnessDriver {
  const guild = (idOrName?: string) => {
    const guilds = [...emulator.state.guilds.values()];
    const found = idOrName === undefined ? guilds[0] : guilds.find((candidate) => candidate.id === idOrName || candidate.name === idOrName);
    if (found === undefined) throw new Error(`no guild ${idOrName ?? ''} in the emulator: add it to the harness seed`);
    return found;
  };
  const userId = (username: string) => {
    const user = emulator.state.findUser(username);
    if (user === undefined) throw new Error(`no user "${username}" in the emulator: add it to the harness seed's users`);
    return user.id;
  };
  const channelId = (place: DriverPlace = {}) => {
    const channels = [...guild(place.guild).channels.values()];
    const found =
      place.channel === undefined
        ? channels.find((channel) => channel.type === 0)
        : channels.find((channel) => channel.id === place.channel || channel.name === place.channel);
    if (found === undefined) throw new Error(`no channel ${place.channel ?? '(text)'} in guild "${guild(place.guild).name}": add it to the harness seed`);
    return found.id;
  };
  return {
    guildId: (name) => guild(name).id,
    channelId,
    userId,
    run: (command, { as, options, subcommand, ...place }) =>
      emulator.invokeSlashCommand({
        guildId: guild(place.guild).id,
        channelId: channelId(place),
        userId: userId(as),
        name: command,
        ...(options === undefined ? {} : { options }),
        ...(subcommand === undefined ? {} : { subcommand }),
      }),
    join: (username, place = {}) => {
      if (emulator.state.findUser(username) === undefined) emulator.addUser({ username });
      emulator.addMember(guild(place.guild).id, { user: username });
    },
    leave: (username, place = {}) => emulator.removeMember(guild(place.guild).id, username),
    messages: (place) => emulator.messages(channelId(place)),
  };
}

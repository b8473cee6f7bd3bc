import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayIntentBits, type ChatInputCommandInteraction, type Client, type ClientOptions, type SlashCommandBuilder } from 'discord.js';
import type { DiscordEmulator } from '../../src/index.js';
import { seededGuild, testEmulator } from './fixtures.js';

/** The part of @sapphire/framework 5 this test uses. */
interface SapphireModule {
  SapphireClient: new (options: ClientOptions & { baseUserDirectory: null; logger: { instance: unknown } }) => Client;
  Command: new (context: unknown, options: Record<string, unknown>) => object;
  Logger: new (level: number) => { write(level: number, ...values: readonly unknown[]): void };
  LogLevel: { Debug: number };
  Events: { ApplicationCommandRegistriesRegistered: string };
  container: {
    stores: Iterable<unknown> & {
      values(): Iterable<{ name: string }>;
      get(name: 'commands'): { unloadAll(): Promise<unknown> };
      loadPiece(entry: { store: string; name: string; piece: unknown }): Promise<void>;
    };
  };
}
interface ChatInputRegistry {
  registerChatInputCommand(build: (builder: SlashCommandBuilder) => unknown, options?: { guildIds?: string[] }): unknown;
}

// Sapphire's typings add `[K: string]: unknown[]` to discord.js' ClientEvents for the whole compilation, which
// breaks the typing of `client.on('raw', …)` in the other emulator tests; a non-literal specifier keeps its
// declarations out of the package's type check. At run time this is the plain package.
const SAPPHIRE = '@sapphire/framework';
const { Command, container, Events, LogLevel, Logger, SapphireClient } = (await import(SAPPHIRE)) as SapphireModule;
type SapphireClient = Client;

/** Collects Sapphire's log lines (debug included) instead of printing them. */
class CollectingLogger extends Logger {
  readonly lines: string[] = [];

  override write(level: number, ...values: readonly unknown[]): void {
    if (level >= LogLevel.Debug) this.lines.push(values.map(String).join(' '));
  }
}

let devGuildId = '';

/** One chat-input command, registered globally and in the dev guild through Sapphire's registry. */
class PingCommand extends Command {
  constructor(context: unknown, options: Record<string, unknown>) {
    super(context, { ...options, description: 'Replies pong' });
  }

  registerApplicationCommands(registry: ChatInputRegistry): void {
    const build = (builder: SlashCommandBuilder) =>
      builder
        .setName('ping')
        .setDescription('Replies pong')
        .addStringOption((option) => option.setName('text').setDescription('Echoed back').setRequired(false));
    registry.registerChatInputCommand(build);
    registry.registerChatInputCommand(build, { guildIds: [devGuildId] });
  }

  async chatInputRun(interaction: ChatInputCommandInteraction): Promise<void> {
    const scope = interaction.commandGuildId ? 'guild' : 'global';
    await interaction.reply(`pong ${interaction.options.getString('text') ?? ''} (${scope})`.replace('  ', ' '));
  }
}

type PieceEntry = { name: string; piece: unknown };

/**
 * Sapphire's built-in pieces (core listeners, arguments, preconditions) register themselves once, at import,
 * into a queue that the FIRST client's stores consume. A second client in the same process gets empty stores,
 * so it would never sync commands nor route interactions. This copies those entries from the stores about to
 * be replaced; a real second boot is a new process and does not need it.
 */
function manuallyRegisteredPieces(): { store: string; entries: PieceEntry[] }[] {
  return [...container.stores.values()].map((store) => {
    const symbol = Object.getOwnPropertySymbols(store).find((candidate) => candidate.description === '@sapphire/pieces:ManuallyRegisteredPieces');
    const entries = symbol ? (store as unknown as Record<symbol, Map<string, PieceEntry>>)[symbol] : undefined;
    return { store: store.name, entries: [...(entries?.values() ?? [])] };
  });
}

/** Boots a fresh SapphireClient with the command loaded programmatically; resolves once commands are synced. */
async function boot(emulator: DiscordEmulator): Promise<{ client: SapphireClient; logger: CollectingLogger }> {
  const logger = new CollectingLogger(LogLevel.Debug);
  const builtIns = manuallyRegisteredPieces();
  const client = new SapphireClient({
    intents: [GatewayIntentBits.Guilds],
    baseUserDirectory: null,
    logger: { instance: logger },
    ...emulator.clientOptions(),
  });
  for (const { store, entries } of builtIns) {
    for (const entry of entries) await container.stores.loadPiece({ store, name: entry.name, piece: entry.piece });
  }
  await container.stores.loadPiece({ store: 'commands', name: 'ping', piece: PingCommand });
  const synced = new Promise<void>((resolve) => client.once(Events.ApplicationCommandRegistriesRegistered, () => resolve()));
  await client.login(emulator.botToken);
  await synced;
  return { client, logger };
}

/** Sapphire keeps command registries in module state; a real second boot is a new process, so unload them. */
async function shutdown(client: SapphireClient): Promise<void> {
  await client.destroy();
  await container.stores.get('commands').unloadAll();
}

const COMMAND_ROUTE = /^\/applications\/\d+(\/guilds\/\d+)?\/commands(\/\d+)?$/;

describe('Sapphire application command registry against the emulator', () => {
  let emulator: DiscordEmulator;
  let client: SapphireClient | undefined;
  let secondLog: CollectingLogger;
  let firstBootWrites: { method: string; path: string }[];
  let secondBootRequests: { method: string; path: string }[];

  beforeAll(async () => {
    emulator = await testEmulator();
    devGuildId = seededGuild(emulator).guild.id;
    const first = await boot(emulator);
    await shutdown(first.client);
    const before = emulator.requests.length;
    firstBootWrites = emulator.requests
      .filter((request) => request.method !== 'GET' && COMMAND_ROUTE.test(request.path))
      .map(({ method, path }) => ({ method, path }));
    const second = await boot(emulator);
    client = second.client;
    secondLog = second.logger;
    secondBootRequests = emulator.requests.slice(before).map(({ method, path }) => ({ method, path }));
  });

  afterAll(async () => {
    if (client) await shutdown(client);
    await emulator.close();
  });

  it('GIVEN the first boot THEN Sapphire creates the command globally and in the dev guild with its built bodies', () => {
    expect(firstBootWrites).toEqual(
      expect.arrayContaining([
        { method: 'POST', path: `/applications/${emulator.applicationId}/commands` },
        { method: 'POST', path: `/applications/${emulator.applicationId}/guilds/${devGuildId}/commands` },
      ]),
    );
    expect(firstBootWrites).toHaveLength(2);
    const [global] = emulator.commands(null);
    const [guild] = emulator.commands(devGuildId);
    expect(emulator.commands(null)).toHaveLength(1);
    expect(emulator.commands(devGuildId)).toHaveLength(1);
    expect(global!.body).toMatchObject({ name: 'ping', description: 'Replies pong', options: [{ name: 'text', type: 3, required: false }] });
    expect(guild!.body).toMatchObject({ name: 'ping', guild_id: devGuildId });
    expect(guild!.id).not.toBe(global!.id);
  });

  it('GIVEN a second boot (new client, same emulator) THEN it reads both scopes, finds them identical AND writes nothing', () => {
    const commandCalls = secondBootRequests.filter((request) => COMMAND_ROUTE.test(request.path));
    expect(commandCalls.filter((request) => request.method !== 'GET')).toEqual([]);
    expect(commandCalls.map((request) => request.path).sort()).toEqual(
      [`/applications/${emulator.applicationId}/commands`, `/applications/${emulator.applicationId}/guilds/${devGuildId}/commands`].sort(),
    );
    expect(secondLog.lines.some((line) => line.includes('Command "ping" is identical to command "ping"'))).toBe(true);
    expect(secondLog.lines.some((line) => line.includes('Guild command "ping" is identical to command "ping"'))).toBe(true);
  });

  it('GIVEN the synced client WHEN the command is invoked in the guild and in a DM THEN the guild and global registrations answer', async () => {
    const call = emulator.invokeSlashCommand({ guildId: devGuildId, channelId: 'general', userId: 'alice', name: 'ping', options: { text: 'hi' } });
    expect((call.payload['data'] as { id: string }).id).toBe(emulator.commands(devGuildId)[0]!.id);
    expect((await call.reply()).content).toBe('pong hi (guild)');
    const dm = emulator.invokeSlashCommand({ userId: 'alice', name: 'ping' });
    expect((dm.payload['data'] as { id: string }).id).toBe(emulator.commands(null)[0]!.id);
    expect((await dm.reply()).content).toBe('pong (global)');
  });
});

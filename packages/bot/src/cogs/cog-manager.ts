import { BASELINE_NAMESPACE, type BaselineServices, type Logger, type StorageDefinition } from '@baseline/core';
import type { SapphireClient } from '@sapphire/framework';
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { commandBody } from '../commands/command-body.js';
import { localizeCommand } from '../i18n/localize-command.js';
import { BOT_ERROR_CODES, BotError } from '../runtime/bot-error.js';
import type { HandlerOwner, HandlerRunner } from '../runtime/handler-runner.js';
import { loadPieces, removePiece, type StorePiece } from '../runtime/sapphire-stores.js';
import { COG_BINDING, type Cog, type CogClass } from './cog.js';
import { createCommandPiece } from './pieces/command-piece.js';
import { createInteractionHandlerPiece } from './pieces/interaction-handler-piece.js';
import { createListenerPiece } from './pieces/listener-piece.js';
import type { TaskScheduler } from '../tasks/task-runtime.js';

/** A cog loaded or unloaded (at runtime, or on shutdown by `unloadAll`). */
export type CogChange = { type: 'loaded'; cog: LoadedCog } | { type: 'unloaded'; cog: LoadedCog };

/** The plugin a cog comes from. */
export interface CogOrigin {
  readonly pluginId: string;
  readonly settingsNamespace: string;
  readonly logger: Logger;
  /** The plugin's `defineStorage` declaration, behind `this.storage`. */
  readonly storage?: StorageDefinition | undefined;
}

/** A cog that is loaded: its instance and the Sapphire pieces registered for it. */
export interface LoadedCog {
  readonly name: string;
  readonly pluginId: string | undefined;
  readonly cog: Cog<never>;
  readonly cogClass: CogClass;
  /** Names of its application commands. */
  readonly commands: readonly string[];
  readonly commandBodies: readonly RESTPostAPIApplicationCommandsJSONBody[];
  /** @internal */
  readonly origin: CogOrigin | undefined;
  /** @internal */
  readonly pieces: readonly { store: string; name: string }[];
}

/** A cog that could not load, and why. */
export interface CogFailure {
  readonly cogName: string | undefined;
  readonly pluginId: string | undefined;
  readonly error: BotError;
}

const COG_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Loads cogs onto the Sapphire stores and takes them off again. A cog that fails (constructor throws,
 * invalid or conflicting declarations, `onLoad` throws) is logged, recorded in `failures`, and skipped.
 */
export class CogManager {
  readonly failures: CogFailure[] = [];
  readonly #loaded = new Map<string, LoadedCog>();
  readonly #listeners = new Set<(change: CogChange) => void | Promise<void>>();

  constructor(private readonly deps: { client: SapphireClient; services: BaselineServices; runner: HandlerRunner; logger: Logger; tasks?: TaskScheduler }) {}

  /** Calls `listener` after each load and unload; returns a function that removes it. */
  onChange(listener: (change: CogChange) => void | Promise<void>): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /** Loaded cogs, in load order. */
  list(): LoadedCog[] {
    return [...this.#loaded.values()];
  }

  get(name: string): LoadedCog | undefined {
    return this.#loaded.get(name);
  }

  /** Every loaded cog's command bodies: what command sync makes Discord hold. */
  commandBodies(): RESTPostAPIApplicationCommandsJSONBody[] {
    return this.list().flatMap((loaded) => loaded.commandBodies);
  }

  /**
   * Constructs a cog and registers its handlers.
   * @returns the loaded cog, or `undefined` when it failed (see {@link CogManager.failures}).
   */
  async load(cogClass: CogClass, origin?: CogOrigin): Promise<LoadedCog | undefined> {
    const cogName = typeof cogClass?.meta?.name === 'string' ? cogClass.meta.name : undefined;
    try {
      return await this.#load(cogClass, origin);
    } catch (error) {
      const failure =
        error instanceof BotError
          ? error
          : new BotError(BOT_ERROR_CODES.cogLoadFailed, `cog "${cogName ?? '?'}" failed to load: ${error instanceof Error ? error.message : String(error)}`, {
              cause: error,
              details: { cog: cogName, plugin: origin?.pluginId },
            });
      this.failures.push({ cogName, pluginId: origin?.pluginId, error: failure });
      this.deps.logger.error({ err: failure, code: failure.code, cog: cogName, plugin: origin?.pluginId }, 'cog skipped');
      return undefined;
    }
  }

  /**
   * Removes a cog's handlers and runs its `onUnload`.
   * @throws BotError `BL_ERR_COG_UNKNOWN` when no cog of that name is loaded.
   */
  async unload(name: string): Promise<void> {
    const loaded = this.#require(name);
    this.#loaded.delete(name);
    for (const piece of loaded.pieces) await removePiece(this.deps.client, piece.store, piece.name);
    try {
      await loaded.cog.onUnload?.();
    } catch (error) {
      this.deps.logger.error({ err: error, cog: name, plugin: loaded.pluginId }, 'cog onUnload failed');
    }
    this.deps.logger.info({ cog: name, plugin: loaded.pluginId }, 'cog unloaded');
    await this.#notify({ type: 'unloaded', cog: loaded });
  }

  /**
   * Replaces a loaded cog by a fresh instance of `cogClass` (default: its own class), keeping its plugin.
   * When the new one fails, the previous class is loaded again and the failure is returned.
   */
  async reload(name: string, cogClass?: CogClass): Promise<LoadedCog | undefined> {
    const previous = this.#require(name);
    await this.unload(name);
    const next = await this.load(cogClass ?? previous.cogClass, previous.origin);
    if (next === undefined && cogClass !== undefined) await this.load(previous.cogClass, previous.origin);
    return next;
  }

  /** Unloads every cog, last loaded first. */
  async unloadAll(): Promise<void> {
    for (const name of [...this.#loaded.keys()].reverse()) await this.unload(name);
  }

  async #notify(change: CogChange): Promise<void> {
    for (const listener of this.#listeners) {
      // A listener that throws synchronously is caught here too: a load must not be reported failed, nor an unload
      // throw, after the cog was loaded or removed.
      try {
        await listener(change);
      } catch (error) {
        this.deps.logger.error({ err: error, cog: change.cog.name }, `a cog ${change.type} listener failed`);
      }
    }
  }

  #require(name: string): LoadedCog {
    const loaded = this.#loaded.get(name);
    if (loaded === undefined) throw new BotError(BOT_ERROR_CODES.cogUnknown, `no cog named "${name}" is loaded`, { details: { cog: name } });
    return loaded;
  }

  async #load(cogClass: CogClass, origin: CogOrigin | undefined): Promise<LoadedCog> {
    const pluginId = origin?.pluginId;
    if (typeof cogClass !== 'function' || typeof cogClass.meta?.name !== 'string' || !COG_NAME.test(cogClass.meta.name)) {
      throw new BotError(
        BOT_ERROR_CODES.cogInvalid,
        `a cog of plugin "${pluginId ?? 'app'}" is not a cog class with \`static meta = { name: 'kebab-case' }\``,
        {
          details: { plugin: pluginId },
        },
      );
    }
    const name = cogClass.meta.name;
    if (this.#loaded.has(name)) {
      throw new BotError(
        BOT_ERROR_CODES.cogConflict,
        `cog "${name}" of plugin "${pluginId ?? 'app'}" has the name of a cog already loaded (plugin "${this.#loaded.get(name)?.pluginId ?? 'app'}")`,
        {
          details: { cog: name, plugin: pluginId },
        },
      );
    }
    const base = this.deps.services.logger;
    const logger = (origin?.logger ?? base).child({ cog: name });
    let cog: Cog<never>;
    try {
      cog = new cogClass(this.deps.client, this.deps.services) as Cog<never>;
    } catch (error) {
      throw new BotError(
        BOT_ERROR_CODES.cogLoadFailed,
        `cog "${name}" of plugin "${pluginId ?? 'app'}" threw in its constructor: ${error instanceof Error ? error.message : String(error)}`,
        {
          cause: error,
          details: { cog: name, plugin: pluginId },
        },
      );
    }
    cog[COG_BINDING] = { pluginId, settingsNamespace: origin?.settingsNamespace, storage: origin?.storage, logger, tasks: this.deps.tasks };
    const owner: HandlerOwner = { pluginId, cogName: name, logger, contextLogger: base };

    const bodies = (cog.commands ?? []).map((definition) => this.#localized(commandBody(definition), pluginId, logger));
    this.#checkConflicts(name, pluginId, cog, bodies);
    const { runner } = this.deps;
    const pieces: StorePiece[] = [
      ...(cog.commands ?? []).map((definition, index) => ({
        store: 'commands' as const,
        name: bodies[index]!.name.toLowerCase(),
        piece: createCommandPiece(definition, owner, runner),
      })),
      ...(cog.listeners ?? []).map((definition, index) => ({
        store: 'listeners' as const,
        name: `${name}:${definition.event}:${index}`,
        piece: createListenerPiece(definition, owner, runner),
      })),
      ...[...(cog.components ?? []), ...(cog.modals ?? [])].map((definition) => ({
        store: 'interaction-handlers' as const,
        name: `${name}:${definition.kind}:${definition.customId}`,
        piece: createInteractionHandlerPiece(definition, owner, runner),
      })),
    ];
    const loaded: LoadedCog = {
      name,
      pluginId,
      cog,
      cogClass,
      commands: bodies.map((body) => body.name),
      commandBodies: bodies,
      origin,
      pieces: pieces.map(({ store, name: pieceName }) => ({ store, name: pieceName })),
    };
    this.#loaded.set(name, loaded);
    try {
      await loadPieces(this.deps.client, pieces);
      await cog.onLoad?.();
    } catch (error) {
      await this.unload(name).catch(() => {});
      throw new BotError(
        BOT_ERROR_CODES.cogLoadFailed,
        `cog "${name}" of plugin "${pluginId ?? 'app'}" failed to load: ${error instanceof Error ? error.message : String(error)}`,
        {
          cause: error,
          details: { cog: name, plugin: pluginId },
        },
      );
    }
    logger.info({ commands: loaded.commands, listeners: cog.listeners?.length ?? 0 }, 'cog loaded');
    await this.#notify({ type: 'loaded', cog: loaded });
    return loaded;
  }

  /** Adds the Discord localizations found in the plugin's namespace (baseline's for app cogs). */
  #localized(body: RESTPostAPIApplicationCommandsJSONBody, pluginId: string | undefined, logger: Logger): RESTPostAPIApplicationCommandsJSONBody {
    const { body: localized, problems } = localizeCommand(body, this.deps.services.i18n, pluginId ?? BASELINE_NAMESPACE);
    for (const problem of problems) logger.warn({ key: problem.key, locale: problem.locale, reason: problem.reason }, 'command localization left out');
    return localized;
  }

  #checkConflicts(name: string, pluginId: string | undefined, cog: Cog<never>, bodies: RESTPostAPIApplicationCommandsJSONBody[]): void {
    const conflict = (what: string, other: LoadedCog | undefined) =>
      new BotError(
        BOT_ERROR_CODES.cogConflict,
        `cog "${name}" of plugin "${pluginId ?? 'app'}" declares ${what}, already declared by cog "${other?.name ?? name}"`,
        {
          details: { cog: name, plugin: pluginId, other: other?.name },
        },
      );
    const names = new Set<string>();
    for (const body of bodies) {
      // Sapphire keys command pieces by lowercased name.
      const key = body.name.toLowerCase();
      if (names.has(key)) throw conflict(`command "${body.name}" twice`, undefined);
      names.add(key);
      const other = this.list().find((loaded) => loaded.commands.some((command) => command.toLowerCase() === key));
      if (other) throw conflict(`command "${body.name}"`, other);
    }
    const prefixes = new Set<string>();
    for (const handler of [...(cog.components ?? []), ...(cog.modals ?? [])]) {
      const key = `${handler.kind}:${handler.customId}`.toLowerCase();
      if (prefixes.has(key)) throw conflict(`${handler.kind} "${handler.customId}" twice`, undefined);
      prefixes.add(key);
      const other = this.list().find((loaded) => loaded.pieces.some((piece) => piece.name.toLowerCase().endsWith(`:${key}`)));
      if (other) throw conflict(`${handler.kind} "${handler.customId}"`, other);
    }
  }
}

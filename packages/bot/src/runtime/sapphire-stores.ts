import type { SapphireClient, Store, StoreManagerManuallyRegisteredPiece, StoreRegistryKey } from '@sapphire/framework';

type Entry = { name: string; piece: unknown };
type AnyStore = Store<never>;

const captured = new Map<string, Map<string, Entry>>();

/** Sapphire's private map of pieces registered in code; `loadAll` rebuilds the store from it. */
function manualPieces(store: AnyStore): Map<string, Entry> {
  const symbol = Object.getOwnPropertySymbols(store).find((candidate) => candidate.description === '@sapphire/pieces:ManuallyRegisteredPieces');
  if (symbol === undefined) throw new Error('this version of @sapphire/pieces keeps manually registered pieces elsewhere');
  return (store as unknown as Record<symbol, Map<string, Entry>>)[symbol]!;
}

/**
 * Sapphire hands its built-in pieces (interaction routing listeners, permission preconditions, …) to the
 * first client created in a process only. This keeps a copy from the first client and gives it to later
 * ones, so a process can start a bot again after stopping one (tests, `dev` restarts). One client at a time:
 * Sapphire's container is process-global.
 */
export function provideCorePieces(client: SapphireClient): void {
  for (const store of client.stores.values() as Iterable<AnyStore>) {
    const pieces = manualPieces(store);
    const copy = captured.get(store.name);
    if (copy === undefined) captured.set(store.name, new Map(pieces));
    else for (const [name, entry] of copy) if (!pieces.has(name)) pieces.set(name, entry);
  }
}

/** Removes a piece and keeps `loadAll` (run by `login`) from bringing it back. */
export async function removePiece(client: SapphireClient, storeName: string, name: string): Promise<void> {
  const store = client.stores.get(storeName as 'listeners') as unknown as AnyStore;
  manualPieces(store).delete(name);
  if (store.has(name)) await store.unload(name);
}

/** A piece class built at run time for one of Sapphire's stores, as `stores.loadPiece` takes it. */
export type StorePiece = { [Name in StoreRegistryKey]: StoreManagerManuallyRegisteredPiece<Name> }[StoreRegistryKey];

/** Registers pieces built at run time (cog handlers, the bot's own preconditions and listeners), in order. */
export async function loadPieces(client: SapphireClient, pieces: Iterable<StorePiece>): Promise<void> {
  for (const piece of pieces) await client.stores.loadPiece(piece);
}

import type { ResolvedOptions } from './options.js';
import type { SnowflakeGenerator } from './snowflake.js';
import type { EmulatorState } from './state/emulator-state.js';

/** The emulated application, as every component sees it. */
export interface EmulatedApplication {
  id: string;
  name: string;
  botToken: string;
  clientSecret: string;
  /** READY `application.flags` (the *_LIMITED flags of the enabled privileged intents). */
  flags: number;
  ownerId: string | null;
}

/** Shared by the gateway, the REST routes and the driver. */
export interface EmulatorContext {
  state: EmulatorState;
  options: ResolvedOptions;
  application: EmulatedApplication;
  snowflakes: SnowflakeGenerator;
  /** `ws://host:port/gateway`, filled in once the server listens. */
  gatewayUrl: string;
  /** `http://host:port`, filled in once the server listens. */
  baseUrl: string;
}

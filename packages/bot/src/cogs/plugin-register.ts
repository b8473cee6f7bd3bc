import type { CogClass } from './cog.js';

// Plugins' `cogs` are cog classes of this package.
declare module '@baseline/core' {
  interface PluginRegister {
    cog: CogClass;
  }
}

import { definePlugin, type PluginCog } from '@baseline/core';
import { describe, expectTypeOf, it } from 'vitest';
import { Cog, type CogClass } from '../../src/index.js';

class TypedCog extends Cog {
  static override meta = { name: 'typed' };
}

describe('plugin register', () => {
  it('GIVEN @baseline/bot is imported THEN a plugin’s cogs are typed as cog classes', () => {
    expectTypeOf<PluginCog>().toEqualTypeOf<CogClass>();
    definePlugin({ id: 'typed', name: 'Typed', version: '1.0.0', cogs: [TypedCog] });
    // @ts-expect-error a class without `static meta` is not a cog
    definePlugin({ id: 'untyped', name: 'Untyped', version: '1.0.0', cogs: [class NotACog {}] });
  });
});

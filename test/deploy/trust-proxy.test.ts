// TRUST_PROXY, the example app's variable for the API behind the web server (examples/bot/src/deploy-config.ts).
import { loadConfig } from '@baseline/core';
import { describe, expect, it } from 'vitest';
import { deployConfig, trustProxyOption } from '../../examples/bot/src/deploy-config.js';

const read = (value: string | undefined) => {
  const config = loadConfig({ env: value === undefined ? {} : { TRUST_PROXY: value }, envFiles: false, extensions: [deployConfig] });
  return trustProxyOption(deployConfig.from(config).TRUST_PROXY);
};

describe('TRUST_PROXY', () => {
  it('GIVEN unset, false, true or a list of addresses and CIDRs THEN it becomes the matching trustProxy', () => {
    expect([read(undefined), read('false'), read('true')]).toEqual([false, false, true]);
    expect(read('10.0.0.0/8,172.16.0.1,::1')).toEqual(['10.0.0.0/8', '172.16.0.1', '::1']);
  });

  it('GIVEN a hop count or a host name THEN BL_ERR_CONFIG_INVALID says what is expected', () => {
    for (const value of ['1', 'proxy.internal', 'yes']) {
      expect(() => read(value), value).toThrow(
        expect.objectContaining({ code: 'BL_ERR_CONFIG_INVALID', message: expect.stringContaining('comma-separated proxy addresses or CIDRs') }),
      );
    }
  });
});

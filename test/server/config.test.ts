import { describe, expect, it } from 'vitest';
import { readServerConfig } from '../../src/server/config.js';

describe('server configuration from the environment', () => {
  it('public rate limits default low and can be lifted for benchmarks', () => {
    const defaults = readServerConfig({});
    expect([defaults.submitPerMinute, defaults.statusPerMinute, defaults.loginPerMinute]).toEqual([
      10, 30, 30,
    ]);
    const lifted = readServerConfig({
      GONGKAI_SUBMIT_PER_MINUTE: '1000000',
      GONGKAI_STATUS_PER_MINUTE: '500000',
      GONGKAI_LOGIN_PER_MINUTE: '100',
    });
    expect([lifted.submitPerMinute, lifted.statusPerMinute, lifted.loginPerMinute]).toEqual([
      1_000_000, 500_000, 100,
    ]);
  });

  it('a limit that is not a positive whole number is a clear configuration error', () => {
    expect(() => readServerConfig({ GONGKAI_SUBMIT_PER_MINUTE: '0' })).toThrow(/GONGKAI_SUBMIT_PER_MINUTE/);
    expect(() => readServerConfig({ GONGKAI_STATUS_PER_MINUTE: 'lots' })).toThrowError(
      expect.objectContaining({ code: 'CONFIG_INVALID', messageZh: expect.stringContaining('环境配置无效') }),
    );
  });
});

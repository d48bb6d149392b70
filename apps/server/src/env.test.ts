import { describe, expect, it } from 'vitest';
import { EnvError, readEnv } from './env';

describe('readEnv', () => {
  it('defaults to port 3000 on every interface with PGlite in ./.netral-data and demo data', () => {
    const env = readEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      NETRAL_DATA_DIR: './.netral-data',
      NETRAL_SEED: 'demo',
      TRUST_PROXY: false,
      LOG_LEVEL: 'info',
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.NETRAL_ADMIN_DIST).toMatch(/apps\/admin\/dist$/);
    expect(env.NETRAL_ANALYTICS_DIST).toMatch(/apps\/analytics\/dist$/);
  });

  it('reads the given values', () => {
    const env = readEnv({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://netral@db:5432/netral',
      NETRAL_SEED: 'none',
      TRUST_PROXY: 'true',
    });
    expect(env).toMatchObject({
      PORT: 8080,
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://netral@db:5432/netral',
      NETRAL_SEED: 'none',
      TRUST_PROXY: true,
    });
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(readEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable', () => {
    try {
      readEnv({ PORT: 'abc', DATABASE_URL: 'mysql://x', NETRAL_SEED: 'maybe' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('NETRAL_SEED');
    }
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readEnv } from './env';
import { start } from './main';

describe('start', () => {
  it('migrates an empty PGlite database, listens and stops cleanly', async () => {
    const lines: string[] = [];
    const started = await start(
      readEnv({ PORT: '0', HOST: '127.0.0.1', NETRAL_DATA_DIR: 'memory', NETRAL_SEED: 'none', LOG_LEVEL: 'silent' }),
      (line) => lines.push(line),
    );
    try {
      expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(`${started.url}/healthz`)).json()).toEqual({ ok: true });
      // Migrated: the session tables exist and an anonymous me answers null.
      const me = await fetch(`${started.url}/trpc/auth.me`);
      expect(await me.json()).toEqual({ result: { data: null } });
      expect(lines[0]).toContain('PGlite');
    } finally {
      await started.close();
    }
    await expect(fetch(`${started.url}/healthz`)).rejects.toThrow();
  }, 60_000);
});

describe('the process', () => {
  it('prints its URL and exits 0 on SIGTERM', async () => {
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', main], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        NETRAL_DATA_DIR: 'memory',
        NETRAL_SEED: 'none',
        LOG_LEVEL: 'silent',
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /running at (http:\/\/\S+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('exit', (code) => reject(new Error(`exited early (${code}): ${output}`)));
    });
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('SIGTERM');
  }, 60_000);
});

/**
 * A small tRPC-over-HTTP client for the benchmarks: signs in through `auth.login` like the SPAs
 * do and sends queries as the browser's tRPC client would (GET, `?input=` JSON, session cookie),
 * one at a time over one kept-alive connection.
 */
import http from 'node:http';
import type { NetralDb } from '@netral/db/create-db';
import { buildServer } from '@netral/server/server';
import type { FastifyInstance } from 'fastify';

export interface BenchServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** The real server (`buildServer`) on the data set, listening on a free loopback port. */
export async function startServer(
  netral: NetralDb,
  staticDirs?: { admin?: string; analytics?: string },
): Promise<BenchServer> {
  const app = await buildServer({ db: netral, ...(staticDirs && { staticDirs }) });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url, close: () => app.close() };
}

/**
 * Connections kept alive, as a browser keeps them to its server. Plain `node:http` rather than
 * `fetch`: a load generator's client, so that what is timed is the server's answer and not
 * fetch's own machinery (about 1 ms a request in this process, which also runs the server).
 */
const agent = new http.Agent({ keepAlive: true });

function get(url: string, cookie: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { cookie } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

export interface TrpcSession {
  username: string;
  cookie: string;
  /** GETs a query; throws unless it answered 200. Returns the parsed `result.data`. */
  query<T = unknown>(path: string, input?: unknown): Promise<T>;
}

/** Signs `username` in (password `netral-demo`) and returns a client carrying its session cookie. */
export async function signIn(baseUrl: string, username: string, password = 'netral-demo'): Promise<TrpcSession> {
  const res = await fetch(`${baseUrl}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const setCookie = res.headers.get('set-cookie') ?? '';
  if (!res.ok || !setCookie) throw new Error(`login ${username}: HTTP ${res.status} ${await res.text()}`);
  const cookie = setCookie.split(';')[0] as string;
  return {
    username,
    cookie,
    async query<T>(path: string, input?: unknown): Promise<T> {
      const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      const { status, text } = await get(`${baseUrl}/trpc/${path}${qs}`, cookie);
      if (status !== 200) throw new Error(`${path} ${JSON.stringify(input)}: HTTP ${status} ${text.slice(0, 300)}`);
      return (JSON.parse(text) as { result: { data: T } }).result.data;
    },
  };
}

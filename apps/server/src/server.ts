/**
 * The HTTP server: tRPC at `/trpc`, `/healthz`, and the two built SPAs (admin at `/`, analytics
 * at `/analytics/`), on one Fastify instance.
 *
 * @example
 * const app = await buildServer({ db, staticDirs: { admin: 'apps/admin/dist' } });
 * await app.listen({ port: 3000 });
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { lookupSession, SESSION_COOKIE } from '@netral/api/auth';
import type { Context, Locale } from '@netral/api/context';
import { type AppRouter, appRouter } from '@netral/api/router';
import type { NetralDb } from '@netral/db/create-db';
import {
  type AnyTRPCProcedure,
  callTRPCProcedure,
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  TRPCError,
  transformTRPCResponse,
} from '@trpc/server';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import { getHTTPStatusCode } from '@trpc/server/http';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { sql } from 'kysely';
import { registerEvidenceRoutes } from './evidence';

export interface BuildServerOptions {
  db: NetralDb;
  /** Folders of the built SPAs; a folder that does not exist is skipped. */
  staticDirs?: { admin?: string; analytics?: string };
  /** Fastify's logger option (pino): `true`, a level config, or false (default) for none. */
  logger?: FastifyServerOptions['logger'];
  /** Trust X-Forwarded-* from a reverse proxy (client address, https). */
  trustProxy?: boolean;
  /** Where uploaded evidence files are kept; without it uploads answer 503 (see evidence.ts). */
  filesDir?: string;
}

/** Most calls one batched tRPC request may carry; clients set `maxItems` to the same. */
export const MAX_BATCH_SIZE = 10;
/** Largest request body. */
export const BODY_LIMIT = 1024 * 1024;

/** The UI language of a request: `x-netral-locale`, else the first of id/en in Accept-Language, else id. */
export function requestLocale(headers: FastifyRequest['headers']): Locale {
  const explicit = headers['x-netral-locale'];
  if (explicit === 'id' || explicit === 'en') return explicit;
  const accept = headers['accept-language'];
  if (typeof accept === 'string') {
    const ranked = accept
      .split(',')
      .map((part, index) => {
        const [tag = '', ...params] = part.trim().split(';');
        const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
        return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1, index };
      })
      .filter((l) => (l.lang === 'id' || l.lang === 'en') && l.q > 0)
      .sort((a, b) => b.q - a.q || a.index - b.index);
    const best = ranked[0]?.lang;
    if (best === 'id' || best === 'en') return best;
  }
  return 'id';
}

const refusals = {
  contentType: {
    id: 'Permintaan ditolak: gunakan Content-Type application/json.',
    en: 'Request refused: use Content-Type application/json.',
  },
  origin: {
    id: 'Permintaan ditolak: asal (Origin) permintaan tidak cocok dengan server.',
    en: 'Request refused: the request Origin does not match this server.',
  },
  internal: {
    id: 'Terjadi kesalahan pada server. Coba lagi nanti.',
    en: 'Something went wrong on the server. Please try again later.',
  },
  notFound: { id: 'Tidak ditemukan.', en: 'Not found.' },
} as const;

/** Stable codes (tRPC's names) for Fastify's own refusals, instead of its internal FST_… codes. */
const httpCodes: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_SUPPORTED',
  408: 'TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

function refuse(reply: FastifyReply, status: number, code: string, text: { id: string; en: string }, locale: Locale) {
  return reply
    .code(status)
    .type('application/json')
    .send({ error: { code, message: text[locale] } });
}

/** Whether a browser's Origin header names this server (scheme-agnostic host:port match). */
function originMatches(origin: string, host: string): boolean {
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Plain tRPC queries
//
// tRPC's Fastify adapter turns every request into a Fetch `Request` and every answer into a
// `Response` (AbortControllers, header copies, web streams). On Node 20 that costs more CPU than a
// small query itself (bench/http-throughput.bench.ts). GET queries, batched or not, which is most
// of what the SPAs send, take a shorter way to the same procedures: the same context, middleware,
// validation, error formatter, status codes and body as tRPC's own handler (server.test.ts compares
// the two). Everything else (mutations, streaming, unknown procedures, malformed input) is left to
// tRPC's handler, before anything has run.

/** A query call of a plain GET request. */
export interface QueryCall {
  path: string;
  input: unknown;
}

/** `Host` values tRPC's adapter can build a URL from; it answers any other itself. */
const PLAIN_HOST = /^[A-Za-z0-9.-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$/;

/** What tRPC checks before it calls a non-streaming procedure: no promise or iterator to stream. */
function isDataStream(value: unknown): boolean {
  const isObject = (v: unknown): v is object => !!v && !Array.isArray(v) && typeof v === 'object';
  const isAsyncIterable = (v: unknown) => isObject(v) && Symbol.asyncIterator in v;
  const isPromise = (v: unknown) =>
    (isObject(v) || typeof v === 'function') &&
    typeof (v as { then?: unknown }).then === 'function' &&
    typeof (v as { catch?: unknown }).catch === 'function';
  if (!isObject(value)) return false;
  if (isAsyncIterable(value)) return true;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (isPromise(item) || isAsyncIterable(item)) return true;
  }
  return false;
}

/**
 * The calls of a GET request for queries, as tRPC would read them (`/trpc/a,b?batch=1&input=…`),
 * or null when tRPC's own handler must answer: another method, a streaming or content-type
 * header, an unknown or non-query procedure, too many calls, input that is not JSON (or not an
 * object for a batch), connection params.
 */
export function plainQueryCalls(
  req: Pick<FastifyRequest, 'method' | 'url' | 'headers' | 'params'>,
  queryPaths: ReadonlySet<string>,
  deserialize: (value: unknown) => unknown,
): { batch: boolean; calls: QueryCall[] } | null {
  if (req.method !== 'GET' || !req.url.startsWith('/trpc/')) return null;
  const headers = req.headers;
  if (headers['content-type'] !== undefined || headers['trpc-accept'] !== undefined) return null;
  if (headers.accept?.includes('application/jsonl')) return null;
  if (headers.host === undefined || !PLAIN_HOST.test(headers.host)) return null;
  let path: string;
  try {
    // Fastify decoded the route parameter once; tRPC decodes it again.
    path = decodeURIComponent((req.params as { path: string }).path);
  } catch {
    return null;
  }
  const query = req.url.indexOf('?');
  const params = new URLSearchParams(query < 0 ? '' : req.url.slice(query + 1));
  if (params.has('connectionParams')) return null;
  const batch = params.get('batch') === '1';
  const paths = batch ? path.split(',') : [path];
  if (paths.length > MAX_BATCH_SIZE || !paths.every((p) => queryPaths.has(p))) return null;
  const text = params.get('input');
  let inputs: unknown;
  if (text) {
    try {
      inputs = JSON.parse(text);
    } catch {
      return null;
    }
  }
  if (inputs === undefined) return { batch, calls: paths.map((p) => ({ path: p, input: undefined })) };
  if (!batch) return { batch, calls: [{ path, input: deserialize(inputs) }] };
  if (!inputs || Array.isArray(inputs) || typeof inputs !== 'object') return null;
  const byIndex = inputs as Record<string, unknown>;
  return {
    batch,
    calls: paths.map((p, index) => {
      const input = Object.hasOwn(byIndex, index) ? byIndex[index] : undefined;
      return { path: p, input: input === undefined ? undefined : deserialize(input) };
    }),
  };
}

const helmetOptions: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'self'"],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      // blob:: the analytics app draws a chart's SVG on a canvas for its PNG export.
      imgSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
    },
  },
};

let securityHeadersOnce: Promise<[string, string][]> | undefined;

/**
 * The headers @fastify/helmet adds with {@link helmetOptions} (CSP, HSTS, X-Frame-Options…).
 * They do not depend on the request, yet the plugin builds helmet's middleware anew for every
 * request (about 30 µs of CPU each); so it answers one request of a throwaway instance, once per
 * process, and the server sets what it added on every response.
 */
export function securityHeaders(): Promise<[string, string][]> {
  securityHeadersOnce ??= probeSecurityHeaders();
  return securityHeadersOnce;
}

async function probeSecurityHeaders(): Promise<[string, string][]> {
  const probe = async (helmet: boolean) => {
    const app = Fastify();
    if (helmet) await app.register(fastifyHelmet, helmetOptions);
    app.get('/', async () => 'ok');
    const res = await app.inject({ url: '/' });
    await app.close();
    return res.headers;
  };
  const [plain, helmeted] = [await probe(false), await probe(true)];
  return Object.entries(helmeted)
    .filter(([name, value]) => typeof value === 'string' && plain[name] === undefined)
    .map(([name, value]) => [name, String(value)]);
}

/**
 * Builds the Fastify instance (not listening yet). The database must be migrated.
 */
export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const { db } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    // Batched GET calls put every procedure name in the path: /trpc/a,b,c?batch=1.
    routerOptions: { maxParamLength: 5000 },
  });

  // Security headers on every response, as @fastify/helmet sets them (see securityHeaders).
  const headers = await securityHeaders();
  app.addHook('onRequest', (_req, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  await app.register(fastifyCookie);

  // CSRF, before any body is parsed: a tRPC POST must be JSON (a cross-site form or a "simple"
  // fetch cannot send that without a preflight), and a browser's Origin must be this server.
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'POST' || !req.url.startsWith('/trpc')) return;
    const locale = requestLocale(req.headers);
    const contentType = req.headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(contentType)) {
      return refuse(reply, 403, 'FORBIDDEN', refusals.contentType, locale);
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !originMatches(origin, req.host)) {
      return refuse(reply, 403, 'FORBIDDEN', refusals.origin, locale);
    }
  });

  // Fastify's own errors (bad JSON, body too large…): their status, a fixed message, no internals.
  app.setErrorHandler((error: { statusCode?: number }, req, reply) => {
    const locale = requestLocale(req.headers);
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) req.log.error({ err: error }, 'request failed');
    else req.log.info({ err: error }, 'request refused');
    const message =
      status >= 500
        ? refusals.internal[locale]
        : locale === 'id'
          ? 'Permintaan tidak dapat diproses.'
          : 'The request could not be processed.';
    return reply
      .code(status)
      .type('application/json')
      .send({
        error: { code: status >= 500 ? 'INTERNAL_SERVER_ERROR' : (httpCodes[status] ?? 'BAD_REQUEST'), message },
      });
  });

  const createContext = async ({ req, res }: { req: FastifyRequest; res: FastifyReply }): Promise<Context> => {
    const secure = req.protocol === 'https';
    const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
    const cookies: Context['cookies'] = {
      set(token, expiresAt) {
        res.setCookie(SESSION_COOKIE, token, { ...cookieOptions, expires: expiresAt });
      },
      clear() {
        res.clearCookie(SESSION_COOKIE, cookieOptions);
      },
    };
    const token = req.cookies[SESSION_COOKIE];
    const found = token ? await lookupSession(db, token) : null;
    // The session slid: the cookie's own expiry follows.
    if (token && found?.renewed) cookies.set(token, found.expiresAt);
    const csrf = req.headers['x-csrf-token'];
    return {
      db,
      user: found?.user ?? null,
      session: found?.session ?? null,
      locale: requestLocale(req.headers),
      transport: 'http',
      csrfHeader: typeof csrf === 'string' ? csrf : null,
      clientKey: req.ip,
      cookies,
      now: () => new Date(),
    };
  };

  const onError = ({ error, path, req }: { error: TRPCError; path: string | undefined; req: FastifyRequest }) => {
    // The formatter sends a generic message for these; the log keeps the cause.
    if (error.code === 'INTERNAL_SERVER_ERROR') req.log.error({ err: error.cause ?? error, path }, 'procedure failed');
  };
  const trpc: FastifyTRPCPluginOptions<AppRouter> = {
    prefix: '/trpc',
    trpcOptions: { router: appRouter, createContext, maxBatchSize: MAX_BATCH_SIZE, onError },
  };

  const config = appRouter._def._config;
  // `_def.procedures` is flat at run time ('cases.get' → procedure), whatever its declared type.
  const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>);
  const queryPaths = new Set(procedures.filter(([, p]) => p._def.type === 'query').map(([path]) => path));

  /** Answers plain GET queries as tRPC's handler would (see "Plain tRPC queries" above). */
  const answerQueries = async (req: FastifyRequest, reply: FastifyReply, batch: boolean, calls: QueryCall[]) => {
    let ctx: Context | undefined;
    let ctxError: TRPCError | undefined;
    try {
      ctx = await createContext({ req, res: reply });
    } catch (cause) {
      ctxError = getTRPCErrorFromUnknown(cause);
    }
    // Error shapes get the input once any call has read the inputs (tRPC reads them all at once).
    let inputsRead = false;
    const results = await Promise.all(
      calls.map(async (call, batchIndex) => {
        try {
          if (ctxError) throw ctxError;
          const data: unknown = await callTRPCProcedure({
            router: appRouter,
            path: call.path,
            getRawInput: async () => {
              inputsRead = true;
              return call.input;
            },
            ctx,
            type: 'query',
            signal: undefined,
            batchIndex,
          });
          return { ok: true as const, data };
        } catch (cause) {
          const error = getTRPCErrorFromUnknown(cause);
          onError({ error, path: call.path, req });
          return { ok: false as const, error };
        }
      }),
    );
    const streamError = () =>
      new TRPCError({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'Cannot use stream-like response in non-streaming request - use httpBatchStreamLink',
      });
    const shaped = results.map((result, index) => {
      const path = calls[index]?.path;
      const input = inputsRead ? calls[index]?.input : undefined;
      if (!result.ok) {
        return { error: getTRPCErrorShape({ config, ctx, error: result.error, input, path, type: 'query' }) };
      }
      if (!isDataStream(result.data)) return { result: { data: result.data } };
      // As tRPC does: a single call fails as a whole (reported, without path or input), a batch item quietly.
      const error = streamError();
      if (batch) return { error: getTRPCErrorShape({ config, ctx, error, input, path, type: 'query' }) };
      onError({ error, path: undefined, req });
      return { error: getTRPCErrorShape({ config, ctx, error, input: undefined, path: undefined, type: 'query' }) };
    });
    // One call answers with an object, a batch with an array.
    const [first] = shaped;
    const body = JSON.stringify(transformTRPCResponse(config, batch || first === undefined ? shaped : first));
    // A Buffer, so that Fastify sends the content type as tRPC does (it adds a charset to a string).
    return reply
      .code(getHTTPStatusCode(shaped))
      .header('vary', 'trpc-accept, accept')
      .header('content-type', 'application/json')
      .send(Buffer.from(body));
  };

  await app.register(async (scope) => {
    scope.addHook('preHandler', async (req, reply) => {
      const plain = plainQueryCalls(req, queryPaths, config.transformer.input.deserialize);
      if (plain) return answerQueries(req, reply, plain.batch, plain.calls);
    });
    // tRPC's handler answers with a Fetch `Response`, which Fastify would stream in chunks through
    // web streams; a JSON answer is small and complete, so it goes out in one piece.
    scope.addHook('onSend', async (_req, reply, payload) => {
      if (!(payload instanceof Response)) return payload;
      const headers = payload.headers;
      if (headers.has('transfer-encoding') || headers.get('content-type') !== 'application/json') return payload;
      reply.code(payload.status);
      for (const [name, value] of headers) reply.header(name, value);
      return payload.text();
    });
    await scope.register(fastifyTRPCPlugin, trpc);
  });

  app.get('/healthz', async (req, reply) => {
    try {
      await sql`select 1`.execute(db.db);
      return { ok: true };
    } catch (error) {
      req.log.error({ err: error }, 'health check failed');
      return reply.code(503).send({ ok: false });
    }
  });

  // Evidence files: bigger than a tRPC body may be (see evidence.ts).
  await registerEvidenceRoutes(app, { db, filesDir: options.filesDir, locale: (req) => requestLocale(req.headers) });

  const spas = [
    { prefix: '/analytics/', dir: options.staticDirs?.analytics },
    { prefix: '/', dir: options.staticDirs?.admin },
  ]
    .filter((spa): spa is { prefix: string; dir: string } => spa.dir !== undefined && existsSync(spa.dir))
    .map((spa) => ({ ...spa, dir: resolve(spa.dir) }));
  for (const [i, spa] of spas.entries()) {
    await app.register(fastifyStatic, {
      root: spa.dir,
      prefix: spa.prefix,
      // reply.sendFile (for the SPA fallback) needs one registration to decorate the reply.
      decorateReply: i === 0,
      index: 'index.html',
      // The build writes .br/.gz beside each asset (tooling/scripts/postbuild.mjs).
      preCompressed: true,
      setHeaders(res, path) {
        // Vite names assets by content hash: cache them for good; index.html always revalidates.
        if (path.endsWith('index.html')) res.header('cache-control', 'no-cache');
        else if (/[\\/]assets[\\/]/.test(path)) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }

  // SPA fallback: unknown GET paths that look like pages (no file extension) get the app's
  // index.html, so client-side routes survive a reload. Everything else is a 404.
  app.setNotFoundHandler((req, reply) => {
    const locale = requestLocale(req.headers);
    const path = req.url.split('?')[0] ?? '/';
    const isPage = (req.method === 'GET' || req.method === 'HEAD') && !/\.[a-z0-9]+$/i.test(path);
    if (isPage && !path.startsWith('/trpc')) {
      const spa =
        spas.find((s) => s.prefix !== '/' && (path === s.prefix.slice(0, -1) || path.startsWith(s.prefix))) ??
        spas.find((s) => s.prefix === '/' && !path.startsWith('/analytics'));
      if (spa) return reply.header('cache-control', 'no-cache').sendFile('index.html', spa.dir);
    }
    return refuse(reply, 404, 'NOT_FOUND', refusals.notFound, locale);
  });

  return app;
}

/**
 * Evidence files (bukti) of a case: upload and download, beside tRPC because a file is bigger
 * than the 1 MB a tRPC request may carry.
 *
 *   POST /files/regencies/:regencyId/cases/:caseId/evidence?description=…&fileName=…
 *        Content-Type: application/octet-stream, the file as the body (at most 10 MB)
 *        → 201 { id, fileName, fileSize, sha256 }
 *   GET  /files/regencies/:regencyId/cases/:caseId/evidence/:evidenceId
 *        → the file, as an attachment
 *
 * Same rules as a tRPC call: the session cookie signs the user in; an upload is a mutation, so
 * it must carry the session's CSRF token (`x-csrf-token`) and come from this server's origin; the
 * user must work in the regency (else 404, as for a record that does not exist), and the case
 * is read under row-level security for that regency only. The server streams the body to a
 * temporary file while it counts and hashes it (SHA-256 computed here, never trusted from the
 * client), then records the evidence item, its timeline entry and one audit event in one
 * transaction, and moves the file into place before that transaction commits: a recorded item
 * always has its file. Files are stored by content under `<filesDir>/evidence/<regency>/<sha256>`.
 * A download re-hashes the file and refuses one that no longer matches its record.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { lookupSession, SESSION_COOKIE } from '@netral/api/auth';
import type { Locale } from '@netral/api/context';
import { rolesIn } from '@netral/api/trpc';
import { appendAudit } from '@netral/db/audit';
import type { NetralDb } from '@netral/db/create-db';
import { addEvidence, todayInIndonesia } from '@netral/db/queries/cases';
import { DomainError } from '@netral/domain/errors';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

/** Largest evidence file. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

type Text = { id: string; en: string };

const texts = {
  unauthorized: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  csrf: {
    id: 'Permintaan ditolak: token keamanan (CSRF) tidak cocok. Muat ulang halaman.',
    en: 'Request refused: the security (CSRF) token does not match. Reload the page.',
  },
  origin: {
    id: 'Permintaan ditolak: asal (Origin) permintaan tidak cocok dengan server.',
    en: 'Request refused: the request Origin does not match this server.',
  },
  contentType: {
    id: 'Kirim berkas sebagai application/octet-stream.',
    en: 'Send the file as application/octet-stream.',
  },
  notFound: {
    id: 'Data tidak ditemukan atau Anda tidak memiliki akses ke kabupaten/kota ini.',
    en: 'Not found, or you have no access to this regency.',
  },
  tooLarge: {
    id: `Berkas terlalu besar: paling besar ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.`,
    en: `The file is too large: at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.`,
  },
  empty: { id: 'Berkas kosong.', en: 'The file is empty.' },
  invalid: { id: 'Periksa kembali isian yang ditandai.', en: 'Please check the marked fields.' },
  noStorage: {
    id: 'Penyimpanan berkas belum dikonfigurasi di server.',
    en: 'File storage is not configured on this server.',
  },
  altered: {
    id: 'Berkas bukti tidak cocok lagi dengan SHA-256 yang tercatat; hubungi administrator.',
    en: 'The evidence file no longer matches its recorded SHA-256; contact an administrator.',
  },
  internal: {
    id: 'Terjadi kesalahan pada server. Coba lagi nanti.',
    en: 'Something went wrong on the server. Please try again later.',
  },
} as const satisfies Record<string, Text>;

const msg = (id: string, en: string) => `${id} / ${en}`;

const paramsSchema = z.object({
  regencyId: z.string().regex(/^\d{2}\.\d{2}$/),
  caseId: z.uuid(),
});

/** The file name as shown: no folders, no control characters. */
const fileNameSchema = z
  .string({ error: msg('Nama berkas wajib diisi', 'File name is required') })
  .transform((name) =>
    [...(name.split(/[\\/]/).pop() ?? '')]
      // No control characters: the name goes into a header and onto screens.
      .filter((ch) => (ch.codePointAt(0) ?? 0) >= 0x20 && ch !== '\u007f')
      .join('')
      .trim()
      .slice(0, 255),
  )
  .pipe(z.string().min(1, { error: msg('Nama berkas wajib diisi', 'File name is required') }));

const uploadQuerySchema = z.object({
  description: z
    .string({ error: msg('Keterangan bukti wajib diisi', 'Evidence description is required') })
    .trim()
    .min(1, { error: msg('Keterangan bukti wajib diisi', 'Evidence description is required') })
    .max(1000, {
      error: msg(
        'Keterangan bukti paling banyak 1000 karakter',
        'Evidence description must be at most 1000 characters',
      ),
    }),
  fileName: fileNameSchema,
  capturedBy: z
    .string()
    .trim()
    .max(200, {
      error: msg('Pengambil bukti paling banyak 200 karakter', 'Captured by must be at most 200 characters'),
    })
    .optional()
    .transform((v) => (v ? v : null)),
  capturedAt: z.iso
    .datetime({ offset: true, error: msg('Waktu pengambilan tidak valid', 'Invalid capture time') })
    .optional()
    .transform((v) => v ?? null),
});

function localize(message: string, locale: Locale): string {
  const at = message.indexOf(' / ');
  if (at < 0) return message;
  return locale === 'id' ? message.slice(0, at) : message.slice(at + 3);
}

function send(
  reply: FastifyReply,
  status: number,
  code: string,
  text: Text,
  locale: Locale,
  fieldErrors?: Record<string, string[]>,
) {
  return reply
    .code(status)
    .type('application/json')
    .header('cache-control', 'no-store')
    .send({ error: { code, message: text[locale], ...(fieldErrors ? { fieldErrors } : {}) } });
}

function originMatches(origin: string, host: string): boolean {
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}

/** RFC 6266 / 5987: an attachment with the original (UTF-8) name and an ASCII fallback. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

class TooLargeError extends Error {
  override name = 'TooLargeError';
}

export interface EvidenceRoutesOptions {
  db: NetralDb;
  /** Folder for stored files; without one the routes answer 503. */
  filesDir: string | undefined;
  locale: (req: FastifyRequest) => Locale;
}

/** Registers the evidence routes (in their own scope: the octet-stream parser stays here). */
export async function registerEvidenceRoutes(app: FastifyInstance, options: EvidenceRoutesOptions): Promise<void> {
  const { db, filesDir } = options;

  await app.register(async (scope) => {
    // The body stays a stream: the handler counts, hashes and stores it without buffering 10 MB.
    scope.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));

    /** The signed-in user and their roles in the regency, or a reply already sent. */
    async function authorize(req: FastifyRequest, reply: FastifyReply, regencyId: string, mutation: boolean) {
      const locale = options.locale(req);
      const token = req.cookies[SESSION_COOKIE];
      const found = token ? await lookupSession(db, token) : null;
      if (!found) {
        await send(reply, 401, 'UNAUTHORIZED', texts.unauthorized, locale);
        return null;
      }
      if (mutation) {
        const origin = req.headers.origin;
        if (origin !== undefined && !originMatches(origin, req.host)) {
          await send(reply, 403, 'FORBIDDEN', texts.origin, locale);
          return null;
        }
        if (req.headers['x-csrf-token'] !== found.session.csrfToken) {
          await send(reply, 403, 'FORBIDDEN', texts.csrf, locale);
          return null;
        }
      }
      const roles = rolesIn(found.user, regencyId);
      if (roles.length === 0) {
        await send(reply, 404, 'NOT_FOUND', texts.notFound, locale);
        return null;
      }
      return { user: found.user, roles };
    }

    scope.post('/files/regencies/:regencyId/cases/:caseId/evidence', async (req, reply) => {
      const locale = options.locale(req);
      // The octet-stream parser hands over the stream; other content types arrive parsed (or not at all).
      const body = req.body instanceof Readable ? req.body : undefined;
      // A refusal before the whole body is read: the rest is discarded, and the connection is closed
      // after the answer, since it may still carry part of the refused body.
      const drain = () => {
        body?.resume();
      };
      reply.header('connection', 'close');
      const params = paramsSchema.safeParse(req.params);
      if (!params.success) {
        drain();
        return send(reply, 404, 'NOT_FOUND', texts.notFound, locale);
      }
      const { regencyId, caseId } = params.data;
      const contentType = req.headers['content-type'] ?? '';
      if (!/^application\/octet-stream\s*(;|$)/i.test(contentType) || !body) {
        drain();
        return send(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', texts.contentType, locale);
      }
      const auth = await authorize(req, reply, regencyId, true);
      if (!auth) {
        drain();
        return reply;
      }
      const query = uploadQuerySchema.safeParse(req.query);
      if (!query.success) {
        drain();
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of query.error.issues) {
          const key = issue.path.map(String).join('.') || '_';
          fieldErrors[key] = [...(fieldErrors[key] ?? []), localize(issue.message, locale)];
        }
        return send(reply, 400, 'BAD_REQUEST', texts.invalid, locale, fieldErrors);
      }
      if (!filesDir) {
        drain();
        return send(reply, 503, 'SERVICE_UNAVAILABLE', texts.noStorage, locale);
      }
      const declared = Number(req.headers['content-length'] ?? Number.NaN);
      if (Number.isFinite(declared) && declared > MAX_EVIDENCE_BYTES) {
        drain();
        return send(reply, 413, 'PAYLOAD_TOO_LARGE', texts.tooLarge, locale);
      }

      const incoming = join(filesDir, 'incoming');
      await mkdir(incoming, { recursive: true });
      const temp = join(incoming, `${randomUUID()}.part`);
      const hash = createHash('sha256');
      let size = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          if (size > MAX_EVIDENCE_BYTES) {
            callback(new TooLargeError());
            return;
          }
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      try {
        await pipeline(body, counter, createWriteStream(temp, { flags: 'wx' }));
      } catch (error) {
        await rm(temp, { force: true });
        drain();
        if (error instanceof TooLargeError) return send(reply, 413, 'PAYLOAD_TOO_LARGE', texts.tooLarge, locale);
        throw error;
      }
      if (size === 0) {
        await rm(temp, { force: true });
        return send(reply, 400, 'BAD_REQUEST', texts.empty, locale, { file: [texts.empty[locale]] });
      }
      const sha256 = hash.digest('hex');
      const folder = join(filesDir, 'evidence', regencyId);
      const { description, fileName, capturedBy, capturedAt } = query.data;
      try {
        const result = await db.withTenant([regencyId], async (trx) => {
          const added = await addEvidence(trx, {
            caseId,
            evidence: { description, url: null, fileName, fileSize: size, sha256, capturedBy, capturedAt },
            actorId: auth.user.id,
            today: todayInIndonesia(),
          });
          await appendAudit(trx, {
            regencyId,
            actorId: auth.user.id,
            action: 'case.evidence.add',
            entity: 'evidence',
            entityId: added.id,
            before: null,
            after: { caseId, ...added.after },
          });
          // Last step before the commit: once the row exists, so does its file.
          await mkdir(folder, { recursive: true });
          await rename(temp, join(folder, sha256));
          return added;
        });
        // The body was read to its end: the connection can serve the next request.
        reply.removeHeader('connection');
        return reply
          .code(201)
          .header('cache-control', 'no-store')
          .send({ id: result.id, fileName, fileSize: size, sha256 });
      } catch (error) {
        await rm(temp, { force: true });
        if (error instanceof DomainError && error.code === 'NOT_FOUND') {
          return send(reply, 404, 'NOT_FOUND', texts.notFound, locale);
        }
        if (error instanceof DomainError) {
          const fieldErrors: Record<string, string[]> = {};
          for (const issue of error.issues) fieldErrors[issue.path] = [issue.text[locale]];
          return send(reply, 400, 'BAD_REQUEST', error.text, locale, fieldErrors);
        }
        throw error;
      }
    });

    scope.get('/files/regencies/:regencyId/cases/:caseId/evidence/:evidenceId', async (req, reply) => {
      const locale = options.locale(req);
      const params = paramsSchema.extend({ evidenceId: z.uuid() }).safeParse(req.params);
      if (!params.success) return send(reply, 404, 'NOT_FOUND', texts.notFound, locale);
      const { regencyId, caseId, evidenceId } = params.data;
      const auth = await authorize(req, reply, regencyId, false);
      if (!auth) return reply;
      if (!filesDir) return send(reply, 503, 'SERVICE_UNAVAILABLE', texts.noStorage, locale);
      const row = await db.withTenant([regencyId], (trx) =>
        trx
          .selectFrom('evidence')
          .select(['file_name', 'sha256'])
          .where('id', '=', evidenceId)
          .where('case_id', '=', caseId)
          .executeTakeFirst(),
      );
      if (!row || row.sha256 === null || row.file_name === null) {
        return send(reply, 404, 'NOT_FOUND', texts.notFound, locale);
      }
      let data: Buffer;
      try {
        data = await readFile(join(filesDir, 'evidence', regencyId, row.sha256));
      } catch {
        req.log.error({ evidenceId }, 'evidence file missing');
        return send(reply, 404, 'NOT_FOUND', texts.notFound, locale);
      }
      if (createHash('sha256').update(data).digest('hex') !== row.sha256) {
        req.log.error({ evidenceId }, 'evidence file does not match its SHA-256');
        return send(reply, 500, 'INTERNAL_SERVER_ERROR', texts.altered, locale);
      }
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', contentDisposition(row.file_name))
        .header('cache-control', 'private, no-store')
        .header('x-evidence-sha256', row.sha256)
        .send(data);
    });
  });
}

/**
 * The request context of every procedure: the database, who is calling and in which language.
 * The server builds it from the HTTP request; tests build it with `createTestContext`.
 */
import type { NetralDb } from '@netral/db/create-db';
import type { Role } from '@netral/domain/model';

export type Locale = 'id' | 'en';

/** One role a user holds, in a regency, a province (analysts) or nationally. */
export interface RoleGrant {
  role: Role;
  regencyId: string | null;
  provinceCode: string | null;
}

/** The signed-in user, as the session lookup found them. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  locale: Locale;
  grants: readonly RoleGrant[];
}

/** Cookie operations the auth router needs; the server implements them on the HTTP reply. */
export interface SessionCookies {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface Context {
  db: NetralDb;
  user: SessionUser | null;
  session: { id: string; csrfToken: string } | null;
  locale: Locale;
  /**
   * `http` for requests from a browser or client: mutations must then carry the session's CSRF
   * token (`x-csrf-token`). `internal` for in-process callers (CLI, tests), which hold no cookie.
   */
  transport: 'http' | 'internal';
  /** The `x-csrf-token` header of an HTTP request. */
  csrfHeader: string | null;
  /** Address of the client, for login throttling. */
  clientKey: string;
  cookies: SessionCookies;
  now: () => Date;
}

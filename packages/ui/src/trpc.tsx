/**
 * The tRPC client of both front ends: one batched HTTP link to `/trpc` carrying the CSRF token
 * and the UI language, one QueryClient, and typed hooks through @trpc/tanstack-react-query.
 *
 * @example
 * const trpc = useTRPC();
 * const cases = useQuery(trpc.cases.list.queryOptions({ regencyId, limit: 50 }));
 * await queryClient.invalidateQueries(trpc.cases.pathFilter());
 */
import type { AppRouter } from '@netral/api/router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { type ReactNode, useState } from 'react';
import { getLocale, type Locale, pickLocale } from './i18n';

export type { AppRouter };
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** The server's `MAX_BATCH_SIZE`: a batch never carries more calls than the server accepts. */
const MAX_BATCH_ITEMS = 10;

let csrfToken: string | null = null;
/** Set by the session (from `auth.login` / `auth.me`); sent as `x-csrf-token` on every call. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function createClient() {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: '/trpc',
        maxItems: MAX_BATCH_ITEMS,
        // Long batched GET URLs are refused by proxies; the server accepts up to ~5,000 characters.
        maxURLLength: 4000,
        headers() {
          const headers: Record<string, string> = { 'x-netral-locale': getLocale() };
          if (csrfToken) headers['x-csrf-token'] = csrfToken;
          return headers;
        },
      }),
    ],
  });
}

/** tRPC error codes after which a retry cannot help. */
const FINAL_CODES = new Set(['BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'TOO_MANY_REQUESTS']);

export function errorCode(error: unknown): string | null {
  if (error instanceof TRPCClientError) {
    const data = error.data as { code?: unknown } | undefined;
    return typeof data?.code === 'string' ? data.code : null;
  }
  return null;
}

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => failures < 2 && !FINAL_CODES.has(errorCode(error) ?? ''),
      },
    },
  });
}

/** Provides the QueryClient and the tRPC client to the tree. */
export function ApiProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(createClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/** What the server said was wrong with each field (`{ 'subject.nip': ['…'] }`), in the UI language. */
export function fieldErrors(error: unknown): Record<string, string[]> {
  if (!(error instanceof TRPCClientError)) return {};
  const data = error.data as { fieldErrors?: Record<string, string[]> } | undefined;
  return data?.fieldErrors ?? {};
}

/** Whether the error means "this record does not exist for you" (missing or another regency's). */
export function isNotFound(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'NOT_FOUND' || code === 'FORBIDDEN';
}

/** A message for people: the server's (already in the request's language), or a network one. */
export function errorMessage(error: unknown, locale: Locale): string {
  if (error instanceof TRPCClientError) {
    if (errorCode(error) === null) {
      return locale === 'id'
        ? 'Tidak dapat menghubungi server. Periksa koneksi Anda.'
        : 'Cannot reach the server. Check your connection.';
    }
    return pickLocale(error.message, locale);
  }
  if (error instanceof Error) return pickLocale(error.message, locale);
  return locale === 'id' ? 'Terjadi kesalahan.' : 'Something went wrong.';
}

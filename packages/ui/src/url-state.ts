/**
 * List state (filters, sort, page) in the URL, so every view can be shared and reloaded.
 *
 * @example
 * const filtersSchema = z.object({ status: z.string().optional(), page: z.coerce.number().int().min(1).default(1) });
 * const [filters, setFilters] = useUrlState(filtersSchema);
 * setFilters({ status: 'received', page: 1 });
 */
import { useCallback, useMemo } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { z } from 'zod';

type Shape = Record<string, z.ZodType>;

/**
 * Reads each field on its own: a hand-edited, invalid parameter falls back to that field's
 * default instead of discarding the whole state. Repeated keys become arrays.
 */
export function parseSearch<S extends z.ZodObject<Shape>>(schema: S, search: string): z.infer<S> {
  const params = new URLSearchParams(search);
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const all = params.getAll(key);
    const raw = all.length === 0 ? undefined : all.length === 1 && !isArrayField(field) ? all[0] : all;
    const parsed = field.safeParse(raw);
    if (parsed.success) out[key] = parsed.data;
    else {
      const fallback = field.safeParse(undefined);
      if (fallback.success) out[key] = fallback.data;
    }
  }
  return out as z.infer<S>;
}

function isArrayField(field: z.ZodType): boolean {
  let current: z.ZodType = field;
  // Unwrap optional/default/nullable wrappers to see whether an array lies beneath.
  for (let i = 0; i < 5; i += 1) {
    const def = (current as unknown as { def: { type: string; innerType?: z.ZodType } }).def;
    if (def.type === 'array') return true;
    if (!def.innerType) return false;
    current = def.innerType;
  }
  return false;
}

/** The query string for a state: empty values are left out, arrays repeat their key. */
export function toSearch(state: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.set(key, String(value));
  }
  return params.toString();
}

export function useUrlState<S extends z.ZodObject<Shape>>(
  schema: S,
): [z.infer<S>, (patch: Partial<z.infer<S>>, options?: { replace?: boolean }) => void] {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const state = useMemo(() => parseSearch(schema, search), [schema, search]);
  const set = useCallback(
    (patch: Partial<z.infer<S>>, options?: { replace?: boolean }) => {
      const query = toSearch({ ...state, ...patch });
      navigate(query ? `${location}?${query}` : location, { replace: options?.replace ?? false });
    },
    [state, location, navigate],
  );
  return [state, set];
}

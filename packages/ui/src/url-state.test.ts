import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseSearch, toSearch } from './url-state';

const schema = z.object({
  status: z.array(z.enum(['received', 'verifying'])).default([]),
  unit: z.string().optional(),
  page: z.coerce.number().int().min(1).default(1),
});

describe('URL state', () => {
  it('round-trips filters, arrays included', () => {
    const state = { status: ['received', 'verifying'] as const, unit: 'u-1', page: 3 };
    expect(parseSearch(schema, toSearch(state))).toEqual(state);
  });

  it('keeps the valid parameters when one was edited into nonsense', () => {
    expect(parseSearch(schema, 'status=received&page=zero&unit=u-2')).toEqual({
      status: ['received'],
      unit: 'u-2',
      page: 1,
    });
  });

  it('leaves empty values out of the URL', () => {
    expect(toSearch({ status: [], unit: '', page: 1 })).toBe('page=1');
  });
});

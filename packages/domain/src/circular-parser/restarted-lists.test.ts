import { describe, expect, it } from 'vitest';
import { provisionPathSchema } from '../model';
import { parseCircular } from './parse';
import { TWO_LISTS } from './sample-circulars';

describe('restarted lists', () => {
  it('gives every provision a path the model accepts, also when a list restarts its numbering', () => {
    const paths = parseCircular(TWO_LISTS).provisions.map((p) => p.path);
    expect(paths.some((p) => p.includes('-'))).toBe(true);
    for (const path of paths) expect(provisionPathSchema.safeParse(path).success, path).toBe(true);
  });
});

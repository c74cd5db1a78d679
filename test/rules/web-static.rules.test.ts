import { describe, expect, it } from 'vitest';
import { acceptedEncoding } from '../../server/lib/http-cache';

describe('web: which precompressed file a browser gets', () => {
  const both = ['br', 'gzip'] as const;

  it('brotli when the browser takes it, gzip otherwise, the plain file when it takes neither', () => {
    expect(acceptedEncoding('gzip, deflate, br, zstd', both)).toBe('br');
    expect(acceptedEncoding('gzip, deflate', both)).toBe('gzip');
    expect(acceptedEncoding('identity', both)).toBeNull();
    expect(acceptedEncoding(undefined, both)).toBeNull();
    expect(acceptedEncoding('', both)).toBeNull();
  });

  it('q=0 refuses an encoding; * stands for the ones not named; only files that exist are offered', () => {
    expect(acceptedEncoding('br;q=0, gzip', both)).toBe('gzip');
    expect(acceptedEncoding('BR ; Q=0.5', both)).toBe('br');
    expect(acceptedEncoding('*', both)).toBe('br');
    expect(acceptedEncoding('*, br;q=0', both)).toBe('gzip');
    expect(acceptedEncoding('*;q=0', both)).toBeNull();
    expect(acceptedEncoding('br, gzip', ['gzip'])).toBe('gzip');
  });
});

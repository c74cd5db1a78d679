import { describe, expect, it } from 'vitest';
import { searchTerms } from '../../shared/search-text';

describe('search terms: Chinese bigrams', () => {
  it('splits runs of Han characters into overlapping bigrams', () => {
    expect(searchTerms('分数的初步认识')).toEqual(['分数', '数的', '的初', '初步', '步认', '认识']);
  });
  it('a two-character query is one term that documents containing it also have', () => {
    expect(searchTerms('分数')).toEqual(['分数']);
    expect(searchTerms('分数的初步认识')).toContain('分数');
  });
  it('keeps single characters, lower-cases other words, and normalises full-width forms', () => {
    expect(searchTerms('数 PPT课件 Ｕｎｉｔ3')).toEqual(['数', 'ppt', '课件', 'unit3']);
  });
});

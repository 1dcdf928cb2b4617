// Output identical to opencc-js's Converter({ from, to }): half 2 of the 49 pairs (the other file has the rest).
import { describe } from 'vitest';
import { describeEquivalence, listPairs } from './equivalence';

describe('converter equivalence with opencc-js', () => {
  describeEquivalence(listPairs(1));
});

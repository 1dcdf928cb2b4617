import { describe, expect, it } from 'vitest';
import { matchTitle } from './score.ts';

describe('matchTitle: the headline against a truth title', () => {
  it('matches the same headline, whatever its spacing and quotes', () => {
    expect(matchTitle('守护绿水青山 共建生态家园', '守护绿水青山　共建生态家园')).toBe(true);
    expect(matchTitle('“十五五”开局之年的新气象', '"十五五"开局之年的新气象')).toBe(true);
  });

  it('matches a truth copied from the <title>: the headline, a separator, then site or channel names', () => {
    expect(matchTitle('守护绿水青山 共建生态家园', '守护绿水青山 共建生态家园_地方_示例网')).toBe(true);
    expect(matchTitle('守护绿水青山 共建生态家园', '守护绿水青山 共建生态家园--地方新闻--示例日报网')).toBe(
      true,
    );
  });

  it('refuses a kicker, a subtitle, a shortened headline and an empty one', () => {
    const truth = '守护绿水青山 共建生态家园';
    expect(matchTitle('在全市春季植树造林现场会上', truth)).toBe(false);
    expect(matchTitle('守护绿水青山', truth)).toBe(false);
    expect(matchTitle('共建生态家园', `${truth}_示例网`)).toBe(false);
    expect(matchTitle('', truth)).toBe(false);
  });
});

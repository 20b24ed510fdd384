import { describeCodeProblem, normaliseCode, tidyCode } from '../../second-screen/src/code';

describe('activation code normaliser', () => {
  it.each([
    ['q4m7t2k', 'Q4M7T2K'],
    ['  Q4M 7T2K ', 'Q4M7T2K'],
    ['q4m-7t2k', 'Q4M7T2K'],
    ['XTC98W', 'XTC98W'],
    ['ab12cd34', 'AB12CD34'],
    ['Q4M\t7T2K\n', 'Q4M7T2K'],
  ])('accepts %j as %s', (raw, expected) => {
    expect(normaliseCode(raw)).toEqual({ ok: true, code: expected });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['ABC12', 'too-short'],
    ['ABCDE1234', 'too-long'],
    ['ABC#123', 'bad-characters'],
    ['ÄBC1234', 'bad-characters'],
  ])('rejects %j (%s)', (raw, problem) => {
    expect(normaliseCode(raw)).toEqual({ ok: false, problem });
  });

  it('tidies without judging while the user types', () => {
    expect(tidyCode('ab 1')).toBe('AB1');
  });

  it('has a sentence for every problem', () => {
    for (const p of ['empty', 'too-short', 'too-long', 'bad-characters'] as const) expect(describeCodeProblem(p).length).toBeGreaterThan(10);
  });
});

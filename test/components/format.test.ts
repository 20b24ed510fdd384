import { formatCountdown, formatPlayTime, formatValidity, groupCode } from '../../src/components/format';

describe('formatCountdown', () => {
  it('shows mm:ss rounding partial seconds up', () => {
    expect(formatCountdown(600_000)).toBe('10:00');
    expect(formatCountdown(59_001)).toBe('01:00');
    expect(formatCountdown(59_000)).toBe('00:59');
    expect(formatCountdown(1)).toBe('00:01');
  });
  it('never goes negative and allows long windows', () => {
    expect(formatCountdown(-5000)).toBe('00:00');
    expect(formatCountdown(2 * 3600_000)).toBe('120:00');
  });
});

describe('formatPlayTime', () => {
  it('uses m:ss below an hour and h:mm:ss above', () => {
    expect(formatPlayTime(0)).toBe('0:00');
    expect(formatPlayTime(75.9)).toBe('1:15');
    expect(formatPlayTime(3600 + 62)).toBe('1:01:02');
    expect(formatPlayTime(Number.NaN)).toBe('0:00');
  });
});

describe('groupCode', () => {
  it('splits codes into readable groups', () => {
    expect(groupCode('ABC1234')).toBe('ABC 1234');
    expect(groupCode('ABCD')).toBe('ABCD');
    expect(groupCode('ABCDEFGH')).toBe('ABCD EFGH');
  });
});

describe('formatValidity', () => {
  it('says expired for past dates', () => {
    expect(formatValidity(1000, 2000)).toBe('Expired');
  });
  it('names the day, month and year', () => {
    const d = new Date(2027, 2, 4, 9, 5).getTime();
    expect(formatValidity(d, 0)).toBe('Valid until 4 Mar 2027, 09:05');
  });
});

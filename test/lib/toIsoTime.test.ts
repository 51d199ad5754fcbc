import { describe, expect, it } from 'vitest';
import { toIsoTime } from '../../src/lib/toIsoTime';
import { toId } from '../../src/lib/toId';

describe('toIsoTime', () => {
  it.each([
    [1536355315, '2018-09-07T21:21:55.000Z'], // epoch seconds, the seed's browser example
    [1619789400000, '2021-04-30T13:30:00.000Z'], // epoch milliseconds, the seed's webhook example
    ['1619789400000', '2021-04-30T13:30:00.000Z'],
    ['1536355315', '2018-09-07T21:21:55.000Z'],
    ['2023-08-24T12:30:00.000Z', '2023-08-24T12:30:00.000Z'], // timeslot-selected's `time`
  ])('%j → %s', (value, expected) => {
    expect(toIsoTime(value)).toBe(expected);
  });

  it.each([[undefined], [null], [''], ['soon'], [0], [-5], [NaN], [Infinity], [1e300], [{}], [[1]], [true]])('%j → undefined', (value) => {
    expect(toIsoTime(value)).toBeUndefined();
  });
});

describe('toId', () => {
  it.each([
    ['5a7c654a2b52873a2ce5df57', '5a7c654a2b52873a2ce5df57'],
    ['America/Chicago', 'America/Chicago'],
    [42, '42'],
    ['jane.doe@example.com', undefined],
    ['Jane Doe', undefined],
    ['+1 555 0100', undefined],
    ['chat-1\n', undefined],
    ['', undefined],
    [NaN, undefined],
    [{}, undefined],
    [null, undefined],
    [true, undefined],
  ])('%j → %j', (value, expected) => {
    expect(toId(value)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findInputProblem, maxInputDepth } from './input-limits.ts';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('findInputProblem', () => {
  it.each([
    ['a plain form', { name: 'Nguyễn Văn An', children: [{ birthDate: '2026-01-02' }], agree: true }, null],
    ['no value at all', undefined, null],
    ['raw bytes, NUL included, are not walked', Buffer.from([0, 1, 2]), null],
    ['a NUL in a string', { a: 'x\u0000y' }, { path: ['a'], code: 'nul_character' }],
    ['a NUL in a key', { ['k\u0000']: 1 }, { path: ['k\u0000'], code: 'nul_character' }],
    ['a NUL deep in an array', { items: [{ name: 'ok' }, { name: '\u0000' }] }, { path: ['items', '1', 'name'], code: 'nul_character' }],
    ['a NUL in a bare string (a path parameter)', '\u0000', { path: [], code: 'nul_character' }],
    ['nesting at the limit', nested(maxInputDepth), null],
    ['nesting past the limit', nested(maxInputDepth + 1), { path: Array<string>(maxInputDepth).fill('a'), code: 'too_deep' }],
    [
      'far past the limit, without exhausting the stack',
      nested(100_000),
      { path: Array<string>(maxInputDepth).fill('a'), code: 'too_deep' },
    ],
  ])('%s', (_name, value, expected) => {
    expect(findInputProblem(value)).toEqual(expected);
  });

  it('finds no problem in any JSON value without NUL characters within the depth limit', () => {
    const text = fc.string().filter((s) => !s.includes('\u0000'));
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(text, tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(fc.property(json, (value) => findInputProblem(value) === null));
  });

  it('finds a NUL character wherever it is put, and names the path to it', () => {
    const key = fc.string({ minLength: 1, maxLength: 5 }).filter((s) => !s.includes('\u0000'));
    fc.assert(
      fc.property(fc.array(key, { maxLength: maxInputDepth - 1 }), (path) => {
        const value = path.reduceRight<unknown>((inner, k) => ({ [k]: inner }), 'a\u0000b');
        expect(findInputProblem(value)).toEqual({ path, code: 'nul_character' });
      }),
    );
  });
});

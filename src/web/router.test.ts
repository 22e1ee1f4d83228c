import { describe, expect, it } from 'vitest';
import { matchPath } from './router.tsx';

describe('matchPath', () => {
  it.each([
    ['/', '/', {}],
    ['/thu-tuc', '/thu-tuc/', {}],
    ['/thu-tuc/:code', '/thu-tuc/1.001193', { code: '1.001193' }],
    ['/thu-tuc/:code/nop-ho-so', '/thu-tuc/1.001193/nop-ho-so', { code: '1.001193' }],
    ['/ho-so/:code', '/ho-so/H79%2D1', { code: 'H79-1' }],
  ])('%s matches %s', (pattern, path, params) => {
    expect(matchPath(pattern, path)).toEqual(params);
  });

  it.each([
    ['/thu-tuc/:code', '/thu-tuc'],
    ['/thu-tuc/:code', '/thu-tuc/1.001193/nop-ho-so'],
    ['/thu-tuc/:code/nop-ho-so', '/thu-tuc/1.001193/khac'],
    ['/ho-so/:code', '/ho-so/%E0%A4%A'],
    ['/', '/thu-tuc'],
  ])('%s does not match %s', (pattern, path) => {
    expect(matchPath(pattern, path)).toBeNull();
  });
});

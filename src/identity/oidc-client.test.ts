import { describe, expect, it } from 'vitest';
import { isInsecureIssuerAllowed } from './oidc-client.ts';

describe('isInsecureIssuerAllowed', () => {
  it.each([
    ['https://vneid.gov.vn', false, false],
    ['http://localhost:3000/sandbox/vneid', false, true],
    ['http://127.0.0.1:4000/sandbox/vneid', false, true],
    ['http://idp.example', false, false],
    ['http://idp.example', true, true],
  ])('%s (demo %s) → %s', (issuer, demoMode, expected) => {
    expect(isInsecureIssuerAllowed(issuer, demoMode)).toBe(expected);
  });
});

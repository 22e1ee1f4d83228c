import { describe, expect, it } from 'vitest';
import { isFreshTotpStep, matchTotpStep, newTotpSecret, totpCode, totpUri } from './totp.ts';

const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const at = new Date('2026-03-02T08:00:15Z');
const step = Math.floor(at.getTime() / 30_000);

describe('TOTP', () => {
  it('accepts the current code and answers its step', () => {
    expect(matchTotpStep(secret, totpCode(secret, at), at)).toBe(step);
  });

  it('accepts the codes of one step before and after, not two', () => {
    expect(matchTotpStep(secret, totpCode(secret, new Date(at.getTime() - 30_000)), at)).toBe(step - 1);
    expect(matchTotpStep(secret, totpCode(secret, new Date(at.getTime() + 30_000)), at)).toBe(step + 1);
    expect(matchTotpStep(secret, totpCode(secret, new Date(at.getTime() - 61_000)), at)).toBeNull();
  });

  it('rejects malformed and wrong codes', () => {
    expect(matchTotpStep(secret, '12345', at)).toBeNull();
    const good = totpCode(secret, at);
    const wrong = String((Number(good) + 1) % 1_000_000).padStart(6, '0');
    expect(matchTotpStep(secret, wrong, at)).toBeNull();
  });

  it('a step is fresh only when later than the last accepted', () => {
    expect(isFreshTotpStep(10, null)).toBe(true);
    expect(isFreshTotpStep(11, 10)).toBe(true);
    expect(isFreshTotpStep(10, 10)).toBe(false);
    expect(isFreshTotpStep(9, 10)).toBe(false);
  });

  it('builds an otpauth URI with SHA1, 6 digits, 30 s', () => {
    const s = newTotpSecret();
    const uri = totpUri(s, 'lanhdao.thanhpho');
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${s}`);
    expect(uri).toContain('algorithm=SHA1');
    expect(uri).toContain('digits=6');
    expect(uri).toContain('period=30');
  });
});

import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { developmentCaName } from './certificates.ts';
import { buildDetachedCms, buildTrustedChain, certificateFingerprint, checkDetachedCms } from './cms.ts';
import { makeTestPki, type TestPki } from './test-certificates.ts';

let platform: TestPki;
let stranger: TestPki;
const content = new TextEncoder().encode('%PDF-1.7 nội dung văn bản');

beforeAll(() => {
  platform = makeTestPki(developmentCaName);
  // Someone else's CA, with an agency certificate bearing the very same names.
  stranger = makeTestPki(developmentCaName);
});

describe('certificates', () => {
  it('keeps Vietnamese names intact and marks the CA as a CA', () => {
    const agency = platform.material.certificate;
    expect(agency.subject).toContain('CN=Ủy ban nhân dân phường Tam Long');
    expect(agency.issuer).toContain(`CN=${developmentCaName}`);
    expect(platform.caCertificate.ca).toBe(true);
    expect(agency.ca).toBe(false);
    expect(agency.checkIssued(platform.caCertificate)).toBe(true);
  });
});

describe('detached CMS', () => {
  it('verifies what it signed and names the signer', () => {
    const check = checkDetachedCms(buildDetachedCms({ content, signer: platform.material.certificate, ...platform.material }), content);
    expect(check.outcome).toBe('intact');
    if (check.outcome !== 'intact') return;
    expect(certificateFingerprint(check.signer)).toBe(certificateFingerprint(platform.material.certificate));
    expect(check.certificates).toHaveLength(2);
  });

  it('reports a digest mismatch when one byte of the content changed', () => {
    const cms = buildDetachedCms({ content, signer: platform.material.certificate, ...platform.material });
    const altered = Uint8Array.from(content);
    altered[3] = (altered[3] as number) ^ 1;
    expect(checkDetachedCms(cms, altered)).toEqual({ outcome: 'broken', reason: 'digest-mismatch' });
  });

  it('reports a signature mismatch when the signature value changed', () => {
    const cms = buildDetachedCms({ content, signer: platform.material.certificate, ...platform.material });
    cms[cms.length - 5] = (cms[cms.length - 5] as number) ^ 0xff;
    expect(checkDetachedCms(cms, content)).toEqual({ outcome: 'broken', reason: 'signature-mismatch' });
  });

  it('reports a signature made with another key than the certificate it names', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const cms = buildDetachedCms({ content, signer: platform.material.certificate, chain: [], privateKey });
    expect(checkDetachedCms(cms, content)).toEqual({ outcome: 'broken', reason: 'signature-mismatch' });
  });

  it('signs with EC keys too', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    // The certificate does not match this key, so the check must fail on the key type, not crash.
    const cms = buildDetachedCms({ content, signer: platform.material.certificate, chain: [], privateKey });
    expect(checkDetachedCms(cms, content)).toEqual({ outcome: 'broken', reason: 'signature-mismatch' });
  });

  it('refuses a signature carrying dozens of certificates before building any chain', () => {
    const chain = Array.from({ length: 11 }, () => platform.caCertificate);
    const cms = buildDetachedCms({ content, signer: platform.material.certificate, chain, privateKey: platform.material.privateKey });
    expect(checkDetachedCms(cms, content)).toEqual({ outcome: 'broken', reason: 'malformed' });
  });

  it('calls garbage malformed', () => {
    expect(checkDetachedCms(Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x01), content)).toEqual({ outcome: 'broken', reason: 'malformed' });
    expect(checkDetachedCms(new Uint8Array(0), content)).toEqual({ outcome: 'broken', reason: 'malformed' });
  });
});

describe('buildTrustedChain', () => {
  const now = new Date();

  it('reaches the platform CA from the agency certificate', () => {
    const chain = buildTrustedChain(platform.material.certificate, [], [platform.caCertificate], now);
    expect(chain?.map(certificateFingerprint)).toEqual([platform.material.certificate, platform.caCertificate].map(certificateFingerprint));
  });

  it('rejects a certificate from another CA with the same name, even when that CA travels with it', () => {
    expect(buildTrustedChain(stranger.material.certificate, [stranger.caCertificate], [platform.caCertificate], now)).toBeNull();
  });

  it('rejects a chain outside its validity period', () => {
    expect(
      buildTrustedChain(platform.material.certificate, [], [platform.caCertificate], new Date(now.getTime() + 400 * 86_400_000)),
    ).toBeNull();
  });

  it('does not let a non-CA certificate issue', () => {
    const leafAsAnchor = new X509Certificate(platform.agency.certificatePem);
    expect(buildTrustedChain(stranger.material.certificate, [leafAsAnchor], [platform.caCertificate], now)).toBeNull();
  });
});

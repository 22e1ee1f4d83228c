import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificateFingerprint } from './cms.ts';
import { loadConfiguredKeys } from './configured-keys.ts';
import { makeTestPki, type TestPki } from './test-certificates.ts';

let pki: TestPki;
let other: TestPki;

beforeAll(() => {
  pki = makeTestPki('Sở Thông tin và Truyền thông — CA thử nghiệm');
  other = makeTestPki('Another CA', 'Sở Tư pháp');
});

function newDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'tinhso-keys-'));
}

function pkcs12(subject: TestPki, withCa: boolean, passphrase: string): Buffer {
  const certificates = [forge.pki.certificateFromPem(subject.agency.certificatePem)];
  if (withCa) certificates.push(forge.pki.certificateFromPem(subject.ca.certificatePem));
  const asn1 = forge.pkcs12.toPkcs12Asn1(forge.pki.privateKeyFromPem(subject.agency.privateKeyPem), certificates, passphrase, {
    algorithm: '3des',
  });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

describe('loadConfiguredKeys', () => {
  it('finds nothing when no directory is configured', () => {
    expect(loadConfiguredKeys(undefined, undefined)).toEqual({ keys: new Map(), anchors: [] });
  });

  it('reads a PKCS#12 file with its chain; its self-signed CA becomes a trust anchor', () => {
    const dir = newDir();
    writeFileSync(path.join(dir, '26572-UBND.p12'), pkcs12(pki, true, 'mật khẩu'));
    writeFileSync(path.join(dir, 'README.txt'), 'ignored');
    const loaded = loadConfiguredKeys(dir, 'mật khẩu');
    const key = loaded.keys.get('26572-UBND');
    expect(key && certificateFingerprint(key.certificate)).toBe(certificateFingerprint(pki.material.certificate));
    expect(key?.chain.map(certificateFingerprint)).toEqual([certificateFingerprint(pki.caCertificate)]);
    expect(loaded.anchors.map(certificateFingerprint)).toEqual([certificateFingerprint(pki.caCertificate)]);
  });

  it('reads a PEM pair with an encrypted key, the CA coming from trust-anchors.pem', () => {
    const dir = newDir();
    writeFileSync(path.join(dir, '79-STP.cert.pem'), other.agency.certificatePem);
    const encrypted = createPrivateKey(other.agency.privateKeyPem).export({
      type: 'pkcs8',
      format: 'pem',
      cipher: 'aes-256-cbc',
      passphrase: 's3cret',
    });
    writeFileSync(path.join(dir, '79-STP.key.pem'), encrypted);
    writeFileSync(path.join(dir, 'trust-anchors.pem'), other.ca.certificatePem);
    const loaded = loadConfiguredKeys(dir, 's3cret');
    expect(loaded.keys.get('79-STP')?.chain).toEqual([]);
    expect(loaded.anchors).toHaveLength(1);
  });

  it.each([
    ['a wrong passphrase', (dir: string) => writeFileSync(path.join(dir, '26572-UBND.p12'), pkcs12(pki, true, 'right')), /./],
    [
      'a key that does not belong to the certificate',
      (dir: string) => {
        writeFileSync(path.join(dir, '79-STP.cert.pem'), other.agency.certificatePem);
        writeFileSync(path.join(dir, '79-STP.key.pem'), pki.agency.privateKeyPem);
      },
      /no certificate matches the private key/,
    ],
    [
      'a certificate without its key file',
      (dir: string) => writeFileSync(path.join(dir, '79-STP.cert.pem'), other.agency.certificatePem),
      /79-STP.key.pem is missing/,
    ],
    [
      'a chain that reaches no trusted CA',
      (dir: string) => writeFileSync(path.join(dir, '26572-UBND.p12'), pkcs12(pki, false, 'wrong')),
      /does not reach a CA/,
    ],
  ])('stops the start on %s', (_name, arrange, message) => {
    const dir = newDir();
    arrange(dir);
    expect(() => loadConfiguredKeys(dir, 'wrong')).toThrow(message);
  });

  it('stops the start when the directory does not exist', () => {
    expect(() => loadConfiguredKeys('/nonexistent/tinhso-keys', undefined)).toThrow(/does not exist/);
  });
});

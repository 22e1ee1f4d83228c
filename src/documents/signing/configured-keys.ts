import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { certificateFingerprint } from './cms.ts';
import { certificatesFromPem } from './certificates.ts';

/**
 * Production signing keys, read once at start from SIGNING_KEYS_DIR (ADR 0003):
 *   <agencyCode>.p12 (or .pfx)              PKCS#12 with the key, its certificate and the issuing chain
 *   <agencyCode>.cert.pem + .key.pem        the certificate (then its chain) and the private key
 *   trust-anchors.pem                       CA certificates to trust besides self-signed ones in the chains
 * PKCS#12 files and encrypted PEM keys open with SIGNING_KEYS_PASSPHRASE. The keys stay in memory only.
 */

export interface ConfiguredKey {
  agencyCode: string;
  certificate: X509Certificate;
  /** Issuing certificates, nearest first. */
  chain: X509Certificate[];
  privateKey: KeyObject;
}

export interface ConfiguredKeys {
  keys: Map<string, ConfiguredKey>;
  /** CA certificates the platform trusts for verification. */
  anchors: X509Certificate[];
}

const agencyCodePattern = /^[0-9A-Za-z][0-9A-Za-z-]*$/;

function spki(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'der' }).toString('base64');
}

/** Whether a private key belongs to a certificate. */
export function isKeyOfCertificate(privateKey: KeyObject, certificate: X509Certificate): boolean {
  return spki(createPublicKey(privateKey)) === spki(certificate.publicKey);
}

function fromPkcs12(file: string, passphrase: string): { privateKey: KeyObject; certificates: X509Certificate[] } {
  const der = forge.util.createBuffer(readFileSync(file).toString('binary'));
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), false, passphrase);
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids['pkcs8ShroudedKeyBag'] as string })[forge.pki.oids['pkcs8ShroudedKeyBag'] as string] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids['keyBag'] as string })[forge.pki.oids['keyBag'] as string] ?? []),
  ];
  const bag = keyBags[0];
  if (!bag) throw new Error(`${file}: no private key`);
  // forge parses RSA keys; other key types (EC) stay as PrivateKeyInfo ASN.1, which Node reads directly.
  const keyInfo = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : (bag as { asn1?: forge.asn1.Asn1 }).asn1;
  if (!keyInfo) throw new Error(`${file}: unreadable private key`);
  const privateKey = createPrivateKey({ key: Buffer.from(forge.asn1.toDer(keyInfo).getBytes(), 'binary'), format: 'der', type: 'pkcs8' });
  const certBags = p12.getBags({ bagType: forge.pki.oids['certBag'] as string })[forge.pki.oids['certBag'] as string] ?? [];
  const certificates = certBags.flatMap((b) =>
    b.cert ? [new X509Certificate(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(b.cert)).getBytes(), 'binary'))] : [],
  );
  return { privateKey, certificates };
}

function fromPem(
  certFile: string,
  keyFile: string,
  passphrase: string | undefined,
): { privateKey: KeyObject; certificates: X509Certificate[] } {
  const keyText = readFileSync(keyFile, 'utf8');
  const privateKey = createPrivateKey(passphrase ? { key: keyText, passphrase } : keyText);
  return { privateKey, certificates: certificatesFromPem(readFileSync(certFile, 'utf8')) };
}

/** Orders a bag of certificates into leaf (the one matching the key) and its issuers, nearest first. */
function arrange(agencyCode: string, privateKey: KeyObject, certificates: X509Certificate[]): ConfiguredKey {
  const certificate = certificates.find((c) => isKeyOfCertificate(privateKey, c));
  if (!certificate) throw new Error(`signing key of ${agencyCode}: no certificate matches the private key`);
  if (certificate.ca) throw new Error(`signing key of ${agencyCode}: the certificate is a CA certificate`);
  const chain: X509Certificate[] = [];
  let current = certificate;
  for (;;) {
    const issuer = certificates.find((c) => c !== current && !chain.includes(c) && current.checkIssued(c) && current.verify(c.publicKey));
    if (!issuer) break;
    chain.push(issuer);
    current = issuer;
  }
  return { agencyCode, certificate, chain, privateKey };
}

/** Reads every agency key in `dir`; throws with the file at fault when one cannot be used. */
export function loadConfiguredKeys(dir: string | undefined, passphrase: string | undefined): ConfiguredKeys {
  const keys = new Map<string, ConfiguredKey>();
  const anchors = new Map<string, X509Certificate>();
  if (!dir) return { keys, anchors: [] };
  if (!existsSync(dir)) throw new Error(`SIGNING_KEYS_DIR ${dir} does not exist`);
  const files = readdirSync(dir);
  for (const name of files) {
    const file = path.join(dir, name);
    let agencyCode: string | null = null;
    let loaded: { privateKey: KeyObject; certificates: X509Certificate[] } | null = null;
    const p12 = /^(.+)\.(p12|pfx)$/i.exec(name);
    const pem = /^(.+)\.cert\.pem$/i.exec(name);
    if (p12?.[1]) {
      agencyCode = p12[1];
      loaded = fromPkcs12(file, passphrase ?? '');
    } else if (pem?.[1]) {
      agencyCode = pem[1];
      const keyFile = path.join(dir, `${agencyCode}.key.pem`);
      if (!existsSync(keyFile)) throw new Error(`${file}: ${agencyCode}.key.pem is missing`);
      loaded = fromPem(file, keyFile, passphrase);
    }
    if (!agencyCode || !loaded) continue;
    if (!agencyCodePattern.test(agencyCode)) throw new Error(`${file}: "${agencyCode}" is not an agency code`);
    if (keys.has(agencyCode)) throw new Error(`${file}: a second key for ${agencyCode}`);
    const key = arrange(agencyCode, loaded.privateKey, loaded.certificates);
    keys.set(agencyCode, key);
    for (const c of key.chain) if (c.ca && c.checkIssued(c)) anchors.set(certificateFingerprint(c), c);
  }
  const anchorsFile = path.join(dir, 'trust-anchors.pem');
  if (existsSync(anchorsFile))
    for (const c of certificatesFromPem(readFileSync(anchorsFile, 'utf8'))) {
      if (!c.ca) throw new Error(`${anchorsFile}: ${c.subject} is not a CA certificate`);
      anchors.set(certificateFingerprint(c), c);
    }
  // Every chain must end at a trust anchor, or verification would reject the platform's own documents.
  for (const key of keys.values()) {
    const top = key.chain[key.chain.length - 1] ?? key.certificate;
    const isAnchored =
      anchors.has(certificateFingerprint(top)) || [...anchors.values()].some((a) => top.checkIssued(a) && top.verify(a.publicKey));
    if (!isAnchored) throw new Error(`signing key of ${key.agencyCode}: its chain does not reach a CA in the file or trust-anchors.pem`);
  }
  return { keys, anchors: [...anchors.values()] };
}

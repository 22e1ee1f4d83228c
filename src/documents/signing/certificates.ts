import { generateKeyPairSync, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

/**
 * Certificates for the development CA and the agencies it certifies (node-forge builds them; Node's
 * X509Certificate reads them). Production deployments bring certificates from a real CA instead.
 */

/** The development CA's name: it must never be mistaken for a production trust anchor. */
export const developmentCaName = 'tinhso Development CA — NOT FOR PRODUCTION';

/** A key pair and its certificate, as PEM text. */
export interface IssuedCertificate {
  certificatePem: string;
  /** PKCS#8 PEM, unencrypted: callers seal it before it is stored anywhere. */
  privateKeyPem: string;
}

export interface DistinguishedName {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  country?: string;
  locality?: string;
}

const dayMs = 86_400_000;

/** A name attribute as forge reads and writes it (its typings mistype `valueTagClass`). */
interface NameField {
  shortName: string;
  value: string;
  valueTagClass?: number;
}

function asForgeFields(fields: NameField[]): forge.pki.CertificateField[] {
  return fields as unknown as forge.pki.CertificateField[];
}

function toForgeName(name: DistinguishedName): forge.pki.CertificateField[] {
  // UTF8String keeps Vietnamese names intact (PrintableString cannot hold them); forge encodes JS strings.
  const utf8 = forge.asn1.Type.UTF8;
  const fields: NameField[] = [{ shortName: 'C', value: name.country ?? 'VN' }];
  if (name.locality) fields.push({ shortName: 'L', value: name.locality, valueTagClass: utf8 });
  if (name.organization) fields.push({ shortName: 'O', value: name.organization, valueTagClass: utf8 });
  if (name.organizationalUnit) fields.push({ shortName: 'OU', value: name.organizationalUnit, valueTagClass: utf8 });
  fields.push({ shortName: 'CN', value: name.commonName, valueTagClass: utf8 });
  return asForgeFields(fields);
}

/** The subject of a parsed certificate, ready to be written again: forge parses UTF8String values to UTF-8 bytes. */
function reusableName(parsed: forge.pki.CertificateField[]): forge.pki.CertificateField[] {
  const fields = parsed as unknown as NameField[];
  return asForgeFields(fields.map((f) => (f.valueTagClass === forge.asn1.Type.UTF8 ? { ...f, value: forge.util.decodeUtf8(f.value) } : f)));
}

function newKeyPair(modulusLength: number): { privateKey: KeyObject; privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength });
  return {
    privateKey,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** A random positive 128-bit serial number (RFC 5280 §4.1.2.2 allows up to 20 octets). */
function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] as number) & 0x7f;
  return bytes.toString('hex');
}

function forgePrivateKey(pem: string): forge.pki.rsa.PrivateKey {
  return forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
}

/** Creates a self-signed development CA (RSA 3072, 10 years, may sign certificates only). */
export function createDevelopmentCa(now: Date, name: string = developmentCaName): IssuedCertificate {
  const keys = newKeyPair(3072);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicKeyPem);
  cert.serialNumber = randomSerial();
  cert.validity.notBefore = new Date(now.getTime() - dayMs);
  cert.validity.notAfter = new Date(now.getTime() + 3652 * dayMs);
  const subject = toForgeName({ commonName: name, organization: 'tinhso (development)' });
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forgePrivateKey(keys.privateKeyPem), forge.md.sha256.create());
  return { certificatePem: forge.pki.certificateToPem(cert), privateKeyPem: keys.privateKeyPem };
}

/**
 * Issues a document-signing certificate (RSA 2048) for an agency from a CA: digitalSignature and
 * nonRepudiation (content commitment), as signing certificates for official documents carry.
 */
export function issueSigningCertificate(
  ca: { certificatePem: string; privateKeyPem: string },
  subject: DistinguishedName,
  now: Date,
  validDays: number,
): IssuedCertificate {
  const keys = newKeyPair(2048);
  const caCert = forge.pki.certificateFromPem(ca.certificatePem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicKeyPem);
  cert.serialNumber = randomSerial();
  cert.validity.notBefore = new Date(now.getTime() - dayMs);
  const notAfter = new Date(now.getTime() + validDays * dayMs);
  // A certificate never outlives its issuer.
  cert.validity.notAfter = notAfter < caCert.validity.notAfter ? notAfter : caCert.validity.notAfter;
  cert.setSubject(toForgeName(subject));
  cert.setIssuer(reusableName(caCert.subject.attributes));
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(forgePrivateKey(ca.privateKeyPem), forge.md.sha256.create());
  return { certificatePem: forge.pki.certificateToPem(cert), privateKeyPem: keys.privateKeyPem };
}

/** Every certificate in a PEM text, in order. */
export function certificatesFromPem(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((b) => new X509Certificate(b));
}

import { createHash, sign, verify, X509Certificate, type KeyObject } from 'node:crypto';
import {
  Tag,
  bytesEqual,
  childAt,
  contextTag,
  DerError,
  derNull,
  explicit,
  integer,
  octetString,
  oid,
  oidOf,
  readDer,
  retag,
  sequence,
  setOf,
  type DerNode,
} from './der.ts';

/**
 * CMS SignedData (RFC 5652) for PDF signatures, detached: the PDF bytes named by the signature's
 * ByteRange are the content, and the CMS carries only their digest. The signed attributes follow
 * CAdES baseline B-B (ETSI EN 319 122-1) as PAdES (ETSI EN 319 142-1) asks for `ETSI.CAdES.detached`:
 * content-type, message-digest and signing-certificate-v2, and no signing-time attribute (the claimed
 * time is the signature dictionary's /M entry).
 */

export const oids = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha384WithRsa: '1.2.840.113549.1.1.12',
  sha512WithRsa: '1.2.840.113549.1.1.13',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',
} as const;

const digestNames: Record<string, 'sha256' | 'sha384' | 'sha512'> = {
  [oids.sha256]: 'sha256',
  [oids.sha384]: 'sha384',
  [oids.sha512]: 'sha512',
};

// Signature algorithms we check, with the digest they imply (null: the SignerInfo's digest algorithm).
const signatureAlgorithms: Record<string, { keyType: 'rsa' | 'ec'; digest: 'sha256' | 'sha384' | 'sha512' | null }> = {
  [oids.rsaEncryption]: { keyType: 'rsa', digest: null },
  [oids.sha256WithRsa]: { keyType: 'rsa', digest: 'sha256' },
  [oids.sha384WithRsa]: { keyType: 'rsa', digest: 'sha384' },
  [oids.sha512WithRsa]: { keyType: 'rsa', digest: 'sha512' },
  [oids.ecdsaWithSha256]: { keyType: 'ec', digest: 'sha256' },
  [oids.ecdsaWithSha384]: { keyType: 'ec', digest: 'sha384' },
  [oids.ecdsaWithSha512]: { keyType: 'ec', digest: 'sha512' },
};

/** The parts of a certificate a SignerInfo refers to: the issuer Name and the serial number, as DER. */
export function issuerAndSerial(certificate: X509Certificate): { issuer: Uint8Array; serial: Uint8Array } {
  const tbs = childAt(readDer(certificate.raw), 0, Tag.sequence);
  // TBSCertificate: [0] version (optional), serialNumber, signature, issuer, ...
  const offset = tbs.children[0]?.tag === contextTag(0) ? 1 : 0;
  return { serial: childAt(tbs, offset, Tag.integer).bytes, issuer: childAt(tbs, offset + 2, Tag.sequence).bytes };
}

function algorithm(dotted: string, withNullParameters: boolean): Uint8Array {
  return withNullParameters ? sequence(oid(dotted), derNull) : sequence(oid(dotted));
}

function attribute(type: string, value: Uint8Array): Uint8Array {
  return sequence(oid(type), setOf([value]));
}

/** ESS signing-certificate-v2 (RFC 5035): binds the signer's certificate into what is signed. */
function signingCertificateV2(certificate: X509Certificate): Uint8Array {
  const { issuer, serial } = issuerAndSerial(certificate);
  const certHash = createHash('sha256').update(certificate.raw).digest();
  // GeneralNames with one directoryName ([4], explicit because Name is a CHOICE).
  const issuerSerial = sequence(sequence(explicit(4, issuer)), serial);
  // hashAlgorithm is omitted: SHA-256 is its DEFAULT.
  return sequence(sequence(sequence(octetString(certHash), issuerSerial)));
}

export interface CmsSigningInput {
  /** The PDF bytes the ByteRange covers. */
  content: Uint8Array;
  signer: X509Certificate;
  /** Issuing certificates to embed so a verifier can build the chain (not the root is fine too). */
  chain: readonly X509Certificate[];
  privateKey: KeyObject;
}

/** Builds a detached CMS SignedData over `content` with SHA-256, signed by `privateKey` (RSA or EC). */
export function buildDetachedCms(input: CmsSigningInput): Uint8Array {
  const keyType = input.privateKey.asymmetricKeyType;
  if (keyType !== 'rsa' && keyType !== 'ec') throw new Error(`unsupported signing key type: ${String(keyType)}`);
  const digest = createHash('sha256').update(input.content).digest();
  const signedAttributes = [
    attribute(oids.contentType, oid(oids.data)),
    attribute(oids.messageDigest, octetString(digest)),
    attribute(oids.signingCertificateV2, signingCertificateV2(input.signer)),
  ];
  // The signature covers the DER of the attributes as a SET OF (RFC 5652 §5.4), stored as [0] IMPLICIT.
  const attributesSet = setOf(signedAttributes);
  const signature = sign('sha256', attributesSet, input.privateKey);
  const { issuer, serial } = issuerAndSerial(input.signer);
  const signerInfo = sequence(
    integer(1),
    sequence(issuer, serial),
    algorithm(oids.sha256, true),
    retag(attributesSet, contextTag(0)),
    keyType === 'rsa' ? algorithm(oids.rsaEncryption, true) : algorithm(oids.ecdsaWithSha256, false),
    octetString(signature),
  );
  const certificates = [input.signer, ...input.chain].map((c) => new Uint8Array(c.raw));
  const signedData = sequence(
    integer(1),
    setOf([algorithm(oids.sha256, true)]),
    sequence(oid(oids.data)),
    setOf(certificates, contextTag(0)),
    setOf([signerInfo]),
  );
  return sequence(oid(oids.signedData), explicit(0, signedData));
}

/** What checking a CMS signature against the bytes it claims to cover found. */
export type CmsCheck =
  | {
      outcome: 'intact';
      /** The certificate whose key made the signature. */
      signer: X509Certificate;
      /** Every certificate the CMS carries (the signer's included), for chain building. */
      certificates: X509Certificate[];
      /** The signing-time attribute when present (adbe.pkcs7.detached signers add it). */
      signingTime: Date | null;
    }
  | { outcome: 'broken'; reason: 'digest-mismatch' | 'signature-mismatch' | 'malformed' | 'signer-certificate-missing' }
  | { outcome: 'unsupported'; reason: string };

// A real chain has a handful of certificates; a signature carrying dozens is refused before any work.
const maxCertificates = 10;

function parseCertificates(node: DerNode | undefined): X509Certificate[] {
  if (!node) return [];
  if (node.children.length > maxCertificates) throw new DerError('too many certificates');
  return node.children.map((c) => new X509Certificate(Buffer.from(c.bytes)));
}

function findSigner(certificates: X509Certificate[], sid: DerNode): X509Certificate | undefined {
  if (sid.tag !== Tag.sequence) return undefined;
  const issuer = childAt(sid, 0, Tag.sequence).bytes;
  const serial = childAt(sid, 1, Tag.integer).bytes;
  return certificates.find((c) => {
    const ref = issuerAndSerial(c);
    return bytesEqual(ref.issuer, issuer) && bytesEqual(ref.serial, serial);
  });
}

function attributeValue(attributes: DerNode, type: string): DerNode | undefined {
  const found = attributes.children.find((a) => oidOf(childAt(a, 0)) === type);
  return found ? childAt(childAt(found, 1, Tag.set), 0) : undefined;
}

function decodeTime(node: DerNode): Date | null {
  const text = Buffer.from(node.content).toString('latin1');
  // UTCTime YYMMDDHHMMSSZ (years 1950–2049) or GeneralizedTime YYYYMMDDHHMMSSZ.
  const match =
    node.tag === 0x17
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!match) return null;
  const [, y = '', mo, d, h, mi, s] = match;
  const year = y.length === 2 ? (Number(y) < 50 ? 2000 : 1900) + Number(y) : Number(y);
  return new Date(Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
}

/**
 * Checks a detached CMS signature over `content`: the message digest matches the content and the
 * signature over the signed attributes verifies with the key of the certificate it names. Whether
 * that certificate deserves trust is the caller's question (see `buildTrustedChain`).
 */
export function checkDetachedCms(cms: Uint8Array, content: Uint8Array): CmsCheck {
  let root: DerNode;
  try {
    root = readDer(cms);
  } catch {
    return { outcome: 'broken', reason: 'malformed' };
  }
  try {
    if (root.tag !== Tag.sequence || oidOf(childAt(root, 0)) !== oids.signedData) return { outcome: 'broken', reason: 'malformed' };
    const signedData = childAt(childAt(root, 1, contextTag(0)), 0, Tag.sequence);
    const encapsulated = childAt(signedData, 2, Tag.sequence);
    if (encapsulated.children.length > 1) return { outcome: 'unsupported', reason: 'content is not detached' };
    const certificatesNode = signedData.children.find((c) => c.tag === contextTag(0));
    const signerInfos = signedData.children[signedData.children.length - 1];
    if (!signerInfos || signerInfos.tag !== Tag.set || signerInfos.children.length !== 1)
      return { outcome: 'unsupported', reason: 'exactly one signer expected' };
    const signerInfo = childAt(signerInfos, 0, Tag.sequence);
    const certificates = parseCertificates(certificatesNode);
    const signer = findSigner(certificates, childAt(signerInfo, 1));
    if (!signer) return { outcome: 'broken', reason: 'signer-certificate-missing' };

    const digestOid = oidOf(childAt(childAt(signerInfo, 2, Tag.sequence), 0));
    const digestName = digestNames[digestOid];
    if (!digestName) return { outcome: 'unsupported', reason: `digest algorithm ${digestOid}` };
    const attributes = childAt(signerInfo, 3);
    if (attributes.tag !== contextTag(0)) return { outcome: 'unsupported', reason: 'signed attributes are required' };
    const signatureOid = oidOf(childAt(childAt(signerInfo, 4, Tag.sequence), 0));
    const scheme = signatureAlgorithms[signatureOid];
    if (!scheme) return { outcome: 'unsupported', reason: `signature algorithm ${signatureOid}` };
    const signature = childAt(signerInfo, 5, Tag.octetString).content;

    const contentType = attributeValue(attributes, oids.contentType);
    const messageDigest = attributeValue(attributes, oids.messageDigest);
    if (!contentType || oidOf(contentType) !== oids.data || !messageDigest) return { outcome: 'broken', reason: 'malformed' };
    const actualDigest = createHash(digestName).update(content).digest();
    if (!bytesEqual(messageDigest.content, actualDigest)) return { outcome: 'broken', reason: 'digest-mismatch' };

    if (signer.publicKey.asymmetricKeyType !== scheme.keyType) return { outcome: 'broken', reason: 'signature-mismatch' };
    const signedBytes = retag(attributes.bytes, Tag.set);
    const isGenuine = verify(scheme.digest ?? digestName, signedBytes, signer.publicKey, signature);
    if (!isGenuine) return { outcome: 'broken', reason: 'signature-mismatch' };
    const time = attributeValue(attributes, oids.signingTime);
    return { outcome: 'intact', signer, certificates, signingTime: time ? decodeTime(time) : null };
  } catch {
    return { outcome: 'broken', reason: 'malformed' };
  }
}

/** SHA-256 fingerprint of a certificate (lower-case hex of its DER), the key the platform records. */
export function certificateFingerprint(certificate: X509Certificate): string {
  return createHash('sha256').update(certificate.raw).digest('hex');
}

/**
 * Builds the chain from `leaf` up to one of `anchors`, using the certificates a signature carries as
 * intermediates. Each link must be issued and signed by the next and valid at `at`. Answers the chain
 * (leaf first, anchor last) or null when no path reaches an anchor.
 */
export function buildTrustedChain(
  leaf: X509Certificate,
  intermediates: readonly X509Certificate[],
  anchors: readonly X509Certificate[],
  at: Date,
): X509Certificate[] | null {
  const anchorPrints = new Set(anchors.map(certificateFingerprint));
  const isValidAt = (c: X509Certificate) => new Date(c.validFrom) <= at && at <= new Date(c.validTo);
  const candidates = [...anchors, ...intermediates];
  const chain = [leaf];
  const used = new Set([certificateFingerprint(leaf)]);
  for (let depth = 0; depth < 6; depth++) {
    const current = chain[chain.length - 1] as X509Certificate;
    if (!isValidAt(current)) return null;
    if (anchorPrints.has(certificateFingerprint(current))) return chain;
    // Only a CA certificate may issue (basicConstraints cA), and each certificate is used once.
    const issuer = candidates.find(
      (c) => c.ca && !used.has(certificateFingerprint(c)) && current.checkIssued(c) && current.verify(c.publicKey),
    );
    if (!issuer) return null;
    used.add(certificateFingerprint(issuer));
    chain.push(issuer);
  }
  return null;
}

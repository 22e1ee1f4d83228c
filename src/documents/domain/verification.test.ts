import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentStatus, documentStatuses, isDocumentId, judgeUpload, uploadOutcomes, type UploadFindings } from './verification.ts';

describe('documentStatus', () => {
  const intact = { revokedAt: null, validTo: null, isStoredCopyIntact: true };
  it.each([
    ['valid with no end date', intact, 'valid'],
    ['valid through its last day', { ...intact, validTo: '2026-11-21' }, 'valid'],
    ['expired the day after its last day', { ...intact, validTo: '2026-11-20' }, 'expired'],
    ['revoked outranks expired', { ...intact, validTo: '2020-01-01', revokedAt: new Date('2026-01-01') }, 'revoked'],
    ['a damaged stored copy outranks everything', { revokedAt: new Date(), validTo: '2020-01-01', isStoredCopyIntact: false }, 'tampered'],
  ] as const)('%s', (_name, record, expected) => {
    expect(documentStatus(record, '2026-11-21')).toBe(expected);
  });
});

const genuine: UploadFindings = {
  signature: 'intact',
  isTrustedSigner: true,
  coversWholeFile: true,
  record: { isHashEqual: true, isSignerEqual: true, status: 'valid' },
};

describe('judgeUpload', () => {
  it.each([
    ['the genuine file', genuine, 'DOCUMENT_VALID'],
    ['a genuine file of a revoked document', { ...genuine, record: { ...genuine.record!, status: 'revoked' } }, 'DOCUMENT_REVOKED'],
    ['a genuine file of an expired document', { ...genuine, record: { ...genuine.record!, status: 'expired' } }, 'DOCUMENT_EXPIRED'],
    ['a file whose signature does not verify (a byte changed)', { ...genuine, signature: 'broken' }, 'SIGNATURE_BROKEN'],
    ['a file with no signature', { ...genuine, signature: 'absent' }, 'NOT_SIGNED'],
    ['a signature we cannot check', { ...genuine, signature: 'unsupported' }, 'SIGNATURE_UNSUPPORTED'],
    ['a file signed by a CA the platform does not trust', { ...genuine, isTrustedSigner: false }, 'SIGNER_NOT_TRUSTED'],
    ['a genuine signature on a document not on record', { ...genuine, record: null }, 'DOCUMENT_NOT_ON_RECORD'],
    ['bytes appended after the signature', { ...genuine, coversWholeFile: false }, 'CONTENT_MODIFIED'],
    [
      'another file carrying the id of a recorded document',
      { ...genuine, record: { ...genuine.record!, isHashEqual: false } },
      'CONTENT_MODIFIED',
    ],
    [
      'signed by another agency key than the recorded one',
      { ...genuine, record: { ...genuine.record!, isSignerEqual: false } },
      'SIGNER_MISMATCH',
    ],
    ['the platform copy is damaged', { ...genuine, record: { ...genuine.record!, status: 'tampered' } }, 'STORED_COPY_DAMAGED'],
  ] as const)('%s → %s', (_name, findings, expected) => {
    expect(judgeUpload(findings as UploadFindings)).toBe(expected);
  });

  const findings = fc.record({
    signature: fc.constantFrom('absent', 'unsupported', 'broken', 'intact'),
    isTrustedSigner: fc.boolean(),
    coversWholeFile: fc.boolean(),
    record: fc.option(fc.record({ isHashEqual: fc.boolean(), isSignerEqual: fc.boolean(), status: fc.constantFrom(...documentStatuses) }), {
      nil: null,
    }),
  }) as fc.Arbitrary<UploadFindings>;

  it('calls a file valid only when every check passed', () => {
    fc.assert(
      fc.property(findings, (f) => {
        const isEverythingRight =
          f.signature === 'intact' &&
          f.isTrustedSigner &&
          f.coversWholeFile &&
          f.record !== null &&
          f.record.isHashEqual &&
          f.record.isSignerEqual &&
          f.record.status === 'valid';
        expect(uploadOutcomes[judgeUpload(f)] === 'valid').toBe(isEverythingRight);
      }),
    );
  });

  it('never trusts a broken or untrusted signature, whatever the record says', () => {
    fc.assert(
      fc.property(findings, (f) => {
        const status = uploadOutcomes[judgeUpload(f)];
        if (f.signature === 'broken') expect(status).toBe('tampered');
        if (f.signature === 'intact' && !f.isTrustedSigner) expect(status).toBe('untrusted');
      }),
    );
  });
});

describe('isDocumentId', () => {
  it('accepts lower-case UUIDs only', () => {
    expect(isDocumentId('0b5b8f7e-3c1a-4e0a-9a44-2f4a5c6d7e8f')).toBe(true);
    expect(isDocumentId('0B5B8F7E-3C1A-4E0A-9A44-2F4A5C6D7E8F')).toBe(false);
    expect(isDocumentId("' OR 1=1 --")).toBe(false);
    expect(isDocumentId('')).toBe(false);
  });
});

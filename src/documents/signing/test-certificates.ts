import { createPrivateKey, X509Certificate } from 'node:crypto';
import { createDevelopmentCa, issueSigningCertificate, type IssuedCertificate } from './certificates.ts';
import type { SigningMaterial } from './pdf-signature.ts';

/** A CA and one agency certificate from it, for tests. */
export interface TestPki {
  ca: IssuedCertificate;
  caCertificate: X509Certificate;
  agency: IssuedCertificate;
  material: SigningMaterial;
}

/** Makes a throw-away CA (named `caName`) and an agency signing certificate issued by it. */
export function makeTestPki(caName: string, agencyName = 'Ủy ban nhân dân phường Tam Long', now = new Date()): TestPki {
  const ca = createDevelopmentCa(now, caName);
  const agency = issueSigningCertificate(
    ca,
    { commonName: agencyName, organization: agencyName, organizationalUnit: '26572-UBND' },
    now,
    365,
  );
  const caCertificate = new X509Certificate(ca.certificatePem);
  return {
    ca,
    caCertificate,
    agency,
    material: {
      certificate: new X509Certificate(agency.certificatePem),
      chain: [caCertificate],
      privateKey: createPrivateKey(agency.privateKeyPem),
    },
  };
}

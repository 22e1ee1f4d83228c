import { createPrivateKey, X509Certificate } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { AppConfig } from '../../config.ts';
import { SealBox } from '../../identity/tokens.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { resolvePlatformSecret } from '../../platform/secrets.ts';
import { signingCertificates, type SigningCertificateRow } from '../schema.ts';
import { createDevelopmentCa, issueSigningCertificate, type IssuedCertificate } from './certificates.ts';
import { certificateFingerprint } from './cms.ts';
import { isKeyOfCertificate, loadConfiguredKeys, type ConfiguredKeys } from './configured-keys.ts';
import type { SigningMaterial } from './pdf-signature.ts';

/**
 * Key custody (ADR 0003). Production: keys come from SIGNING_KEYS_DIR and stay in memory; only their
 * certificates are recorded. Demo mode: a development CA is made on first start and certifies each
 * agency on its first signature; those private keys are stored sealed with AES-256-GCM under a key
 * derived from the platform secret, so every process sharing the database and secret can sign.
 */

const sealPurpose = 'signing-key';
const dayMs = 86_400_000;
/** Development agency certificates last three years and are replaced a month before they end. */
const developmentCertificateDays = 3 * 365;
const renewBeforeMs = 30 * dayMs;

/** What an agency signs with, and which recorded certificate that is. */
export interface AgencySigner extends SigningMaterial {
  certificateId: string;
  fingerprint: string;
  source: 'development' | 'configured';
}

function describeRow(certificate: X509Certificate): Pick<SigningCertificateRow, 'fingerprint' | 'subject' | 'notBefore' | 'notAfter'> {
  return {
    fingerprint: certificateFingerprint(certificate),
    subject: certificate.subject.split('\n').reverse().join(', '),
    notBefore: new Date(certificate.validFrom),
    notAfter: new Date(certificate.validTo),
  };
}

function isCurrent(row: Pick<SigningCertificateRow, 'notAfter'>, now: Date): boolean {
  return row.notAfter.getTime() - now.getTime() > renewBeforeMs;
}

const activeDevelopmentCa = and(
  eq(signingCertificates.kind, 'ca'),
  eq(signingCertificates.source, 'development'),
  isNull(signingCertificates.retiredAt),
);

async function retire(q: Queryable, id: string, now: Date): Promise<void> {
  await q
    .update(signingCertificates)
    .set({ retiredAt: now })
    .where(and(eq(signingCertificates.id, id), isNull(signingCertificates.retiredAt)));
}

/** The sealed private key of a row, or null when it cannot be opened (another secret) or does not fit. */
function openKey(box: SealBox, row: SigningCertificateRow): string | null {
  const pem = box.open(row.privateKeySealed);
  if (!pem) return null;
  try {
    return isKeyOfCertificate(createPrivateKey(pem), new X509Certificate(row.certificatePem)) ? pem : null;
  } catch {
    return null;
  }
}

/**
 * The development CA, made when missing (or when its key no longer opens because the platform secret
 * changed). Concurrent callers converge on one row through the partial unique index.
 */
export async function ensureDevelopmentCa(db: Db, box: SealBox, now: Date): Promise<IssuedCertificate & { row: SigningCertificateRow }> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const [active] = await db.select().from(signingCertificates).where(activeDevelopmentCa);
    const privateKeyPem = active && isCurrent(active, now) ? openKey(box, active) : null;
    if (active && privateKeyPem) return { row: active, certificatePem: active.certificatePem, privateKeyPem };
    const made = createDevelopmentCa(now);
    await db.transaction(async (tx) => {
      if (active) await retire(tx, active.id, now);
      await tx
        .insert(signingCertificates)
        .values({
          kind: 'ca',
          source: 'development',
          certificatePem: made.certificatePem,
          privateKeySealed: box.seal(made.privateKeyPem),
          ...describeRow(new X509Certificate(made.certificatePem)),
        })
        .onConflictDoNothing();
    });
  }
  throw new Error('could not establish the development CA');
}

/** Creates the development CA at start in demo mode, so the first signature does not wait for it. */
export async function prepareDevelopmentCa(db: Db, config: AppConfig, now = new Date()): Promise<void> {
  await ensureDevelopmentCa(db, new SealBox(resolvePlatformSecret(config), sealPurpose), now);
}

export interface SigningKeysOptions {
  db: Db;
  platformSecret: string;
  demoMode: boolean;
  configured: ConfiguredKeys;
}

/** Finds (or, in demo mode, makes) each agency's signing key, and answers which CAs verification trusts. */
export class SigningKeys {
  readonly #db: Db;
  readonly #box: SealBox;
  readonly #isDemo: boolean;
  readonly #configured: ConfiguredKeys;
  readonly #cache = new Map<string, AgencySigner>();
  #registration: Promise<void> | null = null;

  constructor(options: SigningKeysOptions) {
    this.#db = options.db;
    this.#box = new SealBox(options.platformSecret, sealPurpose);
    this.#isDemo = options.demoMode;
    this.#configured = options.configured;
  }

  /** Reads SIGNING_KEYS_DIR now, so a broken key file stops the start instead of the first signature. */
  static fromConfig(config: AppConfig, db: Db): SigningKeys {
    return new SigningKeys({
      db,
      platformSecret: resolvePlatformSecret(config),
      demoMode: config.demoMode,
      configured: loadConfiguredKeys(config.signing.keysDir, config.signing.passphrase),
    });
  }

  /** The key an agency signs with now. Outside demo mode an agency without a configured key cannot sign. */
  async forAgency(agency: { code: string; name: string }, now: Date): Promise<AgencySigner> {
    await this.#ensureRegistered(now);
    const cached = this.#cache.get(agency.code);
    if (cached && new Date(cached.certificate.validTo).getTime() - now.getTime() > renewBeforeMs) return cached;
    const configured = this.#configured.keys.get(agency.code);
    let signer: AgencySigner;
    if (configured) {
      // Never sign with a certificate outside its validity: every verifier would reject the result.
      const isInForce = new Date(configured.certificate.validFrom) <= now && now <= new Date(configured.certificate.validTo);
      if (!isInForce) throw new AppError('SIGNING_KEY_MISSING', { agencyCode: agency.code, reason: 'certificate not in force' });
      const fingerprint = certificateFingerprint(configured.certificate);
      const [row] = await this.#db.select().from(signingCertificates).where(eq(signingCertificates.fingerprint, fingerprint));
      if (!row) throw new Error(`configured certificate of ${agency.code} is not recorded`);
      signer = { ...configured, certificateId: row.id, fingerprint, source: 'configured' };
    } else if (this.#isDemo) {
      signer = await this.#developmentSigner(agency, now);
    } else {
      throw new AppError('SIGNING_KEY_MISSING', { agencyCode: agency.code });
    }
    this.#cache.set(agency.code, signer);
    return signer;
  }

  /** The CA certificates a signature must chain to: configured ones, and the development CAs in demo mode only. */
  async trustAnchors(now: Date): Promise<X509Certificate[]> {
    await this.#ensureRegistered(now);
    const rows = await this.#db
      .select({ pem: signingCertificates.certificatePem })
      .from(signingCertificates)
      .where(and(eq(signingCertificates.kind, 'ca'), this.#isDemo ? undefined : eq(signingCertificates.source, 'configured')));
    return rows.map((r) => new X509Certificate(r.pem));
  }

  /** The recorded agency certificate with this fingerprint (current or retired), if any. */
  async agencyCertificate(fingerprint: string): Promise<SigningCertificateRow | undefined> {
    const [row] = await this.#db
      .select()
      .from(signingCertificates)
      .where(and(eq(signingCertificates.fingerprint, fingerprint), eq(signingCertificates.kind, 'agency')));
    if (row && row.source === 'development' && !this.#isDemo) return undefined;
    return row;
  }

  #ensureRegistered(now: Date): Promise<void> {
    this.#registration ??= this.#registerConfigured(now).catch((error: unknown) => {
      this.#registration = null;
      throw error;
    });
    return this.#registration;
  }

  /** Records the configured certificates (public parts only) and retires what they replace. */
  async #registerConfigured(now: Date): Promise<void> {
    const { keys, anchors } = this.#configured;
    if (keys.size === 0 && anchors.length === 0) return;
    await this.#db.transaction(async (tx) => {
      for (const anchor of anchors)
        await tx
          .insert(signingCertificates)
          .values({ kind: 'ca', source: 'configured', certificatePem: anchor.toString(), ...describeRow(anchor) })
          .onConflictDoNothing();
      for (const key of keys.values()) {
        const fingerprint = certificateFingerprint(key.certificate);
        const active = await tx
          .select({ id: signingCertificates.id, fingerprint: signingCertificates.fingerprint })
          .from(signingCertificates)
          .where(
            and(
              eq(signingCertificates.kind, 'agency'),
              eq(signingCertificates.agencyCode, key.agencyCode),
              isNull(signingCertificates.retiredAt),
            ),
          );
        for (const row of active) if (row.fingerprint !== fingerprint) await retire(tx, row.id, now);
        await tx
          .insert(signingCertificates)
          .values({
            kind: 'agency',
            agencyCode: key.agencyCode,
            source: 'configured',
            certificatePem: key.certificate.toString(),
            ...describeRow(key.certificate),
          })
          .onConflictDoUpdate({ target: signingCertificates.fingerprint, set: { retiredAt: null } });
      }
    });
  }

  async #developmentSigner(agency: { code: string; name: string }, now: Date): Promise<AgencySigner> {
    const activeAgency = and(
      eq(signingCertificates.kind, 'agency'),
      eq(signingCertificates.agencyCode, agency.code),
      isNull(signingCertificates.retiredAt),
    );
    for (let attempt = 0; attempt < 2; attempt++) {
      const [active] = await this.#db.select().from(signingCertificates).where(activeAgency);
      const privateKeyPem = active && active.source === 'development' && isCurrent(active, now) ? openKey(this.#box, active) : null;
      if (active && privateKeyPem) {
        const certificate = new X509Certificate(active.certificatePem);
        return {
          certificate,
          chain: await this.#developmentIssuers(certificate),
          privateKey: createPrivateKey(privateKeyPem),
          certificateId: active.id,
          fingerprint: active.fingerprint,
          source: 'development',
        };
      }
      const ca = await ensureDevelopmentCa(this.#db, this.#box, now);
      const issued = issueSigningCertificate(
        ca,
        { commonName: agency.name, organization: agency.name, organizationalUnit: agency.code },
        now,
        developmentCertificateDays,
      );
      await this.#db.transaction(async (tx) => {
        if (active) await retire(tx, active.id, now);
        await tx
          .insert(signingCertificates)
          .values({
            kind: 'agency',
            agencyCode: agency.code,
            source: 'development',
            certificatePem: issued.certificatePem,
            privateKeySealed: this.#box.seal(issued.privateKeyPem),
            ...describeRow(new X509Certificate(issued.certificatePem)),
          })
          .onConflictDoNothing();
      });
    }
    throw new Error(`could not establish a development signing key for ${agency.code}`);
  }

  /** The development CA that issued a certificate (current or retired), as its chain. */
  async #developmentIssuers(certificate: X509Certificate): Promise<X509Certificate[]> {
    const rows = await this.#db
      .select({ pem: signingCertificates.certificatePem })
      .from(signingCertificates)
      .where(and(eq(signingCertificates.kind, 'ca'), eq(signingCertificates.source, 'development')));
    const issuer = rows
      .map((r) => new X509Certificate(r.pem))
      .find((ca) => certificate.checkIssued(ca) && certificate.verify(ca.publicKey));
    return issuer ? [issuer] : [];
  }
}

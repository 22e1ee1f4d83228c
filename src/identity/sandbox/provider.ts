import { generateKeyPairSync, hkdfSync, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import type { AppConfig } from '../../config.ts';
import { findSandboxCitizenBySubject, sandboxClaims } from './accounts.ts';
import type { Database } from '../../platform/db/client.ts';
import { createSandboxStore } from './database-adapter.ts';
import { escapeHtml } from '../../platform/http/sandbox-page.ts';
import { renderSandboxError } from './pages.ts';

/** Where the sandbox is mounted inside the platform's own origin. */
export const sandboxPrefix = '/sandbox/vneid';

/** The one client of the sandbox: the platform's web app (public client, PKCE). */
export const sandboxClientId = 'tinhso-web';

/** The claims the sandbox asserts, all released with the `profile` scope (VNeID has no standard scopes). */
const sandboxScopeClaims = {
  openid: ['sub'],
  profile: ['name', 'birthdate', 'gender', 'address', 'email', 'phone_number', 'id_number', 'identity_level'],
  email: ['email'],
  phone: ['phone_number'],
  address: ['address'],
};

type Jwk = Record<string, unknown>;

/** The sandbox's signing key: generated once and kept in DATA_DIR, so restarts keep tokens verifiable. */
function loadOrCreateSigningKey(dataDir: string): Jwk {
  const file = path.join(dataDir, 'sandbox-vneid-jwks.json');
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { keys?: Jwk[] };
    const key = parsed.keys?.[0];
    if (key) return key;
  }
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk: Jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' };
  mkdirSync(dataDir, { recursive: true });
  // Write then rename: processes starting together never read half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ keys: [jwk] }), { mode: 0o600 });
  renameSync(tmp, file);
  return jwk;
}

/** Builds the sandbox VNeID: a standard OpenID Connect provider whose accounts are the demo citizens. */
export function createSandboxProvider(config: AppConfig, platformSecret: string, database: Database): Provider {
  const issuer = `${config.publicUrl}${sandboxPrefix}`;
  const cookieKey = Buffer.from(hkdfSync('sha256', platformSecret, 'tinhso', 'sandbox-vneid-cookies', 32)).toString('base64url');
  const provider = new Provider(issuer, {
    adapter: createSandboxStore(database),
    clients: [
      {
        client_id: sandboxClientId,
        client_name: 'Tỉnh số',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [`${config.publicUrl}/auth/citizen/callback`],
        post_logout_redirect_uris: [`${config.publicUrl}/`],
      },
    ],
    claims: sandboxScopeClaims,
    scopes: ['openid', 'profile', 'email', 'phone', 'address'],
    cookies: { keys: [cookieKey] },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    // Short lifetimes (seconds): the sandbox only needs to last one sign-in.
    ttl: { AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `${sandboxPrefix}/interaction/${interaction.uid}` },
    jwks: { keys: [loadOrCreateSigningKey(config.dataDir)] },
    findAccount: async (_ctx, sub) => {
      const citizen = findSandboxCitizenBySubject(sub);
      return citizen ? { accountId: sub, claims: () => sandboxClaims(citizen) } : undefined;
    },
    renderError: async (ctx: KoaContextWithOIDC, out: Record<string, string>) => {
      ctx.type = 'html';
      ctx.body = renderSandboxError(
        { vi: 'Yêu cầu đăng nhập không hợp lệ hoặc đã hết hạn.', en: 'The sign-in request is invalid or has expired.' },
        escapeHtml(out['error'] ?? 'error'),
      );
    },
  });
  // Behind a TLS-terminating proxy the public URL is https while the hop is http.
  provider.proxy = true;
  return provider;
}

import * as oidc from 'openid-client';
import type { AppConfig } from '../config.ts';
import { AppError } from '../platform/errors.ts';

/** State kept in the browser (sealed cookie) between the redirect to the provider and the callback. */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  /** Epoch ms after which the callback is refused. */
  expiresAt: number;
}

/** Plain-HTTP issuers are allowed only for a provider on this machine or the demo sandbox. */
export function isInsecureIssuerAllowed(issuer: string, demoMode: boolean): boolean {
  const url = new URL(issuer);
  if (url.protocol === 'https:') return false;
  return demoMode || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/**
 * The relying party for citizens: any standard OpenID Connect provider (VNeID, the sandbox, Keycloak…)
 * chosen by OIDC_ISSUER / OIDC_CLIENT_ID / OIDC_CLIENT_SECRET. Discovery runs on first use and is retried
 * after a failure, so the platform starts even while the provider is down.
 */
export class CitizenOidcClient {
  readonly #config: AppConfig;
  #discovered: Promise<oidc.Configuration> | null = null;

  constructor(config: AppConfig) {
    this.#config = config;
  }

  get redirectUri(): string {
    return `${this.#config.publicUrl}/auth/citizen/callback`;
  }

  get issuer(): string {
    return this.#config.oidc.issuer;
  }

  async #configuration(): Promise<oidc.Configuration> {
    const { issuer, clientId, clientSecret } = this.#config.oidc;
    this.#discovered ??= oidc
      .discovery(
        new URL(issuer),
        clientId,
        clientSecret ? { client_secret: clientSecret } : { token_endpoint_auth_method: 'none' },
        clientSecret ? oidc.ClientSecretBasic(clientSecret) : oidc.None(),
        isInsecureIssuerAllowed(issuer, this.#config.demoMode) ? { execute: [oidc.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
      )
      .catch((error: unknown) => {
        this.#discovered = null;
        throw new AppError('OIDC_LOGIN_FAILED', { reason: 'discovery_failed' }, { cause: error });
      });
    return this.#discovered;
  }

  /** Starts a sign-in: the provider URL to redirect to and the state to keep until the callback. */
  async begin(returnTo: string, now: Date): Promise<{ url: string; pending: PendingLogin }> {
    const configuration = await this.#configuration();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const pending: PendingLogin = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier,
      returnTo,
      expiresAt: now.getTime() + 10 * 60_000,
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: this.#config.oidc.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.href, pending };
  }

  /** Finishes a sign-in: exchanges the code and answers the ID token claims merged with userinfo. */
  async complete(callbackUrl: URL, pending: PendingLogin): Promise<Record<string, unknown>> {
    const configuration = await this.#configuration();
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      if (error instanceof oidc.AuthorizationResponseError) {
        throw new AppError(
          error.error === 'access_denied' ? 'OIDC_LOGIN_CANCELLED' : 'OIDC_LOGIN_FAILED',
          { reason: error.error },
          { cause: error },
        );
      }
      throw new AppError('OIDC_LOGIN_FAILED', { reason: 'code_exchange_failed' }, { cause: error });
    }
    const idClaims = tokens.claims();
    if (!idClaims) throw new AppError('OIDC_LOGIN_FAILED', { reason: 'no_id_token' });
    let userinfo: Record<string, unknown> = {};
    if (configuration.serverMetadata().userinfo_endpoint) {
      try {
        userinfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      } catch (error) {
        throw new AppError('OIDC_LOGIN_FAILED', { reason: 'userinfo_failed' }, { cause: error });
      }
    }
    return { ...userinfo, ...idClaims };
  }
}

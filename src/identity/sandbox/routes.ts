import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppConfig } from '../../config.ts';
import type { Database } from '../../platform/db/client.ts';
import { authenticateSandboxCitizen, sandboxSubject } from './accounts.ts';
import { renderSandboxError, renderSignInPage } from './pages.ts';
import { createSandboxProvider, sandboxClientId, sandboxPrefix } from './provider.ts';

export interface SandboxVneidOptions {
  config: AppConfig;
  platformSecret: string;
  /** Where the provider keeps its records, shared by every app process. */
  database: Database;
}

const loginForm = z.object({ idNumber: z.string().max(20).default(''), password: z.string().max(200).default('') });

const wrongCredentials = 'Số định danh hoặc mật khẩu không đúng. · Wrong ID number or password.';

/**
 * The sandbox VNeID inside the platform (demo mode only): oidc-provider answers its own endpoints on the
 * raw Node request; the sign-in pages are ours. Registered with prefix /sandbox/vneid.
 */
export async function sandboxVneid(app: FastifyInstance, opts: SandboxVneidOptions): Promise<void> {
  const provider = createSandboxProvider(opts.config, opts.platformSecret, opts.database);
  const handle = provider.callback();

  const expired = (reply: FastifyReply) =>
    reply
      .status(400)
      .type('text/html; charset=utf-8')
      .send(
        renderSandboxError({
          vi: 'Phiên đăng nhập đã hết hạn. Vui lòng bắt đầu lại từ Tỉnh số.',
          en: 'The sign-in has expired. Please start again from Tỉnh số.',
        }),
      );

  // Sign-in pages: plain HTML forms, no scripts.
  await app.register(async (pages) => {
    pages.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 10_000 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });

    pages.get('/interaction/:uid', { schema: { hide: true } }, async (request, reply) => {
      const details = await provider.interactionDetails(request.raw, reply.raw).catch(() => null);
      if (!details) return expired(reply);
      if (details.prompt.name === 'consent' && details.params.client_id === sandboxClientId) {
        // The platform is the sandbox's own first-party client: consent is implied.
        const grant = details.grantId
          ? await provider.Grant.find(details.grantId)
          : new provider.Grant({ accountId: details.session?.accountId, clientId: sandboxClientId });
        if (!grant) return expired(reply);
        const missingScope = details.prompt.details['missingOIDCScope'];
        const missingClaims = details.prompt.details['missingOIDCClaims'];
        if (Array.isArray(missingScope)) grant.addOIDCScope(missingScope.join(' '));
        if (Array.isArray(missingClaims)) grant.addOIDCClaims(missingClaims.map(String));
        const grantId = await grant.save();
        reply.hijack();
        await provider.interactionFinished(request.raw, reply.raw, { consent: { grantId } }, { mergeWithLastSubmission: true });
        return reply;
      }
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(renderSignInPage({ uid: details.uid, clientName: 'Tỉnh số' }));
    });

    pages.post('/interaction/:uid/login', { schema: { hide: true } }, async (request, reply) => {
      const details = await provider.interactionDetails(request.raw, reply.raw).catch(() => null);
      if (!details) return expired(reply);
      const form = loginForm.safeParse(request.body ?? {});
      const idNumber = form.success ? form.data.idNumber : '';
      const citizen = form.success ? authenticateSandboxCitizen(form.data.idNumber, form.data.password) : null;
      if (!citizen) {
        return reply
          .status(401)
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(renderSignInPage({ uid: details.uid, clientName: 'Tỉnh số', idNumber, error: wrongCredentials }));
      }
      reply.hijack();
      await provider.interactionFinished(
        request.raw,
        reply.raw,
        { login: { accountId: sandboxSubject(citizen), amr: ['pwd'], acr: `vneid-level-${citizen.identityLevel}` } },
        { mergeWithLastSubmission: false },
      );
      return reply;
    });

    pages.post('/interaction/:uid/abort', { schema: { hide: true } }, async (request, reply) => {
      const details = await provider.interactionDetails(request.raw, reply.raw).catch(() => null);
      if (!details) return expired(reply);
      reply.hijack();
      await provider.interactionFinished(
        request.raw,
        reply.raw,
        { error: 'access_denied', error_description: 'The citizen cancelled the sign-in' },
        { mergeWithLastSubmission: false },
      );
      return reply;
    });
  });

  // Everything else is oidc-provider's: discovery, authorize, token, userinfo, jwks…
  await app.register(async (endpoints) => {
    // The provider reads request bodies itself, so Fastify must leave the stream untouched.
    endpoints.removeAllContentTypeParsers();
    endpoints.addContentTypeParser('*', (_request, _payload, done) => done(null));
    endpoints.route({
      method: ['GET', 'POST', 'OPTIONS', 'DELETE', 'PUT', 'PATCH'],
      url: '/*',
      schema: { hide: true },
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        reply.hijack();
        const raw: IncomingMessage & { originalUrl?: string } = request.raw;
        const url = raw.url ?? '/';
        // oidc-provider computes its mount path as originalUrl minus url, like under Express.
        raw.originalUrl = url;
        raw.url = url.startsWith(sandboxPrefix) ? url.slice(sandboxPrefix.length) || '/' : url;
        await handle(raw, reply.raw);
      },
    });
  });
}

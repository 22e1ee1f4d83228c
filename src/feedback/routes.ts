import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { citizenOf, principalOf, requireCitizen, requireSignedIn } from '../identity/guards.ts';
import { actorOf } from '../identity/http.ts';
import type { Database } from '../platform/db/client.ts';
import {
  actOnComplaint,
  castVote,
  listComplaints,
  readComplaint,
  readDossierFeedback,
  readVote,
  submitComplaint,
  type ComplaintActor,
} from './feedback.ts';
import {
  complaintActionBody,
  complaintBody,
  complaintListQuery,
  complaintListResponse,
  complaintParams,
  complaintResponse,
  dossierCodeParams,
  dossierFeedbackResponse,
  dossierParams,
  voteBody,
  voteOrNone,
  voteResponse,
} from './routes.schema.ts';

export interface FeedbackRoutesOptions {
  database: Database;
  now: () => Date;
}

/** The signed-in citizen or officer, as a complaint actor. */
function complaintActorOf(request: FastifyRequest): ComplaintActor {
  const p = principalOf(request);
  return p.kind === 'officer' ? { kind: 'officer', officer: p } : { kind: 'citizen', citizen: p };
}

/** Satisfaction votes (đánh giá mức độ hài lòng) and complaints/petitions (phản ánh, kiến nghị) about dossiers. */
export async function feedbackRoutes(app: FastifyInstance, opts: FeedbackRoutesOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts.database;

  r.post(
    '/dossiers/:dossierId/satisfaction',
    {
      preHandler: requireCitizen,
      schema: {
        tags: ['feedback'],
        summary: 'The applicant rates a dossier whose processing has ended: like or dislike with reasons, once',
        params: dossierParams,
        body: voteBody,
        response: { 201: voteResponse },
      },
    },
    async (request, reply) => {
      const vote = await castVote(
        db,
        { dossierId: request.params.dossierId, ...request.body },
        citizenOf(request),
        actorOf(request),
        opts.now(),
      );
      return reply.status(201).send(vote);
    },
  );

  r.get(
    '/dossiers/:dossierId/satisfaction',
    {
      preHandler: requireCitizen,
      schema: {
        tags: ['feedback'],
        summary: 'The applicant’s own vote on a dossier, if any',
        params: dossierParams,
        response: { 200: voteOrNone },
      },
    },
    async (request) => ({ vote: await readVote(db, request.params.dossierId, citizenOf(request)) }),
  );

  r.post(
    '/complaints',
    {
      preHandler: requireCitizen,
      schema: {
        tags: ['feedback'],
        summary: 'The applicant files a complaint or petition about a dossier; deadlines in working days start now',
        body: complaintBody,
        response: { 201: complaintResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await submitComplaint(db, request.body, citizenOf(request), actorOf(request), opts.now())),
  );

  r.get(
    '/complaints',
    {
      preHandler: requireSignedIn,
      schema: {
        tags: ['feedback'],
        summary: 'A citizen’s own complaints, or those of the agencies and units an officer handles',
        querystring: complaintListQuery,
        response: { 200: complaintListResponse },
      },
    },
    async (request) => ({ complaints: await listComplaints(db, complaintActorOf(request), request.query, opts.now()) }),
  );

  r.get(
    '/complaints/:complaintId',
    {
      preHandler: requireSignedIn,
      schema: {
        tags: ['feedback'],
        summary: 'One complaint with its deadlines and history',
        params: complaintParams,
        response: { 200: complaintResponse },
      },
    },
    async (request) => readComplaint(db, request.params.complaintId, complaintActorOf(request), opts.now()),
  );

  r.post(
    '/complaints/:complaintId/actions',
    {
      preHandler: requireSignedIn,
      schema: {
        tags: ['feedback'],
        summary:
          'Handle a complaint (agency: accept, reject ≤ 2, request_info ≤ 5, resolve ≤ 15, publish ≤ 2 working days) or answer/rate it (applicant: reply, rate)',
        params: complaintParams,
        body: complaintActionBody,
        response: { 200: complaintResponse },
      },
    },
    async (request) =>
      actOnComplaint(
        db,
        { complaintId: request.params.complaintId, ...request.body },
        complaintActorOf(request),
        actorOf(request),
        opts.now(),
      ),
  );

  r.get(
    '/feedback/dossiers/:code',
    {
      preHandler: requireCitizen,
      schema: {
        tags: ['feedback'],
        summary: 'For the applicant’s dossier page: whether the dossier can be rated, the vote, and their complaints about it',
        params: dossierCodeParams,
        response: { 200: dossierFeedbackResponse },
      },
    },
    async (request) => readDossierFeedback(db, request.params.code, citizenOf(request), opts.now()),
  );
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officerCaller, type ApiCaller } from '../../test/support/api-caller.ts';
import { createDossier } from '../../test/support/dossier-factory.ts';
import { createTestContext, testBackend, type TestContext } from '../../test/support/test-app.ts';
import { demoTotpSecret } from '../identity/demo.ts';
import { totpCode } from '../identity/domain/totp.ts';
import type { InboxQueue, InboxResponse } from './officer-routes.schema.ts';
import type { DossierRow } from './schema.ts';

// Friday 6 March 2026, 10:00 in Vietnam: "due within 1 working day" reaches Monday 10:00.
const now = new Date('2026-03-06T03:00:00Z');
const at = (iso: string) => new Date(iso);
let ctx: TestContext;
let reception: ApiCaller;
let specialist: ApiCaller;
let stpReception: ApiCaller;
let leader: ApiCaller;
let unitAdmin: ApiCaller;
const made: Record<string, DossierRow> = {};

const received = { receivedAt: at('2026-03-02T02:00:00Z') };
const tamLongDossiers: Record<string, Parameters<typeof createDossier>[1]> = {
  new1: { submittedAt: at('2026-03-05T02:00:00Z') },
  new2: { submittedAt: at('2026-03-04T02:00:00Z'), channel: 1, applicantName: 'Trần Thị Bích', applicantIdNumber: '079190000111' },
  received: { status: 2, ...received, appointmentAt: at('2026-03-20T02:00:00Z') },
  overdue: { status: 4, currentStep: 'processing', ...received, appointmentAt: at('2026-03-05T09:00:00Z') },
  dueSoon: { status: 4, currentStep: 'approval', ...received, appointmentAt: at('2026-03-09T02:00:00Z') },
  dueMonday: { status: 4, currentStep: 'processing', ...received, appointmentAt: at('2026-03-09T02:30:00Z') },
  later: { status: 4, currentStep: 'processing', ...received, appointmentAt: at('2026-03-16T02:00:00Z') },
  // Paused for a supplement: its appointment will move, so it is neither overdue nor due soon.
  supplement: {
    status: 5,
    currentStep: 'processing',
    ...received,
    appointmentAt: at('2026-03-04T02:00:00Z'),
    pausedAt: at('2026-03-03T02:00:00Z'),
  },
  payment: { status: 6, currentStep: 'processing', ...received, appointmentAt: at('2026-03-06T02:30:00Z') },
  done: {
    status: 9,
    currentStep: 'return',
    ...received,
    appointmentAt: at('2026-03-09T05:00:00Z'),
    processingEndedAt: at('2026-03-05T02:00:00Z'),
  },
  returned: { status: 10, currentStep: 'return', ...received, appointmentAt: at('2026-03-04T03:00:00Z') },
  refused: { status: 3, processingEndedAt: at('2026-03-03T02:00:00Z') },
  // Received by Tam Long's centre for a city department (Decree 118/2025: any centre in the province).
  justice: {
    status: 4,
    currentStep: 'processing',
    handlingAgencyCode: '79-STP',
    unitCode: '79',
    ...received,
    appointmentAt: at('2026-03-05T02:00:00Z'),
  },
};
const vungTauDossiers: Record<string, Parameters<typeof createDossier>[1]> = {
  vtNew: { receivingAgencyCode: '26506-TTPVHCC', handlingAgencyCode: '26506-UBND', unitCode: '26506' },
  vtOverdue: {
    receivingAgencyCode: '26506-TTPVHCC',
    handlingAgencyCode: '26506-UBND',
    unitCode: '26506',
    status: 4,
    currentStep: 'processing',
    ...received,
    appointmentAt: at('2026-03-04T02:00:00Z'),
  },
};

beforeAll(async () => {
  ctx = await createTestContext({ now: () => now });
  for (const [key, overrides] of Object.entries({ ...tamLongDossiers, ...vungTauDossiers })) {
    made[key] = await createDossier(ctx.database.db, overrides, key === 'later' ? '2.000815' : '1.001193');
  }
  reception = await officerCaller(ctx.app, 'tiepnhan.tamlong');
  specialist = await officerCaller(ctx.app, 'chuyenvien.tamlong');
  stpReception = await officerCaller(ctx.app, 'tiepnhan.stp');
  leader = await officerCaller(ctx.app, 'lanhdao.thanhpho', totpCode(demoTotpSecret, now));
  unitAdmin = await officerCaller(ctx.app, 'quantri.tamlong');
});
afterAll(async () => ctx.close());

async function inbox(who: ApiCaller, query = ''): Promise<InboxResponse> {
  const res = await who.get(`/api/v1/officer/inbox${query ? `?${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as InboxResponse;
}

const codesOf = (r: InboxResponse) => r.items.map((i) => i.code);
const codes = (...keys: string[]) => keys.map((k) => made[k]?.code);

/** The list filter that shows exactly one queue. */
const queueFilter: Record<InboxQueue, string> = {
  open: '',
  new: 'status=1',
  received: 'status=2',
  processing: 'status=4',
  awaiting_supplement: 'status=5',
  awaiting_payment: 'status=6',
  awaiting_return: 'status=9',
  due_soon: 'dueSoon=true',
  overdue: 'overdue=true',
};

describe(`officer inbox (${testBackend()})`, () => {
  it('Tam Long reception: the counts of every queue', async () => {
    const r = await inbox(reception);
    expect(r.counts).toEqual({
      open: 11,
      new: 2,
      received: 1,
      processing: 5,
      awaiting_supplement: 1,
      awaiting_payment: 1,
      awaiting_return: 1,
      due_soon: 2,
      overdue: 3,
    });
    expect(codesOf(await inbox(reception, 'overdue=true'))).toEqual(codes('justice', 'overdue', 'payment'));
    expect(codesOf(await inbox(reception, 'dueSoon=true'))).toEqual(codes('dueSoon', 'dueMonday'));
  });

  it.each([
    ['reception', () => reception, ''],
    ['specialist', () => specialist, ''],
    ['province leader', () => leader, ''],
    ['reception, online only, birth registration', () => reception, 'channel=2&procedure=1.001193'],
    ['reception, step processing', () => reception, 'step=processing'],
    ['leader, searching a name without accents', () => leader, 'q=nguyen%20van'],
  ])('%s: each queue count equals the list total, and the pages hold exactly that many dossiers', async (_name, who, filter) => {
    const { counts } = await inbox(who(), filter);
    for (const [queue, queueQuery] of Object.entries(queueFilter) as [InboxQueue, string][]) {
      const query = [filter, queueQuery, 'pageSize=3'].filter(Boolean).join('&');
      const first = await inbox(who(), query);
      expect(first.total, `${queue} ${query}`).toBe(counts[queue]);
      const seen = [...codesOf(first)];
      for (let page = 2; page <= Math.ceil(first.total / 3); page++) seen.push(...codesOf(await inbox(who(), `${query}&page=${page}`)));
      expect(new Set(seen).size, queue).toBe(counts[queue]);
    }
  });

  it('officers see only their agencies: the specialist not the department dossier, the department not Tam Long', async () => {
    const specialistCodes = codesOf(await inbox(specialist, 'pageSize=100&include=all'));
    expect(specialistCodes).not.toContain(made['justice']?.code);
    expect(specialistCodes).toHaveLength(12);
    expect(codesOf(await inbox(stpReception, 'pageSize=100'))).toEqual(codes('justice'));
    const leaderCodes = codesOf(await inbox(leader, 'pageSize=100'));
    expect(leaderCodes).toEqual(expect.arrayContaining(codes('vtNew', 'vtOverdue', 'justice', 'new1')));
    expect(codesOf(await inbox(reception, 'pageSize=100'))).not.toContain(made['vtNew']?.code);
  });

  it('an officer whose roles do not work dossiers → 403', async () => {
    const res = await unitAdmin.get('/api/v1/officer/inbox');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it('searches by CCCD, by code prefix and by name with or without accents', async () => {
    expect(codesOf(await inbox(reception, 'q=079190000111'))).toEqual(codes('new2'));
    expect(codesOf(await inbox(reception, `q=${made['new2']?.code.slice(0, 8).toLowerCase()}`))).toContain(made['new2']?.code);
    expect(codesOf(await inbox(reception, 'q=tran%20thi%20bich'))).toEqual(codes('new2'));
    expect(codesOf(await inbox(reception, `q=${encodeURIComponent('Trần Thị')}`))).toEqual(codes('new2'));
    expect((await inbox(reception, 'q=100%25')).total).toBe(0);
  });

  it('lists open work by default; closed dossiers on demand (include=all or a closed status), counted then', async () => {
    const open = await inbox(reception, 'pageSize=100');
    expect(open.total).toBe(11);
    expect(codesOf(open)).not.toEqual(expect.arrayContaining(codes('returned')));
    expect(codesOf(open)).not.toEqual(expect.arrayContaining(codes('refused')));
    const everything = await inbox(reception, 'pageSize=100&include=all');
    expect(everything.total).toBe(13);
    expect(everything.counts).toEqual(open.counts);
    expect(codesOf(everything)).toEqual(expect.arrayContaining(codes('returned', 'refused')));
    expect(codesOf(await inbox(reception, 'status=10'))).toEqual(codes('returned'));
    expect(codesOf(await inbox(reception, 'status=3&include=open'))).toEqual(codes('refused'));
    const leaderOpen = codesOf(await inbox(leader, 'pageSize=100'));
    expect(leaderOpen).not.toEqual(expect.arrayContaining(codes('returned')));
    expect((await inbox(leader, `q=${made['returned']?.code}&include=all`)).total).toBe(1);
    expect((await inbox(leader, `q=${made['returned']?.code}`)).total).toBe(0);
    expect((await reception.get('/api/v1/officer/inbox?include=closed')).statusCode).toBe(400);
  });

  it('sorts by deadline (no appointment last), filters by received date and channel', async () => {
    const all = codesOf(await inbox(reception, 'pageSize=100&include=all'));
    expect(all.slice(0, 4)).toEqual(codes('supplement', 'returned', 'justice', 'overdue'));
    expect(all.slice(-3)).toEqual(codes('refused', 'new2', 'new1'));
    expect(codesOf(await inbox(reception, 'pageSize=100')).slice(0, 3)).toEqual(codes('supplement', 'justice', 'overdue'));
    expect((await inbox(reception, 'receivedFrom=2026-03-02&receivedTo=2026-03-02&include=all')).total).toBe(10);
    expect((await inbox(reception, 'receivedFrom=2026-03-02&receivedTo=2026-03-02')).total).toBe(9);
    expect((await inbox(reception, 'receivedFrom=2026-03-03')).total).toBe(0);
    expect(codesOf(await inbox(reception, 'channel=1'))).toEqual(codes('new2'));
  });

  it('each item tells the deadline state and masks the CCCD', async () => {
    const item = (await inbox(reception, 'overdue=true')).items.find((i) => i.code === made['overdue']?.code);
    expect(item).toMatchObject({
      isOverdue: true,
      isDueSoon: false,
      applicantIdNumberMasked: '079*****1234',
      remainingWorkingMinutes: -210,
    });
  });

  it('rejects unknown and malformed filters with 400', async () => {
    for (const query of ['status=11', 'procedure=abc', 'receivedFrom=06-03-2026', 'sort=name', 'colour=red']) {
      const res = await reception.get(`/api/v1/officer/inbox?${query}`);
      expect(res.statusCode, query).toBe(400);
    }
  });
});

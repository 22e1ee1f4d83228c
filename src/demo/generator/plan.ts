import type { TimeUnit } from '../../calendar/domain/appointment.ts';
import { dayOfMoment, momentOf, type DayNumber } from '../../calendar/domain/local-time.ts';
import type { DossierChannel, DossierStatus, SubmitterKind } from '../../dossiers/schema.ts';
import type { ComplaintKind, ComplaintStatus, ComplaintSubject } from '../../feedback/domain/complaint.ts';
import { defaultComplaintDeadlines } from '../../feedback/domain/complaint.ts';
import { dislikeReasons, likeReasons } from '../../feedback/domain/satisfaction.ts';
import { cumulativeWeights, type Random } from './random.ts';
import type { WorkingClock } from './working-clock.ts';

/**
 * Plans one realistic dossier of a province, with its whole life as events, from a seeded random
 * generator: channel and who really submitted it, receipt, supplements, payment, processing on time
 * or late, result (electronic or paper), return, and the applicant's vote or complaint. Pure: the
 * same generator state gives the same dossier.
 *
 * The mixes are assumptions shaped after public reporting (DOMAIN.md §2): online shares rising from
 * about 45 % to 75 % over 2024–2026, a third of "online" dossiers keyed in by officers in some
 * communes, on-time rates between about 75 % and 98 % by unit, digitisation and reuse growing.
 */

/** How a unit behaves, drawn once per unit: the dashboard should find real differences between communes. */
export interface UnitProfile {
  /** Share of online dossiers that officers key in for applicants (assisted). */
  assisted: number;
  /** Probability that a dossier finishes on time. */
  onTime: number;
  /** Probability that a counter dossier's papers are scanned. */
  digitisation: number;
  /** Multiplier on the reuse of store documents. */
  reuse: number;
  /** Multiplier on online payment. */
  payment: number;
}

export interface GeneratorUnit {
  code: string;
  provinceCode: string;
  profile: UnitProfile;
}

export interface GeneratorProcedure {
  versionId: string;
  code: string;
  agencyKind: string;
  level: 'province' | 'commune';
  timeAmount: number;
  timeUnit: TimeUnit;
  isFullyOnline: boolean;
  /** Typical fees in VND (0 when exempt). */
  feeVnd: number;
  components: readonly { code: string; name: string; isRequired: boolean }[];
}

/** Units to file dossiers under in one era (before or from the 2025 reorganisation). */
export interface UnitPool {
  units: readonly GeneratorUnit[];
  cumulative: Float64Array;
}

export interface GeneratorContext {
  provinceCode: string;
  /** Sequence part of the dossier codes, so that runs with different seeds never collide. */
  codePrefix: string;
  /** Every local day dossiers may be submitted on, with cumulative weights. */
  days: readonly DayNumber[];
  dayCumulative: Float64Array;
  /** The first day of the current units (2025-07-01); earlier dossiers go to the old units. */
  firstNewUnitDay: DayNumber;
  oldUnits: UnitPool;
  newUnits: UnitPool;
  procedures: readonly GeneratorProcedure[];
  procedureCumulative: Float64Array;
  clock: WorkingClock;
  /** Nothing happens after this moment: later steps of a dossier are simply not there yet. */
  now: number;
}

export interface PlannedEvent {
  at: number;
  action: string;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus;
  fromStep: string | null;
  toStep: string | null;
  actorKind: 'citizen' | 'officer' | 'system';
  actorSessionMethod: string | null;
  agencyCode: string | null;
  reason: string | null;
  details: Record<string, unknown> | null;
}

export interface PlannedComplaint {
  id: string;
  code: string;
  kind: ComplaintKind;
  subject: ComplaintSubject;
  content: string;
  status: ComplaintStatus;
  receivedAt: number;
  rejectBy: number;
  requestInfoBy: number;
  handleBy: number | null;
  publishBy: number | null;
  handledAt: number | null;
  isHandledOnTime: boolean | null;
  publishedAt: number | null;
  response: string | null;
  isSatisfied: boolean | null;
  ratedAt: number | null;
  events: {
    at: number;
    action: string;
    fromStatus: ComplaintStatus | null;
    toStatus: ComplaintStatus;
    actorKind: 'citizen' | 'officer';
    text: string | null;
    isOnTime: boolean | null;
  }[];
}

export interface PlannedDossier {
  id: string;
  code: string;
  provinceCode: string;
  procedureVersionId: string;
  procedureCode: string;
  receivingAgencyCode: string;
  handlingAgencyCode: string;
  unitCode: string;
  status: DossierStatus;
  channel: DossierChannel;
  submitterKind: SubmitterKind;
  submitterTerminal: string | null;
  applicantIdNumber: string;
  applicantName: string;
  isVneidVerified: boolean;
  feeTotalVnd: number;
  currentStep: string;
  submittedAt: number;
  receivedAt: number | null;
  appointmentAt: number | null;
  pausedAt: number | null;
  supplementRequestCount: number;
  processingEndedAt: number | null;
  returnedAt: number | null;
  withdrawnAt: number | null;
  updatedAt: number;
  /** Late whatever the dates: a second supplement request or an apology slip (the workflow's flag). */
  isMarkedLate: boolean;
  returnMethod: 'online' | 'post' | 'counter' | null;
  decision: 'approved' | 'rejected' | null;
  events: PlannedEvent[];
  components: { code: string; name: string; source: 'upload' | 'counter_scan' | 'store' }[];
  vote: { isLike: boolean; reasons: string[]; at: number } | null;
  complaint: PlannedComplaint | null;
}

const hourMs = 3_600_000;
const dayMsLocal = 86_400_000;

/** Progress of digital government between January 2024 (0) and December 2026 (1), by local day. */
export function progressOn(day: DayNumber): number {
  const start = 19_723; // 2024-01-01
  return Math.min(1, Math.max(0, (day - start) / 1_095));
}

/** Draws a unit's behaviour; a few communes inflate their online rate with assisted submissions. */
export function drawUnitProfile(random: Random): UnitProfile {
  const isInflating = random.chance(0.15);
  return {
    assisted: isInflating ? random.between(0.55, 0.85) : random.between(0.08, 0.35),
    onTime: random.between(0.72, 0.985),
    digitisation: random.between(0.55, 0.97),
    reuse: random.between(0.4, 1.6),
    payment: random.between(0.5, 1.4),
  };
}

/** Weights of the submission days: offices are closed on non-working days, volumes grow over time. */
export function dayWeights(days: readonly DayNumber[], clock: WorkingClock): Float64Array {
  return cumulativeWeights(days.map((day) => (clock.isWorkingDay(day) ? 1 : 0.08) * (0.8 + 0.5 * progressOn(day))));
}

const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const middleNames = ['Văn', 'Thị', 'Hữu', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Hoàng', 'Thu', 'Đức', 'Kim', 'Gia'];
const givenNames = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiếu',
  'Hoa',
  'Hùng',
  'Khang',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Phúc',
  'Quân',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vy',
  'Yến',
];
const birthProvinces = ['079', '079', '079', '074', '077', '075', '080', '082', '083', '001', '038', '040', '052'];

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random.next() * items.length)] as T;

function applicant(random: Random): { idNumber: string; name: string } {
  const year = random.int(1950, 2006);
  const isFemale = random.chance(0.5);
  const century = year >= 2000 ? (isFemale ? 3 : 2) : isFemale ? 1 : 0;
  const idNumber = `${pick(random, birthProvinces)}${century}${String(year % 100).padStart(2, '0')}${String(random.int(0, 999_999)).padStart(6, '0')}`;
  const middle = isFemale ? pick(random, ['Thị', 'Ngọc', 'Thu', 'Kim', 'Thanh']) : pick(random, middleNames);
  return { idNumber, name: `${pick(random, familyNames)} ${middle} ${pick(random, givenNames)}` };
}

const officeMinutes = [7.5 * 60, 11.5 * 60, 13 * 60, 17 * 60];

/** A moment within office hours of a day (morning or afternoon). */
function officeMoment(random: Random, day: DayNumber): number {
  const isMorning = random.chance(0.55);
  const [from, to] = isMorning ? [officeMinutes[0], officeMinutes[1]] : [officeMinutes[2], officeMinutes[3]];
  return momentOf(day, Math.floor(random.between(from as number, (to as number) - 5)) * 60_000);
}

/** A moment an applicant might submit online: any hour, mostly the working day and the evening. */
function onlineMoment(random: Random, day: DayNumber): number {
  const hour = random.chance(0.7) ? random.between(7, 17) : random.between(17, 23.5);
  return momentOf(day, Math.floor(hour * 60) * 60_000);
}

function nextWorkingDay(clock: WorkingClock, day: DayNumber): DayNumber {
  let d = day;
  while (!clock.isWorkingDay(d)) d++;
  return d;
}

/** Picks channel and submitter kind for a procedure on a day in a unit. */
function drawChannel(random: Random, procedure: GeneratorProcedure, unit: GeneratorUnit, p: number): SubmitterKind {
  if (random.chance(0.02)) return 'post';
  const onlineShare = procedure.isFullyOnline ? 0.55 + 0.3 * p : 0.35 + 0.3 * p;
  if (!random.chance(onlineShare)) return 'counter';
  const assistedShare = Math.min(0.95, unit.profile.assisted * (1 - 0.3 * p));
  return random.chance(assistedShare) ? 'assisted' : 'applicant';
}

const channelOf: Record<SubmitterKind, DossierChannel> = { applicant: 2, assisted: 2, counter: 1, post: 3 };

/** Builds the events of a dossier in order, stopping at `now`. */
class Timeline {
  readonly events: PlannedEvent[] = [];
  status: DossierStatus;
  step: string;
  isCut = false;
  constructor(
    readonly now: number,
    status: DossierStatus,
    step: string,
  ) {
    this.status = status;
    this.step = step;
  }
  /** Appends an event unless it is after `now` (then the dossier stops here). */
  add(
    at: number,
    action: string,
    toStatus: DossierStatus,
    toStep: string,
    actor: { kind: 'citizen' | 'officer' | 'system'; agencyCode: string | null },
    extra: { reason?: string; details?: Record<string, unknown> } = {},
  ): boolean {
    if (this.isCut || at > this.now) {
      this.isCut = true;
      return false;
    }
    this.events.push({
      at,
      action,
      fromStatus: this.events.length === 0 ? null : this.status,
      toStatus,
      fromStep: this.events.length === 0 ? null : this.step,
      toStep,
      actorKind: actor.kind,
      actorSessionMethod: actor.kind === 'citizen' ? 'vneid' : actor.kind === 'officer' ? 'password' : null,
      agencyCode: actor.agencyCode,
      reason: extra.reason ?? null,
      details: extra.details ?? null,
    });
    this.status = toStatus;
    this.step = toStep;
    return true;
  }
  /** Adds details to the last event. */
  annotate(details: Record<string, unknown>): void {
    const last = this.events[this.events.length - 1];
    if (last) last.details = { ...last.details, ...details };
  }
}

const supplementReasons = [
  'Bổ sung bản sao giấy tờ tùy thân',
  'Tờ khai chưa đủ chữ ký',
  'Thiếu văn bản ủy quyền',
  'Ảnh chụp giấy tờ không rõ',
];
const refusalReasons = ['Hồ sơ không thuộc thẩm quyền giải quyết', 'Thông tin người yêu cầu không khớp CSDL dân cư'];

/** Plans dossier number `index` of a run. */
export function planDossier(random: Random, context: GeneratorContext, index: number): PlannedDossier {
  const { clock, now } = context;
  const pickedDay = random.weighted(context.days, context.dayCumulative);
  const p = progressOn(pickedDay);
  const pool = pickedDay >= context.firstNewUnitDay ? context.newUnits : context.oldUnits;
  const unit = random.weighted(pool.units, pool.cumulative);
  const procedure = random.weighted(context.procedures, context.procedureCumulative);
  const kind = drawChannel(random, procedure, unit, p);
  const channel = channelOf[kind];
  const isApplicantOnline = kind === 'applicant';

  // Applicants submit online at any hour; counters, officers keying in and the post office work office hours.
  const day = isApplicantOnline ? pickedDay : nextWorkingDay(clock, pickedDay);
  const submittedAt = isApplicantOnline ? onlineMoment(random, day) : officeMoment(random, day);
  // Decree 118/2025: any centre in the province receives; a few go to another commune's centre or the city's.
  const receivingAgencyCode =
    procedure.level === 'province' || random.chance(0.04) ? `${unit.provinceCode}-TTPVHCC` : `${unit.code}-TTPVHCC`;
  const handlingAgencyCode =
    procedure.level === 'province' ? `${unit.provinceCode}-${procedure.agencyKind}` : `${unit.code}-${procedure.agencyKind}`;
  const unitCode = procedure.level === 'province' ? unit.provinceCode : unit.code;
  const person = applicant(random);
  const vneidShare = isApplicantOnline ? 0.9 + 0.08 * p : kind === 'assisted' ? 0.35 : 0.04;
  const isVneidVerified = random.chance(vneidShare);
  const hasFee = procedure.feeVnd > 0;

  // Components: uploaded by the applicant, scanned at the counter, or reused from the citizen's store.
  const reuseShare = Math.min(0.9, (0.04 + 0.36 * p) * unit.profile.reuse) * (isApplicantOnline ? 1 : 0.5);
  const isScanned = kind === 'applicant' || kind === 'assisted' || random.chance(unit.profile.digitisation * (0.85 + 0.15 * p));
  const components = isScanned
    ? procedure.components
        .filter((c) => c.isRequired || random.chance(0.3))
        .map((c) => ({
          code: c.code,
          name: c.name,
          source: random.chance(reuseShare) ? ('store' as const) : isApplicantOnline ? ('upload' as const) : ('counter_scan' as const),
        }))
    : [];

  const citizen = { kind: 'citizen' as const, agencyCode: null };
  const reception = { kind: 'officer' as const, agencyCode: receivingAgencyCode };
  const handling = { kind: 'officer' as const, agencyCode: handlingAgencyCode };
  const system = { kind: 'system' as const, agencyCode: null };
  const t = new Timeline(now, 1, 'reception');
  t.add(submittedAt, 'submit', 1, 'reception', isApplicantOnline ? citizen : reception, { details: { channel, submitterKind: kind } });

  const dossier: PlannedDossier = {
    id: random.uuid(),
    code: `${context.codePrefix}${index.toString(36).toUpperCase().padStart(7, '0')}`,
    provinceCode: unit.provinceCode,
    procedureVersionId: procedure.versionId,
    procedureCode: procedure.code,
    receivingAgencyCode,
    handlingAgencyCode,
    unitCode,
    status: 1,
    channel,
    submitterKind: kind,
    submitterTerminal: isApplicantOnline ? null : `${receivingAgencyCode}/quay-${random.int(1, 6)}`,
    applicantIdNumber: person.idNumber,
    applicantName: person.name,
    isVneidVerified,
    feeTotalVnd: procedure.feeVnd,
    currentStep: 'reception',
    submittedAt,
    receivedAt: null,
    appointmentAt: null,
    pausedAt: null,
    supplementRequestCount: 0,
    processingEndedAt: null,
    returnedAt: null,
    withdrawnAt: null,
    updatedAt: submittedAt,
    isMarkedLate: false,
    returnMethod: null,
    decision: null,
    events: t.events,
    components,
    vote: null,
    complaint: null,
  };

  // Online payment of the fees (Decision 766, "thanh toán trực tuyến"), soon after submission.
  const payShare = (isApplicantOnline ? 0.3 + 0.5 * p : kind === 'assisted' ? 0.25 : 0.06) * unit.profile.payment;
  if (hasFee && random.chance(Math.min(0.97, payShare))) {
    t.add(submittedAt + random.between(0.05, 6) * hourMs, 'pay', 1, 'reception', system, {
      details: { amountVnd: procedure.feeVnd, channel: 'online' },
    });
  }

  // Receipt: at once at a counter; online dossiers within a working day or two.
  const receiveAt =
    kind === 'applicant' || kind === 'post'
      ? clock.addWorking(clock.nextWorkingMoment(submittedAt), random.between(0.1, 12) * hourMs)
      : submittedAt + random.between(1, 15) * 60_000;
  if (random.chance(0.025)) {
    if (t.add(receiveAt, 'refuse', 3, 'reception', reception, { reason: pick(random, refusalReasons) })) {
      dossier.processingEndedAt = receiveAt;
      finishWithFeedback(random, context, dossier, t, receiveAt, false);
    }
    return settle(dossier, t);
  }
  if (!t.add(receiveAt, 'receive', 2, 'reception', reception)) return settle(dossier, t);
  dossier.receivedAt = receiveAt;
  let appointmentAt = clock.appointment(receiveAt, procedure.timeAmount, procedure.timeUnit);
  dossier.appointmentAt = appointmentAt;
  t.annotate({ appointmentAt: new Date(appointmentAt).toISOString() });
  const span = Math.max(hourMs, appointmentAt - receiveAt);

  if (!t.add(receiveAt + random.between(0.05, 0.15) * span, 'forward', 4, 'processing', reception)) return settle(dossier, t);

  // Supplements: one request is allowed; a second one makes the dossier late (national rule).
  const supplements = random.chance(0.13) ? (random.chance(0.2) ? 2 : 1) : 0;
  let cursor = receiveAt + 0.2 * span;
  for (let i = 0; i < supplements; i++) {
    const requestAt = cursor + random.between(0.02, 0.1) * span;
    if (
      !t.add(requestAt, 'request_supplement', 5, 'processing', handling, {
        reason: pick(random, supplementReasons),
        details: { supplementRequestCount: i + 1 },
      })
    ) {
      return settle(dossier, t);
    }
    dossier.supplementRequestCount = i + 1;
    if (i > 0) dossier.isMarkedLate = true;
    dossier.pausedAt = requestAt;
    const answerAt = requestAt + random.between(0.3, 8) * dayMsLocal;
    const paused = clock.workingBetween(requestAt, answerAt);
    if (
      !t.add(answerAt, 'receive_supplement', 4, 'processing', isApplicantOnline ? citizen : reception, {
        details: { pausedWorkingMinutes: Math.round(paused / 60_000) },
      })
    ) {
      return settle(dossier, t);
    }
    dossier.pausedAt = null;
    appointmentAt = clock.addWorking(appointmentAt, paused);
    dossier.appointmentAt = appointmentAt;
    t.annotate({ appointmentAt: new Date(appointmentAt).toISOString() });
    cursor = answerAt;
  }

  if (random.chance(0.008)) {
    const withdrawAt = cursor + random.between(0.05, 0.5) * span;
    if (t.add(withdrawAt, 'withdraw', 7, t.step, isApplicantOnline ? citizen : reception)) dossier.withdrawnAt = withdrawAt;
    return settle(dossier, t);
  }

  // Processing ends on time or late, by the unit's habits; some late dossiers get an apology slip first.
  const isLate = !random.chance(unit.profile.onTime * (0.97 + 0.03 * p));
  const remaining = Math.max(0, appointmentAt - cursor);
  const endAt = isLate ? appointmentAt + random.between(2, 20 * 24) * hourMs : cursor + random.between(0.3, 0.98) * remaining;
  if (isLate && random.chance(0.35)) {
    const apologyAt = Math.max(cursor, appointmentAt - random.between(2, 30) * hourMs);
    const newAppointment = endAt + random.between(0, 48) * hourMs;
    if (
      !t.add(apologyAt, 'apologise', 4, t.step, handling, {
        reason: 'Cần xác minh thêm',
        details: { newAppointmentAt: new Date(newAppointment).toISOString() },
      })
    ) {
      return settle(dossier, t);
    }
    appointmentAt = newAppointment;
    dossier.appointmentAt = appointmentAt;
    dossier.isMarkedLate = true;
  }
  if (random.chance(0.005)) {
    if (t.add(endAt, 'stop_processing', 8, t.step, handling, { reason: 'Người yêu cầu không đủ điều kiện' }))
      dossier.processingEndedAt = endAt;
    return settle(dossier, t);
  }
  if (!t.add(cursor + 0.6 * (endAt - cursor), 'forward', 4, 'approval', handling)) return settle(dossier, t);
  if (!t.add(cursor + 0.85 * (endAt - cursor), 'approve', 4, 'result', handling)) return settle(dossier, t);
  dossier.decision = 'approved';
  // Electronic results (Decree 45/2020): growing over time.
  const isElectronic = random.chance(Math.min(0.98, 0.35 + 0.55 * p) * (isApplicantOnline ? 1.05 : 0.9));
  if (!t.add(endAt, 'record_result', 9, 'return', handling, { details: { electronicResult: isElectronic } })) return settle(dossier, t);
  dossier.processingEndedAt = endAt;
  const returnAt = endAt + random.between(0.2, 3) * dayMsLocal;
  const returnMethod = isElectronic && isApplicantOnline && random.chance(0.8) ? 'online' : kind === 'post' ? 'post' : 'counter';
  if (t.add(returnAt, 'return_result', 10, 'return', reception, { details: { returnMethod } })) {
    dossier.returnedAt = returnAt;
    dossier.returnMethod = returnMethod;
  }
  finishWithFeedback(random, context, dossier, t, dossier.returnedAt ?? returnAt, !isLate && dossier.supplementRequestCount <= 1);
  return settle(dossier, t);
}

/** The dossier's row as its events leave it. */
function settle(dossier: PlannedDossier, t: Timeline): PlannedDossier {
  const last = t.events[t.events.length - 1];
  dossier.status = t.status;
  dossier.currentStep = t.step;
  dossier.updatedAt = last?.at ?? dossier.submittedAt;
  return dossier;
}

/** The applicant's vote (a share of them vote) and, rarely, a complaint, after processing ended. */
function finishWithFeedback(
  random: Random,
  context: GeneratorContext,
  dossier: PlannedDossier,
  t: Timeline,
  endAt: number,
  isOnTime: boolean,
): void {
  const voteShare = dossier.submitterKind === 'applicant' ? 0.3 : 0.05;
  if (random.chance(voteShare)) {
    const at = endAt + random.between(0.1, 5) * dayMsLocal;
    const isLike = random.chance(isOnTime ? 0.93 : 0.5);
    const reasons = [pick(random, isLike ? likeReasons : dislikeReasons)];
    if (at <= context.now) {
      dossier.vote = { isLike, reasons, at };
      t.events.push(feedbackEvent(at, 'feedback_vote', t.status, t.step, { isLike }));
    }
  }
  if (random.chance(isOnTime ? 0.002 : 0.015)) {
    const receivedAt = endAt + random.between(0.5, 10) * dayMsLocal;
    if (receivedAt <= context.now) {
      dossier.complaint = planComplaint(random, context, dossier, receivedAt);
      for (const e of dossier.complaint.events)
        t.events.push(feedbackEvent(e.at, `complaint_${e.action}`, t.status, t.step, { complaintId: dossier.complaint.id }));
    }
  }
}

function feedbackEvent(at: number, action: string, status: DossierStatus, step: string, details: Record<string, unknown>): PlannedEvent {
  return {
    at,
    action,
    fromStatus: status,
    toStatus: status,
    fromStep: step,
    toStep: step,
    actorKind: action === 'complaint_submit' || action === 'feedback_vote' || action === 'complaint_rate' ? 'citizen' : 'officer',
    actorSessionMethod: null,
    agencyCode: null,
    reason: null,
    details,
  };
}

/** A complaint received after processing ended, and as much of its handling as has happened by `now`. */
function planComplaint(random: Random, context: GeneratorContext, dossier: PlannedDossier, receivedAt: number): PlannedComplaint {
  const { clock, now } = context;
  const days = (from: number, n: number) => clock.addWorking(clock.nextWorkingMoment(from), n * clock.dayLengthMs);
  const deadlines = defaultComplaintDeadlines;
  const c: PlannedComplaint = {
    id: random.uuid(),
    code: `PAKN-${dossier.code}`,
    kind: random.chance(0.8) ? 'phan_anh' : 'kien_nghi',
    subject: random.chance(0.75) ? 'procedure' : 'staff',
    content: 'Hồ sơ giải quyết chậm so với ngày hẹn, đề nghị xem xét.',
    status: 'received',
    receivedAt,
    rejectBy: days(receivedAt, deadlines.rejectWithin),
    requestInfoBy: days(receivedAt, deadlines.requestInfoWithin),
    handleBy: null,
    publishBy: null,
    handledAt: null,
    isHandledOnTime: null,
    publishedAt: null,
    response: null,
    isSatisfied: null,
    ratedAt: null,
    events: [
      { at: receivedAt, action: 'submit', fromStatus: null, toStatus: 'received', actorKind: 'citizen', text: null, isOnTime: null },
    ],
  };
  const step = (
    at: number,
    action: string,
    to: ComplaintStatus,
    actorKind: 'citizen' | 'officer',
    isOnTime: boolean | null,
    text: string | null,
  ) => {
    if (at > now) return false;
    c.events.push({ at, action, fromStatus: c.status, toStatus: to, actorKind, text, isOnTime });
    c.status = to;
    return true;
  };
  if (random.chance(0.1)) {
    const at = days(receivedAt, random.between(0.3, 3));
    if (step(at, 'reject', 'rejected', 'officer', at <= c.rejectBy, 'Nội dung không thuộc phạm vi phản ánh')) {
      c.handledAt = at;
      c.isHandledOnTime = at <= c.rejectBy;
    }
    return c;
  }
  const acceptAt = days(receivedAt, random.between(0.2, 2));
  if (!step(acceptAt, 'accept', 'handling', 'officer', null, null)) return c;
  c.handleBy = days(acceptAt, deadlines.handleWithin);
  const resolveAt = days(acceptAt, random.chance(0.85) ? random.between(1, 14) : random.between(15.5, 25));
  const response = 'Đã kiểm tra, xin lỗi người dân và chấn chỉnh bộ phận xử lý.';
  if (!step(resolveAt, 'resolve', 'resolved', 'officer', resolveAt <= c.handleBy, response)) return c;
  c.handledAt = resolveAt;
  c.isHandledOnTime = resolveAt <= c.handleBy;
  c.response = response;
  c.publishBy = days(resolveAt, deadlines.publishWithin);
  const publishAt = days(resolveAt, random.between(0.2, 2.5));
  if (step(publishAt, 'publish', 'published', 'officer', publishAt <= c.publishBy, null)) c.publishedAt = publishAt;
  if (random.chance(0.5)) {
    const rateAt = Math.max(resolveAt, c.publishedAt ?? resolveAt) + random.between(0.2, 4) * dayMsLocal;
    const isSatisfied = random.chance(c.isHandledOnTime ? 0.75 : 0.35);
    if (rateAt <= now) {
      c.events.push({
        at: rateAt,
        action: 'rate',
        fromStatus: c.status,
        toStatus: c.status,
        actorKind: 'citizen',
        text: null,
        isOnTime: null,
      });
      c.isSatisfied = isSatisfied;
      c.ratedAt = rateAt;
    }
  }
  return c;
}

/** The local day of a moment (re-exported for the loader's date columns). */
export const localDayOf = dayOfMoment;

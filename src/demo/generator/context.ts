import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { loadWorkingCalendar } from '../../calendar/load-calendar.ts';
import { dayOfMoment, parseIsoDate, type DayNumber } from '../../calendar/domain/local-time.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { procedures, procedureVersions } from '../../procedures/schema.ts';
import type { Fee } from '../../procedures/domain/procedure.ts';
import { adminUnitLinks, adminUnits } from '../../units/schema.ts';
import { reorganisation2025 } from '../../units/load-units.ts';
import { dayWeights, drawUnitProfile, type GeneratorContext, type GeneratorProcedure, type GeneratorUnit, type UnitPool } from './plan.ts';
import { cumulativeWeights, seededRandom, type Random } from './random.ts';
import { buildWorkingClock } from './working-clock.ts';

export interface GeneratorOptions {
  provinceCode: string;
  seed: string;
  /** First and last local day (ISO dates) dossiers are submitted on. */
  from: string;
  to: string;
  /** Nothing happens after this moment (default: the end of `to`, or the present if earlier). */
  now?: Date;
}

/** How busy a unit is: log-normal, so a few wards are far busier than most communes. */
function unitWeight(random: Random): number {
  const u = Math.max(1e-9, random.next());
  const v = random.next();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.exp(0.6 * normal);
}

function pool(codes: readonly { code: string; provinceCode: string }[], random: Random, era: string): UnitPool {
  const units: GeneratorUnit[] = [];
  const weights: number[] = [];
  for (const u of codes) {
    const r = random.fork(`${era}:${u.provinceCode}:${u.code}`);
    units.push({ code: u.code, provinceCode: u.provinceCode, profile: drawUnitProfile(r) });
    weights.push(unitWeight(r));
  }
  return { units, cumulative: cumulativeWeights(weights) };
}

/** Typical fees of a procedure in VND: the fixed amounts, or a usual amount where a council resolution decides. */
function typicalFee(fees: readonly Fee[], random: Random): number {
  let total = 0;
  for (const fee of fees) {
    if (fee.amountVnd !== undefined) total += fee.amountVnd;
    else if (!/miễn|không thu/i.test(fee.rule ?? '')) total += [10_000, 20_000, 50_000, 75_000, 100_000][random.int(0, 4)] ?? 0;
  }
  return total;
}

// Civil status and certification are most of a commune's dossiers; the rest is rarer.
const sectorWeights: Record<string, number> = { 'Hộ tịch': 3, 'Chứng thực': 4, 'Đăng ký, quản lý cư trú': 2.5 };

/** Reads what the generator needs: the province's units in both eras, its procedures and its working calendar. */
export async function loadGeneratorContext(db: Db, options: GeneratorOptions): Promise<GeneratorContext> {
  const firstDay = parseIsoDate(options.from);
  const lastDay = parseIsoDate(options.to);
  if (firstDay === null || lastDay === null || lastDay < firstDay)
    throw new AppError('VALIDATION_FAILED', { from: options.from, to: options.to, reason: 'from and to must be ISO dates, from ≤ to' });
  const random = seededRandom(options.seed);
  const { provinceCode } = options;

  const current = await db
    .select({ code: adminUnits.code, provinceCode: adminUnits.provinceCode })
    .from(adminUnits)
    .where(and(eq(adminUnits.level, 'commune'), eq(adminUnits.parentCode, provinceCode), isNull(adminUnits.validTo)))
    .orderBy(adminUnits.code);
  if (current.length === 0) throw new AppError('UNIT_NOT_FOUND', { provinceCode });
  const successor = alias(adminUnits, 'successor');
  const old = await db
    .selectDistinct({ code: adminUnits.code, provinceCode: adminUnits.provinceCode })
    .from(adminUnitLinks)
    .innerJoin(adminUnits, eq(adminUnits.id, adminUnitLinks.predecessorId))
    .innerJoin(successor, eq(successor.id, adminUnitLinks.successorId))
    .where(and(eq(adminUnits.level, 'commune'), isNotNull(adminUnits.validTo), eq(successor.provinceCode, provinceCode)))
    .orderBy(adminUnits.provinceCode, adminUnits.code);

  const versions = await db
    .select({
      versionId: procedureVersions.id,
      code: procedures.code,
      agencyKind: procedureVersions.agencyKind,
      level: procedureVersions.level,
      timeAmount: procedureVersions.timeAmount,
      timeUnit: procedureVersions.timeUnit,
      onlineLevel: procedureVersions.onlineLevel,
      fees: procedureVersions.fees,
      components: procedureVersions.components,
      sector: procedureVersions.sector,
    })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(and(eq(procedures.provinceCode, provinceCode), eq(procedureVersions.isCurrent, true)))
    .orderBy(procedures.code);
  if (versions.length === 0) throw new AppError('PROCEDURE_NOT_FOUND', { provinceCode });
  const procedureList: GeneratorProcedure[] = versions.map((v) => ({
    versionId: v.versionId,
    code: v.code,
    agencyKind: v.agencyKind,
    level: v.level,
    timeAmount: v.timeAmount,
    timeUnit: v.timeUnit,
    isFullyOnline: v.onlineLevel === 'full',
    feeVnd: typicalFee(v.fees, random.fork(`fee:${v.code}`)),
    components: v.components.map((c) => ({ code: c.code, name: c.name, isRequired: c.isRequired })),
  }));
  const procedureWeights = versions.map((v) => (sectorWeights[v.sector] ?? 0.6) * (0.5 + random.fork(`weight:${v.code}`).next()));

  const calendar = await loadWorkingCalendar(db, provinceCode);
  const clock = buildWorkingClock(calendar, firstDay, lastDay);
  const days: DayNumber[] = [];
  for (let d = firstDay; d <= lastDay; d++) days.push(d);
  const endOfTo = new Date((lastDay + 1) * 86_400_000 - 7 * 3_600_000 - 1);
  const now = options.now ?? new Date(Math.min(endOfTo.getTime(), Date.now()));
  return {
    provinceCode,
    codePrefix: `G${provinceCode}${options.seed
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 6)
      .toUpperCase()}-`,
    days,
    dayCumulative: dayWeights(days, clock),
    firstNewUnitDay: parseIsoDate(reorganisation2025.firstNewDay) ?? dayOfMoment(Date.now()),
    oldUnits: old.length > 0 ? pool(old, random, 'old') : pool(current, random, 'new'),
    newUnits: pool(current, random, 'new'),
    procedures: procedureList,
    procedureCumulative: cumulativeWeights(procedureWeights),
    clock,
    now: now.getTime(),
  };
}

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dayOfMoment, isoDateOf } from '../../calendar/domain/local-time.ts';
import { officerOf } from '../../identity/guards.ts';
import { requestLanguage } from '../../platform/http/errors.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { describeFormula, latestFormulaSet } from '../domain/index-766/formula-sets.ts';
import { measuredMetrics } from '../domain/index-from-rollups.ts';
import { kpiDefinitions } from '../domain/kpis.ts';
import { indexReference, kpiReferences } from '../domain/kpi-references.ts';
import { assertDashboardAccess } from './access.ts';
import { readDrilldown } from './drilldown.ts';
import { tableToCsv, tableToXlsx, type ExportTable } from './export-table.ts';
import { drilldownTable, rankingTable, reconciliationTable } from './exports.ts';
import { readOverview, unitRef } from './overview.ts';
import { describeIndicator, readRanking } from './ranking.ts';
import { readNationalValues, readReconciliation } from './reconciliation.ts';
import {
  definitionsResponse,
  drilldownQuery,
  drilldownResponse,
  mapQuery,
  nationalQuery,
  nationalResponse,
  overviewQuery,
  overviewResponse,
  rankingQuery,
  rankingResponse,
  reconciliationQuery,
  reconciliationResponse,
} from './routes.schema.ts';
import { loadUnitTree } from './unit-tree.ts';

export interface DashboardRoutesOptions {
  database: Database;
  provinceCode: string;
  /** Folder of the unit boundary files (wards-79-….geojson). */
  unitsDataDir: string;
  now: () => Date;
}

/** Most rows a drill-down export carries (a province-year of late dossiers fits). */
const exportRowLimit = 100_000;

/** Leaders' dashboard (bảng điều hành): overview, ranking, drill-down and exports; reads rollups only. */
export async function dashboardRoutes(app: FastifyInstance, opts: DashboardRoutesOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts.database;
  const { provinceCode } = opts;
  const today = () => isoDateOf(dayOfMoment(opts.now().getTime()));

  const sendTable = async (reply: FastifyReply, table: ExportTable, format: 'xlsx' | 'csv', name: string) => {
    const file = `${name}.${format}`;
    reply.header('content-disposition', `attachment; filename="${file}"`);
    reply.header('cache-control', 'no-store');
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(tableToCsv(table));
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await tableToXlsx(table));
  };

  r.get(
    '/dashboard/overview',
    {
      schema: {
        tags: ['indicators'],
        summary:
          'A unit’s overview for a period: the 766 index (total, groups, indicators), KPIs, headline counts, 12-month trend (leaders)',
        querystring: overviewQuery,
        response: { 200: overviewResponse },
      },
    },
    async (request) => {
      assertDashboardAccess(officerOf(request), request.query.unit, provinceCode);
      return readOverview(db, {
        provinceCode,
        unitCode: request.query.unit,
        period: request.query.period,
        view: request.query.view,
        today: today(),
      });
    },
  );

  r.get(
    '/dashboard/ranking',
    {
      schema: {
        tags: ['indicators'],
        summary:
          'Ranking of every commune or agency of the province on one indicator for a period; ?format=xlsx|csv to export (province leaders)',
        querystring: rankingQuery,
        response: { 200: rankingResponse },
      },
    },
    async (request, reply) => {
      assertDashboardAccess(officerOf(request), provinceCode, provinceCode);
      const q = request.query;
      const ranking = await readRanking(db, {
        provinceCode,
        period: q.period,
        level: q.level,
        indicator: q.indicator,
        view: q.view,
        today: today(),
      });
      if (q.format === 'json') return ranking;
      const tree = await loadUnitTree(db, provinceCode);
      const table = rankingTable(ranking, unitRef(tree.province), today(), requestLanguage(request));
      return sendTable(reply, table, q.format, `xep-hang-${q.level}-${q.indicator.toLowerCase()}-${q.period}`);
    },
  );

  r.get(
    '/dashboard/drilldown',
    {
      schema: {
        tags: ['indicators'],
        summary:
          'The dossiers behind a dashboard number (late, received, online, genuine, assisted, …), paged; ?format=xlsx|csv exports all (leaders)',
        querystring: drilldownQuery,
        response: { 200: drilldownResponse },
      },
    },
    async (request, reply) => {
      assertDashboardAccess(officerOf(request), request.query.unit, provinceCode);
      const q = request.query;
      const isExport = q.format !== 'json';
      const drill = await readDrilldown(db, {
        provinceCode,
        unitCode: q.unit,
        period: q.period,
        kind: q.kind,
        view: q.view,
        page: isExport ? 1 : q.page,
        pageSize: isExport ? exportRowLimit : q.pageSize,
        today: today(),
      });
      if (q.format === 'json') return drill;
      const tree = await loadUnitTree(db, provinceCode);
      const table = drilldownTable(drill, unitRef(tree.province), today(), requestLanguage(request));
      return sendTable(reply, table, q.format, `ho-so-${q.kind}-${q.unit}-${q.period}`);
    },
  );

  r.get(
    '/dashboard/definitions',
    {
      schema: {
        tags: ['indicators'],
        summary: 'What every KPI and index indicator means and how it is computed (public)',
        response: { 200: definitionsResponse },
      },
    },
    async () => {
      const set = latestFormulaSet();
      const measured = new Set<string>(measuredMetrics);
      return {
        kpis: kpiDefinitions.map((k) => ({
          code: k.code,
          label: k.label,
          definition: k.definition,
          unit: k.unit,
          isHigherBetter: k.isHigherBetter,
          ...kpiReferences[k.code],
          drill: k.drill,
        })),
        index: {
          formulaSetId: set.id,
          source: set.source,
          reference: indexReference,
          groups: set.groups.map((g) => ({
            group: g.group,
            label: g.label,
            maxScore: g.maxScore,
            isConfirmed: g.isConfirmed,
            note: g.note ?? null,
            metrics: g.metrics.map((m) => ({
              code: m.code,
              label: m.label,
              maxScore: m.maxScore,
              formula: describeFormula(m),
              countedIn: m.countedIn,
              isMeasured: measured.has(m.code),
            })),
          })),
        },
      };
    },
  );

  const maps = new Map<string, Promise<string>>();
  r.get(
    '/dashboard/map',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Boundaries of the province’s communes (GeoJSON; feature property `code` is the commune code) for the choropleth (public)',
        querystring: mapQuery,
      },
    },
    async (request, reply) => {
      const province = request.query.province;
      let text = maps.get(province);
      if (!text) {
        text = (async () => {
          const files = await readdir(opts.unitsDataDir);
          const file = files.find((f) => f.startsWith(`wards-${province}-`) && f.endsWith('.geojson'));
          if (!file) throw new AppError('UNIT_NOT_FOUND', { province, reason: 'no boundary file' });
          return readFile(path.join(opts.unitsDataDir, file), 'utf8');
        })();
        maps.set(province, text);
        text.catch(() => maps.delete(province));
      }
      reply.header('cache-control', 'public, max-age=86400');
      return reply.type('application/geo+json').send(await text);
    },
  );

  r.get(
    '/dashboard/reconciliation',
    {
      schema: {
        tags: ['indicators'],
        summary:
          'The national portal’s published 766 scores for the province beside their recomputation and the platform’s own figures; ?format=xlsx|csv (province leaders)',
        querystring: reconciliationQuery,
        response: { 200: reconciliationResponse },
      },
    },
    async (request, reply) => {
      assertDashboardAccess(officerOf(request), provinceCode, provinceCode);
      const q = request.query;
      const view = await readReconciliation(db, { provinceCode, period: q.period, today: today() });
      if (q.format === 'json') return view;
      const tree = await loadUnitTree(db, provinceCode);
      const table = reconciliationTable(view, unitRef(tree.province), today(), requestLanguage(request));
      return sendTable(reply, table, q.format, `doi-chieu-766-${view.period ?? 'none'}`);
    },
  );

  r.get(
    '/dashboard/national',
    {
      schema: {
        tags: ['indicators'],
        summary:
          'Every province on one indicator for the national map: this province from its rollups, others from imported portal evaluations (province leaders)',
        querystring: nationalQuery,
        response: { 200: nationalResponse },
      },
    },
    async (request) => {
      assertDashboardAccess(officerOf(request), provinceCode, provinceCode);
      const q = request.query;
      const { label, unit, isHigherBetter } = describeIndicator(q.indicator);
      const provinces = await readNationalValues(db, { provinceCode, period: q.period, indicator: q.indicator, today: today() });
      return { period: q.period, indicator: { code: q.indicator, label, unit, isHigherBetter }, provinces };
    },
  );

  let nationalMap: Promise<string> | null = null;
  r.get(
    '/dashboard/national-map',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Boundaries of the 34 provinces (GeoJSON; feature property `code` is the province code) for the national map (public)',
      },
    },
    async (_request, reply) => {
      nationalMap ??= readFile(path.join(opts.unitsDataDir, 'provinces-2026.geojson'), 'utf8');
      nationalMap.catch(() => {
        nationalMap = null;
      });
      reply.header('cache-control', 'public, max-age=86400');
      return reply.type('application/geo+json').send(await nationalMap);
    },
  );
}

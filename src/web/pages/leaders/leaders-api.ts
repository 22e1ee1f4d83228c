import { getJson } from '../../api.ts';
// The API's own response types: type-only imports, erased from the browser bundle.
import type { Drilldown } from '../../../indicators/dashboard/drilldown.ts';
import type { Overview } from '../../../indicators/dashboard/overview.ts';
import type { Ranking } from '../../../indicators/dashboard/ranking.ts';
import type { DrillKind } from '../../../indicators/domain/kpis.ts';
import type { DefinitionsResponse, NationalResponse, ReconciliationResponse } from '../../../indicators/dashboard/routes.schema.ts';

export type { Drilldown, Overview, Ranking, DrillKind };
export type Definitions = DefinitionsResponse;
export type National = NationalResponse;
export type Reconciliation = ReconciliationResponse;
export type View = 'current' | 'historical';

const query = (params: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

export function fetchOverview(period: string, unit: string, view: View): Promise<Overview> {
  return getJson(`/api/v1/dashboard/overview?${query({ period, unit, view })}`);
}

export function fetchRanking(period: string, indicator: string, view: View, level: 'commune' | 'agency' = 'commune'): Promise<Ranking> {
  return getJson(`/api/v1/dashboard/ranking?${query({ period, indicator, view, level })}`);
}

export function fetchDrilldown(period: string, unit: string, kind: DrillKind, view: View, page: number): Promise<Drilldown> {
  return getJson(`/api/v1/dashboard/drilldown?${query({ period, unit, kind, view, page, pageSize: 50 })}`);
}

/** The address of an export of the same table (the browser downloads it with the session cookie). */
export function exportUrl(
  kind: 'ranking' | 'drilldown' | 'reconciliation',
  params: Record<string, string | number>,
  format: 'xlsx' | 'csv',
): string {
  return `/api/v1/dashboard/${kind}?${query({ ...params, format })}`;
}

export interface CommuneFeature {
  type: 'Feature';
  properties: { code: string; name: string; nameEn: string; fullName: string };
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}
export interface CommuneMap {
  type: 'FeatureCollection';
  features: CommuneFeature[];
}

const oncePromises = new Map<string, Promise<unknown>>();
/** Data that does not change while a page is open, fetched once (forgotten when the fetch failed, so a retry can succeed). */
function fetchOnce<T>(url: string): Promise<T> {
  let promise = oncePromises.get(url) as Promise<T> | undefined;
  if (!promise) {
    promise = getJson<T>(url).catch((error: unknown) => {
      oncePromises.delete(url);
      throw error;
    });
    oncePromises.set(url, promise);
  }
  return promise;
}

/** The communes' boundaries. */
export const fetchCommuneMap = (province: string): Promise<CommuneMap> => fetchOnce(`/api/v1/dashboard/map?province=${province}`);

/** The provinces' boundaries (same feature shape as the communes'). */
export const fetchNationalMap = (): Promise<CommuneMap> => fetchOnce('/api/v1/dashboard/national-map');

/** The address of an indicator's definition page (a KPI, an index group or an index indicator code). */
export const definitionPath = (code: string) => `/lanh-dao/dinh-nghia/${encodeURIComponent(code)}`;

export function fetchNational(period: string, indicator: string): Promise<National> {
  return getJson(`/api/v1/dashboard/national?${query({ period, indicator })}`);
}

export function fetchReconciliation(period: string | null): Promise<Reconciliation> {
  return getJson(`/api/v1/dashboard/reconciliation${period ? `?${query({ period })}` : ''}`);
}

/** What every KPI and index indicator means. */
export const fetchDefinitions = (): Promise<Definitions> => fetchOnce('/api/v1/dashboard/definitions');

import { getJson } from '../../api.ts';
// The API's own response types: type-only imports, erased from the browser bundle.
import type { Drilldown } from '../../../indicators/dashboard/drilldown.ts';
import type { Overview } from '../../../indicators/dashboard/overview.ts';
import type { Ranking } from '../../../indicators/dashboard/ranking.ts';
import type { DrillKind } from '../../../indicators/domain/kpis.ts';

export type { Drilldown, Overview, Ranking, DrillKind };
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
export function exportUrl(kind: 'ranking' | 'drilldown', params: Record<string, string | number>, format: 'xlsx' | 'csv'): string {
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

let mapPromise: Promise<CommuneMap> | null = null;
/** The communes' boundaries (fetched once per page load). */
export function fetchCommuneMap(province: string): Promise<CommuneMap> {
  mapPromise ??= getJson<CommuneMap>(`/api/v1/dashboard/map?province=${province}`).catch((error: unknown) => {
    mapPromise = null;
    throw error;
  });
  return mapPromise;
}

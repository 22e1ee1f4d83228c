import * as echarts from 'echarts/core';
import { LineChart, MapChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the dashboard draws: the commune map and the trend lines (keeps the chunk small).
echarts.use([MapChart, LineChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, AriaComponent, CanvasRenderer]);

export { echarts };

/** Keeps a chart the size of its element (until the returned function is called). */
export function followSize(element: HTMLElement, chart: echarts.ECharts): () => void {
  const observer = new ResizeObserver(() => {
    if (!chart.isDisposed() && element.clientWidth > 0) chart.resize();
  });
  observer.observe(element);
  return () => observer.disconnect();
}

type Ring = number[][];

/** Twice the signed area and the centroid of a ring (shoelace formula). */
function ringCentroid(ring: Ring): { area: number; x: number; y: number } {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0 = 0, y0 = 0] = ring[i] ?? [];
    const [x1 = 0, y1 = 0] = ring[i + 1] ?? [];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  return area === 0 ? { area: 0, x: ring[0]?.[0] ?? 0, y: ring[0]?.[1] ?? 0 } : { area, x: x / (3 * area), y: y / (3 * area) };
}

function isInside(point: [number, number], ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A point inside a commune's largest polygon (its centroid when that is inside, else a nearby inner point). */
export function interiorPoint(
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] },
): [number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const outer = polygons.map((p) => p[0] ?? []).sort((a, b) => Math.abs(ringCentroid(b).area) - Math.abs(ringCentroid(a).area))[0] ?? [];
  const c = ringCentroid(outer);
  if (isInside([c.x, c.y], outer)) return [c.x, c.y];
  const xs = outer.map((p) => p[0] ?? 0);
  const ys = outer.map((p) => p[1] ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (let step = 2; step <= 16; step *= 2)
    for (let i = 1; i < step; i++)
      for (let j = 1; j < step; j++) {
        const p: [number, number] = [minX + ((maxX - minX) * i) / step, minY + ((maxY - minY) * j) / step];
        if (isInside(p, outer)) return p;
      }
  return [c.x, c.y];
}

/**
 * The frame of the map: the communes' extent without far-off islands (Côn Đảo lies 200 km out at
 * sea and would shrink the city to a corner); the map can still be zoomed and moved to reach them.
 */
export function mainlandBounds(
  features: readonly { geometry: Parameters<typeof interiorPoint>[0] }[],
): [[number, number], [number, number]] {
  const points = features.map((f) => interiorPoint(f.geometry));
  const lats = points.map((p) => p[1]).sort((a, b) => a - b);
  const lngs = points.map((p) => p[0]).sort((a, b) => a - b);
  const median = (values: number[]) => values[Math.floor(values.length / 2)] ?? 0;
  const [midLng, midLat] = [median(lngs), median(lats)];
  let [minLng, maxLng, minLat, maxLat] = [Infinity, -Infinity, Infinity, -Infinity];
  features.forEach((f, i) => {
    const [lng, lat] = points[i] ?? [midLng, midLat];
    if (Math.abs(lng - midLng) > 1.2 || Math.abs(lat - midLat) > 1.2) return;
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const polygon of polygons)
      for (const [x = 0, y = 0] of polygon[0] ?? []) {
        minLng = Math.min(minLng, x);
        maxLng = Math.max(maxLng, x);
        minLat = Math.min(minLat, y);
        maxLat = Math.max(maxLat, y);
      }
  });
  return [
    [minLng, maxLat],
    [maxLng, minLat],
  ];
}

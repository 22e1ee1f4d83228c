import { useEffect, useMemo, useRef } from 'react';
import type { Language } from '../../i18n.ts';
import { echarts, followSize, interiorPoint, mainlandBounds } from './charts.ts';
import type { CommuneMap } from './leaders-api.ts';
import { formatNumber } from './leaders-i18n.ts';

export interface MapValue {
  code: string;
  name: string;
  value: number | null;
}

interface Props {
  geo: CommuneMap;
  province: string;
  values: MapValue[];
  unit: 'points' | 'percent' | 'days';
  isHigherBetter: boolean;
  selected: string | null;
  label: string;
  language: Language;
  onSelect(code: string): void;
  /** The test id of the map's container (several maps can share a page). */
  testId?: string;
  /** Draw every feature (a national map) instead of the mainland part of a province (islands left out). */
  isWhole?: boolean;
}

/**
 * Bản đồ — the province's communes coloured by an indicator (ECharts map series on the commune
 * boundaries, keyed by commune code). Clicking a commune selects it. The container carries where each
 * commune's inner point is drawn (`data-region-pixels`), so tools and tests can point at a commune.
 */
export function CommuneChoropleth({
  geo,
  province,
  values,
  unit,
  isHigherBetter,
  selected,
  label,
  language,
  onSelect,
  testId = 'commune-map',
  isWhole = false,
}: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  const points = useMemo(() => new Map(geo.features.map((f) => [f.properties.code, interiorPoint(f.geometry)])), [geo]);
  const names = useMemo(() => new Map(values.map((v) => [v.code, v.name])), [values]);
  const bounds = useMemo(() => (isWhole ? undefined : mainlandBounds(geo.features)), [geo, isWhole]);

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    echarts.registerMap(`communes-${province}`, geo as never);
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => {
      if (typeof params.name === 'string' && params.name) select.current(params.name);
    });
    const publish = () => {
      const pixels: Record<string, [number, number]> = {};
      for (const [code, point] of points) {
        const p = instance.convertToPixel({ seriesIndex: 0 }, point) as number[] | undefined;
        if (p && Number.isFinite(p[0]) && Number.isFinite(p[1])) pixels[code] = [Math.round(p[0] ?? 0), Math.round(p[1] ?? 0)];
      }
      el.dataset['regionPixels'] = JSON.stringify(pixels);
    };
    // Published after every draw (also after zooming or moving the map).
    instance.on('finished', publish);
    const stopFollowing = followSize(el, instance);
    return () => {
      stopFollowing();
      instance.dispose();
      chart.current = null;
    };
  }, [geo, province, points]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    const numbers = values.map((v) => v.value).filter((v): v is number => v !== null);
    const max = unit === 'percent' ? 100 : Math.max(1, ...numbers);
    const min = unit === 'percent' ? Math.min(...numbers, 100) : Math.min(0, ...numbers);
    // Good is green, bad is red, whichever way the indicator points.
    const colours = ['#b2182b', '#ef8a62', '#fddbc7', '#d1e5f0', '#67a9cf', '#2166ac'];
    instance.setOption(
      {
        aria: { enabled: true, label: { description: label } },
        tooltip: {
          trigger: 'item',
          formatter: (p: { name: string; value?: number }) =>
            `${names.get(p.name) ?? p.name}<br/>${typeof p.value === 'number' && !Number.isNaN(p.value) ? formatNumber(language, p.value, unit === 'points' ? 2 : 1) : '—'}${unit === 'percent' ? ' %' : ''}`,
        },
        visualMap: {
          min,
          max,
          calculable: false,
          left: 8,
          bottom: 8,
          itemHeight: 90,
          inRange: { color: isHigherBetter ? colours : [...colours].reverse() },
          text: [formatNumber(language, max, 0), formatNumber(language, min, 0)],
        },
        series: [
          {
            type: 'map',
            map: `communes-${province}`,
            nameProperty: 'code',
            ...(bounds ? { boundingCoords: bounds } : {}),
            roam: true,
            selectedMode: 'single',
            label: { show: false },
            emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd24a' } },
            select: { label: { show: false }, itemStyle: { areaColor: '#ffbf47', borderColor: '#1b2430', borderWidth: 1.5 } },
            itemStyle: { borderColor: '#ffffff', borderWidth: 0.5, areaColor: '#e5e9ef' },
            data: values.map((v) => ({ name: v.code, value: v.value ?? Number.NaN, selected: v.code === selected })),
          },
        ],
      },
      { notMerge: false },
    );
  }, [values, unit, isHigherBetter, selected, label, language, names, bounds]);

  return <div ref={element} className="commune-map" role="img" aria-label={label} data-testid={testId} />;
}

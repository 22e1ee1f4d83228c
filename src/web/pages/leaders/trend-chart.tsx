import { useEffect, useRef } from 'react';
import { echarts, followSize } from './charts.ts';

interface Series {
  name: string;
  values: (number | null)[];
}

/** Diễn biến — a few percentages month by month (ECharts lines); the table beside it carries the numbers. */
export function TrendChart({ months, series, label }: { months: string[]; series: Series[]; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    instance.setOption({
      aria: { enabled: true, label: { description: label } },
      color: ['#0b3a6f', '#c8102e', '#2e7d32'],
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: series.map((s) => ({ type: 'line', name: s.name, data: s.values, connectNulls: true, symbolSize: 5 })),
    });
    const stopFollowing = followSize(el, instance);
    return () => {
      stopFollowing();
      instance.dispose();
    };
  }, [months, series, label]);
  return <div ref={element} className="trend-chart" role="img" aria-label={label} />;
}

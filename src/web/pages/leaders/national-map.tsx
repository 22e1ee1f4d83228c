import { provinceCode, useLoad } from '../../app-state.tsx';
import { CommuneChoropleth } from './commune-map.tsx';
import { fetchNational, fetchNationalMap, type National } from './leaders-api.ts';
import { formatNumber } from './leaders-i18n.ts';
import { useText } from './use-text.ts';

/**
 * Toàn quốc — the 34 provinces coloured by the dashboard's indicator: this province from its own
 * rollups, the others from imported national-portal evaluations of the period, or shown without data.
 */
export function NationalMap({ period, indicator, indicatorName }: { period: string; indicator: string; indicatorName: string }) {
  const { language, tx } = useText();
  const national = useLoad<National>(`national|${period}|${indicator}`, () => fetchNational(period, indicator));
  const geo = useLoad('national-map', fetchNationalMap);
  if (national.status === 'failed' || geo.status === 'failed') return <p className="error-text">{tx('failed')}</p>;
  if (national.status !== 'ready' || geo.status !== 'ready') return <p className="muted">{tx('loading')}</p>;
  const byCode = new Map(national.data.provinces.map((p) => [p.provinceCode, p]));
  const values = geo.data.features.map((f) => ({
    code: f.properties.code,
    name: language === 'en' ? f.properties.nameEn : f.properties.fullName,
    value: byCode.get(f.properties.code)?.value ?? null,
  }));
  const withData = national.data.provinces.filter((p) => p.value !== null);
  const unit = national.data.indicator.unit;
  return (
    <>
      <CommuneChoropleth
        geo={geo.data}
        province="VN"
        values={values}
        unit={unit}
        isHigherBetter={national.data.indicator.isHigherBetter}
        selected={provinceCode}
        label={tx('nationalLabel', { indicator: indicatorName })}
        language={language}
        onSelect={() => undefined}
        testId="national-map"
        isWhole
      />
      <p className="muted">{tx('nationalSources', { count: withData.length })}</p>
      <ul className="national-values" data-testid="national-values">
        {withData.map((p) => (
          <li key={p.provinceCode}>
            {values.find((v) => v.code === p.provinceCode)?.name ?? p.provinceCode}:{' '}
            <strong>
              {formatNumber(language, p.value ?? 0, unit === 'points' ? 2 : 1)}
              {unit === 'percent' ? ' %' : ''}
            </strong>{' '}
            ({p.source === 'platform' ? tx('sourcePlatform') : tx('sourcePortal')})
          </li>
        ))}
      </ul>
    </>
  );
}

import type { ReactNode } from 'react';
import { useLoad } from '../../app-state.tsx';
import { usePageTitle } from '../../layout.tsx';
import { Link } from '../../router.tsx';
import type { RouteParams } from '../../router.tsx';
import { definitionPath, fetchDefinitions, type Definitions } from './leaders-api.ts';
import { formatNumber } from './leaders-i18n.ts';
import { useText } from './use-text.ts';
import './leaders.css';

type Kpi = Definitions['kpis'][number];
type Group = Definitions['index']['groups'][number];
type Metric = Group['metrics'][number];

type Level = 1 | 2 | 3 | 4;

function Heading({ level, id, children }: { level: Level; id: string; children: ReactNode }) {
  const H = (['h1', 'h2', 'h3', 'h4'] as const)[level - 1] ?? 'h4';
  return <H id={id}>{children}</H>;
}

function Term({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function KpiDefinition({ kpi, level }: { kpi: Kpi; level: Level }) {
  const { language, tx } = useText();
  return (
    <section id={kpi.code} className="definition-entry" aria-labelledby={`def-${kpi.code}`}>
      <Heading level={level} id={`def-${kpi.code}`}>
        {kpi.label[language]}
      </Heading>
      <dl className="definition-list">
        <Term term={tx('defCode')}>
          <code>{kpi.code}</code>
        </Term>
        <Term term={tx('defMeaning')}>{kpi.definition[language]}</Term>
        <Term term={tx('defFormula')}>{kpi.unit === 'percent' ? tx('defPercentFormula') : tx('defDaysFormula')}</Term>
        <Term term={tx('numerator')}>{kpi.numerator[language]}</Term>
        <Term term={tx('denominator')}>{kpi.denominator[language]}</Term>
        <Term term={tx('defDirection')}>{kpi.isHigherBetter ? tx('defHigherBetter') : tx('defLowerBetter')}</Term>
        <Term term={tx('defSource')}>{kpi.source[language]}</Term>
      </dl>
    </section>
  );
}

function MetricDefinition({ metric, group, level }: { metric: Metric; group: Group; level: Level }) {
  const { language, tx } = useText();
  return (
    <section id={metric.code} className="definition-entry" aria-labelledby={`def-${metric.code}`}>
      <Heading level={level} id={`def-${metric.code}`}>
        {metric.label[language]}
      </Heading>
      <dl className="definition-list">
        <Term term={tx('defCode')}>
          <code>{metric.code}</code>
        </Term>
        <Term term={tx('group')}>
          <Link to={definitionPath(group.group)}>{group.label[language]}</Link>
        </Term>
        <Term term={tx('max')}>{formatNumber(language, metric.maxScore)}</Term>
        <Term term={tx('defFormula')}>
          <code>{metric.formula}</code> {tx('defRateIs')}
        </Term>
        <Term term={tx('defCountedIn')}>{tx(`counted_${metric.countedIn}`)}</Term>
        <Term term={tx('defMeasured')}>{metric.isMeasured ? tx('defMeasuredYes') : tx('defMeasuredNo')}</Term>
        {!group.isConfirmed && (
          <Term term={tx('unconfirmed')}>
            <strong className="badge-warning">{tx('unconfirmed')}</strong> {group.note?.[language]}
          </Term>
        )}
      </dl>
    </section>
  );
}

function GroupDefinition({ group, reference, level }: { group: Group; reference: string; level: Level }) {
  const { language, tx } = useText();
  return (
    <section id={group.group} className="definition-entry" aria-labelledby={`def-${group.group}`}>
      <Heading level={level} id={`def-${group.group}`}>
        {group.label[language]} {!group.isConfirmed && <span className="badge-warning">{tx('unconfirmed')}</span>}
      </Heading>
      <dl className="definition-list">
        <Term term={tx('max')}>{formatNumber(language, group.maxScore)}</Term>
        <Term term={tx('defGroupTotal')}>{tx('defGroupTotalText')}</Term>
        {group.note && <Term term={tx('defNote')}>{group.note[language]}</Term>}
        <Term term={tx('defSource')}>{reference}</Term>
      </dl>
      {group.metrics.map((m) => (
        <MetricDefinition key={m.code} metric={m} group={group} level={(level + 1) as Level} />
      ))}
    </section>
  );
}

/**
 * /lanh-dao/dinh-nghia[/:code] — what each number of the dashboard means: formula, numerator and
 * denominator, source, and whether the formula is confirmed publicly. Public, like the definitions API.
 */
export default function DefinitionsPage({ params }: { params: RouteParams }) {
  const { language, tx } = useText();
  const code = params['code'] ? decodeURIComponent(params['code']) : null;
  const state = useLoad('definitions', fetchDefinitions);
  const data = state.status === 'ready' ? state.data : null;
  const kpi = data?.kpis.find((k) => k.code === code);
  const group = data?.index.groups.find((g) => g.group === code);
  const metricGroup = data?.index.groups.find((g) => g.metrics.some((m) => m.code === code));
  const metric = metricGroup?.metrics.find((m) => m.code === code);
  const title = kpi?.label[language] ?? group?.label[language] ?? metric?.label[language] ?? tx('definitionsTitle');
  usePageTitle(title);
  if (state.status === 'loading') return <p className="muted">{tx('loading')}</p>;
  if (state.status === 'failed' || !data) return <p className="error-text">{tx('failed')}</p>;
  const reference = `${data.index.reference[language]} — ${data.index.formulaSetId}`;
  const back = (
    <p>
      <Link to="/lanh-dao/dinh-nghia">{tx('definitionsAll')}</Link> · <Link to="/lanh-dao">{tx('title')}</Link>
    </p>
  );
  if (code !== null) {
    if (kpi)
      return (
        <div className="leaders definitions">
          {back}
          <KpiDefinition kpi={kpi} level={1} />
        </div>
      );
    if (group)
      return (
        <div className="leaders definitions">
          {back}
          <GroupDefinition group={group} reference={reference} level={1} />
        </div>
      );
    if (metric && metricGroup)
      return (
        <div className="leaders definitions">
          {back}
          <MetricDefinition metric={metric} group={metricGroup} level={1} />
          <p className="muted">{reference}</p>
        </div>
      );
    return (
      <div className="leaders definitions">
        <h1>{tx('definitionsTitle')}</h1>
        <p role="alert">{tx('definitionUnknown', { code })}</p>
        {back}
      </div>
    );
  }
  return (
    <div className="leaders definitions">
      <h1>{tx('definitionsTitle')}</h1>
      <p className="lead">{tx('definitionsIntro')}</p>
      <p>
        <Link to="/lanh-dao">{tx('title')}</Link>
      </p>
      <nav aria-label={tx('definitionsTitle')}>
        <ul className="definition-index">
          {data.kpis.map((k) => (
            <li key={k.code}>
              <Link to={definitionPath(k.code)}>{k.label[language]}</Link>
            </li>
          ))}
          {data.index.groups.map((g) => (
            <li key={g.group}>
              <Link to={definitionPath(g.group)}>{g.label[language]}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{tx('kpis')}</h2>
      {data.kpis.map((k) => (
        <KpiDefinition key={k.code} kpi={k} level={3} />
      ))}
      <h2>{tx('index')}</h2>
      <p>{reference}</p>
      {data.index.groups.map((g) => (
        <GroupDefinition key={g.group} group={g} reference={reference} level={3} />
      ))}
    </div>
  );
}

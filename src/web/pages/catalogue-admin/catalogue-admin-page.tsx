// The procedure words (durations) load with this page too.
import '../../i18n-services.ts';
import { useId, useState, type FormEvent } from 'react';
import { ApiError, call, fetchProcedure, type ProcedureDetail, type SearchProceduresResponse } from '../../api.ts';
import { useI18n, useLoad, useSession } from '../../app-state.tsx';
import { describeError } from '../../errors.ts';
import { ErrorMessage, describedBy } from '../../form-controls.tsx';
import { formatDay, formatMoney } from '../../i18n.ts';
import { usePageTitle } from '../../layout.tsx';
import { Duration } from '../../procedure-text.tsx';
import { Link, type RouteParams } from '../../router.tsx';
import { useSending } from '../feedback/dossier-feedback.tsx';
import { catalogueAdminText, type CatalogueAdminKey } from './catalogue-admin-i18n.ts';
import { changesOf, draftOf, type EditDraft, type EditErrors, type EditField, type OnlineLevel, type TimeUnit } from './catalogue-edit.ts';
import type { ProcedureContent } from '../../../procedures/domain/procedure.ts';
import '../leaders/leaders.css';

function useText() {
  const { language } = useI18n();
  return { language, cx: (key: CatalogueAdminKey, values?: Record<string, string | number>) => catalogueAdminText(language, key, values) };
}

const timeUnits: readonly TimeUnit[] = ['working_days', 'days', 'hours', 'months'];
const onlineLevels: readonly OnlineLevel[] = ['full', 'partial'];

/** /can-bo/thu-tuc — the province's catalogue, searched accent-insensitively, each procedure opening its editor. */
function CatalogueList() {
  const { cx } = useText();
  const id = useId();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const list = useLoad(`catalogue|${query}`, () =>
    call<SearchProceduresResponse>('GET', `/api/v1/procedures?pageSize=100${query ? `&q=${encodeURIComponent(query)}` : ''}`),
  );
  return (
    <>
      <form
        role="search"
        className="search-row catalogue-search"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(typed.trim());
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-q`}>{cx('search')}</label>
          <p id={`${id}-q-hint`} className="hint">
            {cx('searchHint')}
          </p>
          <input id={`${id}-q`} type="search" aria-describedby={`${id}-q-hint`} value={typed} onChange={(e) => setTyped(e.target.value)} />
        </div>
        <button type="submit" className="button button-secondary">
          {cx('searchButton')}
        </button>
      </form>
      {list.status === 'loading' && <p className="muted">{cx('loading')}</p>}
      {list.status === 'failed' && <p className="error-text">{cx('failed')}</p>}
      {list.status === 'ready' && (
        <>
          <p role="status">{cx('count', { count: list.data.total })}</p>
          <div className="table-scroll">
            <table className="data-table" data-testid="catalogue">
              <thead>
                <tr>
                  <th scope="col">{cx('colCode')}</th>
                  <th scope="col">{cx('colName')}</th>
                  <th scope="col">{cx('colVersion')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((p) => (
                  <tr key={p.code}>
                    <td className="mono">{p.code}</td>
                    <th scope="row" lang="vi">
                      <Link to={`/can-bo/thu-tuc/${p.code}`}>{p.name}</Link>
                    </th>
                    <td>{p.version}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

/** One text or number input with its label, hint and inline error. */
function Input(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  hint?: string | undefined;
  inputMode?: 'decimal' | 'numeric';
  multiline?: boolean;
  lang?: string;
}) {
  const { id, error, hint } = props;
  const common = {
    id,
    value: props.value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint !== undefined, error !== undefined),
    lang: props.lang,
  };
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <ErrorMessage id={`${id}-error`} error={error} />
      {props.multiline ? (
        <textarea {...common} rows={3} maxLength={1000} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" inputMode={props.inputMode} onChange={(e) => props.onChange(e.target.value)} />
      )}
    </div>
  );
}

function Editor({
  procedure,
  onPublished,
  onReload,
}: {
  procedure: ProcedureDetail;
  onPublished(version: number): void;
  onReload(): void;
}) {
  const { cx, language } = useText();
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<EditDraft>(() => draftOf(procedure));
  const [errors, setErrors] = useState<EditErrors>({});
  const [failure, setFailure] = useState<{ message: string; isConflict: boolean } | null>(null);
  const [isBusy, setBusy] = useState(false);
  const set = (change: Partial<EditDraft>) => setDraft({ ...draft, ...change });
  const err = (field: EditField) => {
    const key = errors[field];
    return key ? cx(key) : undefined;
  };
  const setFee = (i: number, change: Partial<EditDraft['fees'][number]>) =>
    set({ fees: draft.fees.map((f, j) => (j === i ? { ...f, ...change } : f)) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const checked = changesOf(procedure, draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = Object.keys(checked.errors)[0];
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const published = await call<{ version: number }>('POST', `/api/v1/admin/procedures/${procedure.code}/versions`, {
        basedOnVersion: procedure.version,
        changeNote: checked.changeNote,
        changes: checked.changes,
      });
      onPublished(published.version);
    } catch (e) {
      setFailure({ message: describeError(e, t), isConflict: e instanceof ApiError && e.code === 'PROCEDURE_VERSION_CONFLICT' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby="editor-title" className="catalogue-form">
      <p className="muted">{cx('currentVersion', { version: procedure.version, date: formatDay(language, procedure.publishedAt) })}</p>

      <fieldset>
        <legend>{cx('sectionName')}</legend>
        <Input id={`${id}-name`} label={cx('name')} lang="vi" value={draft.name} onChange={(name) => set({ name })} error={err('name')} />
        <Input id={`${id}-nameEn`} label={cx('nameEn')} lang="en" value={draft.nameEn} onChange={(nameEn) => set({ nameEn })} />
      </fieldset>

      <fieldset>
        <legend>{cx('sectionTime')}</legend>
        <Input
          id={`${id}-timeAmount`}
          label={cx('timeAmount')}
          inputMode="decimal"
          value={draft.timeAmount}
          onChange={(timeAmount) => set({ timeAmount })}
          error={err('timeAmount')}
        />
        <div className="field">
          <label htmlFor={`${id}-timeUnit`}>{cx('timeUnit')}</label>
          <select id={`${id}-timeUnit`} value={draft.timeUnit} onChange={(e) => set({ timeUnit: e.target.value as TimeUnit })}>
            {timeUnits.map((u) => (
              <option key={u} value={u}>
                {cx(`unit_${u}`)}
              </option>
            ))}
          </select>
        </div>
        <Input
          id={`${id}-timeNote`}
          label={cx('timeNote')}
          lang="vi"
          multiline
          value={draft.timeNote}
          onChange={(timeNote) => set({ timeNote })}
        />
      </fieldset>

      <fieldset>
        <legend>{cx('onlineLevel')}</legend>
        {onlineLevels.map((level) => (
          <div className="radio" key={level}>
            <input
              id={`${id}-online-${level}`}
              type="radio"
              name={`${id}-online`}
              checked={draft.onlineLevel === level}
              onChange={() => set({ onlineLevel: level })}
            />
            <label htmlFor={`${id}-online-${level}`}>{cx(`online_${level}`)}</label>
          </div>
        ))}
      </fieldset>

      <fieldset>
        <legend>{cx('sectionFees')}</legend>
        {draft.fees.map((fee, i) => {
          const n = i + 1;
          const isConditional = Boolean(fee.original?.appliesWhen || fee.original?.perUnit || fee.original?.exemptions?.length);
          return (
            <div className="card fee-card" key={i} data-testid="fee">
              <Input
                id={`${id}-fee-${i}-name`}
                label={cx('feeName', { n })}
                lang="vi"
                value={fee.name}
                onChange={(name) => setFee(i, { name })}
                error={err(`fee-${i}-name`)}
              />
              <Input
                id={`${id}-fee-${i}-amount`}
                label={cx('feeAmount')}
                hint={cx('feeAmountHint')}
                inputMode="numeric"
                value={fee.amount}
                onChange={(amount) => setFee(i, { amount })}
                error={err(`fee-${i}-amount`)}
              />
              <Input
                id={`${id}-fee-${i}-rule`}
                label={cx('feeRule')}
                lang="vi"
                multiline
                value={fee.rule}
                onChange={(rule) => setFee(i, { rule })}
              />
              {isConditional && <p className="hint">{cx('feeConditional')}</p>}
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => set({ fees: draft.fees.filter((_, j) => j !== i) })}
              >
                {cx('removeFee', { n })}
              </button>
            </div>
          );
        })}
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => set({ fees: [...draft.fees, { original: null, name: '', amount: '', rule: '' }] })}
        >
          {cx('addFee')}
        </button>
      </fieldset>

      <fieldset aria-describedby={`${id}-components-hint`}>
        <legend>{cx('sectionComponents')}</legend>
        <p id={`${id}-components-hint`} className="hint">
          {cx('componentsHint')}
        </p>
        {procedure.components.map((c) => (
          <div className="checkbox" key={c.code}>
            <input
              id={`${id}-component-${c.code}`}
              type="checkbox"
              checked={draft.required[c.code] ?? c.isRequired}
              onChange={(e) => set({ required: { ...draft.required, [c.code]: e.target.checked } })}
            />
            <label htmlFor={`${id}-component-${c.code}`} lang="vi">
              {c.name}
            </label>
          </div>
        ))}
      </fieldset>

      <Input
        id={`${id}-changeNote`}
        label={cx('changeNote')}
        hint={cx('changeNoteHint')}
        lang="vi"
        multiline
        value={draft.changeNote}
        onChange={(changeNote) => set({ changeNote })}
        error={err('changeNote')}
      />

      {failure && (
        <div className="alert alert-error" role="alert">
          <p>{failure.message}</p>
          {failure.isConflict && (
            <button type="button" className="button button-secondary" onClick={onReload}>
              {cx('reload')}
            </button>
          )}
        </div>
      )}
      <button type="submit" className="button button-primary" disabled={isBusy}>
        {isBusy ? cx('publishing') : cx('publish')}
      </button>
    </form>
  );
}

/** GET /api/v1/admin/procedures/{code}/reference */
interface ReferenceState {
  state: 'none' | 'same' | 'differs';
  reference: ProcedureContent | null;
}

/**
 * When this release's reference catalogue says something else than the current version (the
 * province edited it, or a new release changed it): what the reference says, and going back to it.
 */
function ReferencePanel({ procedure, onPublished }: { procedure: ProcedureDetail; onPublished(version: number): void }) {
  const { cx, language } = useText();
  const { error, isBusy, send } = useSending();
  const state = useLoad(`reference|${procedure.code}|${procedure.version}`, () =>
    call<ReferenceState>('GET', `/api/v1/admin/procedures/${procedure.code}/reference`),
  );
  if (state.status !== 'ready' || state.data.state !== 'differs' || !state.data.reference) return null;
  const reference = state.data.reference;
  const apply = () =>
    send(async () => {
      const published = await call<{ version: number }>('POST', `/api/v1/admin/procedures/${procedure.code}/reference`, {
        basedOnVersion: procedure.version,
      });
      onPublished(published.version);
    });
  return (
    <section className="alert alert-warn" aria-labelledby="reference-title" data-testid="reference">
      <h2 id="reference-title" className="alert-title">
        {cx('referenceTitle')}
      </h2>
      <p>{cx('referenceExplain')}</p>
      <ul className="plain-list">
        <li>
          {cx('sectionTime')}: <Duration amount={reference.timeAmount} unit={reference.timeUnit} />
        </li>
        <li>
          {cx('onlineLevel')}: {cx(`online_${reference.onlineLevel}`)}
        </li>
        {reference.fees.map((fee, i) => (
          <li key={i} lang="vi">
            {fee.name}: {fee.amountVnd !== undefined ? formatMoney(language, fee.amountVnd) : ''} {fee.rule ?? ''}
          </li>
        ))}
      </ul>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button button-secondary" disabled={isBusy} onClick={() => void apply()}>
        {cx('referenceApply')}
      </button>
    </section>
  );
}

function History({ procedure }: { procedure: ProcedureDetail }) {
  const { cx, language } = useText();
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{cx('history')}</h2>
      <ol className="plain-list" reversed data-testid="versions">
        {[...procedure.versions].reverse().map((v) => (
          <li key={v.version}>
            <strong>{v.version}</strong> · {formatDay(language, v.publishedAt)} · {cx(`source_${v.source}`)}
            {v.changeNote && <span lang="vi"> — {v.changeNote}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** /can-bo/thu-tuc/:code — the editor of one procedure; publishing makes a new version and reloads it. */
function ProcedureEditor({ code }: { code: string }) {
  const { cx } = useText();
  const [round, setRound] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const state = useLoad(`admin-procedure|${code}|${round}`, () => fetchProcedure(code));
  const reload = () => {
    setRound(round + 1);
    window.scrollTo(0, 0);
  };
  const published = (version: number) => {
    setAnnouncement(cx('published', { version, code }));
    reload();
  };
  return (
    <>
      <p>
        <Link to="/can-bo/thu-tuc">{cx('back')}</Link>
      </p>
      <h1 id="editor-title">{cx('editTitle', { code })}</h1>
      {announcement && (
        <p className="alert alert-success" role="status">
          {announcement}
        </p>
      )}
      {state.status === 'loading' && <p className="muted">{cx('loading')}</p>}
      {state.status === 'failed' && <p className="error-text">{cx('failed')}</p>}
      {state.status === 'ready' && (
        <>
          <p className="lead" lang="vi">
            {state.data.name} · <Link to={`/thu-tuc/${code}`}>{cx('publicPage')}</Link>
          </p>
          <ReferencePanel key={`reference-${state.data.versionId}`} procedure={state.data} onPublished={published} />
          <Editor key={state.data.versionId} procedure={state.data} onPublished={published} onReload={reload} />
          <History procedure={state.data} />
        </>
      )}
    </>
  );
}

/** Quản trị danh mục thủ tục: the province's system administrators keep its procedures up to date. */
export default function CatalogueAdminPage({ params }: { params: RouteParams }) {
  const { state } = useSession();
  const { cx } = useText();
  usePageTitle(cx('title'));
  const code = params['code'];
  if (state.status === 'loading') return <p className="muted">{cx('loading')}</p>;
  const principal = state.status === 'ready' ? state.session.principal : null;
  const isAdmin = principal?.kind === 'officer' && principal.roles.some((r) => r.role === 'system_admin');
  if (!isAdmin)
    return (
      <>
        <h1>{cx('title')}</h1>
        <p>{cx('notAllowed')}</p>
        {!principal && (
          <p>
            <Link to="/can-bo/dang-nhap">{cx('signIn')}</Link>
          </p>
        )}
      </>
    );
  if (code) return <ProcedureEditor code={code} />;
  return (
    <>
      <h1>{cx('title')}</h1>
      <p className="lead">{cx('intro')}</p>
      <CatalogueList />
    </>
  );
}

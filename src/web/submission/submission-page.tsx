// The words of this page load with it.
import '../i18n-services.ts';
import '../i18n-store.ts';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import type { FormDefinition } from '../../procedures/forms/definition.ts';
import { validateFormData, type FormError } from '../../procedures/forms/validate.ts';
import {
  ApiError,
  citizenSignInUrlTo,
  deleteDraft,
  fetchDraft,
  fetchProcedure,
  fetchReceivingAgencies,
  saveDraft,
  submitDossier,
  type Attachment,
  type CitizenPrincipal,
  type Contact,
  type DraftInput,
  type ProcedureDetail,
  type SubmissionInput,
} from '../api.ts';
import { provinceCode, useI18n, useLoad, useSession } from '../app-state.tsx';
import { describeError } from '../errors.ts';
import { formatDateTime, translate, type MessageKey } from '../i18n.ts';
import { usePageTitle } from '../layout.tsx';
import { procedureName } from '../procedure-text.tsx';
import { Link, navigate, useLocation, type RouteParams } from '../router.tsx';
import { fetchReusableDocuments } from '../store-api.ts';
import { AgencyStep } from './agency-step.tsx';
import { FieldScopeContext, FieldView, type FieldScope } from './fields.tsx';
import {
  carryOverDraft,
  contactForm,
  defaultAgency,
  derivePages,
  describePath,
  errorsOfPage,
  fieldId,
  firstPageWithErrors,
  newIdempotencyKey,
  serverFieldErrors,
  setAt,
  storeChoices,
  uploadSlots,
  visiblePages,
  withEmptyGroups,
  withFileIds,
  withoutHiddenFields,
  type FlowPage,
  type FormData,
} from './flow.ts';
import { ApplicantRows, ReviewSummary } from './review-step.tsx';
import { UploadField, UploadsContext, type Uploads } from './upload-field.tsx';

type LoadState = { status: 'loading' } | { status: 'ready' } | { status: 'failed'; error: unknown };
type SaveState = { status: 'idle' } | { status: 'saving' } | { status: 'saved'; at: string } | { status: 'failed' };

/** An error the web app itself raises (a missing agency or upload), in both languages like the validator's. */
function ownError(path: string, key: MessageKey): FormError {
  const messages = { vi: translate('vi', key), en: translate('en', key) };
  return { path, code: 'required', message: messages.vi, messages };
}

/** COMPONENT_MISSING's `details.components`: `{code, name}` items (codes alone are accepted too). */
function missingComponentCodes(details: unknown): string[] {
  const list = (details as { components?: unknown } | null)?.components;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    if (typeof item === 'string') return [item];
    const code =
      (item as { code?: unknown; componentCode?: unknown } | null)?.code ?? (item as { componentCode?: unknown } | null)?.componentCode;
    return typeof code === 'string' ? [code] : [];
  });
}

/** Moves focus to the control an error summary link names (into a group, its first control). */
function focusControl(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  const control = target.matches('input, select, textarea, button')
    ? target
    : target.querySelector<HTMLElement>('input, select, textarea, button');
  (control ?? target).focus();
  (control ?? target).scrollIntoView({ block: 'center' });
}

function Flow({ procedure, citizen }: { procedure: ProcedureDetail; citizen: CitizenPrincipal }) {
  const { t, language } = useI18n();
  const { search } = useLocation();
  // The server validated the definition when the version was published (procedureContent schema).
  const definition = procedure.formDefinition as unknown as FormDefinition | null;
  const allPages = useMemo(() => derivePages(definition), [definition]);
  const basePath = `/thu-tuc/${procedure.code}/nop-ho-so`;

  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [loadAttempt, setLoadAttempt] = useState(0);
  const [data, setData] = useState<FormData>({});
  const [uploads, setUploadsState] = useState<Record<string, readonly Attachment[]>>({});
  const [agencyCode, setAgencyCode] = useState<string | null>(null);
  const [contact, setContact] = useState<Contact>({});
  const [attempted, setAttempted] = useState<ReadonlySet<string>>(new Set());
  const [serverErrors, setServerErrors] = useState<FormError[]>([]);
  const [notice, setNotice] = useState<string>('');
  const [saveState, setSaveState] = useState<SaveState>({ status: 'idle' });
  const [submitState, setSubmitState] = useState<{ status: 'idle' } | { status: 'submitting' } | { status: 'failed'; message: string }>({
    status: 'idle',
  });
  const [summaryFocus, setSummaryFocus] = useState(0);
  // The session ended (expired, or signed out in another tab): nothing saves until the applicant signs in again.
  const [isSignedOut, setSignedOut] = useState(false);
  const agencies = useLoad('receiving-agencies', () => fetchReceivingAgencies(provinceCode));
  // Once-only: valid documents of the applicant's store that stand for components (no upload needed).
  const reusable = useLoad(`reusable-${procedure.code}-${citizen.id}`, () => fetchReusableDocuments(procedure.code));
  const [declinedStore, setDeclinedStore] = useState<ReadonlySet<string>>(new Set());

  const pages = visiblePages(allPages, data);
  const requested = Number(search.get('buoc'));
  const index = Math.min(Math.max(Number.isInteger(requested) && requested > 0 ? requested - 1 : 0, 0), pages.length - 1);
  const page = pages[index] as FlowPage;
  const isCorrecting = search.get('sua') === '1';

  // ---- the draft: resumed on load (from any device), saved a moment after each change ----

  useEffect(() => {
    let isCurrent = true;
    fetchDraft(procedure.code).then(
      (draft) => {
        if (!isCurrent) return;
        // A draft of an earlier version (the procedure changed since): its answers carry over to this one.
        const isOutdated = draft.procedureVersion !== procedure.version;
        const resumed = isOutdated
          ? carryOverDraft(
              definition,
              procedure.components.map((c) => c.code),
              draft,
            )
          : draft;
        setData(resumed.formData);
        setUploadsState(resumed.attachments);
        setAgencyCode(draft.receivingAgencyCode);
        if (draft.contact) setContact(draft.contact);
        setNotice(isOutdated ? t('flow.draftCarriedOver') : t('flow.resumed', { time: formatDateTime(language, draft.updatedAt) }));
        // The draft is kept under the current version from now on.
        if (isOutdated) isDirty.current = true;
        // Reopen where the applicant stopped: the first page with something still missing.
        if (!new URLSearchParams(window.location.search).has('buoc') && definition) {
          const resumedPages = visiblePages(allPages, resumed.formData);
          const complete = withFileIds(definition, resumed.formData, resumed.attachments);
          const errors = validateFormData(definition, withEmptyGroups(definition.fields, complete));
          const first = firstPageWithErrors(resumedPages, errors);
          if (first > 0) navigate(`${basePath}?buoc=${first + 1}`, { replace: true });
        }
        setLoad({ status: 'ready' });
      },
      (error: unknown) => {
        if (!isCurrent) return;
        // No draft yet (DRAFT_NOT_FOUND, or no draft API on this server): start empty.
        if (error instanceof ApiError && error.status === 404) setLoad({ status: 'ready' });
        else setLoad({ status: 'failed', error });
      },
    );
    return () => {
      isCurrent = false;
    };
    // Loaded once per procedure version (and on "try again"); language changes must not reload it.
  }, [procedure.code, procedure.version, loadAttempt]);

  // The suggested receiving agency: the centre of the applicant's own commune.
  const agencyList = agencies.status === 'ready' ? agencies.data.items : [];
  const homeAgency = defaultAgency(agencyList, citizen.addressUnitCode);
  useEffect(() => {
    if (load.status === 'ready' && agencyCode === null && homeAgency) setAgencyCode(homeAgency.code);
  }, [load.status, agencyCode, homeAgency]);

  const isDirty = useRef(false);
  const isSubmitted = useRef(false);
  const draftKeepsContact = useRef(true);
  const saveQueue = useRef<Promise<void>>(Promise.resolve());
  const latestDraft = useRef<DraftInput | null>(null);
  latestDraft.current = {
    procedureVersion: procedure.version,
    ...(agencyCode ? { receivingAgencyCode: agencyCode } : {}),
    formData: data,
    attachmentIds: Object.fromEntries(Object.entries(uploads).map(([code, list]) => [code, list.map((a) => a.id)])),
    contact,
  };

  const save = useCallback((): Promise<void> => {
    saveQueue.current = saveQueue.current.then(async () => {
      const draft = latestDraft.current;
      if (!isDirty.current || isSubmitted.current || !draft) return;
      isDirty.current = false;
      setSaveState({ status: 'saving' });
      try {
        const body = draftKeepsContact.current ? draft : { ...draft, contact: undefined };
        let saved;
        try {
          saved = await saveDraft(procedure.code, body);
        } catch (error) {
          // A server that does not keep the contact in drafts (yet) rejects the key: save the rest.
          if (!(error instanceof ApiError && error.code === 'VALIDATION_FAILED' && draftKeepsContact.current)) throw error;
          draftKeepsContact.current = false;
          saved = await saveDraft(procedure.code, { ...draft, contact: undefined });
        }
        setSaveState({ status: 'saved', at: saved.updatedAt });
      } catch (error) {
        isDirty.current = true;
        setSaveState({ status: 'failed' });
        if (error instanceof ApiError && error.status === 401) setSignedOut(true);
      }
    });
    return saveQueue.current;
  }, [procedure.code]);

  useEffect(() => {
    if (!isDirty.current) return;
    const timer = window.setTimeout(() => void save(), 800);
    return () => window.clearTimeout(timer);
  }, [data, uploads, agencyCode, contact, save]);

  const changed = () => {
    isDirty.current = true;
    setServerErrors([]);
  };
  const setValue = useCallback((path: readonly (string | number)[], value: unknown) => {
    changed();
    setData((current) => setAt(current, path, value));
  }, []);
  const uploadsContext = useMemo<Uploads>(
    () => ({
      uploads,
      setUploads: (code, list) => {
        changed();
        setUploadsState((current) => ({ ...current, [code]: list }));
      },
    }),
    [uploads],
  );

  // ---- validation: the same rules as the server, page by page ----

  const effectiveData = withFileIds(definition, data, uploads);
  // An address without a commune fails as "wrong type"; to the applicant it is a choice still to make.
  const formErrors = (
    definition ? validateFormData(definition, withEmptyGroups(definition.fields, effectiveData), { lang: language }) : []
  ).map((error) =>
    error.code === 'invalid_type' && error.path.endsWith('.communeCode') ? ownError(error.path, 'form.address.chooseCommune') : error,
  );
  const contactErrors = validateFormData(contactForm, { contact }, { lang: language });
  const fromStore = storeChoices(reusable.status === 'ready' ? reusable.data.documents : [], declinedStore, uploads);
  const slots = uploadSlots(
    procedure.components,
    definition,
    effectiveData,
    { isIdentityVerified: Number(citizen.identityLevel) >= 2 },
    fromStore,
  );
  const slotPath = (slot: (typeof slots)[number]) => slot.field?.name ?? `component-${slot.code}`;

  const clientErrorsOf = (p: FlowPage): FormError[] => {
    switch (p.kind) {
      case 'applicant':
        return contactErrors;
      case 'attachments':
        return [
          ...errorsOfPage(p, formErrors),
          ...slots
            .filter((slot) => slot.field === null && slot.isRequired && (uploads[slot.code] ?? []).length === 0)
            .map((slot) => ownError(slotPath(slot), 'upload.missing')),
        ];
      case 'agency':
        return agencyCode ? [] : [ownError('agency', 'agency.missing')];
      default:
        return errorsOfPage(p, formErrors);
    }
  };
  const serverErrorsOf = (p: FlowPage): FormError[] => {
    if (p.kind === 'agency') return serverErrors.filter((e) => e.path === 'agency');
    if (p.kind === 'attachments') return serverErrors.filter((e) => slots.some((slot) => slotPath(slot) === e.path));
    return p.kind === 'applicant' ? [] : errorsOfPage(p, serverErrors);
  };
  const shownErrorsOf = (p: FlowPage): FormError[] => {
    const shown = [...(attempted.has(p.key) ? clientErrorsOf(p) : []), ...serverErrorsOf(p)];
    return shown.filter((error, i) => shown.findIndex((e) => e.path === error.path) === i);
  };

  const pageErrors = shownErrorsOf(page);
  // On the review page the summary lists every page's problems, each linking to its page.
  const summaryErrors =
    page.kind === 'review'
      ? pages.flatMap((p, i) => shownErrorsOf(p).map((error) => ({ error, step: i })))
      : pageErrors.map((error) => ({ error, step: index }));
  const errorMap = new Map(pageErrors.map((error) => [error.path, error]));

  // ---- focus: the step heading after moving between steps, the summary after a failed attempt ----

  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const isFirstStep = useRef(true);
  useEffect(() => {
    if (isFirstStep.current) {
      isFirstStep.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [index]);
  useEffect(() => {
    if (summaryFocus > 0) summaryRef.current?.focus();
  }, [summaryFocus]);

  const title = (p: FlowPage): string => {
    switch (p.kind) {
      case 'applicant':
        return t('flow.page.applicant');
      case 'fields':
        return p.title ? p.title[language] : t('flow.page.other');
      case 'attachments':
        return t('flow.page.attachments');
      case 'agency':
        return t('flow.page.agency');
      case 'review':
        return t('flow.page.review');
    }
  };
  const stepText = t('flow.step', { current: index + 1, total: pages.length });
  usePageTitle(`${title(page)} (${stepText})`);

  const goNext = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted((current) => new Set([...current, page.key]));
    if (clientErrorsOf(page).length > 0 || serverErrorsOf(page).length > 0) {
      setSummaryFocus((n) => n + 1);
      return;
    }
    setNotice('');
    void save();
    navigate(`${basePath}?buoc=${isCorrecting ? pages.length : index + 2}`);
  };

  // One Idempotency-Key per attempt: a retry of the same body (a lost answer) reuses it, an edited body gets a new one.
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(new Set(pages.map((p) => p.key)));
    if (pages.some((p) => clientErrorsOf(p).length > 0) || serverErrors.length > 0) {
      setSummaryFocus((n) => n + 1);
      return;
    }
    const input: SubmissionInput = {
      procedureCode: procedure.code,
      procedureVersion: procedure.version,
      receivingAgencyCode: agencyCode ?? '',
      formData: definition ? withoutHiddenFields(definition.fields, effectiveData) : {},
      components: [
        ...slots
          .map((slot) => ({ componentCode: slot.code, attachmentIds: (uploads[slot.code] ?? []).map((a) => a.id) }))
          .filter((component) => component.attachmentIds.length > 0),
        ...slots.flatMap((slot) =>
          slot.storeDocument ? [{ componentCode: slot.code, attachmentIds: [], storeDocumentId: slot.storeDocument.id }] : [],
        ),
      ],
      contact: JSON.parse(JSON.stringify(contact)) as Contact,
    };
    const body = JSON.stringify(input);
    if (attempt.current?.body !== body) attempt.current = { key: newIdempotencyKey(), body };
    setSubmitState({ status: 'submitting' });
    try {
      const dossier = await submitDossier(input, attempt.current.key);
      isSubmitted.current = true;
      await deleteDraft(procedure.code).catch(() => undefined);
      navigate(`/ho-so/${encodeURIComponent(dossier.code)}?moi=1`, { replace: true });
    } catch (error) {
      // A new version was published while the applicant filled the form: keep the answers in the draft
      // and reload, so the form of the current version opens with them (carried over) and a notice.
      if (error instanceof ApiError && error.code === 'PROCEDURE_VERSION_NOT_CURRENT') {
        isDirty.current = true;
        await save();
        window.location.reload();
        return;
      }
      if (error instanceof ApiError && error.code === 'FORM_INVALID') setServerErrors(serverFieldErrors(error.details));
      if (error instanceof ApiError && error.code === 'COMPONENT_MISSING') {
        const codes = missingComponentCodes(error.details);
        setServerErrors(slots.filter((slot) => codes.includes(slot.code)).map((slot) => ownError(slotPath(slot), 'upload.missing')));
      }
      if (error instanceof ApiError && error.code === 'AGENCY_NOT_RECEIVING')
        setServerErrors([
          {
            ...ownError('agency', 'agency.missing'),
            message: error.message,
            messages: error.messages ?? { vi: error.message, en: error.message },
          },
        ]);
      if (error instanceof ApiError && error.status === 401) setSignedOut(true);
      setSubmitState({ status: 'failed', message: describeError(error, t) });
      setSummaryFocus((n) => n + 1);
    }
  };

  if (load.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (load.status === 'failed') {
    return (
      <div className="alert alert-error" role="alert">
        <p>{t('flow.draftLoadFailed', { message: describeError(load.error, t) })}</p>
        <button type="button" className="button button-secondary" onClick={() => setLoadAttempt((n) => n + 1)}>
          {t('app.retry')}
        </button>
      </div>
    );
  }

  const fieldScope: FieldScope = { root: data, errors: errorMap, setValue };
  const contactScope: FieldScope = {
    root: { contact },
    errors: errorMap,
    setValue: (path, value) => {
      changed();
      setContact((current) => (setAt({ contact: current }, path, value)['contact'] ?? {}) as Contact);
    },
  };
  /** "Field: message"; the review page lists every page, so there the label carries its group ("Mẹ — Nơi cư trú"). */
  const summaryText = (error: FormError, onPage: FlowPage) => {
    const trail =
      onPage.kind === 'applicant'
        ? describePath(contactForm.fields, error.path).slice(1)
        : describePath(definition?.fields ?? [], error.path);
    const label = page.kind === 'review' ? trail.map((l) => l[language]).join(' — ') : trail.slice(-1)[0]?.[language];
    const slot = slots.find((s) => slotPath(s) === error.path);
    const name = error.path === 'agency' ? t('flow.page.agency') : (slot?.name ?? label);
    return name ? `${name}: ${error.messages[language]}` : error.messages[language];
  };

  return (
    <div className="flow narrow-wide">
      <p className="eyebrow">{t('flow.eyebrow', { name: procedureName(procedure, language) })}</p>
      <div className="progress" aria-hidden="true">
        <div className="progress-bar" style={{ width: `${((index + 1) / pages.length) * 100}%` }} />
      </div>
      <h1 ref={headingRef} tabIndex={-1}>
        <span className="step-caption">{stepText}</span> {title(page)}
      </h1>

      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {isSignedOut && (
        <div className="alert alert-error" role="alert">
          <p>{t('flow.signedOut')}</p>
          <a className="button button-secondary" href={citizenSignInUrlTo(`${basePath}?buoc=${index + 1}`)}>
            {t('flow.signInAgain')}
          </a>
        </div>
      )}

      {summaryErrors.length > 0 && (
        <div className="error-summary" ref={summaryRef} tabIndex={-1} aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">{t('form.errorSummary', { count: summaryErrors.length })}</h2>
          {submitState.status === 'failed' && <p>{submitState.message}</p>}
          <ul>
            {summaryErrors.map(({ error, step }) => (
              <li key={`${step}-${error.path}`}>
                {step === index ? (
                  <a
                    href={`#${error.path === 'agency' ? 'f-agency' : fieldId(error.path)}`}
                    onClick={(e) => focusControl(e, error.path === 'agency' ? 'f-agency' : fieldId(error.path))}
                  >
                    {summaryText(error, page)}
                  </a>
                ) : (
                  <Link to={`${basePath}?buoc=${step + 1}&sua=1`}>{summaryText(error, pages[step] as FlowPage)}</Link>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {submitState.status === 'failed' && summaryErrors.length === 0 && (
        <div className="alert alert-error" role="alert" ref={summaryRef} tabIndex={-1}>
          {submitState.message}
        </div>
      )}

      <FieldScopeContext.Provider value={fieldScope}>
        <UploadsContext.Provider value={uploadsContext}>
          <form noValidate onSubmit={page.kind === 'review' ? (e) => void submit(e) : goNext} className="flow-form">
            {page.kind === 'applicant' && (
              <>
                <p>{t('applicant.intro')}</p>
                <dl className="details">
                  <ApplicantRows citizen={citizen} />
                </dl>
                <FieldScopeContext.Provider value={contactScope}>
                  <FieldView field={contactForm.fields[0]!} path={['contact']} scope={{ contact }} />
                </FieldScopeContext.Provider>
              </>
            )}

            {page.kind === 'fields' &&
              page.fields.map((field) => (
                <FieldView
                  key={field.name}
                  field={field}
                  path={[field.name]}
                  scope={data}
                  isPageTopic={field.type === 'group' && page.title === field.label}
                />
              ))}

            {page.kind === 'attachments' && (
              <>
                <p>{t('upload.intro')}</p>
                {slots.some((slot) => slot.storeDocument) && (
                  <section className="notice notice-store" aria-labelledby="store-title">
                    <h2 id="store-title" className="notice-title">
                      {t('reuse.title')}
                    </h2>
                    <p>{t('reuse.intro')}</p>
                    <ul className="plain-list">
                      {slots.map(
                        (slot) =>
                          slot.storeDocument && (
                            <li key={slot.code}>
                              <strong>{t('reuse.item', { component: slot.name, title: slot.storeDocument.title })}</strong>
                              {slot.storeDocument.agencyName && (
                                <span className="muted"> — {t('reuse.issuedBy', { agency: slot.storeDocument.agencyName })}</span>
                              )}{' '}
                              <button
                                type="button"
                                className="button button-secondary button-small"
                                onClick={() => setDeclinedStore((current) => new Set([...current, slot.code]))}
                              >
                                {t('reuse.uploadInstead', { title: slot.storeDocument.title })}
                              </button>
                            </li>
                          ),
                      )}
                    </ul>
                  </section>
                )}
                {slots.some((slot) => slot.answeredBy && slot.answeredBy !== 'store') && (
                  <section className="notice" aria-labelledby="answered-title">
                    <h2 id="answered-title" className="notice-title">
                      {t('upload.answered')}
                    </h2>
                    <ul className="plain-list">
                      {slots.map(
                        (slot) =>
                          slot.answeredBy &&
                          slot.answeredBy !== 'store' && (
                            <li key={slot.code}>
                              {slot.name} — {t(`dossier.source.${slot.answeredBy}`)}
                            </li>
                          ),
                      )}
                    </ul>
                  </section>
                )}
                {reusable.status === 'ready' &&
                  reusable.data.documents
                    .filter(
                      (doc, i, all) =>
                        declinedStore.has(doc.componentCode) && all.findIndex((d) => d.componentCode === doc.componentCode) === i,
                    )
                    .map((doc) => (
                      <p key={doc.componentCode}>
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          onClick={() => setDeclinedStore((current) => new Set([...current].filter((code) => code !== doc.componentCode)))}
                        >
                          {t('reuse.useStore', { title: doc.title })}
                        </button>
                      </p>
                    ))}
                {slots
                  .filter((slot) => !slot.answeredBy)
                  .map((slot) => (
                    <UploadField
                      key={slot.code}
                      componentCode={slot.code}
                      name={slot.field ? slot.field.label[language] : slot.name}
                      field={slot.field}
                      path={[slotPath(slot)]}
                      isRequired={slot.isRequired}
                    />
                  ))}
              </>
            )}

            {page.kind === 'agency' && (
              <AgencyStep
                agencies={agencyList}
                selected={agencyCode}
                suggested={[homeAgency, ...agencyList.filter((a) => a.level === 'province')].filter((a) => a !== undefined)}
                onSelect={(code) => {
                  changed();
                  setAgencyCode(code);
                }}
                error={errorMap.get('agency')?.messages[language]}
              />
            )}

            {page.kind === 'review' && (
              <>
                <p>{t('review.intro')}</p>
                <ReviewSummary
                  pages={pages}
                  pageTitle={title}
                  data={data}
                  citizen={citizen}
                  contact={contact}
                  uploads={uploads}
                  slots={slots}
                  agency={agencyList.find((a) => a.code === agencyCode)}
                />
                <h2>{t('review.declaration')}</h2>
                {page.declarations.map((field) => (
                  <FieldView key={field.name} field={field} path={[field.name]} scope={data} />
                ))}
              </>
            )}

            <div className="flow-actions">
              <button type="submit" className="button button-primary" disabled={submitState.status === 'submitting'}>
                {page.kind === 'review'
                  ? submitState.status === 'submitting'
                    ? t('flow.submitting')
                    : t('flow.submit')
                  : isCorrecting
                    ? t('flow.backToReview')
                    : t('flow.next')}
              </button>
              {index > 0 && (
                <Link className="button button-secondary" to={`${basePath}?buoc=${index}`}>
                  {t('flow.back')}
                </Link>
              )}
            </div>
          </form>
        </UploadsContext.Provider>
      </FieldScopeContext.Provider>

      <p className="save-status muted" role="status">
        {submitState.status === 'submitting'
          ? t('flow.submitting')
          : saveState.status === 'saving'
            ? t('flow.saving')
            : saveState.status === 'saved'
              ? t('flow.saved', { time: formatDateTime(language, saveState.at) })
              : saveState.status === 'failed'
                ? t('flow.saveFailed')
                : ''}
      </p>
    </div>
  );
}

function SignInFirst({ procedure }: { procedure: ProcedureDetail }) {
  const { t, language } = useI18n();
  return (
    <div className="narrow">
      <p className="eyebrow">{t('flow.eyebrow', { name: procedureName(procedure, language) })}</p>
      <h1>{t('flow.signInTitle')}</h1>
      <p className="lead">{t('flow.signInBody')}</p>
      <a className="button button-primary" href={citizenSignInUrlTo(`/thu-tuc/${procedure.code}/nop-ho-so`)}>
        {t('home.citizenSignIn')}
      </a>
    </div>
  );
}

export default function SubmissionPage({ params }: { params: RouteParams }) {
  const { t } = useI18n();
  const { state } = useSession();
  const code = params['code'] ?? '';
  const procedure = useLoad(code, () => fetchProcedure(code));
  if (state.status === 'loading' || procedure.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (procedure.status === 'failed') {
    return (
      <p className="alert alert-error" role="alert">
        {describeError(procedure.error, t)}
      </p>
    );
  }
  const principal = state.status === 'ready' ? state.session.principal : null;
  if (principal?.kind !== 'citizen') return <SignInFirst procedure={procedure.data} />;
  return <Flow key={`${principal.id}-${procedure.data.version}`} procedure={procedure.data} citizen={principal} />;
}

import type { ReactNode } from 'react';
import type { FormError } from '../procedures/forms/validate.ts';
import { useI18n } from './app-state.tsx';

/**
 * The parts every form of the web app is built from (GOV.UK-style): label, hint, inline error linked by
 * aria-describedby, "(optional)" marks. Small and free of form-flow code, so any page can use them.
 */

/** The inline error under a control; its id is what the control's aria-describedby names. */
export function ErrorMessage({ id, error }: { id: string; error: FormError | string | undefined }) {
  const { t, language } = useI18n();
  if (!error) return null;
  return (
    <p id={id} className="error-message">
      <span className="visually-hidden">{t('form.errorPrefix')} </span>
      {typeof error === 'string' ? error : error.messages[language]}
    </p>
  );
}

/** Ids for aria-describedby: the hint and the error, when shown. */
export function describedBy(id: string, hasHint: boolean, hasError: boolean): string | undefined {
  const ids = [hasHint ? `${id}-hint` : '', hasError ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function OptionalMark({ required }: { required: boolean | undefined }) {
  const { t } = useI18n();
  return required ? null : <span className="optional"> {t('form.optional')}</span>;
}

/** Label, hint, error and a control: the shape of every single-value field. */
export function FieldFrame({
  id,
  label,
  required,
  help,
  error,
  children,
}: {
  id: string;
  label: string;
  required: boolean | undefined;
  help: string | undefined;
  error: FormError | string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={id}>
        {label}
        <OptionalMark required={required} />
      </label>
      {help && (
        <p id={`${id}-hint`} className="hint">
          {help}
        </p>
      )}
      <ErrorMessage id={`${id}-error`} error={error} />
      {children}
    </div>
  );
}

/** The legend, hint and error of a group of controls (radio buttons, an address): a fieldset's head. */
export function FieldsetHeading({
  id,
  label,
  required,
  help,
  error,
}: {
  id: string;
  label: string;
  required: boolean | undefined;
  help: string | undefined;
  error: FormError | string | undefined;
}) {
  return (
    <>
      <legend>
        {label}
        <OptionalMark required={required} />
      </legend>
      {help && (
        <p id={`${id}-hint`} className="hint">
          {help}
        </p>
      )}
      <ErrorMessage id={`${id}-error`} error={error} />
    </>
  );
}

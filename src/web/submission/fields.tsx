import { createContext, useContext, useEffect, useRef } from 'react';
import type { FormField, LocalisedText } from '../../procedures/forms/definition.ts';
import { isFieldVisible, type FormError } from '../../procedures/forms/validate.ts';
import { useI18n } from '../app-state.tsx';
import { describedBy, ErrorMessage, FieldFrame, FieldsetHeading } from '../form-controls.tsx';
import { AddressField } from './address-field.tsx';
import { fieldId, getAt, pathToString, type FieldPath, type FormData } from './flow.ts';
import { UploadField } from './upload-field.tsx';

/** What every field on a page reads and writes: the form data, its errors, and the setter. */
export interface FieldScope {
  root: FormData;
  errors: ReadonlyMap<string, FormError>;
  setValue: (path: FieldPath, value: unknown) => void;
}

export const FieldScopeContext = createContext<FieldScope | null>(null);

export function useFieldScope(): FieldScope {
  const scope = useContext(FieldScopeContext);
  if (!scope) throw new Error('useFieldScope outside FieldScopeContext');
  return scope;
}

/** A localised text of the form definition in the reader's language. */
export function useLocalised(): (text: LocalisedText) => string {
  const { language } = useI18n();
  return (text) => text[language];
}

/** Today in Vietnam (UTC+7), YYYY-MM-DD: the latest date a `notInFuture` field accepts. */
export function vietnamToday(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Numbers are typed as text (inputmode numeric): a number when it reads as one, else the text, which the validator rejects. */
function parseNumber(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const normalised = trimmed.replace(/\s/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : trimmed;
}

const inputProps: Partial<
  Record<FormField['type'], { type: string; inputMode?: 'numeric' | 'tel' | 'email' | 'decimal'; autoComplete?: string }>
> = {
  text: { type: 'text' },
  cccd: { type: 'text', inputMode: 'numeric', autoComplete: 'off' },
  taxCode: { type: 'text', inputMode: 'numeric', autoComplete: 'off' },
  phone: { type: 'tel', inputMode: 'tel', autoComplete: 'tel' },
  email: { type: 'email', inputMode: 'email', autoComplete: 'email' },
  number: { type: 'text', inputMode: 'decimal' },
  money: { type: 'text', inputMode: 'numeric' },
};

function ChoiceField({ field, path }: { field: Extract<FormField, { type: 'select' }>; path: FieldPath }) {
  const { root, errors, setValue } = useFieldScope();
  const { t } = useI18n();
  const text = useLocalised();
  const id = fieldId(path);
  const error = errors.get(pathToString(path));
  const value = getAt(root, path);
  const current = typeof value === 'string' ? value : '';
  const describe = describedBy(id, Boolean(field.help), Boolean(error));
  // A few choices read best as radio buttons; a long list as a native picker (which phones render well).
  if (field.options.length <= 4) {
    return (
      <fieldset className={error ? 'field field-error choice' : 'field choice'} id={id} aria-describedby={describe}>
        <FieldsetHeading id={id} label={text(field.label)} required={field.required} help={field.help && text(field.help)} error={error} />
        {field.options.map((option) => (
          <div className="radio" key={option.value}>
            <input
              type="radio"
              id={`${id}-${option.value}`}
              name={id}
              value={option.value}
              checked={current === option.value}
              onChange={() => setValue(path, option.value)}
            />
            <label htmlFor={`${id}-${option.value}`}>{text(option.label)}</label>
          </div>
        ))}
      </fieldset>
    );
  }
  return (
    <FieldFrame id={id} label={text(field.label)} required={field.required} help={field.help && text(field.help)} error={error}>
      <select
        id={id}
        value={current}
        aria-invalid={error ? true : undefined}
        aria-describedby={describe}
        onChange={(e) => setValue(path, e.target.value || undefined)}
      >
        <option value="">{t('form.choose')}</option>
        {field.options.map((option) => (
          <option key={option.value} value={option.value}>
            {text(option.label)}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

function CheckboxField({ field, path }: { field: FormField; path: FieldPath }) {
  const { root, errors, setValue } = useFieldScope();
  const text = useLocalised();
  const id = fieldId(path);
  const error = errors.get(pathToString(path));
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <ErrorMessage id={`${id}-error`} error={error} />
      <div className="checkbox">
        <input
          type="checkbox"
          id={id}
          checked={getAt(root, path) === true}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, Boolean(field.help), Boolean(error))}
          onChange={(e) => setValue(path, e.target.checked)}
        />
        <label htmlFor={id}>{text(field.label)}</label>
      </div>
      {field.help && (
        <p id={`${id}-hint`} className="hint checkbox-hint">
          {text(field.help)}
        </p>
      )}
    </div>
  );
}

function RepeatableGroup({ field, path }: { field: Extract<FormField, { type: 'group' }>; path: FieldPath }) {
  const { root, errors, setValue } = useFieldScope();
  const { t } = useI18n();
  const text = useLocalised();
  const id = fieldId(path);
  const addRef = useRef<HTMLButtonElement>(null);
  const value = getAt(root, path);
  const entries = Array.isArray(value) ? (value as unknown[]) : [];
  const min = field.min ?? 0;
  const max = field.max ?? 20;
  const error = errors.get(pathToString(path));
  // A group that needs at least `min` entries starts with that many, ready to fill.
  useEffect(() => {
    if (entries.length < min) setValue(path, [...entries, ...Array.from({ length: min - entries.length }, () => ({}))]);
  }, [entries.length, min]);
  const add = () => {
    setValue([...path, entries.length], {});
    // Focus the first control of the new entry once it is on the page.
    requestAnimationFrame(() =>
      document.getElementById(`${id}-${entries.length}`)?.querySelector<HTMLElement>('input, select, textarea')?.focus(),
    );
  };
  const remove = (index: number) => {
    setValue(
      path,
      entries.filter((_, i) => i !== index),
    );
    requestAnimationFrame(() => addRef.current?.focus());
  };
  return (
    <fieldset className={error ? 'group field-error' : 'group'} id={id}>
      <legend>{text(field.label)}</legend>
      {field.help && <p className="hint">{text(field.help)}</p>}
      <ErrorMessage id={`${id}-error`} error={error} />
      {entries.map((entry, index) => {
        const entryLabel = t('form.entry', { label: text(field.label), number: index + 1 });
        return (
          <fieldset className="entry" id={`${id}-${index}`} key={index}>
            <legend>{entryLabel}</legend>
            {field.fields.map((inner) => (
              <FieldView key={inner.name} field={inner} path={[...path, index, inner.name]} scope={(entry ?? {}) as FormData} />
            ))}
            {entries.length > min && (
              <button type="button" className="button button-secondary button-small" onClick={() => remove(index)}>
                {t('form.removeEntry', { label: entryLabel })}
              </button>
            )}
          </fieldset>
        );
      })}
      {entries.length < max && (
        <button type="button" ref={addRef} className="button button-secondary" onClick={add}>
          {t('form.addEntry', { label: text(field.label) })}
        </button>
      )}
    </fieldset>
  );
}

/**
 * One field of a form definition, drawn from its type. Hidden (visibleWhen false) fields render nothing;
 * they appear as soon as the field they depend on has the value that shows them.
 */
export function FieldView({
  field,
  path,
  scope,
  isPageTopic = false,
}: {
  field: FormField;
  path: FieldPath;
  scope: FormData;
  isPageTopic?: boolean;
}) {
  const { root, errors, setValue } = useFieldScope();
  const text = useLocalised();
  if (!isFieldVisible(field.visibleWhen, scope, root)) return null;
  const id = fieldId(path);
  const key = pathToString(path);
  const error = errors.get(key);
  const value = getAt(root, path);

  switch (field.type) {
    case 'group': {
      if (field.repeatable) return <RepeatableGroup field={field} path={path} />;
      const inner = (value ?? {}) as FormData;
      return (
        <fieldset className={isPageTopic ? 'group group-topic' : 'group'} id={id}>
          {/* The page's h1 already names its topic group; the legend still gives each control its context. */}
          <legend className={isPageTopic ? 'visually-hidden' : undefined}>{text(field.label)}</legend>
          {field.help && <p className="hint">{text(field.help)}</p>}
          <ErrorMessage id={`${id}-error`} error={error} />
          {field.fields.map((child) => (
            <FieldView key={child.name} field={child} path={[...path, child.name]} scope={inner} />
          ))}
        </fieldset>
      );
    }
    case 'select':
      return <ChoiceField field={field} path={path} />;
    case 'checkbox':
      return <CheckboxField field={field} path={path} />;
    case 'address':
      return <AddressField field={field} path={path} />;
    case 'file':
      return (
        <UploadField
          componentCode={field.componentCode}
          name={text(field.label)}
          field={field}
          path={path}
          isRequired={field.required === true}
        />
      );
    case 'date':
      return (
        <FieldFrame id={id} label={text(field.label)} required={field.required} help={field.help && text(field.help)} error={error}>
          <input
            id={id}
            type="date"
            className="input-date"
            value={typeof value === 'string' ? value : ''}
            max={field.notInFuture ? vietnamToday() : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, Boolean(field.help), Boolean(error))}
            onChange={(e) => setValue(path, e.target.value || undefined)}
          />
        </FieldFrame>
      );
    default: {
      const props = inputProps[field.type] ?? { type: 'text' };
      const isNumeric = field.type === 'number' || field.type === 'money';
      const shown = value === undefined || value === null ? '' : String(value);
      const maxLength = field.type === 'text' ? (field.maxLength ?? 500) : field.type === 'cccd' ? 12 : undefined;
      const common = {
        id,
        value: shown,
        maxLength,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy(id, Boolean(field.help), Boolean(error)),
      };
      return (
        <FieldFrame id={id} label={text(field.label)} required={field.required} help={field.help && text(field.help)} error={error}>
          {field.type === 'text' && field.multiline ? (
            <textarea {...common} rows={4} onChange={(e) => setValue(path, e.target.value === '' ? undefined : e.target.value)} />
          ) : (
            <input
              {...common}
              {...props}
              className={field.type === 'cccd' || isNumeric ? 'input-short' : undefined}
              spellCheck={field.type === 'text' ? undefined : false}
              onChange={(e) => setValue(path, isNumeric ? parseNumber(e.target.value) : e.target.value === '' ? undefined : e.target.value)}
            />
          )}
        </FieldFrame>
      );
    }
  }
}

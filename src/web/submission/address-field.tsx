import { useEffect, useState } from 'react';
import type { FormField } from '../../procedures/forms/definition.ts';
import { fetchChildUnits, fetchProvinces, fetchUnit, type Unit } from '../api.ts';
import { provinceCode as portalProvince, unitName, useI18n, useLoad } from '../app-state.tsx';
import { addressPartLabels, fieldId, getAt, pathToString, type FieldPath } from './flow.ts';
import { describedBy, ErrorMessage, FieldsetHeading } from '../form-controls.tsx';
import { useFieldScope, useLocalised } from './fields.tsx';

// Several address fields share one copy of each list per page load.
const lists = new Map<string, Promise<Unit[]>>();

function cachedUnits(key: string, load: () => Promise<{ items: Unit[] }>): Promise<Unit[]> {
  let promise = lists.get(key);
  if (!promise) {
    promise = load().then(
      (list) => list.items,
      (error: unknown) => {
        lists.delete(key);
        throw error;
      },
    );
    lists.set(key, promise);
  }
  return promise;
}

function byName(language: 'vi' | 'en') {
  return (a: Unit, b: Unit) => unitName(a, language).localeCompare(unitName(b, language), language);
}

/**
 * Địa chỉ — an address: province (default the portal's), then commune from the units tree, then the
 * street. The value is `{communeCode, street}`, as the validator expects; the province only narrows the list.
 */
export function AddressField({ field, path }: { field: FormField; path: FieldPath }) {
  const { root, errors, setValue } = useFieldScope();
  const { t, language } = useI18n();
  const text = useLocalised();
  const id = fieldId(path);
  const value = getAt(root, path) as { communeCode?: string; street?: string } | undefined;
  const communeCode = value?.communeCode ?? '';
  const [province, setProvince] = useState<string | null>(communeCode ? null : portalProvince);

  // A saved commune (a resumed draft) tells which province to open the list at.
  useEffect(() => {
    if (province !== null || !communeCode) return;
    let isCurrent = true;
    fetchUnit(communeCode).then(
      (unit) => isCurrent && setProvince(unit.provinceCode),
      () => isCurrent && setProvince(portalProvince),
    );
    return () => {
      isCurrent = false;
    };
  }, [province, communeCode]);

  const provinces = useLoad('provinces', () => cachedUnits('provinces', fetchProvinces));
  const communes = useLoad(province, () => cachedUnits(`communes-${province ?? ''}`, () => fetchChildUnits(province ?? portalProvince)));

  const write = (part: 'communeCode' | 'street', next: string) => {
    const updated = { ...value, [part]: next === '' ? undefined : next };
    const isEmpty = !updated.communeCode && !updated.street;
    setValue(path, isEmpty ? undefined : JSON.parse(JSON.stringify(updated)));
  };

  const key = pathToString(path);
  const error = errors.get(key);
  const communeId = fieldId([...path, 'communeCode']);
  const streetId = fieldId([...path, 'street']);
  const provinceId = `${id}-province`;
  const communeMessage = errors.get(`${key}.communeCode`);
  const streetError = errors.get(`${key}.street`);

  return (
    <fieldset className={error || communeMessage || streetError ? 'field address field-error' : 'field address'} id={id}>
      <FieldsetHeading id={id} label={text(field.label)} required={field.required} help={field.help && text(field.help)} error={error} />
      <div className="field">
        <label htmlFor={provinceId}>{t('form.address.province')}</label>
        <select
          id={provinceId}
          value={province ?? ''}
          onChange={(e) => {
            setProvince(e.target.value);
            write('communeCode', '');
          }}
        >
          {provinces.status !== 'ready' && <option value={province ?? ''}>{t('app.loading')}</option>}
          {provinces.status === 'ready' &&
            [...provinces.data].sort(byName(language)).map((unit) => (
              <option key={unit.code} value={unit.code}>
                {unitName(unit, language)}
              </option>
            ))}
        </select>
      </div>
      <div className={communeMessage ? 'field field-error' : 'field'}>
        <label htmlFor={communeId}>{text(addressPartLabels.communeCode)}</label>
        <ErrorMessage id={`${communeId}-error`} error={communeMessage} />
        <select
          id={communeId}
          value={communeCode}
          aria-invalid={communeMessage ? true : undefined}
          aria-describedby={describedBy(communeId, false, Boolean(communeMessage))}
          onChange={(e) => write('communeCode', e.target.value)}
        >
          <option value="">{communes.status === 'ready' ? t('form.choose') : t('app.loading')}</option>
          {communes.status === 'ready' &&
            [...communes.data].sort(byName(language)).map((unit) => (
              <option key={unit.code} value={unit.code}>
                {unitName(unit, language)}
              </option>
            ))}
        </select>
      </div>
      <div className={streetError ? 'field field-error' : 'field'}>
        <label htmlFor={streetId}>{text(addressPartLabels.street)}</label>
        <ErrorMessage id={`${streetId}-error`} error={streetError} />
        <input
          id={streetId}
          type="text"
          value={value?.street ?? ''}
          maxLength={300}
          autoComplete="street-address"
          aria-invalid={streetError ? true : undefined}
          aria-describedby={describedBy(streetId, false, Boolean(streetError))}
          onChange={(e) => write('street', e.target.value)}
        />
      </div>
    </fieldset>
  );
}

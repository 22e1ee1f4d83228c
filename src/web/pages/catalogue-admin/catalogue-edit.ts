import { canonicalJson } from '../../../platform/canonical-json.ts';
import type { ProcedureDetail } from '../../api.ts';
import type { CatalogueAdminKey } from './catalogue-admin-i18n.ts';

/**
 * The editable part of a procedure version as the administrator's form holds it (numbers as typed),
 * and the `changes` of POST /api/v1/admin/procedures/{code}/versions made from it: only the fields
 * that differ, so everything else carries over from the version being edited.
 */
type Fee = ProcedureDetail['fees'][number];
type Component = ProcedureDetail['components'][number];
export type TimeUnit = ProcedureDetail['timeUnit'];
export type OnlineLevel = ProcedureDetail['onlineLevel'];

export interface FeeDraft {
  /** The line as published (its conditions and exemptions are kept); null for a new line. */
  original: Fee | null;
  name: string;
  amount: string;
  rule: string;
}

export interface EditDraft {
  name: string;
  nameEn: string;
  timeAmount: string;
  timeUnit: TimeUnit;
  timeNote: string;
  onlineLevel: OnlineLevel;
  fees: FeeDraft[];
  /** Whether each component (by code) must be submitted. */
  required: Record<string, boolean>;
  changeNote: string;
}

export interface ProcedureChanges {
  name?: string;
  nameEn?: string | null;
  timeAmount?: number;
  timeUnit?: TimeUnit;
  timeNote?: string;
  onlineLevel?: OnlineLevel;
  fees?: Fee[];
  components?: Component[];
}

export type EditField = 'name' | 'timeAmount' | 'changeNote' | `fee-${number}-name` | `fee-${number}-amount`;
export type EditErrors = Partial<Record<EditField, CatalogueAdminKey>>;

/** The form's starting point: the version being edited. */
export function draftOf(p: ProcedureDetail): EditDraft {
  return {
    name: p.name,
    nameEn: p.nameEn ?? '',
    timeAmount: String(p.timeAmount),
    timeUnit: p.timeUnit,
    timeNote: p.timeNote ?? '',
    onlineLevel: p.onlineLevel,
    fees: p.fees.map((f) => ({
      original: f,
      name: f.name,
      amount: f.amountVnd === undefined ? '' : String(f.amountVnd),
      rule: f.rule ?? '',
    })),
    required: Object.fromEntries(p.components.map((c) => [c.code, c.isRequired])),
    changeNote: '',
  };
}

const wholeNumber = /^\d{1,12}$/;

/** A fee line as it will be published: the original's conditions, the typed name, amount and rule. */
function feeOf(d: FeeDraft): Fee {
  const { amountVnd: _amount, rule: _rule, ...kept } = d.original ?? { name: '' };
  const amount = d.amount.trim();
  const rule = d.rule.trim();
  return { ...kept, name: d.name.trim(), ...(amount !== '' ? { amountVnd: Number(amount) } : {}), ...(rule !== '' ? { rule } : {}) };
}

const sameJson = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * Checks the form and answers the changes to publish, or the fields to fix. "Nothing changed" is
 * reported on the change note, the field the person is about to submit from.
 */
export function changesOf(
  p: ProcedureDetail,
  d: EditDraft,
): { ok: true; changes: ProcedureChanges; changeNote: string } | { ok: false; errors: EditErrors } {
  const errors: EditErrors = {};
  const name = d.name.trim();
  if (name.length < 3) errors.name = 'errName';
  const time = Number(d.timeAmount.replace(',', '.'));
  if (d.timeAmount.trim() === '' || !Number.isFinite(time) || time <= 0) errors.timeAmount = 'errTime';
  d.fees.forEach((f, i) => {
    if (f.name.trim() === '') errors[`fee-${i}-name`] = 'errFeeName';
    const amount = f.amount.trim();
    if ((amount !== '' && !wholeNumber.test(amount)) || (amount === '' && f.rule.trim() === '')) errors[`fee-${i}-amount`] = 'errFeeAmount';
  });
  const changeNote = d.changeNote.trim();
  if (changeNote.length < 5) errors.changeNote = 'errNote';
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const changes: ProcedureChanges = {};
  if (name !== p.name) changes.name = name;
  const nameEn = d.nameEn.trim() === '' ? null : d.nameEn.trim();
  if (nameEn !== p.nameEn) changes.nameEn = nameEn;
  if (time !== p.timeAmount) changes.timeAmount = time;
  if (d.timeUnit !== p.timeUnit) changes.timeUnit = d.timeUnit;
  if (d.timeNote.trim() !== (p.timeNote ?? '')) changes.timeNote = d.timeNote.trim();
  if (d.onlineLevel !== p.onlineLevel) changes.onlineLevel = d.onlineLevel;
  const fees = d.fees.map(feeOf);
  if (!sameJson(fees, p.fees)) changes.fees = fees;
  const components = p.components.map((c) => ({ ...c, isRequired: d.required[c.code] ?? c.isRequired }));
  if (components.some((c, i) => c.isRequired !== p.components[i]?.isRequired)) changes.components = components;
  if (Object.keys(changes).length === 0) return { ok: false, errors: { changeNote: 'errNoChange' } };
  return { ok: true, changes, changeNote };
}

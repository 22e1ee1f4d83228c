// zod's own e-mail pattern (what z.email() checks) without the rest of zod: this module also runs in the browser.
import { regexes } from 'zod/v4/core';
import type { FormDefinition, FormField, VisibilityCondition } from './definition.ts';
import { isValidCccd, isValidTaxCode, isValidVietnamesePhone } from './identifiers.ts';

/** Machine codes of form errors; clients branch on these, never on the message. */
export type FormErrorCode =
  | 'required'
  | 'unknown_field'
  | 'invalid_type'
  | 'too_short'
  | 'too_long'
  | 'too_small'
  | 'too_large'
  | 'not_integer'
  | 'invalid_date'
  | 'date_in_future'
  | 'invalid_option'
  | 'invalid_cccd'
  | 'invalid_tax_code'
  | 'invalid_phone'
  | 'invalid_email'
  | 'unknown_commune'
  | 'too_few_entries'
  | 'too_many_entries';

const messages: Record<FormErrorCode, { vi: string; en: string }> = {
  required: { vi: 'Vui lòng nhập thông tin này.', en: 'This field is required.' },
  unknown_field: { vi: 'Trường không có trong biểu mẫu.', en: 'This field is not part of the form.' },
  invalid_type: { vi: 'Giá trị không đúng kiểu dữ liệu.', en: 'The value has the wrong type.' },
  too_short: { vi: 'Nội dung quá ngắn.', en: 'The text is too short.' },
  too_long: { vi: 'Nội dung quá dài.', en: 'The text is too long.' },
  too_small: { vi: 'Giá trị nhỏ hơn mức cho phép.', en: 'The value is below the minimum.' },
  too_large: { vi: 'Giá trị lớn hơn mức cho phép.', en: 'The value is above the maximum.' },
  not_integer: { vi: 'Giá trị phải là số nguyên.', en: 'The value must be a whole number.' },
  invalid_date: { vi: 'Ngày không hợp lệ (định dạng YYYY-MM-DD).', en: 'Invalid date (format YYYY-MM-DD).' },
  date_in_future: { vi: 'Ngày không được sau ngày hôm nay.', en: 'The date cannot be after today.' },
  invalid_option: { vi: 'Lựa chọn không hợp lệ.', en: 'Not one of the allowed options.' },
  invalid_cccd: {
    vi: 'Số định danh cá nhân (CCCD) phải gồm 12 chữ số với mã tỉnh nơi đăng ký khai sinh hợp lệ.',
    en: 'A citizen ID has 12 digits starting with a valid birth-place province code.',
  },
  invalid_tax_code: {
    vi: 'Mã số thuế không hợp lệ (10 chữ số, hoặc 13 chữ số với đơn vị phụ thuộc).',
    en: 'Invalid tax code (10 digits, or 13 for a branch).',
  },
  invalid_phone: { vi: 'Số điện thoại không hợp lệ.', en: 'Invalid Vietnamese phone number.' },
  invalid_email: { vi: 'Địa chỉ thư điện tử không hợp lệ.', en: 'Invalid e-mail address.' },
  unknown_commune: { vi: 'Không tìm thấy xã, phường, đặc khu.', en: 'No such commune.' },
  too_few_entries: { vi: 'Chưa đủ số mục tối thiểu.', en: 'Too few entries.' },
  too_many_entries: { vi: 'Vượt quá số mục tối đa.', en: 'Too many entries.' },
};

/** One problem with submitted form data, at a path such as `father.cccd` or `children[1].birthDate`. */
export interface FormError {
  path: string;
  code: FormErrorCode;
  message: string;
  messages: { vi: string; en: string };
}

export interface ValidateOptions {
  lang?: 'vi' | 'en';
  /** Server-side: answers whether a commune code exists today. Omitted in the browser (no check). */
  communeExists?: (communeCode: string) => boolean;
  /** Today as YYYY-MM-DD (Vietnam time), for `notInFuture` dates. */
  today?: string;
}

type Data = Record<string, unknown>;

function isRecord(v: unknown): v is Data {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

/** True when the field is shown given the values of its own group (scope) and the whole form (root). */
export function isFieldVisible(condition: VisibilityCondition | undefined, scope: Data, root: Data): boolean {
  if (!condition) return true;
  const value = Object.hasOwn(scope, condition.field) ? scope[condition.field] : root[condition.field];
  return valueMeets(condition, value);
}

/** Whether a value passes an equals / in / checked test (shared by visibility conditions and fee rules). */
export function valueMeets(condition: VisibilityCondition, value: unknown): boolean {
  if ('checked' in condition) return (value === true) === condition.checked;
  if ('equals' in condition) return value === condition.equals;
  return condition.in.some((c) => c === value);
}

function isRealDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

function vietnamToday(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

class Collector {
  readonly errors: FormError[] = [];
  constructor(private readonly lang: 'vi' | 'en') {}
  add(path: string, code: FormErrorCode): void {
    const m = messages[code];
    this.errors.push({ path, code, message: m[this.lang], messages: m });
  }
}

function checkValue(field: FormField, value: unknown, path: string, root: Data, out: Collector, opts: ValidateOptions): void {
  switch (field.type) {
    case 'text':
      if (typeof value !== 'string') return out.add(path, 'invalid_type');
      if (field.minLength !== undefined && value.trim().length < field.minLength) out.add(path, 'too_short');
      if (value.length > (field.maxLength ?? 500)) out.add(path, 'too_long');
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return out.add(path, 'invalid_type');
      if (field.integer && !Number.isInteger(value)) out.add(path, 'not_integer');
      if (field.min !== undefined && value < field.min) out.add(path, 'too_small');
      if (field.max !== undefined && value > field.max) out.add(path, 'too_large');
      return;
    case 'money':
      if (typeof value !== 'number' || !Number.isFinite(value)) return out.add(path, 'invalid_type');
      if (!Number.isSafeInteger(value)) return out.add(path, 'not_integer');
      if (value < 0) out.add(path, 'too_small');
      if (field.max !== undefined && value > field.max) out.add(path, 'too_large');
      return;
    case 'date':
      if (typeof value !== 'string' || !isRealDate(value)) return out.add(path, 'invalid_date');
      if (field.notInFuture && value > (opts.today ?? vietnamToday())) out.add(path, 'date_in_future');
      return;
    case 'select':
      if (typeof value !== 'string') return out.add(path, 'invalid_type');
      if (!field.options.some((o) => o.value === value)) out.add(path, 'invalid_option');
      return;
    case 'checkbox':
      if (typeof value !== 'boolean') return out.add(path, 'invalid_type');
      // A required checkbox is a declaration the applicant must tick ("Tôi cam đoan …").
      if (field.required && !value) out.add(path, 'required');
      return;
    case 'cccd':
      if (typeof value !== 'string') return out.add(path, 'invalid_type');
      if (!isValidCccd(value)) out.add(path, 'invalid_cccd');
      return;
    case 'taxCode':
      if (typeof value !== 'string') return out.add(path, 'invalid_type');
      if (!isValidTaxCode(value)) out.add(path, 'invalid_tax_code');
      return;
    case 'phone':
      if (typeof value !== 'string') return out.add(path, 'invalid_type');
      if (!isValidVietnamesePhone(value)) out.add(path, 'invalid_phone');
      return;
    case 'email':
      if (typeof value !== 'string') return out.add(path, 'invalid_type');
      if (!regexes.email.test(value)) out.add(path, 'invalid_email');
      return;
    case 'address': {
      if (!isRecord(value)) return out.add(path, 'invalid_type');
      for (const key of Object.keys(value)) if (key !== 'communeCode' && key !== 'street') out.add(`${path}.${key}`, 'unknown_field');
      const { communeCode, street } = value;
      if (typeof communeCode !== 'string' || !/^\d{5}$/.test(communeCode)) out.add(`${path}.communeCode`, 'invalid_type');
      else if (opts.communeExists && !opts.communeExists(communeCode)) out.add(`${path}.communeCode`, 'unknown_commune');
      if (typeof street !== 'string' || street.trim() === '') out.add(`${path}.street`, 'required');
      else if (street.length > 300) out.add(`${path}.street`, 'too_long');
      return;
    }
    case 'file':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.length > 0)) return out.add(path, 'invalid_type');
      if (value.length > (field.maxFiles ?? 5)) out.add(path, 'too_many_entries');
      return;
    case 'group': {
      if (!field.repeatable) {
        if (!isRecord(value)) return out.add(path, 'invalid_type');
        return checkFields(field.fields, value, root, `${path}.`, out, opts);
      }
      if (!Array.isArray(value)) return out.add(path, 'invalid_type');
      if (field.min !== undefined && value.length < field.min) out.add(path, 'too_few_entries');
      if (field.max !== undefined && value.length > field.max) out.add(path, 'too_many_entries');
      value.forEach((entry, i) => {
        if (!isRecord(entry)) out.add(`${path}[${i}]`, 'invalid_type');
        else checkFields(field.fields, entry, root, `${path}[${i}].`, out, opts);
      });
      return;
    }
  }
}

function checkFields(fields: readonly FormField[], scope: Data, root: Data, prefix: string, out: Collector, opts: ValidateOptions): void {
  const known = new Set(fields.map((f) => f.name));
  for (const key of Object.keys(scope)) if (!known.has(key)) out.add(`${prefix}${key}`, 'unknown_field');
  for (const field of fields) {
    // Hidden fields are ignored whatever they hold: the applicant cannot see or correct them.
    if (!isFieldVisible(field.visibleWhen, scope, root)) continue;
    const path = `${prefix}${field.name}`;
    const value = scope[field.name];
    if (isEmpty(value)) {
      if (field.required) out.add(path, 'required');
      else if (field.type === 'group' && field.repeatable && (field.min ?? 0) > 0) out.add(path, 'too_few_entries');
      continue;
    }
    checkValue(field, value, path, root, out, opts);
  }
}

/** Checks submitted data against a form definition: required visible fields, types, identifiers, unknown fields. */
export function validateFormData(definition: FormDefinition, data: unknown, options: ValidateOptions = {}): FormError[] {
  const out = new Collector(options.lang ?? 'vi');
  if (!isRecord(data)) {
    out.add('', 'invalid_type');
    return out.errors;
  }
  checkFields(definition.fields, data, data, '', out, options);
  return out.errors;
}

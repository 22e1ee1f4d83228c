/**
 * The online form flow as pure data: which page ("one topic per page") holds which fields of a form
 * definition, where a value lives in the form data, which errors belong to a page. No React, no I/O,
 * so the same rules are tested in Node and run in the browser.
 */
import type { FormDefinition, FormField, LocalisedText } from '../../procedures/forms/definition.ts';
import { isFieldVisible, type FormError } from '../../procedures/forms/validate.ts';
import type { Agency } from '../api.ts';
import { sourceWithoutUpload, type ComponentSource } from '../../dossiers/domain/components.ts';

export type FileField = Extract<FormField, { type: 'file' }>;
export type FormData = Record<string, unknown>;

/** One page of the flow. `fields` pages show top-level fields of the form (usually one group). */
export type FlowPage =
  | { kind: 'applicant'; key: 'applicant' }
  | { kind: 'fields'; key: string; title: LocalisedText | null; fields: FormField[] }
  | { kind: 'attachments'; key: 'attachments'; fileFields: FileField[] }
  | { kind: 'agency'; key: 'agency' }
  | { kind: 'review'; key: 'review'; declarations: FormField[] };

/** A required checkbox is a declaration ("Tôi cam đoan …"): it belongs beside the submit button. */
function isDeclaration(field: FormField): boolean {
  return field.type === 'checkbox' && field.required === true;
}

/**
 * Splits a form into pages: the applicant first; then one page per top-level group, each preceded by
 * the loose fields written just before it (a checkbox such as "father not established" introduces the
 * group that follows); loose fields after the last group on one more page; top-level `file` fields on
 * the attachments page; then the receiving agency; declarations on the review page.
 */
export function derivePages(definition: FormDefinition | null): FlowPage[] {
  const pages: FlowPage[] = [{ kind: 'applicant', key: 'applicant' }];
  const fileFields: FileField[] = [];
  const declarations: FormField[] = [];
  let loose: FormField[] = [];
  let hasGroups = false;
  for (const field of definition?.fields ?? []) {
    if (field.type === 'file') fileFields.push(field);
    else if (field.type === 'group') {
      hasGroups = true;
      pages.push({ kind: 'fields', key: field.name, title: field.label, fields: [...loose, field] });
      loose = [];
    } else if (isDeclaration(field)) declarations.push(field);
    else loose.push(field);
  }
  if (loose.length > 0) {
    // A form without groups is one topic: the form itself. After groups, the rest is "other details" (title null).
    pages.push({ kind: 'fields', key: loose[0]?.name ?? 'other', title: hasGroups ? null : (definition?.title ?? null), fields: loose });
  }
  pages.push({ kind: 'attachments', key: 'attachments', fileFields }, { kind: 'agency', key: 'agency' });
  pages.push({ kind: 'review', key: 'review', declarations });
  return pages;
}

/** Pages with something to show for the data as it is now: a page whose every field is hidden is skipped. */
export function visiblePages(pages: readonly FlowPage[], data: FormData): FlowPage[] {
  return pages.filter((page) => page.kind !== 'fields' || page.fields.some((field) => isFieldVisible(field.visibleWhen, data, data)));
}

// ---- paths ----------------------------------------------------------------------------------

/** Where a value sits in the form data: `['children', 1, 'birthDate']`. */
export type FieldPath = readonly (string | number)[];

/** The validator's spelling of a path: `children[1].birthDate`. */
export function pathToString(path: FieldPath): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

/** The element id of the control for a path (`f-children-1-birthDate`); valid in `#` links and `for`. */
export function fieldId(path: FieldPath | string): string {
  const parts = typeof path === 'string' ? path.split(/[.[\]]+/).filter(Boolean) : path;
  return `f-${parts.join('-')}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path`, or undefined when any step is missing. */
export function getAt(data: unknown, path: FieldPath): unknown {
  let current: unknown = data;
  for (const part of path) {
    if (typeof part === 'number') current = Array.isArray(current) ? current[part] : undefined;
    else current = isRecord(current) ? current[part] : undefined;
  }
  return current;
}

/** A copy of `data` with `value` at `path` (creating groups on the way); undefined removes the key. */
export function setAt(data: FormData, path: FieldPath, value: unknown): FormData {
  const [head, ...rest] = path;
  if (head === undefined) return data;
  const write = (container: unknown, key: string | number, inner: FieldPath): unknown => {
    const [next, ...after] = inner;
    if (typeof key === 'number') {
      const list = Array.isArray(container) ? [...(container as unknown[])] : [];
      list[key] = next === undefined ? value : write(list[key], next, after);
      return list;
    }
    const record: Record<string, unknown> = isRecord(container) ? { ...container } : {};
    const nested = next === undefined ? value : write(record[key], next, after);
    if (nested === undefined) delete record[key];
    else record[key] = nested;
    return record;
  };
  return write(data, head, rest) as FormData;
}

/**
 * The data the applicant can see: values of fields hidden by `visibleWhen` are dropped (the father's
 * details once "father not established" is ticked), so the dossier never holds what was hidden.
 */
export function withoutHiddenFields(fields: readonly FormField[], scope: FormData, root: FormData = scope): FormData {
  const kept: FormData = {};
  for (const field of fields) {
    const value = scope[field.name];
    if (value === undefined || !isFieldVisible(field.visibleWhen, scope, root)) continue;
    if (field.type === 'group' && field.repeatable && Array.isArray(value)) {
      kept[field.name] = value.map((entry: unknown) => (isRecord(entry) ? withoutHiddenFields(field.fields, entry, root) : entry));
    } else if (field.type === 'group' && isRecord(value)) {
      kept[field.name] = withoutHiddenFields(field.fields, value, root);
    } else kept[field.name] = value;
  }
  return kept;
}

/** The answers whose field the form still has, with the same name and type, at any depth. */
function answersForFields(fields: readonly FormField[], scope: FormData): FormData {
  const kept: FormData = {};
  for (const field of fields) {
    const value = scope[field.name];
    if (value === undefined) continue;
    if (field.type === 'group' && field.repeatable) {
      if (Array.isArray(value)) kept[field.name] = value.filter(isRecord).map((entry) => answersForFields(field.fields, entry));
    } else if (field.type === 'group') {
      if (isRecord(value)) kept[field.name] = answersForFields(field.fields, value);
    } else if (!isRecord(value) || field.type === 'address') kept[field.name] = value;
  }
  return kept;
}

/**
 * A draft saved under an earlier version of the procedure, carried over to the current version: the
 * answers to fields the current form still has and the files of components it still lists. Nothing
 * is lost for a change that did not touch the form (a fee, a time); what the new version asks anew is
 * empty, and the usual checks say so.
 */
export function carryOverDraft<A>(
  definition: FormDefinition | null,
  componentCodes: readonly string[],
  draft: { formData: FormData; attachments: Readonly<Record<string, readonly A[]>> },
): { formData: FormData; attachments: Record<string, readonly A[]> } {
  const codes = new Set(componentCodes);
  return {
    formData: answersForFields(definition?.fields ?? [], draft.formData),
    attachments: Object.fromEntries(Object.entries(draft.attachments).filter(([code]) => codes.has(code))),
  };
}

// ---- errors ---------------------------------------------------------------------------------

/** The top-level field an error path starts with: `mother` for `mother.residence.street`. */
export function topLevelName(path: string): string {
  return path.split(/[.[]/)[0] ?? '';
}

/** Names of the top-level form fields a page shows. */
export function pageFieldNames(page: FlowPage): string[] {
  switch (page.kind) {
    case 'fields':
      return page.fields.map((f) => f.name);
    case 'attachments':
      return page.fileFields.map((f) => f.name);
    case 'review':
      return page.declarations.map((f) => f.name);
    default:
      return [];
  }
}

/** The errors a page can show and its applicant can fix there. */
export function errorsOfPage(page: FlowPage, errors: readonly FormError[]): FormError[] {
  const names = new Set(pageFieldNames(page));
  return errors.filter((error) => names.has(topLevelName(error.path)));
}

/** Index of the first page holding one of `errors`, or -1. */
export function firstPageWithErrors(pages: readonly FlowPage[], errors: readonly FormError[]): number {
  return pages.findIndex((page) => errorsOfPage(page, errors).length > 0);
}

// ---- components -----------------------------------------------------------------------------

export interface ComponentInfo {
  code: string;
  name: string;
  isRequired: boolean;
}

/** One component the applicant may upload, and the form's `file` field that asks for it (if any). */
export interface UploadSlot {
  code: string;
  name: string;
  isRequired: boolean;
  field: FileField | null;
  /**
   * Set when no file is needed: the online form (`eform`), VNeID's population data (`population_db`) or a
   * document of the applicant's electronic store (`store`) answers it.
   */
  answeredBy: ComponentSource | null;
  /** The store document offered instead of an upload (Lấy từ kho dữ liệu), when `answeredBy` is `store`. */
  storeDocument: StoreChoice | null;
}

/** A valid store document the applicant may reuse for a component. */
export interface StoreChoice {
  id: string;
  title: string;
  agencyName: string | null;
}

/**
 * The store documents to offer, one per component (the newest, as the server lists them first), except
 * for components the applicant chose to upload instead or already uploaded files for.
 */
export function storeChoices(
  reusable: readonly (StoreChoice & { componentCode: string })[],
  declined: ReadonlySet<string>,
  uploads: Readonly<Record<string, readonly unknown[]>>,
): Map<string, StoreChoice> {
  const choices = new Map<string, StoreChoice>();
  for (const doc of reusable) {
    if (choices.has(doc.componentCode) || declined.has(doc.componentCode) || (uploads[doc.componentCode] ?? []).length > 0) continue;
    choices.set(doc.componentCode, { id: doc.id, title: doc.title, agencyName: doc.agencyName });
  }
  return choices;
}

/**
 * Which components the applicant uploads, and which of them are required: the form's `file` fields say
 * what they ask for; every other component is required when the procedure requires it, unless it is
 * answered without a file — the declaration by the online form, the identity paper by a level-2 VNeID
 * sign-in — by the same rule the server applies (`sourceWithoutUpload`), or taken from the store when
 * `fromStore` offers a document for it (components without a form field only: a form's required file
 * field is checked by the form's own rules).
 */
export function uploadSlots(
  components: readonly ComponentInfo[],
  definition: FormDefinition | null,
  data: FormData,
  applicant: { isIdentityVerified: boolean },
  fromStore: ReadonlyMap<string, StoreChoice> = new Map(),
): UploadSlot[] {
  const fileFields = derivePages(definition).flatMap((page) => (page.kind === 'attachments' ? page.fileFields : []));
  const slots: UploadSlot[] = fileFields.map((field) => ({
    code: field.componentCode,
    name: components.find((c) => c.code === field.componentCode)?.name ?? field.label.vi,
    isRequired: field.required === true && isFieldVisible(field.visibleWhen, data, data),
    field,
    answeredBy: null,
    storeDocument: null,
  }));
  const covered = new Set(slots.map((slot) => slot.code));
  for (const component of components) {
    if (covered.has(component.code)) continue;
    const storeDocument = fromStore.get(component.code) ?? null;
    const answered = storeDocument ? 'store' : sourceWithoutUpload(component.code, { hasOnlineForm: definition !== null, ...applicant });
    slots.push({
      code: component.code,
      name: component.name,
      isRequired: answered === null && component.isRequired,
      field: null,
      answeredBy: answered,
      storeDocument,
    });
  }
  return slots;
}

/** The form data with each top-level `file` field holding the ids of its component's uploads. */
export function withFileIds(
  definition: FormDefinition | null,
  data: FormData,
  uploads: Readonly<Record<string, readonly { id: string }[]>>,
): FormData {
  let result = data;
  for (const field of definition?.fields ?? []) {
    if (field.type !== 'file') continue;
    const ids = (uploads[field.componentCode] ?? []).map((upload) => upload.id);
    result = setAt(result, [field.name], ids.length > 0 ? ids : undefined);
  }
  return result;
}

/**
 * The data as the validator should see it on "Continue": a required group or address left untouched is
 * an empty object, so the applicant hears which of its fields are missing, not only that the group is.
 */
export function withEmptyGroups(fields: readonly FormField[], scope: FormData, root: FormData = scope): FormData {
  let result = scope;
  for (const field of fields) {
    if (!field.required || !isFieldVisible(field.visibleWhen, scope, root)) continue;
    const value = result[field.name];
    if (field.type === 'address' && value === undefined) result = { ...result, [field.name]: {} };
    if (field.type === 'group' && !field.repeatable && (value === undefined || isRecord(value))) {
      const inner = withEmptyGroups(field.fields, isRecord(value) ? value : {}, root === scope ? { ...result } : root);
      result = { ...result, [field.name]: inner };
    }
  }
  return result;
}

/** Labels of the two parts of an address (`communeCode`, `street`) as the form shows them. */
export const addressPartLabels: Readonly<Record<'communeCode' | 'street', LocalisedText>> = {
  communeCode: { vi: 'Xã, phường, đặc khu', en: 'Commune or ward' },
  street: { vi: 'Số nhà, đường phố, tổ, thôn, ấp', en: 'House number, street, hamlet' },
};

/**
 * The labels leading to an error path, outermost first: `mother.residence.street` →
 * [Thông tin người mẹ, Nơi cư trú, Số nhà…]; an entry of a repeatable group adds its number.
 */
export function describePath(fields: readonly FormField[], path: string): LocalisedText[] {
  const trail: LocalisedText[] = [];
  let level: readonly FormField[] = fields;
  let parent: FormField | undefined;
  for (const segment of path.split('.')) {
    const match = /^([^[]+)(?:\[(\d+)\])?$/.exec(segment);
    if (!match) break;
    const [, name = '', index] = match;
    if (parent?.type === 'address' && (name === 'communeCode' || name === 'street')) {
      trail.push(addressPartLabels[name]);
      break;
    }
    const field = level.find((f) => f.name === name);
    if (!field) break;
    const entry = index === undefined ? '' : ` ${Number(index) + 1}`;
    trail.push({ vi: `${field.label.vi}${entry}`, en: `${field.label.en}${entry}` });
    parent = field;
    level = field.type === 'group' ? field.fields : [];
  }
  return trail;
}

/** A fresh Idempotency-Key (UUID v4): `crypto.randomUUID` where the page is a secure context, else built from random bytes. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** How to reach the applicant about this dossier (the receipt goes to the e-mail): checked like form fields. */
export const contactForm: FormDefinition = {
  version: 1,
  title: { vi: 'Thông tin liên hệ', en: 'Contact details' },
  fields: [
    {
      type: 'group',
      name: 'contact',
      label: { vi: 'Thông tin liên hệ', en: 'Contact details' },
      fields: [
        {
          type: 'email',
          name: 'email',
          label: { vi: 'Thư điện tử nhận Giấy tiếp nhận', en: 'E-mail for the receipt' },
          help: {
            vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả được gửi tới địa chỉ này.',
            en: 'The receipt and appointment slip is sent to this address.',
          },
        },
        {
          type: 'phone',
          name: 'phone',
          label: { vi: 'Số điện thoại', en: 'Phone' },
          help: { vi: 'Cán bộ gọi khi cần bổ sung hồ sơ.', en: 'An officer calls if something is missing.' },
        },
      ],
    },
  ],
};

/**
 * The applicant's commune service centre (from their VNeID address), else the province's own centre,
 * else the first that receives dossiers.
 */
export function defaultAgency(agencies: readonly Agency[], homeUnitCode: string | null): Agency | undefined {
  const centres = agencies.filter((a) => a.kind === 'service_centre');
  return (
    centres.find((a) => homeUnitCode !== null && a.unitCode === homeUnitCode) ?? centres.find((a) => a.level === 'province') ?? agencies[0]
  );
}

/** FORM_INVALID's `details.fields` as form errors; anything unexpected is ignored (the alert still shows). */
export function serverFieldErrors(details: unknown): FormError[] {
  const fields = (details as { fields?: unknown } | null)?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.flatMap((item: unknown) => {
    const f = item as { field?: unknown; path?: unknown; code?: unknown; message?: unknown; messages?: unknown };
    const path = typeof f.field === 'string' ? f.field : typeof f.path === 'string' ? f.path : null;
    const messages = (typeof f.message === 'object' ? f.message : f.messages) as { vi?: unknown; en?: unknown } | null;
    if (path === null || !messages || typeof messages.vi !== 'string' || typeof messages.en !== 'string') return [];
    return [{ path, code: 'invalid_type', message: messages.vi, messages: { vi: messages.vi, en: messages.en } } as FormError];
  });
}

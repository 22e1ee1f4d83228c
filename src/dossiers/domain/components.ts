import type { Component } from '../../procedures/domain/procedure.ts';
import { isFieldVisible, type FormDefinition, type FormField } from '../../procedures/forms/index.ts';
import { acceptedMediaTypes, formatOfMediaType, type AttachmentMediaType } from './file-content.ts';

/**
 * Thành phần hồ sơ — matching the files an applicant offers to the components a procedure version
 * requires. Pure: the application layer loads the applicant's usable attachments and passes them in.
 */

/**
 * How a component reached the dossier: a file uploaded by the applicant, paper scanned by the receiving
 * officer at the counter, the online declaration itself, VNeID identity data, or a document already in
 * the applicant's electronic store (DuocLayTuKhoDMQG).
 */
export type ComponentSource = 'upload' | 'counter_scan' | 'eform' | 'population_db' | 'store';

export interface PlannedComponent {
  componentCode: string;
  name: string;
  source: ComponentSource;
  attachmentId: string | null;
  /** The store document reused, when source is `store`. */
  storeDocumentId?: string;
  /** For a file: the media types the component accepts, which the write checks again when it claims the file. */
  acceptedMediaTypes?: AttachmentMediaType[];
}

/** An attachment the applicant owns and no dossier has claimed yet. */
export interface UsableAttachment {
  id: string;
  mediaType: AttachmentMediaType;
}

export type ComponentPlan =
  | { ok: true; components: PlannedComponent[] }
  | { ok: false; error: 'COMPONENT_UNKNOWN'; details: { componentCodes: string[] } }
  | { ok: false; error: 'ATTACHMENT_NOT_FOUND'; details: { attachmentIds: string[] } }
  | {
      ok: false;
      error: 'ATTACHMENT_FORMAT_NOT_ACCEPTED';
      details: { items: { componentCode: string; attachmentId: string; format: string; acceptedFormats: string[] }[] };
    }
  | { ok: false; error: 'COMPONENT_MISSING'; details: { components: { code: string; name: string }[] } };

export interface PlanContext {
  /** The version has an online form: its data is the declaration (tờ khai), Decree 45/2020/NĐ-CP. */
  hasOnlineForm: boolean;
  /** The applicant signed in with a level-2 VNeID account (identity verified in person). */
  isIdentityVerified: boolean;
  /**
   * Store documents the applicant chose instead of an upload, by component code; the application layer
   * has checked they are the applicant's own, of that component's type and valid today.
   */
  fromStore?: ReadonlyMap<string, string>;
}

/**
 * Whether a component is answered without a file: a declaration (`TO_KHAI_*`) by the online form
 * itself; the identity paper (`GIAY_TO_TUY_THAN`) by a level-2 VNeID sign-in, whose data comes from
 * the national population database (Decree 59/2022/NĐ-CP; the component itself says "xuất trình hoặc
 * khai thác từ Cơ sở dữ liệu quốc gia về dân cư").
 */
export function sourceWithoutUpload(componentCode: string, context: PlanContext): ComponentSource | null {
  if (componentCode.startsWith('TO_KHAI') && context.hasOnlineForm) return 'eform';
  if (componentCode === 'GIAY_TO_TUY_THAN' && context.isIdentityVerified) return 'population_db';
  return null;
}

/** The media types of a component's accepted formats (pdf, jpg, png; formats no upload can have drop out). */
export function mediaTypesOfFormats(formats: readonly string[]): AttachmentMediaType[] {
  return acceptedMediaTypes.filter((type) => formats.includes(formatOfMediaType(type)));
}

/**
 * Checks the offered files (componentCode → attachment ids) against the version's components and
 * answers the components to record, or the first kind of problem: an unknown component, an attachment
 * that is not usable (or offered twice), a format the component does not accept, a required component
 * with nothing to show for it.
 *
 * `usable` null means the files are not read yet: every offered id is taken as usable, and the write
 * claims a file only when it is the applicant's, unclaimed and of one of the component's
 * `acceptedMediaTypes`, failing whole otherwise (the caller then reads the files and plans again to
 * say which check failed). A first submission thus costs no read of its files.
 */
export function planComponents(
  required: readonly Component[],
  offered: ReadonlyMap<string, readonly string[]>,
  usable: ReadonlyMap<string, UsableAttachment> | null,
  context: PlanContext,
): ComponentPlan {
  const byCode = new Map(required.map((c) => [c.code, c]));
  const unknown = [...offered.keys()].filter((code) => !byCode.has(code));
  if (unknown.length > 0) return { ok: false, error: 'COMPONENT_UNKNOWN', details: { componentCodes: unknown.sort() } };

  const seen = new Set<string>();
  const notUsable: string[] = [];
  for (const ids of offered.values())
    for (const id of ids) {
      if (seen.has(id) || (usable !== null && !usable.has(id))) notUsable.push(id);
      seen.add(id);
    }
  if (notUsable.length > 0) return { ok: false, error: 'ATTACHMENT_NOT_FOUND', details: { attachmentIds: [...new Set(notUsable)] } };

  const wrongFormat: { componentCode: string; attachmentId: string; format: string; acceptedFormats: string[] }[] = [];
  const components: PlannedComponent[] = [];
  const missing: { code: string; name: string }[] = [];
  for (const component of required) {
    const ids = offered.get(component.code) ?? [];
    const accepted = mediaTypesOfFormats(component.acceptedFormats);
    for (const id of ids) {
      const file = usable?.get(id);
      if (file && !accepted.includes(file.mediaType))
        wrongFormat.push({
          componentCode: component.code,
          attachmentId: id,
          format: formatOfMediaType(file.mediaType),
          acceptedFormats: [...component.acceptedFormats],
        });
      else
        components.push({
          componentCode: component.code,
          name: component.name,
          source: 'upload',
          attachmentId: id,
          acceptedMediaTypes: accepted,
        });
    }
    if (ids.length > 0) continue;
    const storeDocumentId = context.fromStore?.get(component.code);
    if (storeDocumentId) {
      components.push({ componentCode: component.code, name: component.name, source: 'store', attachmentId: null, storeDocumentId });
      continue;
    }
    const source = sourceWithoutUpload(component.code, context);
    if (source) components.push({ componentCode: component.code, name: component.name, source, attachmentId: null });
    else if (component.isRequired) missing.push({ code: component.code, name: component.name });
  }
  if (wrongFormat.length > 0) return { ok: false, error: 'ATTACHMENT_FORMAT_NOT_ACCEPTED', details: { items: wrongFormat } };
  if (missing.length > 0) return { ok: false, error: 'COMPONENT_MISSING', details: { components: missing } };
  return { ok: true, components };
}

function collectFrom(
  fields: readonly FormField[],
  scope: Record<string, unknown>,
  root: Record<string, unknown>,
  out: Map<string, string[]>,
): void {
  for (const field of fields) {
    if (!isFieldVisible(field.visibleWhen, scope, root)) continue;
    const value = scope[field.name];
    if (field.type === 'file' && Array.isArray(value)) {
      const list = out.get(field.componentCode) ?? [];
      for (const id of value) if (typeof id === 'string') list.push(id);
      out.set(field.componentCode, list);
    } else if (field.type === 'group') {
      const entries = field.repeatable ? (Array.isArray(value) ? value : []) : [value];
      for (const entry of entries)
        if (typeof entry === 'object' && entry !== null && !Array.isArray(entry))
          collectFrom(field.fields, entry as Record<string, unknown>, root, out);
    }
  }
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every attachment id a request mentions (the components list, and UUIDs in any list of the form
 * data), known before the form definition is read: the files can be loaded at the same time as the
 * procedure. A superset of what `offeredAttachments` keeps.
 */
export function mentionedAttachmentIds(listed: readonly { attachmentIds: readonly string[] }[], formData: unknown): string[] {
  const ids = new Set(listed.flatMap((c) => c.attachmentIds));
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) {
        if (typeof v !== 'string') visit(v);
        else if (uuidPattern.test(v)) ids.add(v);
      }
    } else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) visit(v);
  };
  visit(formData);
  return [...ids];
}

/**
 * The files offered for each component: the `components` list of the request merged with the
 * attachment ids held by the form's visible `file` fields (each names its component), without repeats.
 */
export function offeredAttachments(
  listed: readonly { componentCode: string; attachmentIds: readonly string[] }[],
  definition: FormDefinition | null,
  formData: Record<string, unknown>,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of listed) out.set(c.componentCode, [...(out.get(c.componentCode) ?? []), ...c.attachmentIds]);
  if (definition) collectFrom(definition.fields, formData, formData, out);
  for (const [code, ids] of out) out.set(code, [...new Set(ids)]);
  for (const [code, ids] of out) if (ids.length === 0) out.delete(code);
  return out;
}

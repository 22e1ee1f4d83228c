import { z } from 'zod';
import { formDefinition, type FormField } from '../forms/definition.ts';
import { fee, type Fee } from './fee.ts';

export { fee, type Fee };

/** Thủ tục hành chính (TTHC) national code, `N.NNNNNN` (e.g. 1.001193 Đăng ký khai sinh). */
export const procedureCode = z.string().regex(/^\d\.\d{6}$/, 'N.NNNNNN');

/** Unit of a statutory processing time; working days skip weekends and public holidays. */
export const timeUnit = z.enum(['hours', 'days', 'working_days', 'months']);

/** Mức độ dịch vụ công trực tuyến (Decree 42/2022/NĐ-CP art. 11): toàn trình = full, một phần = partial. */
export const onlineLevel = z.enum(['full', 'partial']);

/** Thành phần hồ sơ — a required document component. */
export const component = z.strictObject({
  /** Document type code, stable across versions, referenced by form `file` fields. */
  code: z.string().regex(/^[A-Z0-9_]+$/),
  name: z.string().min(1),
  isRequired: z.boolean(),
  /** bản chính (original), bản sao (copy), bản sao chứng thực (certified copy). */
  form: z.enum(['original', 'copy', 'certified_copy']),
  acceptedFormats: z.array(z.enum(['pdf', 'jpg', 'png', 'doc', 'docx'])).min(1),
  note: z.string().optional(),
});

/** Căn cứ pháp lý — one legal document the procedure rests on. */
export const legalDocument = z.strictObject({ number: z.string().min(1), title: z.string().min(1) });

/** The component codes the form's file fields answer, at any depth. */
function fileFieldComponentCodes(fields: readonly FormField[]): string[] {
  return fields.flatMap((f) => (f.type === 'file' ? [f.componentCode] : f.type === 'group' ? fileFieldComponentCodes(f.fields) : []));
}

/** The fields of a procedure version's content, without the checks across fields (see `procedureContent`). */
export const procedureContentFields = z.strictObject({
  name: z.string().min(3),
  nameEn: z.string().min(3).nullable(),
  /** Lĩnh vực — field/sector, e.g. "Hộ tịch". */
  sector: z.string().min(2),
  /** Cấp thực hiện — competent level. */
  level: z.enum(['province', 'commune']),
  /** Agency kind: a department code suffix (`STP`, `SXD`) or `UBND` / `CA` for the commune's People's Committee / police. */
  agencyKind: z.string().regex(/^[A-Za-zĐđ]{2,10}$/),
  agencyNote: z.string().optional(),
  timeAmount: z.number().positive(),
  timeUnit,
  timeNote: z.string().optional(),
  fees: z.array(fee),
  components: z.array(component),
  resultName: z.string().min(1),
  onlineLevel,
  legalBasis: z.array(legalDocument).min(1),
  formDefinition: formDefinition.nullable().default(null),
  /** Extra words people type for this procedure (synonyms, old names). */
  keywords: z.array(z.string()).default([]),
  /** Where the code, name and facts were checked. */
  sources: z.array(z.string()).min(1),
});

/**
 * Everything a version of a procedure says; a change publishes a new version. Component codes are
 * unique, and every file field of the form answers one of the version's components, so a version
 * cannot drop a document its own form still asks for.
 */
export const procedureContent = procedureContentFields.superRefine((content, ctx) => {
  const codes = new Set<string>();
  for (const [i, c] of content.components.entries()) {
    if (codes.has(c.code)) ctx.addIssue({ code: 'custom', path: ['components', i, 'code'], message: `duplicate component ${c.code}` });
    codes.add(c.code);
  }
  for (const code of fileFieldComponentCodes(content.formDefinition?.fields ?? [])) {
    if (!codes.has(code))
      ctx.addIssue({ code: 'custom', path: ['formDefinition'], message: `file field answers unknown component ${code}` });
  }
});

export type ProcedureContent = z.infer<typeof procedureContent>;
export type ProcedureContentInput = z.input<typeof procedureContent>;
export type Component = z.infer<typeof component>;

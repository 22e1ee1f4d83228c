import { z } from 'zod';

/**
 * Biểu mẫu điện tử — an online form definition, stored as data with each procedure version and read
 * by both the server (validation) and the browser (rendering). Pure: imports nothing that does I/O.
 */

export const localisedText = z.strictObject({ vi: z.string().min(1), en: z.string().min(1) });
export type LocalisedText = z.infer<typeof localisedText>;

const fieldName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'letters, digits and _ only');
const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** When a field is shown: another field (same group first, then the form root) equals / is in / is checked. */
export const visibilityCondition = z.union([
  z.strictObject({ field: fieldName, equals: scalar }),
  z.strictObject({ field: fieldName, in: z.array(scalar).min(1) }),
  z.strictObject({ field: fieldName, checked: z.boolean() }),
]);
export type VisibilityCondition = z.infer<typeof visibilityCondition>;

const base = {
  name: fieldName,
  label: localisedText,
  help: localisedText.optional(),
  required: z.boolean().optional(),
  visibleWhen: visibilityCondition.optional(),
};

const textField = z.strictObject({
  ...base,
  type: z.literal('text'),
  minLength: z.number().int().min(0).optional(),
  /** Default 500. */
  maxLength: z.number().int().min(1).max(10_000).optional(),
  multiline: z.boolean().optional(),
});
const numberField = z.strictObject({
  ...base,
  type: z.literal('number'),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
});
const dateField = z.strictObject({
  ...base,
  type: z.literal('date'),
  /** Reject dates after today (birth dates, events that already happened). */
  notInFuture: z.boolean().optional(),
});
const selectField = z.strictObject({
  ...base,
  type: z.literal('select'),
  options: z.array(z.strictObject({ value: z.string().min(1), label: localisedText })).min(1),
});
const simpleField = <T extends string>(type: T) => z.strictObject({ ...base, type: z.literal(type) });
const moneyField = z.strictObject({ ...base, type: z.literal('money'), max: z.number().int().min(0).optional() });
const fileField = z.strictObject({
  ...base,
  type: z.literal('file'),
  /** The required component (thành phần hồ sơ) this upload answers. */
  componentCode: z.string().min(1),
  /** Default 5. */
  maxFiles: z.number().int().min(1).max(20).optional(),
});

/** A field of any type; groups nest fields and may repeat. */
export type FormField =
  | z.infer<typeof textField>
  | z.infer<typeof numberField>
  | z.infer<typeof dateField>
  | z.infer<typeof selectField>
  | z.infer<ReturnType<typeof simpleField<'checkbox' | 'cccd' | 'taxCode' | 'phone' | 'email' | 'address'>>>
  | z.infer<typeof moneyField>
  | z.infer<typeof fileField>
  | GroupField;

export interface GroupField {
  name: string;
  label: LocalisedText;
  help?: LocalisedText | undefined;
  required?: boolean | undefined;
  visibleWhen?: VisibilityCondition | undefined;
  type: 'group';
  /** A repeatable group's value is a list of entries (e.g. several children); otherwise one object. */
  repeatable?: boolean | undefined;
  min?: number | undefined;
  max?: number | undefined;
  fields: FormField[];
}

export const formField: z.ZodType<FormField> = z.lazy(() =>
  z.discriminatedUnion('type', [
    textField,
    numberField,
    dateField,
    selectField,
    simpleField('checkbox'),
    simpleField('cccd'),
    simpleField('taxCode'),
    simpleField('phone'),
    simpleField('email'),
    simpleField('address'),
    moneyField,
    fileField,
    z.strictObject({
      ...base,
      type: z.literal('group'),
      repeatable: z.boolean().optional(),
      min: z.number().int().min(0).optional(),
      max: z.number().int().min(1).optional(),
      get fields() {
        return z.array(formField).min(1);
      },
    }),
  ]),
) as unknown as z.ZodType<FormField>;

/** Field names unique per level; every visibleWhen names a field of its own level or the root. */
function checkReferences(fields: readonly FormField[], root: readonly FormField[], path: string, ctx: z.RefinementCtx): void {
  const names = new Set<string>();
  for (const f of fields) {
    if (names.has(f.name)) ctx.addIssue({ code: 'custom', message: `duplicate field name ${path}${f.name}` });
    names.add(f.name);
  }
  const rootNames = new Set(root.map((f) => f.name));
  for (const f of fields) {
    if (f.visibleWhen && !names.has(f.visibleWhen.field) && !rootNames.has(f.visibleWhen.field)) {
      ctx.addIssue({ code: 'custom', message: `${path}${f.name}: visibleWhen names unknown field ${f.visibleWhen.field}` });
    }
    if (f.type === 'group') {
      if (f.min !== undefined && f.max !== undefined && f.min > f.max)
        ctx.addIssue({ code: 'custom', message: `${path}${f.name}: min > max` });
      checkReferences(f.fields, root, `${path}${f.name}.`, ctx);
    }
  }
}

export const formDefinition = z
  .strictObject({
    version: z.literal(1),
    title: localisedText,
    fields: z.array(formField).min(1),
  })
  .superRefine((def, ctx) => checkReferences(def.fields, def.fields, '', ctx));

export type FormDefinition = z.infer<typeof formDefinition>;

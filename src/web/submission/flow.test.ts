import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { birthRegistrationForm } from '../../procedures/forms/birth-registration.ts';
import type { FormDefinition } from '../../procedures/forms/definition.ts';
import { validateFormData } from '../../procedures/forms/validate.ts';
import {
  carryOverDraft,
  defaultAgency,
  derivePages,
  describePath,
  errorsOfPage,
  fieldId,
  firstPageWithErrors,
  getAt,
  newIdempotencyKey,
  pathToString,
  setAt,
  storeChoices,
  uploadSlots,
  visiblePages,
  withEmptyGroups,
  withFileIds,
  withoutHiddenFields,
  type FlowPage,
} from './flow.ts';

const describePage = (page: FlowPage) => (page.kind === 'fields' ? `${page.key}: ${page.fields.map((f) => f.name).join(',')}` : page.kind);

describe('derivePages', () => {
  it('gives the birth registration one topic per page, loose fields with the group they introduce', () => {
    expect(derivePages(birthRegistrationForm).map(describePage)).toEqual([
      'applicant',
      'child: child',
      'mother: hasForeignElement,foreignNationality,mother',
      'father: fatherUnknown,father',
      'requester: requester',
      'extractCopies: extractCopies',
      'attachments',
      'agency',
      'review',
    ]);
    const pages = derivePages(birthRegistrationForm);
    expect(pages.find((p) => p.kind === 'attachments')).toMatchObject({ fileFields: [{ name: 'birthCertificate' }] });
    expect(pages.find((p) => p.kind === 'review')).toMatchObject({ declarations: [{ name: 'declaration' }] });
    // Loose fields after the last group are "other details": no title of their own.
    expect(pages.find((p) => p.key === 'extractCopies')).toMatchObject({ title: null });
  });

  it('titles a form without groups with the form title, and a procedure without a form has the fixed pages only', () => {
    const flat: FormDefinition = {
      version: 1,
      title: { vi: 'Tờ khai', en: 'Declaration' },
      fields: [
        { type: 'text', name: 'purpose', label: { vi: 'Mục đích', en: 'Purpose' } },
        { type: 'number', name: 'copies', label: { vi: 'Số bản', en: 'Copies' } },
      ],
    };
    expect(derivePages(flat).map(describePage)).toEqual(['applicant', 'purpose: purpose,copies', 'attachments', 'agency', 'review']);
    expect(derivePages(flat)[1]).toMatchObject({ title: flat.title });
    expect(derivePages(null).map(describePage)).toEqual(['applicant', 'attachments', 'agency', 'review']);
  });

  it('skips a page whose every field is hidden', () => {
    const form: FormDefinition = {
      version: 1,
      title: { vi: 'Tờ khai', en: 'Declaration' },
      fields: [
        { type: 'checkbox', name: 'hasSpouse', label: { vi: 'Có vợ/chồng', en: 'Married' } },
        {
          type: 'group',
          name: 'self',
          label: { vi: 'Bản thân', en: 'Self' },
          fields: [{ type: 'text', name: 'n', label: { vi: 'Tên', en: 'Name' } }],
        },
        {
          type: 'group',
          name: 'spouse',
          label: { vi: 'Vợ/chồng', en: 'Spouse' },
          visibleWhen: { field: 'hasSpouse', checked: true },
          fields: [{ type: 'text', name: 'n', label: { vi: 'Tên', en: 'Name' } }],
        },
      ],
    };
    const keys = (data: Record<string, unknown>) => visiblePages(derivePages(form), data).map((p) => p.key);
    expect(keys({})).toEqual(['applicant', 'self', 'attachments', 'agency', 'review']);
    expect(keys({ hasSpouse: true })).toEqual(['applicant', 'self', 'spouse', 'attachments', 'agency', 'review']);
  });
});

describe('paths', () => {
  it.each([
    [['child', 'fullName'], 'child.fullName', 'f-child-fullName'],
    [['children', 1, 'birthDate'], 'children[1].birthDate', 'f-children-1-birthDate'],
    [['declaration'], 'declaration', 'f-declaration'],
  ] as const)('%j is %s with control id %s', (path, text, id) => {
    expect(pathToString(path)).toBe(text);
    expect(fieldId(path)).toBe(id);
    expect(fieldId(text)).toBe(id);
  });

  it('reads back what it wrote, without touching the original', () => {
    const key = fc.constantFrom('a', 'b', 'c');
    const path = fc.array(fc.oneof(key, fc.nat({ max: 3 })), { minLength: 1, maxLength: 4 }).filter((p) => typeof p[0] === 'string');
    fc.assert(
      fc.property(path, fc.string(), fc.jsonValue(), (p, value, existing) => {
        const original = { a: existing };
        const snapshot = JSON.stringify(original);
        const written = setAt(original, p, value);
        expect(getAt(written, p)).toBe(value);
        expect(JSON.stringify(original)).toBe(snapshot);
      }),
    );
  });

  it('removes a key when given undefined', () => {
    expect(setAt({ child: { fullName: 'An', sex: 'male' } }, ['child', 'fullName'], undefined)).toEqual({ child: { sex: 'male' } });
  });
});

describe('withoutHiddenFields', () => {
  const person = { fullName: 'Nguyễn Văn Bình' };
  it('drops the father when the father is not established, and the foreign nationality when unticked', () => {
    const data = { fatherUnknown: true, father: person, hasForeignElement: false, foreignNationality: 'Hàn Quốc', mother: person };
    expect(withoutHiddenFields(birthRegistrationForm.fields, data)).toEqual({
      fatherUnknown: true,
      hasForeignElement: false,
      mother: person,
    });
  });

  it('never changes what the validator says about data built from the form’s own fields', () => {
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const data = fc.record(
      {
        hasForeignElement: maybe(fc.boolean()),
        foreignNationality: maybe(fc.string({ maxLength: 60 })),
        fatherUnknown: maybe(fc.boolean()),
        father: maybe(fc.record({ fullName: fc.string({ maxLength: 5 }) })),
        extractCopies: maybe(fc.integer({ min: -2, max: 12 })),
        declaration: maybe(fc.boolean()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(data, (d) => {
        const defined = JSON.parse(JSON.stringify(d)) as Record<string, unknown>;
        const opts = { today: '2026-01-01' };
        expect(validateFormData(birthRegistrationForm, withoutHiddenFields(birthRegistrationForm.fields, defined), opts)).toEqual(
          validateFormData(birthRegistrationForm, defined, opts),
        );
      }),
    );
  });
});

describe('errors by page', () => {
  it('sends each validator error to the page that shows its field, declarations to the review', () => {
    const pages = derivePages(birthRegistrationForm);
    const errors = validateFormData(birthRegistrationForm, { hasForeignElement: true }, { today: '2026-01-01' });
    const byPage = Object.fromEntries(pages.map((p) => [p.key, errorsOfPage(p, errors).map((e) => `${e.path}:${e.code}`)]));
    expect(byPage).toEqual({
      applicant: [],
      child: ['child:required'],
      mother: ['foreignNationality:required', 'mother:required'],
      father: ['father:required'],
      requester: ['requester:required'],
      extractCopies: [],
      attachments: ['birthCertificate:required'],
      agency: [],
      review: ['declaration:required'],
    });
    expect(firstPageWithErrors(pages, errors)).toBe(1);
    expect(firstPageWithErrors(pages, [])).toBe(-1);
  });
});

describe('uploads', () => {
  const components = [
    { code: 'TO_KHAI_KHAI_SINH', name: 'Tờ khai', isRequired: true },
    { code: 'GIAY_CHUNG_SINH', name: 'Giấy chứng sinh', isRequired: true },
    { code: 'GIAY_TO_TUY_THAN', name: 'Giấy tờ tùy thân', isRequired: true },
    { code: 'VAN_BAN_UY_QUYEN', name: 'Văn bản ủy quyền', isRequired: false },
  ];
  const slots = (definition: FormDefinition | null, isIdentityVerified: boolean) =>
    uploadSlots(components, definition, {}, { isIdentityVerified }).map((s) => [s.code, s.isRequired, s.field?.name ?? s.answeredBy]);

  it('asks for the form’s file fields, lets the form and VNeID answer the declaration and the identity paper', () => {
    expect(slots(birthRegistrationForm, true)).toEqual([
      ['GIAY_CHUNG_SINH', true, 'birthCertificate'],
      ['TO_KHAI_KHAI_SINH', false, 'eform'],
      ['GIAY_TO_TUY_THAN', false, 'population_db'],
      ['VAN_BAN_UY_QUYEN', false, null],
    ]);
  });

  it('asks for the identity paper from an applicant VNeID has not verified, and for the declaration without a form', () => {
    expect(slots(birthRegistrationForm, false)).toContainEqual(['GIAY_TO_TUY_THAN', true, null]);
    expect(slots(null, true)).toEqual([
      ['TO_KHAI_KHAI_SINH', true, null],
      ['GIAY_CHUNG_SINH', true, null],
      ['GIAY_TO_TUY_THAN', false, 'population_db'],
      ['VAN_BAN_UY_QUYEN', false, null],
    ]);
  });

  it('takes a component from the store when a valid document is offered, and no longer requires its upload', () => {
    const birthCopy = { id: 'doc-1', title: 'Trích lục khai sinh', agencyName: 'Ủy ban nhân dân Phường Tam Long' };
    const offered = uploadSlots(components, null, {}, { isIdentityVerified: true }, new Map([['GIAY_CHUNG_SINH', birthCopy]]));
    expect(offered.find((s) => s.code === 'GIAY_CHUNG_SINH')).toMatchObject({
      isRequired: false,
      answeredBy: 'store',
      storeDocument: birthCopy,
    });
    // A form's own file field keeps asking for its file.
    const withForm = uploadSlots(
      components,
      birthRegistrationForm,
      {},
      { isIdentityVerified: true },
      new Map([['GIAY_CHUNG_SINH', birthCopy]]),
    );
    expect(withForm.find((s) => s.code === 'GIAY_CHUNG_SINH')).toMatchObject({ isRequired: true, answeredBy: null, storeDocument: null });
  });

  it('offers the newest store document per component, unless declined or files were uploaded', () => {
    const reusable = [
      { componentCode: 'A', id: 'new', title: 'Mới', agencyName: null },
      { componentCode: 'A', id: 'old', title: 'Cũ', agencyName: null },
      { componentCode: 'B', id: 'b', title: 'B', agencyName: null },
      { componentCode: 'C', id: 'c', title: 'C', agencyName: null },
    ];
    const choices = storeChoices(reusable, new Set(['B']), { C: [{ id: 'file' }] });
    expect([...choices.entries()]).toEqual([['A', { id: 'new', title: 'Mới', agencyName: null }]]);
  });

  it('puts the uploads’ ids in the file fields, and clears a field with none', () => {
    expect(withFileIds(birthRegistrationForm, { birthCertificate: ['old'] }, { GIAY_CHUNG_SINH: [{ id: 'a' }, { id: 'b' }] })).toEqual({
      birthCertificate: ['a', 'b'],
    });
    expect(withFileIds(birthRegistrationForm, { birthCertificate: ['old'], declaration: true }, {})).toEqual({ declaration: true });
  });
});

describe('withEmptyGroups', () => {
  it('lets the validator name each missing field of an untouched required group, but not of a hidden one', () => {
    const data = withEmptyGroups(birthRegistrationForm.fields, { fatherUnknown: true });
    expect(data).toMatchObject({ child: {}, mother: { residence: {} }, requester: {} });
    expect(data).not.toHaveProperty('father');
    const paths = validateFormData(birthRegistrationForm, data, { today: '2026-01-01' }).map((e) => `${e.path}:${e.code}`);
    expect(paths).toContain('child.fullName:required');
    expect(paths).toContain('mother.residence.street:required');
    expect(paths).not.toContain('child:required');
  });
});

describe('describePath', () => {
  it.each([
    ['child.fullName', ['Người được khai sinh', 'Họ, chữ đệm và tên']],
    ['mother.residence.communeCode', ['Thông tin người mẹ', 'Nơi cư trú', 'Xã, phường, đặc khu']],
    ['declaration', ['Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật.']],
  ])('%s reads %j', (path, labels) => {
    expect(describePath(birthRegistrationForm.fields, path).map((l) => l.vi)).toEqual(labels);
  });

  it('numbers the entries of a repeatable group from 1', () => {
    const fields: FormDefinition['fields'] = [
      {
        type: 'group',
        name: 'children',
        label: { vi: 'Con', en: 'Child' },
        repeatable: true,
        fields: [{ type: 'date', name: 'birthDate', label: { vi: 'Ngày sinh', en: 'Born' } }],
      },
    ];
    expect(describePath(fields, 'children[1].birthDate').map((l) => l.en)).toEqual(['Child 2', 'Born']);
  });
});

describe('newIdempotencyKey', () => {
  it('is a fresh UUID v4 every time', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('defaultAgency', () => {
  const agency = (code: string, unitCode: string, level: 'province' | 'commune', kind = 'service_centre') => ({
    code,
    name: code,
    nameEn: code,
    unitCode,
    level,
    kind,
  });
  const agencies = [
    agency('79-TTPVHCC', '79', 'province'),
    agency('26572-UBND', '26572', 'commune', 'people_committee'),
    agency('26572-TTPVHCC', '26572', 'commune'),
  ];

  it.each([
    ['26572', '26572-TTPVHCC'],
    ['26734', '79-TTPVHCC'],
    [null, '79-TTPVHCC'],
  ])('for a citizen living in %s it is %s', (home, expected) => {
    expect(defaultAgency(agencies, home)?.code).toBe(expected);
  });

  it('falls back to the first receiving agency, and to nothing when none', () => {
    expect(defaultAgency([agencies[1]!], '26572')?.code).toBe('26572-UBND');
    expect(defaultAgency([], '26572')).toBeUndefined();
  });
});

describe('carryOverDraft', () => {
  const before: FormDefinition = {
    version: 1,
    title: { vi: 'Tờ khai', en: 'Form' },
    fields: [
      { name: 'fullName', type: 'text', label: { vi: 'Họ tên', en: 'Name' } },
      { name: 'nickname', type: 'text', label: { vi: 'Tên gọi khác', en: 'Other name' } },
      { name: 'count', type: 'text', label: { vi: 'Số lượng', en: 'Count' } },
      { name: 'home', type: 'address', label: { vi: 'Địa chỉ', en: 'Address' } },
      {
        name: 'children',
        type: 'group',
        repeatable: true,
        label: { vi: 'Con', en: 'Children' },
        fields: [
          { name: 'name', type: 'text', label: { vi: 'Tên', en: 'Name' } },
          { name: 'school', type: 'text', label: { vi: 'Trường', en: 'School' } },
        ],
      },
      { name: 'paper', type: 'file', componentCode: 'GIAY', label: { vi: 'Giấy', en: 'Paper' } },
    ],
  };
  const draft = {
    formData: {
      fullName: 'Nguyễn Văn An',
      nickname: 'An',
      count: { was: 'a group' },
      home: { communeCode: '26734', street: '1 Lê Lợi' },
      children: [{ name: 'Bình', school: 'Trường A' }],
      paper: ['file-1'],
    },
    attachments: { GIAY: [{ id: 'file-1' }], CU: [{ id: 'file-2' }] },
  };

  it('keeps every answer and file when only the fees or the time changed (same form, same components)', () => {
    const sameShape = { ...draft, formData: { ...draft.formData, count: '3' } };
    expect(carryOverDraft(before, ['GIAY', 'CU'], sameShape)).toEqual(sameShape);
  });

  it('drops answers to fields the new form removed or retyped, at any depth, and files of components it no longer lists', () => {
    const after: FormDefinition = {
      ...before,
      fields: before.fields
        .filter((f) => f.name !== 'nickname')
        .map((f) => (f.type === 'group' ? { ...f, fields: f.fields.filter((g) => g.name !== 'school') } : f)),
    };
    expect(carryOverDraft(after, ['GIAY'], draft)).toEqual({
      formData: {
        fullName: 'Nguyễn Văn An',
        home: { communeCode: '26734', street: '1 Lê Lợi' },
        children: [{ name: 'Bình' }],
        paper: ['file-1'],
      },
      attachments: { GIAY: [{ id: 'file-1' }] },
    });
  });

  it('keeps nothing of the form when the new version has none', () => {
    expect(carryOverDraft(null, [], draft)).toEqual({ formData: {}, attachments: {} });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Component } from '../../procedures/domain/procedure.ts';
import { birthRegistrationForm } from '../../procedures/forms/birth-registration.ts';
import { mediaTypesOfFormats, mentionedAttachmentIds, offeredAttachments, planComponents, type UsableAttachment } from './components.ts';

const component = (
  code: string,
  isRequired: boolean,
  acceptedFormats: Component['acceptedFormats'] = ['pdf', 'jpg', 'png'],
): Component => ({
  code,
  name: `Tên ${code}`,
  isRequired,
  form: 'original',
  acceptedFormats,
});

const birth: Component[] = [
  component('TO_KHAI_KHAI_SINH', true),
  component('GIAY_CHUNG_SINH', true, ['pdf']),
  component('BIEN_BAN_TRE_BI_BO_ROI', false),
  component('GIAY_TO_TUY_THAN', true),
];
const usable = new Map<string, UsableAttachment>([
  ['pdf-1', { id: 'pdf-1', mediaType: 'application/pdf' }],
  ['pdf-2', { id: 'pdf-2', mediaType: 'application/pdf' }],
  ['jpg-1', { id: 'jpg-1', mediaType: 'image/jpeg' }],
]);
const online = { hasOnlineForm: true, isIdentityVerified: true };
const offer = (entries: [string, string[]][]) => new Map(entries);

describe('planComponents', () => {
  it('records uploads, the online declaration and the VNeID identity', () => {
    const plan = planComponents(birth, offer([['GIAY_CHUNG_SINH', ['pdf-1', 'pdf-2']]]), usable, online);
    expect(plan).toEqual({
      ok: true,
      components: [
        { componentCode: 'TO_KHAI_KHAI_SINH', name: 'Tên TO_KHAI_KHAI_SINH', source: 'eform', attachmentId: null },
        {
          componentCode: 'GIAY_CHUNG_SINH',
          name: 'Tên GIAY_CHUNG_SINH',
          source: 'upload',
          attachmentId: 'pdf-1',
          acceptedMediaTypes: ['application/pdf'],
        },
        {
          componentCode: 'GIAY_CHUNG_SINH',
          name: 'Tên GIAY_CHUNG_SINH',
          source: 'upload',
          attachmentId: 'pdf-2',
          acceptedMediaTypes: ['application/pdf'],
        },
        { componentCode: 'GIAY_TO_TUY_THAN', name: 'Tên GIAY_TO_TUY_THAN', source: 'population_db', attachmentId: null },
      ],
    });
  });

  it('without the files read, takes the offered ids as usable and leaves their type to the write', () => {
    // A JPEG offered where only PDF is accepted is not known here: the write claims it only as a PDF.
    const plan = planComponents(birth, offer([['GIAY_CHUNG_SINH', ['jpg-1']]]), null, online);
    expect(plan).toMatchObject({
      ok: true,
      components: [
        { source: 'eform' },
        { componentCode: 'GIAY_CHUNG_SINH', source: 'upload', attachmentId: 'jpg-1', acceptedMediaTypes: ['application/pdf'] },
        { source: 'population_db' },
      ],
    });
  });

  it.each([
    ['a required file is missing', offer([]), 'COMPONENT_MISSING'],
    ['a component the procedure does not have', offer([['SO_HO_KHAU', ['pdf-2']]]), 'COMPONENT_UNKNOWN'],
    [
      'one attachment offered twice',
      offer([
        ['GIAY_CHUNG_SINH', ['pdf-1']],
        ['BIEN_BAN_TRE_BI_BO_ROI', ['pdf-1']],
      ]),
      'ATTACHMENT_NOT_FOUND',
    ],
  ] as const)('without the files read, still refuses when %s', (_name, offered, error) => {
    const plan = planComponents(birth, offered, null, online);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.error).toBe(error);
  });

  it.each([
    ['a required file is missing', offer([]), online, 'COMPONENT_MISSING'],
    [
      'the declaration has no online form and no file',
      offer([['GIAY_CHUNG_SINH', ['pdf-1']]]),
      { ...online, hasOnlineForm: false },
      'COMPONENT_MISSING',
    ],
    [
      'identity not verified and no identity paper',
      offer([['GIAY_CHUNG_SINH', ['pdf-1']]]),
      { ...online, isIdentityVerified: false },
      'COMPONENT_MISSING',
    ],
    [
      'a component the procedure does not have',
      offer([
        ['GIAY_CHUNG_SINH', ['pdf-1']],
        ['SO_HO_KHAU', ['pdf-2']],
      ]),
      online,
      'COMPONENT_UNKNOWN',
    ],
    ['an attachment that is not usable', offer([['GIAY_CHUNG_SINH', ['someone-elses']]]), online, 'ATTACHMENT_NOT_FOUND'],
    [
      'one attachment offered twice',
      offer([
        ['GIAY_CHUNG_SINH', ['pdf-1']],
        ['BIEN_BAN_TRE_BI_BO_ROI', ['pdf-1']],
      ]),
      online,
      'ATTACHMENT_NOT_FOUND',
    ],
    ['a JPEG where only PDF is accepted', offer([['GIAY_CHUNG_SINH', ['jpg-1']]]), online, 'ATTACHMENT_FORMAT_NOT_ACCEPTED'],
  ] as const)('refuses when %s', (_name, offered, context, error) => {
    const plan = planComponents(birth, offered, usable, context);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.error).toBe(error);
  });

  it('names the missing components', () => {
    const plan = planComponents(birth, offer([]), usable, { hasOnlineForm: false, isIdentityVerified: false });
    expect(plan).toMatchObject({
      error: 'COMPONENT_MISSING',
      details: { components: [{ code: 'TO_KHAI_KHAI_SINH' }, { code: 'GIAY_CHUNG_SINH' }, { code: 'GIAY_TO_TUY_THAN' }] },
    });
  });

  it('never accepts a plan that leaves a required component without a source', () => {
    const ids = [...usable.keys()];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...birth.map((c) => c.code)), fc.subarray(ids)), { maxLength: 4 }),
        fc.boolean(),
        fc.boolean(),
        (entries, hasOnlineForm, isIdentityVerified) => {
          const plan = planComponents(birth, new Map(entries), usable, { hasOnlineForm, isIdentityVerified });
          if (!plan.ok) return;
          for (const c of birth.filter((r) => r.isRequired)) expect(plan.components.some((p) => p.componentCode === c.code)).toBe(true);
          const attached = plan.components.flatMap((p) => (p.attachmentId ? [p.attachmentId] : []));
          expect(new Set(attached).size).toBe(attached.length);
        },
      ),
    );
  });
});

describe('mediaTypesOfFormats', () => {
  it.each([
    [['pdf'], ['application/pdf']],
    [
      ['jpg', 'png'],
      ['image/jpeg', 'image/png'],
    ],
    [['pdf', 'doc', 'docx'], ['application/pdf']],
    [['doc'], []],
  ] as const)('%j → %j', (formats, types) => {
    expect(mediaTypesOfFormats(formats)).toEqual(types);
  });
});

describe('mentionedAttachmentIds', () => {
  it('finds the ids of the components list and every UUID in lists of the form, nothing else', () => {
    const a = '3f1c2a5e-8b7d-4e6f-9a0b-1c2d3e4f5a6b';
    const b = '00000000-0000-4000-8000-000000000001';
    const c = '00000000-0000-4000-8000-000000000002';
    expect(
      mentionedAttachmentIds([{ attachmentIds: [a] }], { birthCertificate: [b, 'not-a-uuid'], children: [{ files: [c] }], note: a }).sort(),
    ).toEqual([b, c, a].sort());
  });
});

describe('offeredAttachments', () => {
  it('merges the components list with the visible file fields of the form, without repeats', () => {
    const offered = offeredAttachments(
      [
        { componentCode: 'GIAY_CHUNG_SINH', attachmentIds: ['a', 'b'] },
        { componentCode: 'GIAY_TO_TUY_THAN', attachmentIds: [] },
      ],
      birthRegistrationForm,
      { birthCertificate: ['b', 'c'] },
    );
    expect(Object.fromEntries(offered)).toEqual({ GIAY_CHUNG_SINH: ['a', 'b', 'c'] });
  });

  it('reads nothing from the form when the procedure has none', () => {
    expect(offeredAttachments([], null, { birthCertificate: ['x'] }).size).toBe(0);
  });
});

describe('planComponents with store documents', () => {
  const required: Component[] = [
    { code: 'GIAY_KHAI_SINH', name: 'Giấy khai sinh', form: 'copy', isRequired: true, acceptedFormats: ['pdf'] },
  ];
  const context = { hasOnlineForm: false, isIdentityVerified: false };

  it('counts a store document as providing a required component (source store, no file)', () => {
    const offered = new Map<string, string[]>([['GIAY_KHAI_SINH', []]]);
    const plan = planComponents(required, offered, new Map(), { ...context, fromStore: new Map([['GIAY_KHAI_SINH', 'store-1']]) });
    expect(plan).toEqual({
      ok: true,
      components: [
        { componentCode: 'GIAY_KHAI_SINH', name: 'Giấy khai sinh', source: 'store', attachmentId: null, storeDocumentId: 'store-1' },
      ],
    });
  });

  it('still reports COMPONENT_MISSING when neither a file nor a store document is given', () => {
    const plan = planComponents(required, new Map(), new Map(), { ...context, fromStore: new Map() });
    expect(plan).toMatchObject({ ok: false, error: 'COMPONENT_MISSING' });
  });
});

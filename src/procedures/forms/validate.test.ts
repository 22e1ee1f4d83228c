import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { formDefinition, type FormDefinition } from './definition.ts';
import { validateFormData } from './validate.ts';
import { birthRegistrationForm } from './birth-registration.ts';
import { cccdProvinceCodes } from './identifiers.ts';

const today = '2026-11-21';
const communes = new Set(['26734', '26572']);
const opts = { today, communeExists: (c: string) => communes.has(c) };

const person = {
  fullName: 'Nguyễn Thị Lan',
  birthDate: '1995-04-02',
  ethnicity: 'Kinh',
  nationality: 'Việt Nam',
  personalId: '079195001234',
  residence: { communeCode: '26734', street: '12 Trần Quang Khải' },
};

function validBirth(): Record<string, unknown> {
  return {
    child: {
      fullName: 'Nguyễn Minh An',
      sex: 'male',
      birthDate: '2026-11-01',
      birthPlace: 'Bệnh viện Từ Dũ',
      ethnicity: 'Kinh',
      hometown: 'Thành phố Hồ Chí Minh',
    },
    hasForeignElement: false,
    mother: { ...person },
    fatherUnknown: false,
    father: { ...person, fullName: 'Nguyễn Văn Bình', personalId: '001090005678' },
    requester: { fullName: 'Nguyễn Thị Lan', relationship: 'mother', personalId: '079195001234', phone: '0912345678' },
    birthCertificate: ['upload-1'],
    declaration: true,
  };
}

const codes = (data: unknown, o = opts) => validateFormData(birthRegistrationForm, data, o).map((e) => `${e.path}:${e.code}`);

describe('the birth-registration form definition', () => {
  it('is a valid definition', () => {
    expect(formDefinition.safeParse(birthRegistrationForm).success).toBe(true);
  });

  it('accepts a complete declaration', () => {
    expect(codes(validBirth())).toEqual([]);
  });

  it('asks for the foreign nationality only when "Có yếu tố nước ngoài?" is ticked', () => {
    const data = { ...validBirth(), hasForeignElement: true };
    expect(codes(data)).toEqual(['foreignNationality:required']);
    expect(codes({ ...data, foreignNationality: 'Hàn Quốc' })).toEqual([]);
  });

  it('hides and ignores the father group when the father is not established', () => {
    const data = validBirth();
    delete data['father'];
    expect(codes(data)).toEqual(['father:required']);
    expect(codes({ ...data, fatherUnknown: true })).toEqual([]);
    // A hidden group is ignored even when it holds invalid data.
    expect(codes({ ...data, fatherUnknown: true, father: { personalId: 'x' } })).toEqual([]);
  });

  it('rejects unknown fields at every level', () => {
    const data = validBirth();
    data['nickname'] = 'Bin';
    (data['child'] as Record<string, unknown>)['weight'] = 3.2;
    expect(codes(data).sort()).toEqual(['child.weight:unknown_field', 'nickname:unknown_field']);
  });

  it.each([
    ['child.birthDate', '2026-12-01', 'child.birthDate:date_in_future'],
    ['child.birthDate', '2026-02-30', 'child.birthDate:invalid_date'],
    ['child.sex', 'other', 'child.sex:invalid_option'],
    ['mother.personalId', '003195001234', 'mother.personalId:invalid_cccd'],
    ['mother.residence', { communeCode: '99999', street: 'x' }, 'mother.residence.communeCode:unknown_commune'],
    ['mother.residence', { communeCode: '26734', street: '' }, 'mother.residence.street:required'],
    ['requester.phone', '12345', 'requester.phone:invalid_phone'],
    ['requester.email', 'not-an-email', 'requester.email:invalid_email'],
    ['extractCopies', 2.5, 'extractCopies:not_integer'],
    ['extractCopies', 11, 'extractCopies:too_large'],
    ['birthCertificate', [], 'birthCertificate:required'],
    ['declaration', false, 'declaration:required'],
    ['child.fullName', 42, 'child.fullName:invalid_type'],
  ])('%s = %j → %s', (path, value, expected) => {
    const data = validBirth();
    const keys = path.split('.');
    let target = data;
    for (const k of keys.slice(0, -1)) target = target[k] as Record<string, unknown>;
    target[keys.at(-1) as string] = value;
    expect(codes(data)).toEqual([expected]);
  });

  it('skips the commune check when no callback is given (browser)', () => {
    const data = validBirth();
    (data['mother'] as Record<string, unknown>)['residence'] = { communeCode: '99999', street: 'x' };
    expect(codes(data, { today, communeExists: undefined as never })).toEqual([]);
  });

  it('accepts exactly the e-mail addresses zod accepts (the browser gets the pattern, not all of zod)', () => {
    const zodAccepts = (value: string) => z.email().safeParse(value).success;
    const ours = (value: string) => {
      const data = validBirth();
      (data['requester'] as Record<string, unknown>)['email'] = value;
      return codes(data).length === 0;
    };
    const samples = fc
      .oneof(fc.emailAddress(), fc.string({ maxLength: 40 }), fc.constantFrom('a@b.vn', 'an.nguyen+1@ubnd.gov.vn', 'x@y', 'x@.vn'))
      // A blank value is "not given" (optional field), not a malformed address.
      .filter((value) => value.trim() !== '');
    fc.assert(
      fc.property(samples, (value) => {
        expect(ours(value), value).toBe(zodAccepts(value));
      }),
    );
  });

  it('answers in English when asked', () => {
    const [error] = validateFormData(birthRegistrationForm, {}, { lang: 'en', today });
    expect(error?.message).toBe('This field is required.');
    expect(error?.messages.vi).toBe('Vui lòng nhập thông tin này.');
  });
});

const repeatable: FormDefinition = {
  version: 1,
  title: { vi: 'Thử', en: 'Test' },
  fields: [
    { type: 'taxCode', name: 'taxCode', label: { vi: 'Mã số thuế', en: 'Tax code' }, required: true },
    { type: 'money', name: 'capital', label: { vi: 'Vốn kinh doanh', en: 'Capital' }, required: true },
    {
      type: 'select',
      name: 'kind',
      label: { vi: 'Loại', en: 'Kind' },
      options: [
        { value: 'a', label: { vi: 'A', en: 'A' } },
        { value: 'b', label: { vi: 'B', en: 'B' } },
      ],
    },
    { type: 'text', name: 'onlyForB', label: { vi: 'Chỉ cho B', en: 'Only B' }, required: true, visibleWhen: { field: 'kind', in: ['b'] } },
    {
      type: 'group',
      name: 'members',
      label: { vi: 'Thành viên', en: 'Members' },
      repeatable: true,
      min: 1,
      max: 2,
      fields: [{ type: 'text', name: 'name', label: { vi: 'Tên', en: 'Name' }, required: true }],
    },
  ],
};

describe('generic field types', () => {
  const ok = { taxCode: '0300588569', capital: 1_000_000, members: [{ name: 'A' }] };
  const v = (d: Record<string, unknown>) => validateFormData(repeatable, d).map((e) => `${e.path}:${e.code}`);

  it('accepts valid data', () => expect(v(ok)).toEqual([]));
  it('checks tax codes, money and repeatable groups', () => {
    expect(v({ ...ok, taxCode: '0300588568' })).toEqual(['taxCode:invalid_tax_code']);
    expect(v({ ...ok, capital: -1 })).toEqual(['capital:too_small']);
    expect(v({ ...ok, capital: 10.5 })).toEqual(['capital:not_integer']);
    expect(v({ ...ok, members: [] })).toEqual(['members:too_few_entries']);
    expect(v({ ...ok, members: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] })).toEqual(['members:too_many_entries']);
    expect(v({ ...ok, members: [{ name: '' }, { nam: 'B' }] })).toEqual([
      'members[0].name:required',
      'members[1].nam:unknown_field',
      'members[1].name:required',
    ]);
  });
  it('applies "in" conditions', () => {
    expect(v({ ...ok, kind: 'a' })).toEqual([]);
    expect(v({ ...ok, kind: 'b' })).toEqual(['onlyForB:required']);
  });
  it('refuses definitions whose conditions name unknown fields', () => {
    const bad = { ...repeatable, fields: [{ ...repeatable.fields[0], visibleWhen: { field: 'nope', checked: true } }] };
    expect(formDefinition.safeParse(bad).success).toBe(false);
  });
});

describe('properties', () => {
  it('every valid CCCD passes as the mother’s ID and every wrong length fails', () => {
    const prefixes = Object.keys(cccdProvinceCodes);
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.stringMatching(/^\d{9}$/), fc.stringMatching(/^\d{1,11}$/), (p, rest, short) => {
        const data = validBirth();
        (data['mother'] as Record<string, unknown>)['personalId'] = p + rest;
        expect(codes(data)).toEqual([]);
        (data['mother'] as Record<string, unknown>)['personalId'] = short;
        expect(codes(data)).toEqual(['mother.personalId:invalid_cccd']);
      }),
      { numRuns: 200 },
    );
  });

  it('an unknown top-level key is always reported, whatever its value', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^z[a-z]{1,8}$/), fc.jsonValue(), (key, value) => {
        const data = { ...validBirth(), [key]: value };
        expect(codes(data)).toContain(`${key}:unknown_field`);
      }),
    );
  });
});

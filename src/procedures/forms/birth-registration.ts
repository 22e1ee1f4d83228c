import type { FormDefinition, FormField } from './definition.ts';

/** Tờ khai đăng ký khai sinh — the online birth-registration form (procedure 1.001193). */

const personFields = (who: { vi: string; en: string }): FormField[] => [
  {
    type: 'text',
    name: 'fullName',
    label: { vi: `Họ, chữ đệm và tên ${who.vi}`, en: `${who.en}'s full name` },
    required: true,
    maxLength: 100,
  },
  { type: 'date', name: 'birthDate', label: { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' }, required: true, notInFuture: true },
  { type: 'text', name: 'ethnicity', label: { vi: 'Dân tộc', en: 'Ethnicity' }, required: true, maxLength: 50 },
  { type: 'text', name: 'nationality', label: { vi: 'Quốc tịch', en: 'Nationality' }, required: true, maxLength: 50 },
  {
    type: 'cccd',
    name: 'personalId',
    label: { vi: 'Số định danh cá nhân', en: 'Personal identification number' },
    help: { vi: '12 chữ số trên thẻ căn cước.', en: 'The 12 digits on the identity card.' },
    required: true,
  },
  { type: 'address', name: 'residence', label: { vi: 'Nơi cư trú', en: 'Place of residence' }, required: true },
];

export const birthRegistrationForm: FormDefinition = {
  version: 1,
  title: { vi: 'Tờ khai đăng ký khai sinh', en: 'Birth registration declaration' },
  fields: [
    {
      type: 'group',
      name: 'child',
      label: { vi: 'Người được khai sinh', en: 'The child' },
      required: true,
      fields: [
        { type: 'text', name: 'fullName', label: { vi: 'Họ, chữ đệm và tên', en: 'Full name' }, required: true, maxLength: 100 },
        {
          type: 'select',
          name: 'sex',
          label: { vi: 'Giới tính', en: 'Sex' },
          required: true,
          options: [
            { value: 'male', label: { vi: 'Nam', en: 'Male' } },
            { value: 'female', label: { vi: 'Nữ', en: 'Female' } },
          ],
        },
        { type: 'date', name: 'birthDate', label: { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' }, required: true, notInFuture: true },
        {
          type: 'text',
          name: 'birthPlace',
          label: { vi: 'Nơi sinh', en: 'Place of birth' },
          help: { vi: 'Tên cơ sở y tế hoặc địa chỉ nơi sinh.', en: 'The hospital or the address where the child was born.' },
          required: true,
          maxLength: 300,
        },
        { type: 'text', name: 'ethnicity', label: { vi: 'Dân tộc', en: 'Ethnicity' }, required: true, maxLength: 50 },
        { type: 'text', name: 'hometown', label: { vi: 'Quê quán', en: 'Home town' }, required: true, maxLength: 200 },
      ],
    },
    {
      type: 'checkbox',
      name: 'hasForeignElement',
      label: { vi: 'Có yếu tố nước ngoài?', en: 'Is there a foreign element?' },
      help: {
        vi: 'Chọn khi cha hoặc mẹ là người nước ngoài hoặc trẻ sinh ra ở nước ngoài.',
        en: 'Tick when a parent is a foreign national or the child was born abroad.',
      },
    },
    {
      type: 'text',
      name: 'foreignNationality',
      label: { vi: 'Quốc tịch nước ngoài của cha hoặc mẹ', en: "Parent's foreign nationality" },
      required: true,
      maxLength: 50,
      visibleWhen: { field: 'hasForeignElement', checked: true },
    },
    {
      type: 'group',
      name: 'mother',
      label: { vi: 'Thông tin người mẹ', en: 'Mother' },
      required: true,
      fields: personFields({ vi: 'người mẹ', en: 'Mother' }),
    },
    {
      type: 'checkbox',
      name: 'fatherUnknown',
      label: { vi: 'Chưa xác định được cha', en: 'Father not established' },
      help: {
        vi: 'Phần khai về người cha để trống (Nghị định 123/2015/NĐ-CP, điều 15).',
        en: "The father's part is left blank (Decree 123/2015/NĐ-CP, art. 15).",
      },
    },
    {
      type: 'group',
      name: 'father',
      label: { vi: 'Thông tin người cha', en: 'Father' },
      required: true,
      visibleWhen: { field: 'fatherUnknown', checked: false },
      fields: personFields({ vi: 'người cha', en: 'Father' }),
    },
    {
      type: 'group',
      name: 'requester',
      label: { vi: 'Người yêu cầu', en: 'Applicant' },
      required: true,
      fields: [
        { type: 'text', name: 'fullName', label: { vi: 'Họ, chữ đệm và tên', en: 'Full name' }, required: true, maxLength: 100 },
        {
          type: 'select',
          name: 'relationship',
          label: { vi: 'Quan hệ với người được khai sinh', en: 'Relationship to the child' },
          required: true,
          options: [
            { value: 'mother', label: { vi: 'Mẹ', en: 'Mother' } },
            { value: 'father', label: { vi: 'Cha', en: 'Father' } },
            { value: 'grandparent', label: { vi: 'Ông, bà', en: 'Grandparent' } },
            { value: 'relative', label: { vi: 'Người thân thích khác', en: 'Other relative' } },
            { value: 'carer', label: { vi: 'Cá nhân, tổ chức đang nuôi dưỡng trẻ', en: 'Person or body caring for the child' } },
          ],
        },
        { type: 'cccd', name: 'personalId', label: { vi: 'Số định danh cá nhân', en: 'Personal identification number' }, required: true },
        { type: 'phone', name: 'phone', label: { vi: 'Số điện thoại', en: 'Phone' }, required: true },
        { type: 'email', name: 'email', label: { vi: 'Thư điện tử', en: 'E-mail' } },
      ],
    },
    {
      type: 'number',
      name: 'extractCopies',
      label: { vi: 'Số bản sao Giấy khai sinh đề nghị cấp', en: 'Number of certified copies requested' },
      integer: true,
      min: 0,
      max: 10,
    },
    {
      type: 'file',
      name: 'birthCertificate',
      label: { vi: 'Giấy chứng sinh', en: 'Birth notice from the hospital' },
      help: {
        vi: 'Không có Giấy chứng sinh thì nộp văn bản của người làm chứng hoặc giấy cam đoan về việc sinh.',
        en: 'Without a birth notice, upload a witness statement or a sworn declaration of the birth.',
      },
      componentCode: 'GIAY_CHUNG_SINH',
      required: true,
      maxFiles: 2,
    },
    {
      type: 'checkbox',
      name: 'declaration',
      label: {
        vi: 'Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật.',
        en: 'I declare that the above is true.',
      },
      required: true,
    },
  ],
};

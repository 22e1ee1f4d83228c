// Answers to the birth-registration form (1.001193), shared by API tests and the bench (no test-runner imports).

/** A date `days` before today (Vietnam time), YYYY-MM-DD. */
export function daysAgo(days: number): string {
  return new Date(Date.now() + 7 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10);
}

/** Complete answers to the birth-registration form (1.001193) of Nguyễn Văn An's son. */
export function birthRegistrationAnswers(birthCertificateId: string): Record<string, unknown> {
  const residence = { communeCode: '26572', street: '15 Đường 3 Tháng 2' };
  return {
    child: {
      fullName: 'Nguyễn Minh Khôi',
      sex: 'male',
      birthDate: daysAgo(10),
      birthPlace: 'Bệnh viện Bà Rịa',
      ethnicity: 'Kinh',
      hometown: 'Bà Rịa, Thành phố Hồ Chí Minh',
    },
    hasForeignElement: false,
    mother: {
      fullName: 'Trần Thị Hoa',
      birthDate: '1992-03-04',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      personalId: '079192001111',
      residence,
    },
    fatherUnknown: false,
    father: {
      fullName: 'Nguyễn Văn An',
      birthDate: '1990-05-12',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      personalId: '079090001234',
      residence,
    },
    requester: { fullName: 'Nguyễn Văn An', relationship: 'father', personalId: '079090001234', phone: '0901234567' },
    birthCertificate: [birthCertificateId],
    declaration: true,
  };
}

/** A complete submission body for birth registration at Phường Tam Long's centre. */
export function birthRegistrationBody(birthCertificateId: string, version = 1): Record<string, unknown> {
  return {
    procedureCode: '1.001193',
    procedureVersion: version,
    receivingAgencyCode: '26572-TTPVHCC',
    formData: birthRegistrationAnswers(birthCertificateId),
    components: [{ componentCode: 'GIAY_CHUNG_SINH', attachmentIds: [birthCertificateId] }],
  };
}

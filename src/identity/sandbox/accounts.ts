import { createHash } from 'node:crypto';
import { constantTimeEquals } from '../tokens.ts';

/** The sandbox password of every demo citizen (printed at start in demo mode). */
export const sandboxPassword = 'Demo@2026';

/** A person known to the sandbox VNeID: what the real VNeID would assert about them. */
export interface SandboxCitizen {
  idNumber: string;
  name: string;
  birthdate: string;
  gender: 'male' | 'female';
  email: string;
  phoneNumber: string;
  address: { streetAddress: string; locality: string; region: string };
  /** Mức định danh: 2 = identity verified in person, 1 = registered online only. */
  identityLevel: 1 | 2;
}

const hcmc = 'Thành phố Hồ Chí Minh';

/**
 * Demo citizens of the sandbox (fictitious). CCCD: 079 = born in HCMC, 077 = born in Bà Rịa–Vũng Tàu;
 * the 4th digit is century and sex, the 5th–6th the birth year.
 */
export const sandboxCitizens: readonly SandboxCitizen[] = [
  {
    idNumber: '079090001234',
    name: 'Nguyễn Văn An',
    birthdate: '1990-05-12',
    gender: 'male',
    email: 'nguyenvanan@example.vn',
    phoneNumber: '+84901234567',
    address: { streetAddress: '15 Đường 3 Tháng 2', locality: 'Phường Tam Long', region: hcmc },
    identityLevel: 2,
  },
  {
    idNumber: '079185004321',
    name: 'Trần Thị Bình',
    birthdate: '1985-09-03',
    gender: 'female',
    email: 'tranthibinh@example.vn',
    phoneNumber: '+84912345678',
    address: { streetAddress: '42 Lê Lợi', locality: 'Phường Sài Gòn', region: hcmc },
    identityLevel: 2,
  },
  {
    idNumber: '077088002468',
    name: 'Lê Minh Châu',
    birthdate: '1988-01-21',
    gender: 'male',
    email: 'leminhchau@example.vn',
    phoneNumber: '+84933456789',
    address: { streetAddress: '8 Trần Hưng Đạo', locality: 'Phường Vũng Tàu', region: hcmc },
    identityLevel: 2,
  },
  {
    idNumber: '077195007531',
    name: 'Phạm Thị Dung',
    birthdate: '1995-12-30',
    gender: 'female',
    email: 'phamthidung@example.vn',
    phoneNumber: '+84944567890',
    address: { streetAddress: '120 Quốc lộ 55', locality: 'Phường Tam Long', region: hcmc },
    identityLevel: 2,
  },
  {
    idNumber: '079203009876',
    name: 'Hoàng Gia Huy',
    birthdate: '2003-07-08',
    gender: 'male',
    email: 'hoanggiahuy@example.vn',
    phoneNumber: '+84955678901',
    address: { streetAddress: '3 Pasteur', locality: 'Phường Bến Thành', region: hcmc },
    identityLevel: 1,
  },
  {
    idNumber: '079301006543',
    name: 'Võ Ngọc Mai',
    birthdate: '2001-02-14',
    gender: 'female',
    email: 'vongocmai@example.vn',
    phoneNumber: '+84966789012',
    address: { streetAddress: '27 Hai Bà Trưng', locality: 'Phường Tân Định', region: hcmc },
    identityLevel: 2,
  },
];

/** The sandbox subject of a citizen: opaque and stable, like a real provider's `sub`. */
export function sandboxSubject(citizen: SandboxCitizen): string {
  return `vneid-sbx-${createHash('sha256').update(`tinhso-sandbox:${citizen.idNumber}`).digest('hex').slice(0, 24)}`;
}

/** The sandbox citizen with these credentials, or null. */
export function authenticateSandboxCitizen(idNumber: string, password: string): SandboxCitizen | null {
  const citizen = sandboxCitizens.find((c) => c.idNumber === idNumber.trim());
  const isPasswordRight = constantTimeEquals(password, sandboxPassword);
  return citizen && isPasswordRight ? citizen : null;
}

/** The sandbox citizen behind a subject. */
export function findSandboxCitizenBySubject(sub: string): SandboxCitizen | null {
  return sandboxCitizens.find((c) => sandboxSubject(c) === sub) ?? null;
}

/** The claims the sandbox asserts, named as OpenID Connect and VNeID name them. */
export function sandboxClaims(citizen: SandboxCitizen): Record<string, unknown> {
  return {
    sub: sandboxSubject(citizen),
    name: citizen.name,
    birthdate: citizen.birthdate,
    gender: citizen.gender,
    email: citizen.email,
    phone_number: citizen.phoneNumber,
    address: {
      formatted: `${citizen.address.streetAddress}, ${citizen.address.locality}, ${citizen.address.region}`,
      street_address: citizen.address.streetAddress,
      locality: citizen.address.locality,
      region: citizen.address.region,
      country: 'VN',
    },
    id_number: citizen.idNumber,
    identity_level: citizen.identityLevel,
  };
}

import type { AppConfig } from '../config.ts';
import type { Tx } from '../platform/db/client.ts';
import { resolvePlatformSecret } from '../platform/secrets.ts';
import { hashPassword } from './officer-sign-in.ts';
import type { RoleAssignment } from './principal.ts';
import { sandboxCitizens, sandboxPassword } from './sandbox/accounts.ts';
import { officerRoleAssignments, officers, type OfficerRole } from './schema.ts';
import { SealBox } from './tokens.ts';

/** Password of every demo officer (and of every sandbox citizen). */
export const demoOfficerPassword = sandboxPassword;

/** Fixed TOTP secret of the demo officer who has two-factor sign-in on (demo data only). */
export const demoTotpSecret = 'TINHSODEMOLANHDAOTHANHPHOABCDEFG';

interface DemoOfficer {
  username: string;
  fullName: string;
  roles: RoleAssignment[];
  hasTotp?: boolean;
}

const roleNames: Record<OfficerRole, string> = {
  reception: 'tiếp nhận · reception',
  specialist: 'chuyên viên xử lý · specialist',
  approver: 'lãnh đạo phê duyệt · approver',
  unit_admin: 'quản trị đơn vị · unit admin',
  leader: 'lãnh đạo tỉnh/thành phố · leader',
  system_admin: 'quản trị hệ thống · system admin',
};

/** One officer per role, in Phường Tam Long (26572), the city departments and the city as a whole. */
export const demoOfficers: readonly DemoOfficer[] = [
  { username: 'tiepnhan.tamlong', fullName: 'Đỗ Thị Hạnh', roles: [{ role: 'reception', agencyCode: '26572-TTPVHCC', unitCode: '26572' }] },
  {
    username: 'chuyenvien.tamlong',
    fullName: 'Bùi Văn Khoa',
    roles: [{ role: 'specialist', agencyCode: '26572-UBND', unitCode: '26572' }],
  },
  { username: 'lanhdao.tamlong', fullName: 'Ngô Thanh Long', roles: [{ role: 'approver', agencyCode: '26572-UBND', unitCode: '26572' }] },
  { username: 'quantri.tamlong', fullName: 'Lý Thu Trang', roles: [{ role: 'unit_admin', agencyCode: '', unitCode: '26572' }] },
  { username: 'tiepnhan.stp', fullName: 'Phan Quốc Bảo', roles: [{ role: 'reception', agencyCode: '79-STP', unitCode: '79' }] },
  { username: 'lanhdao.thanhpho', fullName: 'Trương Minh Đức', roles: [{ role: 'leader', agencyCode: '', unitCode: '79' }], hasTotp: true },
  { username: 'quantri.hethong', fullName: 'Đặng Hoài Nam', roles: [{ role: 'system_admin', agencyCode: '', unitCode: '79' }] },
];

/** Demo officers (one per role) with argon2id passwords; the sandbox citizens live in the sandbox itself. */
export async function seedDemoIdentities(tx: Tx, config: AppConfig): Promise<void> {
  const totpBox = new SealBox(resolvePlatformSecret(config), 'totp');
  for (const o of demoOfficers) {
    const [row] = await tx
      .insert(officers)
      .values({
        username: o.username,
        fullName: o.fullName,
        email: `${o.username}@demo.tinhso.vn`,
        passwordHash: await hashPassword(demoOfficerPassword),
        totpSecretEnc: o.hasTotp ? totpBox.seal(demoTotpSecret) : null,
        isTotpEnabled: !!o.hasTotp,
      })
      .returning({ id: officers.id });
    if (!row) throw new Error(`Demo officer ${o.username} was not created`);
    await tx.insert(officerRoleAssignments).values(o.roles.map((r) => ({ officerId: row.id, ...r })));
  }
}

/** Lines printed at start: which demo accounts exist and where to click. */
export function describeDemoAccounts(): string[] {
  const citizens = sandboxCitizens.map((c) => `    ${c.idNumber}  ${c.name}  (mức định danh / level ${c.identityLevel})`);
  const officerLines = demoOfficers.map((o) => {
    const roles = o.roles.map((r) => `${roleNames[r.role]} @ ${r.agencyCode || `đơn vị / unit ${r.unitCode}`}`).join('; ');
    return `    ${o.username.padEnd(20)} ${roles}${o.hasTotp ? `  [TOTP: ${demoTotpSecret}]` : ''}`;
  });
  return [
    'Tài khoản thử nghiệm / demo accounts (dữ liệu hư cấu / fictitious data):',
    '  Công dân / citizens: trang chủ → "Đăng nhập bằng VNeID (sandbox)" / home → "Sign in with VNeID (sandbox)"',
    `  (VNeID sandbox — không phải VNeID thật / not the real VNeID). Mật khẩu / password: ${sandboxPassword}`,
    ...citizens,
    '  Cán bộ / officers: trang chủ → "Cán bộ đăng nhập" / home → "Officer sign-in"',
    `  Mật khẩu / password: ${demoOfficerPassword}`,
    ...officerLines,
    `  Mã TOTP: nhập secret vào ứng dụng xác thực (SHA1, 6 số, 30 giây) / add the secret to an authenticator app (SHA1, 6 digits, 30 s)`,
  ];
}

import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../platform/db/client.ts';
import { adminUnits, agencies } from '../units/schema.ts';

type NewAgency = typeof agencies.$inferInsert;

/**
 * Provincial departments of Thành phố Hồ Chí Minh after the 2025 reorganisation (Resolution
 * 190/2025/QH15 and the city's decisions of June 2025 on its specialised agencies).
 */
const hcmcDepartments: [code: string, name: string, nameEn: string][] = [
  ['STP', 'Sở Tư pháp', 'Department of Justice'],
  ['SXD', 'Sở Xây dựng', 'Department of Construction'],
  ['SNNMT', 'Sở Nông nghiệp và Môi trường', 'Department of Agriculture and Environment'],
  ['SCT', 'Sở Công Thương', 'Department of Industry and Trade'],
  ['STC', 'Sở Tài chính', 'Department of Finance'],
  ['SNV', 'Sở Nội vụ', 'Department of Home Affairs'],
  ['SYT', 'Sở Y tế', 'Department of Health'],
  ['SGDĐT', 'Sở Giáo dục và Đào tạo', 'Department of Education and Training'],
  ['SVHTT', 'Sở Văn hóa và Thể thao', 'Department of Culture and Sports'],
  ['SDL', 'Sở Du lịch', 'Department of Tourism'],
  ['SKHCN', 'Sở Khoa học và Công nghệ', 'Department of Science and Technology'],
  ['SDTTG', 'Sở Dân tộc và Tôn giáo', 'Department of Ethnic and Religious Affairs'],
  ['SNgV', 'Sở Ngoại vụ', 'Department of Foreign Affairs'],
  ['BQLKCX', 'Ban Quản lý các Khu chế xuất và công nghiệp', 'Export Processing and Industrial Zones Authority'],
];

/** Agency code conventions: `79-STP` for a department, `79-TTPVHCC` for the city centre, `26572-UBND` for a commune. */
export function agencyCode(unitCode: string, suffix: string): string {
  return `${unitCode}-${suffix}`;
}

/** Seeds the province's departments, its service centre, and each commune's People's Committee and centre. */
export async function seedDemoAgencies(tx: Tx, provinceCode: string): Promise<number> {
  const [province] = await tx
    .select()
    .from(adminUnits)
    .where(and(eq(adminUnits.code, provinceCode), eq(adminUnits.level, 'province'), isNull(adminUnits.validTo)));
  if (!province) throw new Error(`Province ${provinceCode} is not loaded`);
  const communes = await tx
    .select()
    .from(adminUnits)
    .where(and(eq(adminUnits.parentCode, provinceCode), eq(adminUnits.level, 'commune'), isNull(adminUnits.validTo)));

  const rows: NewAgency[] = [
    {
      code: agencyCode(provinceCode, 'UBND'),
      name: `Ủy ban nhân dân ${province.fullName}`,
      nameEn: `People's Committee of ${province.fullNameEn ?? province.fullName}`,
      kind: 'people_committee',
      level: 'province',
      unitCode: provinceCode,
      provinceCode,
    },
    {
      code: agencyCode(provinceCode, 'TTPVHCC'),
      name: `Trung tâm Phục vụ hành chính công ${province.fullName}`,
      nameEn: `Public Administration Service Centre of ${province.fullNameEn ?? province.fullName}`,
      kind: 'service_centre',
      level: 'province',
      unitCode: provinceCode,
      provinceCode,
      parentAgencyCode: agencyCode(provinceCode, 'UBND'),
      receivesDossiers: true,
    },
    ...hcmcDepartments.map(([suffix, name, nameEn]) => ({
      code: agencyCode(provinceCode, suffix),
      name,
      nameEn,
      kind: 'department' as const,
      level: 'province' as const,
      unitCode: provinceCode,
      provinceCode,
      parentAgencyCode: agencyCode(provinceCode, 'UBND'),
    })),
  ];
  for (const c of communes) {
    const en = c.fullNameEn ?? c.fullName;
    rows.push(
      {
        code: agencyCode(c.code, 'UBND'),
        name: `Ủy ban nhân dân ${c.fullName}`,
        nameEn: `People's Committee of ${en}`,
        kind: 'people_committee',
        level: 'commune',
        unitCode: c.code,
        provinceCode,
      },
      {
        // Decree 118/2025/NĐ-CP: every commune has a public administration service centre.
        code: agencyCode(c.code, 'TTPVHCC'),
        name: `Trung tâm Phục vụ hành chính công ${c.fullName}`,
        nameEn: `Public Administration Service Centre of ${en}`,
        kind: 'service_centre',
        level: 'commune',
        unitCode: c.code,
        provinceCode,
        parentAgencyCode: agencyCode(c.code, 'UBND'),
        receivesDossiers: true,
      },
    );
  }
  for (let i = 0; i < rows.length; i += 500) await tx.insert(agencies).values(rows.slice(i, i + 500));
  return rows.length;
}

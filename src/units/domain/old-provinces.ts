/**
 * Which pre-2025 province an old commune belonged to. The merge data names, for each new province,
 * the old provinces it absorbed, and for each new commune the old communes it absorbed, but not the old
 * commune's province. National commune codes were issued in province order (Decision 124/2004/QĐ-TTg),
 * so codes sorted ascending pass through provinces in ascending code order. Walking them, an old
 * commune belongs to the smallest candidate province not below the previous one. Where two candidate
 * provinces are adjacent in that order, the walk alone cannot place the boundary: a known first code
 * settles it, otherwise the assignment is marked as inferred.
 */
export interface OldCommuneCandidates {
  code: string;
  /** Old provinces merged into the new province that absorbed this commune. */
  candidates: readonly string[];
}

export interface OldCommuneProvince {
  code: string;
  provinceCode: string;
  /** True when adjacent candidate provinces made the boundary a guess. */
  isInferred: boolean;
}

/**
 * First commune code of an old province, where two merged provinces are adjacent in code order.
 * 26734 Phường Tân Định (Quận 1) opened Thành phố Hồ Chí Minh's list (GSO administrative-unit codes).
 */
export const knownFirstCommuneCode: Readonly<Record<string, string>> = { '79': '26734' };

/** Assigns each old commune to its old province by walking codes in ascending order. */
export function assignOldProvinces(communes: readonly OldCommuneCandidates[]): OldCommuneProvince[] {
  const sorted = [...communes].sort((a, b) => a.code.localeCompare(b.code));
  const allProvinces = [...new Set(sorted.flatMap((c) => c.candidates))].sort();
  let current = '';
  const result: OldCommuneProvince[] = [];
  for (const commune of sorted) {
    const options = [...commune.candidates].filter((p) => p >= current).sort();
    let chosen = options[0] ?? [...commune.candidates].sort().at(-1) ?? '';
    // A later candidate whose known first code has been reached wins over an earlier one.
    for (const p of options) {
      const first = knownFirstCommuneCode[p];
      if (first && commune.code >= first) chosen = p;
    }
    const next = allProvinces[allProvinces.indexOf(chosen) + 1];
    const isInferred = options.length > 1 && next !== undefined && options.includes(next) && !knownFirstCommuneCode[next];
    current = chosen;
    result.push({ code: commune.code, provinceCode: chosen, isInferred });
  }
  return result;
}

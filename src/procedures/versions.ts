import type { ProcedureContent } from './domain/procedure.ts';
import { buildProcedureSearchText, normaliseForSearch } from './domain/search-text.ts';
import type { procedureVersions } from './schema.ts';

type NewVersion = typeof procedureVersions.$inferInsert;

/** The row of one procedure version, with its search text derived from the content. */
export function versionRow(
  procedureId: string,
  code: string,
  version: number,
  content: ProcedureContent,
  changeNote: string | null,
): NewVersion {
  return {
    procedureId,
    version,
    isCurrent: true,
    name: content.name,
    nameEn: content.nameEn,
    sector: content.sector,
    level: content.level,
    agencyKind: content.agencyKind,
    agencyNote: content.agencyNote ?? null,
    timeAmount: content.timeAmount,
    timeUnit: content.timeUnit,
    timeNote: content.timeNote ?? null,
    fees: content.fees,
    components: content.components,
    resultName: content.resultName,
    onlineLevel: content.onlineLevel,
    legalBasis: content.legalBasis,
    formDefinition: content.formDefinition,
    keywords: content.keywords,
    sources: content.sources,
    changeNote,
    searchText: buildProcedureSearchText({ code, ...content }),
    nameFolded: normaliseForSearch(content.name),
  };
}

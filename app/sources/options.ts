import { GRADE_LABEL, RELIABILITY_GRADES, SOURCE_KIND_LABEL, SOURCE_KINDS } from '~/server/shared/enums';

/** Select options shared by the sources list filters and the source form. */
export const KIND_OPTIONS = SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABEL[k] }));
export const GRADE_OPTIONS = RELIABILITY_GRADES.map((g) => ({ value: g, label: `${g} · ${GRADE_LABEL[g]}` }));

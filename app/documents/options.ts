import { DOCUMENT_KIND_LABEL, DOCUMENT_KINDS } from '~/server/shared/enums';

export const DOCUMENT_KIND_OPTIONS = DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABEL[k] }));

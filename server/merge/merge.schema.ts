import { z } from 'zod';
import { id, version } from '../shared/fields';

/** Merge a duplicate claim into its canonical claim; both versions as the editor read them. */
export const mergeInput = z.object({ duplicateId: id, canonicalId: id, duplicateVersion: version, canonicalVersion: version });
export type MergeInput = z.input<typeof mergeInput>;

export const unmergeInput = z.object({ mergeId: id });
export type UnmergeInput = z.input<typeof unmergeInput>;

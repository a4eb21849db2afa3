'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from './react';

type Domain = 'claims' | 'sources' | 'documents' | 'stories' | 'reviews' | 'audit';

/**
 * After a mutation: invalidate the domains it touched (by query filter), so every list and
 * page showing them refetches. An attribution touches claims, sources and documents at once.
 */
export function useInvalidate() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  return (...domains: Domain[]) =>
    Promise.all([...domains, 'audit' as const].map((d) => qc.invalidateQueries({ queryKey: trpc[d].pathKey() })));
}

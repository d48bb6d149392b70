import { useTRPC } from '@netral/ui/trpc';
import { useQuery } from '@tanstack/react-query';

/** The regencies the signed-in user may see (reference data: cached for the session). */
export function useRegencies() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.regencies.list.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
}

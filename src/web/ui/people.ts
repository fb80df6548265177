import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { Page } from '../api/records.ts';
import type { PeopleRecord } from '../api/schema.gen.ts';

/** Everyone the user may see, loaded once: names in tables and person pickers. */
export function usePeople() {
  const query = useQuery({
    queryKey: ['people', 'all'],
    queryFn: ({ signal }) => api.get<Page<PeopleRecord>>('/people', { limit: 500 }, signal),
    staleTime: 5 * 60_000,
  });
  const items = query.data?.items ?? [];
  const byId = new Map(items.map((p) => [p.id, p]));
  return {
    people: items,
    nameOf: (id: string | null | undefined) => (id ? (byId.get(id)?.name ?? '') : ''),
    options: items.filter((p) => !p.leftOn).map((p) => ({ value: p.id, label: p.name ?? p.id })),
    isLoading: query.isLoading,
  };
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { WallLinkCreated, WallLinkInput, WallLinkList } from './schema.gen.ts';

export type WallLink = WallLinkList[number];
const KEY = ['wall-links'];

export function useWallLinks() {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => api.get<WallLinkList>('/wall-links', undefined, signal) });
}

export function useCreateWallLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: WallLinkInput) => api.post<WallLinkCreated>('/wall-links', input),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRevokeWallLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/wall-links/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type * as S from './schema.gen.ts';
import type { Role } from './session.ts';

// Accounts, tenant settings and the national holiday loader: admin routes outside the generic
// record kinds.

// The server's list says role: string; every account has one of the four roles.
export type User = Omit<S.UserList[number], 'role'> & { role: Role };
export type UserCreate = S.UserCreateInput;
export type UserUpdate = S.UserUpdateInput;
export type Tenant = S.Tenant;
export type TenantSettings = S.Tenant['settings'];
export type TenantUpdate = S.TenantUpdateInput;
export type CnHolidayLoad = S.CnHolidayLoad;

const USERS_KEY = ['users'] as const;
export const TENANT_KEY = ['tenant'] as const;

export function useUsers() {
  return useQuery({ queryKey: USERS_KEY, queryFn: ({ signal }) => api.get<User[]>('/users', undefined, signal) });
}

export function useSaveUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; values: UserUpdate } | { id?: undefined; values: UserCreate }) =>
      input.id ? api.patch<User>(`/users/${input.id}`, input.values) : api.post<User>('/users', input.values),
    onSuccess: () => client.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useTenant() {
  return useQuery({
    queryKey: TENANT_KEY,
    queryFn: ({ signal }) => api.get<Tenant>('/tenant', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

export function useUpdateTenant() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (values: TenantUpdate) => api.patch<Tenant>('/tenant', values),
    onSuccess: (tenant) => client.setQueryData(TENANT_KEY, tenant),
  });
}

export function useLoadCnHolidays() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (year: number) => api.post<CnHolidayLoad>('/calendar-days/load-cn', { year }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['calendar-days'] }),
  });
}

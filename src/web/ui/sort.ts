import type { SorterResult } from 'antd/es/table/interface';

/** antd's table sorter -> the API's sort parameter ('name' or '-name'). */
export function sortParam<T>(sorter: SorterResult<T> | SorterResult<T>[]): string | undefined {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!s?.order || !s.field) return undefined;
  const field = Array.isArray(s.field) ? s.field.join('.') : String(s.field);
  return s.order === 'descend' ? `-${field}` : field;
}

export function sortOrderOf(sort: string | undefined, field: string): 'ascend' | 'descend' | null {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

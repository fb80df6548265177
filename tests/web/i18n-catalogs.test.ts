import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Both UI catalogs must carry exactly the same keys, none of them empty: no screen may show an
// untranslated key in either language.

type Catalog = { [key: string]: string | Catalog };
const load = (name: string) => JSON.parse(readFileSync(`src/web/i18n/${name}.json`, 'utf8')) as Catalog;

function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(catalog)) {
    if (typeof v === 'string') out.set(`${prefix}${k}`, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const zh = flatten(load('zh-CN'));
const en = flatten(load('en'));

describe('i18n catalogs', () => {
  it('have the same keys in zh-CN and en', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    expect(zh.size).toBeGreaterThan(100);
  });

  it('have no empty values', () => {
    const empty = [...zh, ...en].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('use the same {{placeholders}} for a key in both languages', () => {
    const holes = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const mismatched = [...zh]
      .filter(([k, v]) => JSON.stringify(holes(v)) !== JSON.stringify(holes(en.get(k) ?? '')))
      .map(([k]) => k);
    expect(mismatched).toEqual([]);
  });

  it('the Chinese catalog is written in Chinese', () => {
    expect(zh.get('nav.customers')).toBe('我的客户');
    expect(en.get('nav.customers')).toBe('My customers');
  });
});

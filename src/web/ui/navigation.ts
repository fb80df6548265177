import type { Role } from '../api/session.ts';

// What each role sees in the side menu; the routes use the same table to refuse the rest.

export type NavItem = { path: string; labelKey: string; roles: readonly Role[]; group: 'mine' | 'team' | 'admin' };

const SALES: Role[] = ['rep', 'manager', 'admin'];
const LEADS: Role[] = ['manager', 'admin'];

export const navItems: readonly NavItem[] = [
  { path: '/customers', labelKey: 'nav.customers', roles: SALES, group: 'mine' },
  { path: '/deals', labelKey: 'nav.deals', roles: SALES, group: 'mine' },
  { path: '/activities', labelKey: 'nav.activities', roles: SALES, group: 'mine' },
  { path: '/contracts', labelKey: 'nav.contracts', roles: SALES, group: 'mine' },
  { path: '/proposals', labelKey: 'nav.proposals', roles: SALES, group: 'mine' },
  { path: '/team/customers', labelKey: 'nav.teamCustomers', roles: LEADS, group: 'team' },
  { path: '/team/deals', labelKey: 'nav.teamDeals', roles: LEADS, group: 'team' },
  { path: '/team/activities', labelKey: 'nav.teamActivities', roles: LEADS, group: 'team' },
  { path: '/team/contracts', labelKey: 'nav.teamContracts', roles: LEADS, group: 'team' },
  { path: '/team/proposals', labelKey: 'nav.teamProposals', roles: LEADS, group: 'team' },
  { path: '/finance/contracts', labelKey: 'nav.contracts', roles: ['finance'], group: 'mine' },
  { path: '/payments', labelKey: 'nav.payments', roles: ['finance', 'admin'], group: 'mine' },
  { path: '/knowledge', labelKey: 'nav.knowledge', roles: SALES, group: 'mine' },
  { path: '/my-metrics', labelKey: 'nav.myMetrics', roles: ['rep', 'manager', 'admin', 'finance'], group: 'mine' },
  { path: '/scorecard', labelKey: 'nav.scorecard', roles: ['rep', 'manager', 'admin', 'finance'], group: 'mine' },
  { path: '/admin/custom-metrics', labelKey: 'nav.customMetrics', roles: ['admin'], group: 'admin' },
  { path: '/admin/schemes', labelKey: 'nav.schemes', roles: ['admin'], group: 'admin' },
  { path: '/admin/targets', labelKey: 'nav.targets', roles: ['admin'], group: 'admin' },
  { path: '/admin/period-close', labelKey: 'nav.periodClose', roles: ['admin'], group: 'admin' },
  { path: '/admin/org', labelKey: 'nav.org', roles: ['admin'], group: 'admin' },
  { path: '/admin/people', labelKey: 'nav.people', roles: ['admin'], group: 'admin' },
  { path: '/admin/positions', labelKey: 'nav.positions', roles: ['admin'], group: 'admin' },
  { path: '/admin/users', labelKey: 'nav.users', roles: ['admin'], group: 'admin' },
  { path: '/admin/tenant', labelKey: 'nav.tenant', roles: ['admin'], group: 'admin' },
  { path: '/admin/holidays', labelKey: 'nav.holidays', roles: ['admin'], group: 'admin' },
  { path: '/import', labelKey: 'nav.import', roles: ['admin', 'finance'], group: 'admin' },
];

export function navFor(role: Role): NavItem[] {
  return navItems.filter((i) => i.roles.includes(role));
}

export function canOpen(role: Role, path: string): boolean {
  const item = navItems.find((i) => path === i.path || path.startsWith(`${i.path}/`));
  return !item || item.roles.includes(role);
}

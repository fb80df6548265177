import type { Role } from '../api/session.ts';

// What each role sees in the side menu; the routes use the same table to refuse the rest.

export type NavItem = {
  path: string;
  labelKey: string;
  roles: readonly Role[];
  group: 'mine' | 'team' | 'admin';
  /** Reached by a link (e.g. a member's dashboard), not from the menu. */
  isHidden?: boolean;
};

const SALES: Role[] = ['rep', 'manager', 'admin'];
const LEADS: Role[] = ['manager', 'admin'];

export const navItems: readonly NavItem[] = [
  // 我的绩效 first: the home redirect lands there for reps and managers.
  { path: '/dashboard', labelKey: 'dashboards.nav.mine', roles: ['rep', 'manager'], group: 'mine' },
  {
    path: '/dashboard/person',
    labelKey: 'dashboards.nav.person',
    roles: ['rep', 'manager', 'admin', 'finance'],
    group: 'team',
    isHidden: true,
  },
  { path: '/customers', labelKey: 'nav.customers', roles: SALES, group: 'mine' },
  { path: '/deals', labelKey: 'nav.deals', roles: SALES, group: 'mine' },
  { path: '/activities', labelKey: 'nav.activities', roles: SALES, group: 'mine' },
  { path: '/contracts', labelKey: 'nav.contracts', roles: SALES, group: 'mine' },
  { path: '/proposals', labelKey: 'nav.proposals', roles: SALES, group: 'mine' },
  { path: '/dashboard/team', labelKey: 'dashboards.nav.team', roles: LEADS, group: 'team' },
  { path: '/team/customers', labelKey: 'nav.teamCustomers', roles: LEADS, group: 'team' },
  { path: '/team/deals', labelKey: 'nav.teamDeals', roles: LEADS, group: 'team' },
  { path: '/team/activities', labelKey: 'nav.teamActivities', roles: LEADS, group: 'team' },
  { path: '/team/contracts', labelKey: 'nav.teamContracts', roles: LEADS, group: 'team' },
  { path: '/team/proposals', labelKey: 'nav.teamProposals', roles: LEADS, group: 'team' },
  { path: '/team/targets', labelKey: 'nav.teamTargets', roles: ['manager'], group: 'team' },
  { path: '/finance/contracts', labelKey: 'nav.contracts', roles: ['finance'], group: 'mine' },
  { path: '/payments', labelKey: 'nav.payments', roles: ['finance', 'admin'], group: 'mine' },
  { path: '/dashboard/company', labelKey: 'dashboards.nav.company', roles: ['admin', 'finance'], group: 'team' },
  { path: '/knowledge', labelKey: 'nav.knowledge', roles: SALES, group: 'mine' },
  { path: '/my-metrics', labelKey: 'nav.myMetrics', roles: ['rep', 'manager', 'admin', 'finance'], group: 'mine' },
  { path: '/scorecard', labelKey: 'nav.scorecard', roles: ['rep', 'manager', 'admin', 'finance'], group: 'mine' },
  { path: '/disputes', labelKey: 'disp.nav.disputes', roles: SALES, group: 'mine' },
  { path: '/scheme-feedback', labelKey: 'disp.nav.schemeFeedback', roles: ['rep', 'manager'], group: 'mine' },
  {
    path: '/leaderboards',
    labelKey: 'leaderboards.nav',
    roles: ['rep', 'manager', 'admin', 'finance'],
    group: 'mine',
  },
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
  { path: '/admin/wall-links', labelKey: 'nav.wallLinks', roles: ['admin'], group: 'admin' },
  { path: '/import', labelKey: 'nav.import', roles: ['admin', 'finance'], group: 'admin' },
];

export function navFor(role: Role): NavItem[] {
  return navItems.filter((i) => !i.isHidden && i.roles.includes(role));
}

export function canOpen(role: Role, path: string): boolean {
  // The most specific entry decides (/dashboard/team is not /dashboard).
  const item = navItems
    .filter((i) => path === i.path || path.startsWith(`${i.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return !item || item.roles.includes(role);
}

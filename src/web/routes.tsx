import { createBrowserRouter, Navigate } from 'react-router';
import { useMe } from './api/session.ts';
import { LoginPage, setLoginPreload } from './pages/login-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { AppLayout } from './ui/app-layout.tsx';
import { navFor } from './ui/navigation.ts';

// Every screen but login is a lazy chunk: the first paint loads only the shell.

function HomeRedirect() {
  const me = useMe();
  const first = me.data ? navFor(me.data.role)[0]?.path : undefined;
  return <Navigate to={first ?? '/login'} replace />;
}

const dashboard = () => import('./features/dashboards/person-dashboard-page.tsx');
const customers = () => import('./features/customers/customer-list-page.tsx');
const deals = () => import('./features/deals/deals-page.tsx');
const activities = () => import('./features/activities/activities-page.tsx');
const contracts = () => import('./features/contracts/contracts-page.tsx');
const proposals = () => import('./features/proposals/proposals-page.tsx');

/** Loads the screen most people land on while they type their password (the login page calls it). */
export function preloadFirstScreen(): void {
  // 我的绩效 is the first screen of reps and managers, the customer list that of admins.
  dashboard().catch((error: unknown) => console.error('preloading the dashboard failed', error));
  customers().catch((error: unknown) => console.error('preloading the customers screen failed', error));
}

setLoginPreload(preloadFirstScreen);

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // The office screen: no login and no shell, only the link's token.
  {
    path: '/wall/:token',
    lazy: async () => ({ Component: (await import('./features/wall/wall-page.tsx')).WallPage }),
  },
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'dashboard', lazy: async () => ({ Component: (await dashboard()).PersonDashboardPage }) },
      { path: 'dashboard/person/:id', lazy: async () => ({ Component: (await dashboard()).PersonDashboardPage }) },
      {
        path: 'dashboard/team',
        lazy: async () => ({
          Component: (await import('./features/dashboards/team-dashboard-page.tsx')).TeamDashboardPage,
        }),
      },
      {
        path: 'dashboard/company',
        lazy: async () => ({
          Component: (await import('./features/dashboards/company-dashboard-page.tsx')).CompanyDashboardPage,
        }),
      },
      { path: 'customers', lazy: async () => ({ Component: (await customers()).MyCustomersPage }) },
      { path: 'team/customers', lazy: async () => ({ Component: (await customers()).TeamCustomersPage }) },
      {
        path: 'customers/:id',
        lazy: async () => ({
          Component: (await import('./features/customers/customer-detail-page.tsx')).CustomerDetailPage,
        }),
      },
      { path: 'deals', lazy: async () => ({ Component: (await deals()).MyDealsPage }) },
      { path: 'team/deals', lazy: async () => ({ Component: (await deals()).TeamDealsPage }) },
      { path: 'activities', lazy: async () => ({ Component: (await activities()).MyActivitiesPage }) },
      { path: 'team/activities', lazy: async () => ({ Component: (await activities()).TeamActivitiesPage }) },
      { path: 'contracts', lazy: async () => ({ Component: (await contracts()).MyContractsPage }) },
      { path: 'team/contracts', lazy: async () => ({ Component: (await contracts()).TeamContractsPage }) },
      { path: 'finance/contracts', lazy: async () => ({ Component: (await contracts()).TeamContractsPage }) },
      {
        path: 'contracts/:id',
        lazy: async () => ({
          Component: (await import('./features/contracts/contract-detail-page.tsx')).ContractDetailPage,
        }),
      },
      {
        path: 'payments',
        lazy: async () => ({ Component: (await import('./features/contracts/payments-page.tsx')).PaymentsPage }),
      },
      { path: 'proposals', lazy: async () => ({ Component: (await proposals()).MyProposalsPage }) },
      { path: 'team/proposals', lazy: async () => ({ Component: (await proposals()).TeamProposalsPage }) },
      {
        path: 'knowledge',
        lazy: async () => ({ Component: (await import('./features/knowledge/knowledge-page.tsx')).KnowledgePage }),
      },
      { path: 'admin/org', lazy: async () => ({ Component: (await import('./features/admin/org-page.tsx')).OrgPage }) },
      {
        path: 'admin/people',
        lazy: async () => ({ Component: (await import('./features/admin/people-page.tsx')).PeoplePage }),
      },
      {
        path: 'admin/positions',
        lazy: async () => ({ Component: (await import('./features/admin/positions-page.tsx')).PositionsPage }),
      },
      {
        path: 'admin/wall-links',
        lazy: async () => ({ Component: (await import('./features/wall/wall-links-page.tsx')).WallLinksPage }),
      },
      {
        path: 'admin/users',
        lazy: async () => ({ Component: (await import('./features/users/users-page.tsx')).UsersPage }),
      },
      {
        path: 'admin/tenant',
        lazy: async () => ({
          Component: (await import('./features/tenant/tenant-settings-page.tsx')).TenantSettingsPage,
        }),
      },
      {
        path: 'admin/holidays',
        lazy: async () => ({ Component: (await import('./features/holidays/holidays-page.tsx')).HolidaysPage }),
      },
      {
        path: 'my-metrics',
        lazy: async () => ({ Component: (await import('./features/metrics/my-metrics-page.tsx')).MyMetricsPage }),
      },
      {
        path: 'leaderboards',
        lazy: async () => ({
          Component: (await import('./features/leaderboards/leaderboards-page.tsx')).LeaderboardsPage,
        }),
      },
      {
        path: 'scorecard',
        lazy: async () => ({ Component: (await import('./features/scorecards/scorecard-page.tsx')).ScorecardPage }),
      },
      {
        path: 'disputes',
        lazy: async () => ({ Component: (await import('./features/disputes/disputes-page.tsx')).DisputesPage }),
      },
      {
        path: 'scheme-feedback',
        lazy: async () => ({
          Component: (await import('./features/feedback/scheme-feedback-page.tsx')).SchemeFeedbackPage,
        }),
      },
      {
        path: 'admin/custom-metrics',
        lazy: async () => ({
          Component: (await import('./features/custom-metrics/custom-metrics-page.tsx')).CustomMetricsPage,
        }),
      },
      {
        path: 'admin/schemes',
        lazy: async () => ({ Component: (await import('./features/schemes/schemes-page.tsx')).SchemesPage }),
      },
      {
        path: 'admin/targets',
        lazy: async () => ({ Component: (await import('./features/targets/targets-page.tsx')).TargetsPage }),
      },
      {
        // Managers set and approve their teams' targets on the same screen, limited to their units.
        path: 'team/targets',
        lazy: async () => ({ Component: (await import('./features/targets/targets-page.tsx')).TargetsPage }),
      },
      {
        path: 'admin/period-close',
        lazy: async () => ({ Component: (await import('./features/periods/period-close-page.tsx')).PeriodClosePage }),
      },
      {
        path: 'import',
        lazy: async () => ({ Component: (await import('./features/import/import-page.tsx')).ImportPage }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

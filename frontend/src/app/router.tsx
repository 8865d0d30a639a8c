import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from '../components/Layout.js';
import { Loading } from '../components/PageState.js';
import { RequireAuth } from '../components/RequireAuth.js';
import { paths } from '../config/paths.js';
import LoginPage from './routes/LoginPage.js';
import TasksPage from './routes/TasksPage.js';

/** Pages other than log-in and the start page load on demand (route-level code splitting). */
function page(load: () => Promise<{ default: ComponentType }>, auth = true) {
  const Component = lazy(load);
  const element = (
    <Suspense fallback={<Loading />}>
      <Component />
    </Suspense>
  );
  return auth ? <RequireAuth>{element}</RequireAuth> : element;
}

const SetPassword = lazy(() => import('./routes/SetPasswordPage.js'));

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { path: paths.login, element: <LoginPage /> },
      {
        path: paths.acceptInvite,
        element: (
          <Suspense fallback={<Loading />}>
            <SetPassword mode="invite" />
          </Suspense>
        ),
      },
      {
        path: paths.resetPassword,
        element: (
          <Suspense fallback={<Loading />}>
            <SetPassword mode="reset" />
          </Suspense>
        ),
      },
      { path: paths.forgotPassword, element: page(() => import('./routes/ForgotPasswordPage.js'), false) },
      {
        path: paths.home,
        element: (
          <RequireAuth>
            <TasksPage />
          </RequireAuth>
        ),
      },
      { path: paths.mandate, element: page(() => import('./routes/MandatePage.js')) },
      { path: paths.mandateReport, element: page(() => import('./routes/MandateReportPage.js')) },
      { path: paths.bodies, element: page(() => import('./routes/BodiesPage.js')) },
      { path: '/organer/:id', element: page(() => import('./routes/BodyPage.js')) },
      { path: paths.users, element: page(() => import('./routes/UsersPage.js')) },
      { path: paths.municipality, element: page(() => import('./routes/MunicipalityPage.js')) },
      { path: paths.cases, element: page(() => import('./routes/CasesPage.js')) },
      { path: '/saker/:id', element: page(() => import('./routes/CasePage.js')) },
      { path: '/saker/:id/innspill', element: page(() => import('./routes/InputsPage.js')) },
      { path: '/innspill/:id', element: page(() => import('./routes/RoundPage.js')) },
      { path: paths.decisions, element: page(() => import('./routes/DecisionsPage.js')) },
      { path: paths.search, element: page(() => import('./routes/SearchPage.js')) },
      { path: paths.meetings, element: page(() => import('./routes/MeetingsPage.js')) },
      { path: '/moter/:id', element: page(() => import('./routes/MeetingPage.js')) },
      { path: paths.allocation, element: page(() => import('./routes/AllocationListPage.js')) },
      { path: '/fordeling/:id', element: page(() => import('./routes/AllocationPage.js')) },
      { path: paths.analysis, element: page(() => import('./routes/AnalysisPage.js')) },
      { path: '/analyse/:id', element: page(() => import('./routes/AnalysisToolPage.js')) },
      { path: paths.notifications, element: page(() => import('./routes/NotificationsPage.js')) },
      { path: paths.profile, element: page(() => import('./routes/ProfilePage.js')) },
      // Innsyn and the accessibility statement: public, no log-in.
      { path: paths.innsyn, element: page(() => import('./routes/InnsynPage.js'), false) },
      { path: '/innsyn/:slug', element: page(() => import('./routes/InnsynCasesPage.js'), false) },
      { path: '/innsyn/:slug/saker/:id', element: page(() => import('./routes/InnsynCasePage.js'), false) },
      { path: '/innsyn/:slug/vedtak', element: page(() => import('./routes/InnsynDecisionsPage.js'), false) },
      { path: '/innsyn/:slug/moter', element: page(() => import('./routes/InnsynMeetingsPage.js'), false) },
      { path: '/innsyn/:slug/moter/:id', element: page(() => import('./routes/InnsynMeetingPage.js'), false) },
      { path: '/innsyn/:slug/mandat', element: page(() => import('./routes/InnsynMandatePage.js'), false) },
      { path: '/innsyn/:slug/innspill/:id', element: page(() => import('./routes/InnsynRoundPage.js'), false) },
      { path: '/innsyn/:slug/fordeling/:id', element: page(() => import('./routes/InnsynScenarioPage.js'), false) },
      { path: paths.accessibility, element: page(() => import('./routes/AccessibilityPage.js'), false) },
      { path: '*', element: page(() => import('./routes/NotFoundPage.js'), false) },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);

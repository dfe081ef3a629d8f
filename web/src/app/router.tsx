import { type JSX, lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { setUnauthorizedHandler } from '../api/client';
import { forgetSession } from '../api/session';
import { LoginPage } from '../features/account/login-page';
import { RequireAuth, RequirePermission } from './auth';
import { HomePage } from './home-page';
import { NotFoundPage, RouteErrorPage } from './not-found-page';
import { queryClient } from './query-client';
import { Shell } from './shell';

// Each console page is its own chunk; the shell, sign-in and home page come with the first load.
const ChangePasswordPage = lazy(() =>
  import('../features/account/change-password-page').then((m) => ({ default: m.ChangePasswordPage })),
);
const SessionsPage = lazy(() =>
  import('../features/account/sessions-page').then((m) => ({ default: m.SessionsPage })),
);
const UsersPage = lazy(() => import('../features/users/users-page').then((m) => ({ default: m.UsersPage })));
const RolesPage = lazy(() => import('../features/roles/roles-page').then((m) => ({ default: m.RolesPage })));
const OrgsPage = lazy(() => import('../features/orgs/orgs-page').then((m) => ({ default: m.OrgsPage })));
const DictionariesPage = lazy(() =>
  import('../features/dictionaries/dictionaries-page').then((m) => ({ default: m.DictionariesPage })),
);
const AuditPage = lazy(() => import('../features/audit/audit-page').then((m) => ({ default: m.AuditPage })));
const CadresPage = lazy(() =>
  import('../features/cadres/cadres-page').then((m) => ({ default: m.CadresPage })),
);
const FiguresPage = lazy(() =>
  import('../features/cadres/figures-page').then((m) => ({ default: m.FiguresPage })),
);
const CadrePage = lazy(() => import('../features/cadres/cadre-page').then((m) => ({ default: m.CadrePage })));
const CadreFormPage = lazy(() =>
  import('../features/cadres/cadre-form-page').then((m) => ({ default: m.CadreFormPage })),
);
const ImportPage = lazy(() =>
  import('../features/cadres/import-page').then((m) => ({ default: m.ImportPage })),
);
const BirthdaysPage = lazy(() =>
  import('../features/cadres/birthdays-page').then((m) => ({ default: m.BirthdaysPage })),
);
const HospitalStaysPage = lazy(() =>
  import('../features/cadres/hospital-stays-page').then((m) => ({ default: m.HospitalStaysPage })),
);

const BranchesPage = lazy(() =>
  import('../features/branches/branches-page').then((m) => ({ default: m.BranchesPage })),
);
const BranchPage = lazy(() => import('./branch-record-page').then((m) => ({ default: m.BranchRecordPage })));
const ElectionsDuePage = lazy(() =>
  import('../features/branches/elections-due-page').then((m) => ({ default: m.ElectionsDuePage })),
);
const MobileMembersPage = lazy(() =>
  import('../features/branches/mobile-members-page').then((m) => ({ default: m.MobileMembersPage })),
);
const MeetingsPage = lazy(() =>
  import('../features/meetings/meetings-page').then((m) => ({ default: m.MeetingsPage })),
);
const MeetingPage = lazy(() =>
  import('../features/meetings/meeting-page').then((m) => ({ default: m.MeetingPage })),
);
const MatrixPage = lazy(() =>
  import('../features/meetings/matrix-page').then((m) => ({ default: m.MatrixPage })),
);
const StandardsPage = lazy(() =>
  import('../features/assessments/standards-page').then((m) => ({ default: m.StandardsPage })),
);
const StandardPage = lazy(() =>
  import('../features/assessments/standard-page').then((m) => ({ default: m.StandardPage })),
);
const VersionPage = lazy(() =>
  import('../features/assessments/version-page').then((m) => ({ default: m.VersionPage })),
);
const PostsPage = lazy(() =>
  import('../features/learning/posts-page').then((m) => ({ default: m.PostsPage })),
);
const PostPage = lazy(() => import('../features/learning/post-page').then((m) => ({ default: m.PostPage })));
const LessonsPage = lazy(() =>
  import('../features/learning/lessons-page').then((m) => ({ default: m.LessonsPage })),
);
const LessonPage = lazy(() =>
  import('../features/learning/lesson-page').then((m) => ({ default: m.LessonPage })),
);
const RecordsPage = lazy(() =>
  import('../features/learning/records-page').then((m) => ({ default: m.RecordsPage })),
);
const ProgrammesPage = lazy(() =>
  import('../features/learning/programmes-page').then((m) => ({ default: m.ProgrammesPage })),
);
const ProgrammePage = lazy(() =>
  import('../features/learning/programme-page').then((m) => ({ default: m.ProgrammePage })),
);
const BrandsPage = lazy(() =>
  import('../features/brands/brands-page').then((m) => ({ default: m.BrandsPage })),
);
const BrandPage = lazy(() => import('../features/brands/brand-page').then((m) => ({ default: m.BrandPage })));
const AwardsPage = lazy(() =>
  import('../features/brands/awards-page').then((m) => ({ default: m.AwardsPage })),
);
const RoundsPage = lazy(() =>
  import('../features/rounds/rounds-page').then((m) => ({ default: m.RoundsPage })),
);
const RoundPage = lazy(() => import('../features/rounds/round-page').then((m) => ({ default: m.RoundPage })));
const AssessmentPage = lazy(() =>
  import('../features/rounds/assessment-page').then((m) => ({ default: m.AssessmentPage })),
);
const TodosPage = lazy(() => import('../features/todos/todos-page').then((m) => ({ default: m.TodosPage })));

/** A page behind one permission. */
function guarded(permission: string, page: JSX.Element) {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

export const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <Shell />,
            children: [
              { index: true, element: <HomePage /> },
              { path: 'change-password', element: <ChangePasswordPage /> },
              { path: 'account/sessions', element: <SessionsPage /> },
              {
                path: 'users',
                element: (
                  <RequirePermission permission="users:read">
                    <UsersPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'roles',
                element: (
                  <RequirePermission permission="roles:read">
                    <RolesPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'orgs',
                element: (
                  <RequirePermission permission="orgs:read">
                    <OrgsPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'dictionaries',
                element: (
                  <RequirePermission permission="dictionaries:read">
                    <DictionariesPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'audit',
                element: (
                  <RequirePermission permission="audit:read">
                    <AuditPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'cadres',
                children: [
                  { index: true, element: guarded('cadres:read', <CadresPage />) },
                  { path: 'new', element: guarded('cadres:write', <CadreFormPage />) },
                  { path: 'import', element: guarded('cadres:import', <ImportPage />) },
                  { path: 'birthdays', element: guarded('cadres:read', <BirthdaysPage />) },
                  { path: 'hospital-stays', element: guarded('cadres:read', <HospitalStaysPage />) },
                  { path: 'figures', element: guarded('cadres:read', <FiguresPage />) },
                  { path: ':id', element: guarded('cadres:read', <CadrePage />) },
                  { path: ':id/edit', element: guarded('cadres:write', <CadreFormPage />) },
                ],
              },
              {
                path: 'branches',
                children: [
                  { index: true, element: guarded('branches:read', <BranchesPage />) },
                  { path: 'elections-due', element: guarded('branches:read', <ElectionsDuePage />) },
                  { path: 'mobile-members', element: guarded('branches:read', <MobileMembersPage />) },
                  { path: 'meetings', element: guarded('meetings:read', <MeetingsPage />) },
                  { path: 'meetings/matrix', element: guarded('meetings:read', <MatrixPage />) },
                  { path: 'meetings/:id', element: guarded('meetings:read', <MeetingPage />) },
                  { path: ':id', element: guarded('branches:read', <BranchPage />) },
                ],
              },
              {
                path: 'assessments',
                children: [
                  { path: 'standards', element: guarded('assessments:read', <StandardsPage />) },
                  { path: 'standards/:id', element: guarded('assessments:read', <StandardPage />) },
                  { path: 'versions/:id', element: guarded('assessments:read', <VersionPage />) },
                ],
              },
              {
                path: 'learning',
                children: [
                  { index: true, element: guarded('learning:read', <PostsPage />) },
                  { path: 'posts', element: guarded('learning:read', <PostsPage />) },
                  { path: 'posts/:id', element: guarded('learning:read', <PostPage />) },
                  { path: 'lessons', element: guarded('learning:read', <LessonsPage />) },
                  { path: 'lessons/:id', element: guarded('learning:read', <LessonPage />) },
                  { path: 'records', element: guarded('learning:read', <RecordsPage />) },
                  { path: 'programmes', element: guarded('learning:read', <ProgrammesPage />) },
                  { path: 'programmes/:id', element: guarded('learning:read', <ProgrammePage />) },
                ],
              },
              {
                path: 'brands',
                children: [
                  { index: true, element: guarded('brands:read', <BrandsPage />) },
                  { path: 'awards', element: guarded('brands:read', <AwardsPage />) },
                  { path: ':id', element: guarded('brands:read', <BrandPage />) },
                ],
              },
              {
                path: 'rounds',
                children: [
                  { index: true, element: guarded('assessments:read', <RoundsPage />) },
                  { path: 'assessments/:id', element: guarded('assessments:read', <AssessmentPage />) },
                  { path: ':id', element: guarded('assessments:read', <RoundPage />) },
                ],
              },
              { path: 'todos', element: <TodosPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);

// A 401 outside /api/auth/* means the session ended (expired, revoked elsewhere): drop it, and the
// guard sends the user to /login, remembering the page they were on.
setUnauthorizedHandler(() => forgetSession(queryClient));

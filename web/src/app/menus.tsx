import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CommentOutlined,
  DesktopOutlined,
  FileDoneOutlined,
  FlagOutlined,
  FundOutlined,
  IdcardOutlined,
  MedicineBoxOutlined,
  NotificationOutlined,
  PlayCircleOutlined,
  ReadOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SendOutlined,
  StarOutlined,
  TableOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useCan } from '../api/session';

/** One entry of the console menu: shown when the active assignment holds its permission. */
export interface MenuEntry {
  path: string;
  /** i18n key of the label; `${key}Description` describes it on the home page. */
  labelKey: string;
  icon: ReactNode;
  /** The permission needed to see it; none means everyone signed in. */
  permission?: string;
  /** Shown indented under the entry before it (a register that belongs to that module). */
  sub?: boolean;
  /** i18n key of the heading the entry sits under (e.g. 党建); consecutive entries share it. */
  group?: string;
}

export const MENU: readonly MenuEntry[] = [
  { path: '/todos', labelKey: 'menu.todos', icon: <CarryOutOutlined aria-hidden /> },
  {
    path: '/cadres',
    labelKey: 'menu.cadres',
    icon: <IdcardOutlined aria-hidden />,
    permission: 'cadres:read',
  },
  {
    path: '/cadres/birthdays',
    labelKey: 'menu.cadreBirthdays',
    icon: <CalendarOutlined aria-hidden />,
    permission: 'cadres:read',
    sub: true,
  },
  {
    path: '/cadres/hospital-stays',
    labelKey: 'menu.cadreHospitalStays',
    icon: <MedicineBoxOutlined aria-hidden />,
    permission: 'cadres:read',
    sub: true,
  },
  {
    path: '/cadres/figures',
    labelKey: 'menu.cadreFigures',
    icon: <BarChartOutlined aria-hidden />,
    permission: 'cadres:read',
    sub: true,
  },
  {
    path: '/branches',
    labelKey: 'menu.branches',
    icon: <FlagOutlined aria-hidden />,
    permission: 'branches:read',
    group: 'menu.partyBuilding',
  },
  {
    path: '/branches/elections-due',
    labelKey: 'menu.electionsDue',
    icon: <ScheduleOutlined aria-hidden />,
    permission: 'branches:read',
    group: 'menu.partyBuilding',
  },
  {
    path: '/branches/mobile-members',
    labelKey: 'menu.mobileMembers',
    icon: <SendOutlined aria-hidden />,
    permission: 'branches:read',
    group: 'menu.partyBuilding',
  },
  {
    path: '/branches/meetings',
    labelKey: 'menu.meetings',
    icon: <CommentOutlined aria-hidden />,
    permission: 'meetings:read',
    group: 'menu.partyBuilding',
  },
  {
    path: '/branches/meetings/matrix',
    labelKey: 'menu.meetingsMatrix',
    icon: <TableOutlined aria-hidden />,
    permission: 'meetings:read',
    group: 'menu.partyBuilding',
  },
  {
    path: '/brands',
    labelKey: 'menu.brands',
    icon: <StarOutlined aria-hidden />,
    permission: 'brands:read',
    group: 'menu.partyBuilding',
  },
  {
    path: '/brands/awards',
    labelKey: 'menu.brandAwards',
    icon: <TrophyOutlined aria-hidden />,
    permission: 'brands:read',
    group: 'menu.partyBuilding',
  },
  {
    path: '/assessments/standards',
    labelKey: 'menu.standards',
    icon: <FileDoneOutlined aria-hidden />,
    permission: 'assessments:read',
    group: 'menu.partyBuilding',
  },
  {
    path: '/rounds',
    labelKey: 'menu.rounds',
    icon: <FundOutlined aria-hidden />,
    permission: 'assessments:read',
    group: 'menu.partyBuilding',
  },
  {
    path: '/learning/posts',
    labelKey: 'menu.learningPosts',
    icon: <NotificationOutlined aria-hidden />,
    permission: 'learning:read',
    group: 'menu.learning',
  },
  {
    path: '/learning/lessons',
    labelKey: 'menu.learningLessons',
    icon: <PlayCircleOutlined aria-hidden />,
    permission: 'learning:read',
    group: 'menu.learning',
  },
  {
    path: '/learning/records',
    labelKey: 'menu.learningRecords',
    icon: <ReadOutlined aria-hidden />,
    permission: 'learning:read',
    group: 'menu.learning',
  },
  {
    path: '/learning/programmes',
    labelKey: 'menu.learningProgrammes',
    icon: <TrophyOutlined aria-hidden />,
    permission: 'learning:read',
    group: 'menu.learning',
  },
  { path: '/users', labelKey: 'menu.users', icon: <TeamOutlined aria-hidden />, permission: 'users:read' },
  { path: '/roles', labelKey: 'menu.roles', icon: <SafetyOutlined aria-hidden />, permission: 'roles:read' },
  { path: '/orgs', labelKey: 'menu.orgs', icon: <ApartmentOutlined aria-hidden />, permission: 'orgs:read' },
  {
    path: '/dictionaries',
    labelKey: 'menu.dictionaries',
    icon: <BookOutlined aria-hidden />,
    permission: 'dictionaries:read',
  },
  { path: '/audit', labelKey: 'menu.audit', icon: <AuditOutlined aria-hidden />, permission: 'audit:read' },
  { path: '/account/sessions', labelKey: 'menu.sessions', icon: <DesktopOutlined aria-hidden /> },
];

/** The menu entries the signed-in user may see under the active assignment. */
export function useMenu(): MenuEntry[] {
  const can = useCan();
  return MENU.filter((entry) => !entry.permission || can(entry.permission));
}

import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Session } from '../api/types';
import { useLanguage } from '../i18n/i18n';
import { formatDateTime } from './date-time';
import type { ListColumn } from './list-page';
import { StatusTag } from './status-tag';

const BROWSERS: [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/Firefox\//, 'Firefox'],
  [/MicroMessenger\//, 'WeChat'],
  [/Chrom(e|ium)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/Android/, 'Android'],
  [/iPhone|iPad|iOS/, 'iOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** "Chrome · Windows" from a user-agent string, for a readable device column. */
export function describeUserAgent(userAgent: string | null | undefined): string {
  if (!userAgent) return '—';
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  return [browser, system].filter(Boolean).join(' · ') || userAgent.slice(0, 40);
}

/** The columns every list of sign-in sessions shows (own sessions, a user's sessions). */
export function useSessionColumns(): ListColumn<Session>[] {
  const { t } = useTranslation();
  const language = useLanguage();
  return [
    {
      key: 'device',
      title: t('sessions.device'),
      render: (_, session) => (
        <span>
          <Tooltip title={session.userAgent}>
            <span>{describeUserAgent(session.userAgent)}</span>
          </Tooltip>
          {session.current ? (
            <span className="inline-tag">
              <StatusTag tone="info">{t('sessions.current')}</StatusTag>
            </span>
          ) : null}
        </span>
      ),
    },
    { key: 'ip', title: t('sessions.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
    {
      key: 'createdAt',
      title: t('sessions.createdAt'),
      dataIndex: 'createdAt',
      render: (value: string) => formatDateTime(value, language),
    },
    {
      key: 'lastSeenAt',
      title: t('sessions.lastSeenAt'),
      dataIndex: 'lastSeenAt',
      render: (value: string) => formatDateTime(value, language),
    },
    {
      key: 'expiresAt',
      title: t('sessions.expiresAt'),
      dataIndex: 'expiresAt',
      render: (value: string) => formatDateTime(value, language),
    },
  ];
}

import { Card, Col, Descriptions, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../api/session';
import { PageHeader } from '../components/page-header';
import { useMenu } from './menus';

/** A welcome with the user's name and active scope, and a way into every menu item they have. */
export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const entries = useMenu();
  if (!me) return null;
  const active = me.assignments.find((assignment) => assignment.id === me.activeAssignmentId);

  return (
    <>
      <PageHeader title={t('home.welcome', { name: me.name })} />
      <Card className="home-scope">
        <Descriptions
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'user', label: t('home.account'), children: `${me.name}（${me.username}）` },
            {
              key: 'scope',
              label: t('home.scope'),
              children: active ? `${active.roleName} · ${active.orgName}` : t('home.noScope'),
            },
          ]}
        />
      </Card>
      <h2 className="section-heading">{t('home.shortcuts')}</h2>
      <Row gutter={[16, 16]}>
        {entries.map((entry) => (
          <Col key={entry.path} xs={24} sm={12} lg={8}>
            <Link to={entry.path} className="home-link">
              <Card hoverable size="small">
                <span className="home-link-icon">{entry.icon}</span>
                <span className="home-link-text">
                  <span className="home-link-title">{t(entry.labelKey)}</span>
                  <span className="home-link-description">{t(`${entry.labelKey}Description`)}</span>
                </span>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}

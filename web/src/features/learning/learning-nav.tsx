import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

const SECTIONS = ['posts', 'lessons', 'records', 'programmes'] as const;

/** Moves between the learning lists (posts, lessons, records, training) without the menu, e.g. on a phone. */
export function LearningNav() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = SECTIONS.find((s) => pathname.startsWith(`/learning/${s}`)) ?? 'posts';
  return (
    <nav aria-label={t('learning.navLabel')} className="learning-nav">
      <Segmented
        value={current}
        onChange={(value) => navigate(`/learning/${value}`)}
        options={SECTIONS.map((s) => ({ value: s, label: t(`learning.nav.${s}`) }))}
      />
    </nav>
  );
}

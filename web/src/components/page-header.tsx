import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the browser tab title to "<page> · 心耀". */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const appName = t('app.shortName');
  useEffect(() => {
    document.title = title ? `${title} · ${appName}` : appName;
  }, [title, appName]);
}

interface PageHeaderProps {
  title: string;
  /** One line under the title. */
  description?: ReactNode;
  /** Page-level actions, e.g. the create button. */
  extra?: ReactNode;
}

/** The page's h1 (and tab title), with its actions on the right. */
export function PageHeader({ title, description, extra }: PageHeaderProps) {
  useDocumentTitle(title);
  return (
    <div className="page-header">
      <div>
        <h1 className="page-title">{title}</h1>
        {description ? <p className="page-description">{description}</p> : null}
      </div>
      {extra ? <div className="page-header-extra">{extra}</div> : null}
    </div>
  );
}

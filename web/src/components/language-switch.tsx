import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, type Language, useLanguage } from '../i18n/i18n';

const OPTIONS: { value: Language; label: string; lang: string }[] = [
  { value: 'zh-CN', label: '简体中文', lang: 'zh-CN' },
  { value: 'en-US', label: 'English', lang: 'en' },
];

/** Switches the UI language; the choice is remembered on this browser. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Select<Language>
      className={className}
      aria-label={t('header.language')}
      value={language}
      onChange={(next) => void changeLanguage(next)}
      options={OPTIONS.map((option) => ({
        value: option.value,
        label: <span lang={option.lang}>{option.label}</span>,
      }))}
      prefix={<GlobalOutlined aria-hidden />}
      popupMatchSelectWidth={false}
      // Rendered next to the trigger so the list stays with the sticky header when the page is scrolled.
      getPopupContainer={(trigger: HTMLElement) => trigger.parentElement ?? document.body}
      variant="borderless"
    />
  );
}

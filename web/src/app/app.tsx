import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin, type ThemeConfig } from 'antd';
import type { Locale } from 'antd/es/locale';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense, useEffect } from 'react';
import { RouterProvider } from 'react-router';
import { type Language, useLanguage } from '../i18n/i18n';
import { queryClient } from './query-client';
import { router } from './router';

/**
 * Ant Design defaults, with the few colours darkened that fall short of WCAG AA contrast (4.5:1)
 * on white: the primary blue, placeholders and secondary text.
 */
const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    // Hover and pressed states get darker rather than lighter, so white text on them stays readable.
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
    colorErrorHover: '#a8071a',
    colorErrorActive: '#820014',
    colorError: '#cf1322',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.56)',
  },
};

/**
 * Ant Design's locale, except that the date picker's year/month buttons keep their visible text as
 * their accessible name (its "选择年份" labels hide the year shown, which screen readers then never hear).
 */
function antdLocale(language: Language): Locale {
  const base = language === 'en-US' ? enUS : zhCN;
  const picker = base.DatePicker;
  if (!picker) return base;
  const lang = { ...picker.lang } as Partial<typeof picker.lang>;
  delete lang.yearSelect;
  delete lang.monthSelect;
  delete lang.decadeSelect;
  return { ...base, DatePicker: { ...picker, lang: lang as typeof picker.lang } };
}

const LOCALES: Record<Language, Locale> = { 'zh-CN': antdLocale('zh-CN'), 'en-US': antdLocale('en-US') };

/** The whole console: theme and locale, message/modal context, data cache and routes. */
export function AppRoot() {
  const language = useLanguage();

  useEffect(() => {
    dayjs.locale(language === 'en-US' ? 'en' : 'zh-cn');
  }, [language]);

  return (
    <ConfigProvider
      locale={LOCALES[language]}
      theme={theme}
      button={{ autoInsertSpace: false }}
      // Virtual lists expose only a window of options to assistive technology; these lists are short.
      virtual={false}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <Suspense fallback={<Spin className="full-page" />}>
            <RouterProvider router={router} />
          </Suspense>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

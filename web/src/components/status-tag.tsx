import { Tag } from 'antd';
import type { ReactNode } from 'react';

/** The tones a status can take; each has text/background colours that pass WCAG AA. */
export type StatusTone = 'default' | 'success' | 'warning' | 'error' | 'info';

/**
 * A small status label. Ant Design's coloured tags derive their colours from the theme and end up
 * below 4.5:1, so status tags use these fixed, checked pairs instead.
 */
export function StatusTag({ tone = 'default', children }: { tone?: StatusTone; children: ReactNode }) {
  return <Tag className={`status-tag status-${tone}`}>{children}</Tag>;
}

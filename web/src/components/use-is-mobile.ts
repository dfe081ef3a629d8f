import { Grid } from 'antd';

/** True below antd's `md` breakpoint (768 px): phones, where menus become drawers and forms one column. */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}

/**
 * Whether the screen is phone-sized right now, read at once (useIsMobile only knows after the first
 * render): for choices made once, such as which columns a list starts with.
 */
export function isPhoneScreen(): boolean {
  return typeof window !== 'undefined' && window.matchMedia('(max-width: 767px)').matches;
}

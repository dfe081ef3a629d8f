import { Grid } from 'antd';

/** True below antd's `md` breakpoint (768 px): phones, where menus become drawers and forms one column. */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}

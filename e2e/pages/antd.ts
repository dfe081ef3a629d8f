import { expect, type Page } from '@playwright/test';

/**
 * Clicks an option in the open antd Select dropdown. antd renders its options in a virtual list
 * whose visible items carry no ARIA role; the elements with role "option" are a 0×0 copy for
 * screen readers that holds only the active item and its neighbours. Clicking that copy lands on
 * whatever visible item lies under it, so pick the visible item by its text instead.
 */
export async function chooseOption(page: Page, option: string | RegExp) {
  const text = typeof option === 'string' ? new RegExp(`^${escapeRegExp(option)}$`) : option;
  const item = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ has: page.locator('.ant-select-item-option-content', { hasText: text }) });
  await expect(item).toHaveCount(1);
  await item.click();
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

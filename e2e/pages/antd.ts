import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Picks an option of an antd Select. antd renders its options in a virtual list whose visible items
 * carry no ARIA role; the elements with role "option" are a 0×0 copy for screen readers that holds
 * only the active item and its neighbours, and clicking that copy lands on whatever visible item lies
 * under it. So this clicks the visible item by its text.
 *
 * Given the field (the Select's input, found by its label), it opens the Select itself and checks the
 * Select then shows the option, trying again if the click was lost (as happened in CI while the
 * dropdown was still opening). Without it (a search typed first, whose label differs from the option's
 * text), it clicks the option of the dropdown already open.
 */
export async function chooseOption(page: Page, option: string | RegExp, field?: Locator) {
  const text = typeof option === 'string' ? new RegExp(`^${escapeRegExp(option)}$`) : option;
  const dropdown = page.locator('.ant-select-dropdown:visible');
  const item = dropdown
    .locator('.ant-select-item-option')
    .filter({ has: page.locator('.ant-select-item-option-content', { hasText: text }) });
  if (!field) {
    await expect(item).toHaveCount(1);
    await item.click();
    return;
  }
  const select = field.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]');
  await expect(async () => {
    // This Select's own state, not any dropdown on the page: another one may still be closing.
    const open = await select.evaluate((el) => el.classList.contains('ant-select-open'));
    if (!open) await field.click();
    await item.click({ timeout: 3_000 });
    await expect(select).toContainText(option, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

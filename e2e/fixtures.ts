import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** The password of the demo accounts (scripts/demo/seed.ts). */
export const DEMO_PASSWORD = 'Xinyao@2026';

/** Runs axe on the page as it is now and fails on any serious or critical violation. */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  expect(summary, `axe on ${label}`).toEqual([]);
}

/** Signs in through the API (the browser context keeps the cookie), as specs should. */
export async function signInByApi(page: Page, username: string, password = DEMO_PASSWORD) {
  const res = await page.request.post('/api/auth/login', { data: { username, password } });
  expect(res.status(), await res.text()).toBe(200);
}

export const test = base;
export { expect };

import { expect, test as base } from '@playwright/test';

/**
 * Playwright's `test`, failing any test whose page threw an uncaught error.
 * A test that expects a vendor's own error takes it out of `pageErrors`.
 */
export const test = base.extend<{ pageErrors: Error[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: Error[] = [];
      page.on('pageerror', (error) => errors.push(error));
      await use(errors);
      expect(
        errors.map((error) => error.message),
        'uncaught errors in the page',
      ).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Frame, Page, Request } from '@playwright/test';

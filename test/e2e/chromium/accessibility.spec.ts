/**
 * What Backstory shows the reader passes an automated accessibility audit
 * (axe-core, its WCAG 2.0/2.1 A and AA rules and best practices): the popup
 * and the options page in light and dark mode, and the card (an entity's
 * and a claim's) on a light and a dark page.
 *
 * An audit finds what can be checked mechanically (names, roles, landmarks,
 * contrast where the colours can be computed); the keyboard and screen
 * reader behaviour is tested in the card and popup specs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, popupForTab, test } from '../support/extension.ts';
import { FIXTURE_PAGES } from '../support/paths.ts';
import { pointOfText } from '../support/page-probes.ts';
import { resetSettings } from './page-support.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

interface AxeResult {
  violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown; failureSummary?: string }> }>;
  passes: unknown[];
}

/**
 * axe's violations, one readable line each, and how many rules passed (an
 * audit that found nothing to check would pass silently). `shadowPath`
 * audits only what lies inside a shadow root: host selector, then selector.
 */
async function audit(page: Page, shadowPath?: [string, string]): Promise<{ violations: string[]; passed: number }> {
  // Evaluated through the DevTools protocol, which the pages' script policy does not govern.
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    async ({ shadowPath, rules }) => {
      const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
      const context = shadowPath ? { include: [{ fromShadowDom: shadowPath }] } : document;
      const { violations, passes } = await axe.run(context, { runOnly: { type: 'tag', values: rules } });
      return { violations, passed: passes.length };
    },
    { shadowPath, rules: RULES },
  );
  return {
    passed: result.passed,
    violations: result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`).join('; ')})`),
  };
}

test.beforeEach(async ({ extensionContext }) => resetSettings(extensionContext));

for (const scheme of ['light', 'dark'] as const) {
  test(`the popup, ${scheme}`, async ({ page, server, extensionContext }) => {
    await page.goto(`${server.url}/seed-article.html`);
    const popup = await popupForTab(extensionContext, page);
    await popup.emulateMedia({ colorScheme: scheme });
    // "On this page" lists what the page shows: audited filled in.
    await expect(popup.locator('#page-groups button').first()).toBeVisible();
    const { violations, passed } = await audit(popup);
    expect(violations).toEqual([]);
    expect(passed).toBeGreaterThan(20);
    await popup.close();
  });

  test(`the options page, ${scheme}`, async ({ extensionContext, extensionId }) => {
    const options = await extensionContext.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.goto(`chrome-extension://${extensionId}/src/options/options.html`);
    await expect(options.locator('#dataset-rows tr').first()).toBeVisible();
    const { violations, passed } = await audit(options);
    expect(violations).toEqual([]);
    expect(passed).toBeGreaterThan(20);
    await options.close();
  });
}

const DARK_PAGE = readFileSync(resolve(FIXTURE_PAGES, 'seed-article.html'), 'utf8').replace(
  '</head>',
  '<style>:root { --ink: #e4e4e4; --muted: #a0a0a0; --rule: #3a3a3a; } body { background: #141518; } a { color: #8cb4ff; }</style></head>',
);

for (const [page, name] of [
  ['light', 'Pat Ryder'],
  ['dark', 'Pat Ryder'],
  ['light', 'illegal US military base'],
] as const) {
  test(`the card for “${name}” on a ${page} page`, async ({ page: tab, server }) => {
    const url = `${server.url}/reader/seed-article-${page}.html`;
    const html = page === 'dark' ? DARK_PAGE : readFileSync(resolve(FIXTURE_PAGES, 'seed-article.html'), 'utf8');
    await tab.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await tab.goto(url);
    await expect
      .poll(async () => {
        const point = await pointOfText(tab, name);
        await tab.mouse.move(point.x, point.y);
        return tab.locator('backstory-root .card').count();
      })
      .toBe(1);
    await expect(tab.locator('backstory-root .frame')).toHaveAttribute('data-theme', page);
    const { violations, passed } = await audit(tab, ['backstory-root', '.card']);
    expect(violations).toEqual([]);
    expect(passed).toBeGreaterThan(10);
  });
}

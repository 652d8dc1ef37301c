// Customer data in the real app: the import wizard (file → columns → import with progress
// → summary), the report when a file has errors, the customers table and a timeline.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import {
  cli,
  click,
  count,
  find,
  saveFailureScreenshot,
  startApp,
  tempWorkspace,
  WAIT_MS,
} from "./app.mjs";

const FIXTURES = fileURLToPath(new URL("../fixtures/data/", import.meta.url));

async function textOf(driver, css) {
  return driver.executeScript(
    "const e = document.querySelector(arguments[0]); return e ? e.textContent : ''",
    css,
  );
}

async function waitForMatch(driver, css, pattern) {
  let last = "";
  await driver
    .wait(async () => pattern.test((last = await textOf(driver, css))), WAIT_MS)
    .catch(() => assert.fail(`${css} never matched ${pattern} (last: ${JSON.stringify(last)})`));
  return last;
}

/** Runs the wizard on one file, from the Data screen, and returns the summary text. */
async function importFile(driver, table, path) {
  await click(driver, '[data-testid="open-import"]');
  await click(driver, `[data-testid="table-${table}"]`);
  const input = await find(driver, '[data-testid="import-path"]');
  await input.sendKeys(path);
  await click(driver, '[data-testid="import-next"]');
  await find(driver, '[data-testid="import-mapping"]');
  // Note whether the progress step shows while the import runs.
  await driver.executeScript(`
    window.__progress = { seen: false, max: 0 };
    const watch = new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="import-progress"] [role="progressbar"]');
      if (bar) {
        window.__progress.seen = true;
        window.__progress.max = Math.max(window.__progress.max, Number(bar.getAttribute('aria-valuenow')));
      }
    });
    watch.observe(document.body, { subtree: true, childList: true, attributes: true });
    window.__watch = watch;`);
  await click(driver, '[data-testid="import-run"]');
  await find(driver, '[data-testid="import-summary"]');
  return textOf(driver, '[data-testid="import-summary"] .outcome');
}

describe("customer data", () => {
  const ws = tempWorkspace();
  after(() => ws.cleanup());

  it("imports customers and events through the wizard, reports bad rows, and shows the table and a timeline", async () => {
    // A demo data set big enough that the import takes a while.
    cli(ws.db, "demo", "--customers", "1500", "--seed", "4", "--out", ws.dir);
    const driver = await startApp(ws.db);
    try {
      await click(driver, '[data-testid="open-data"]');
      await waitForMatch(driver, ".data-empty .empty-title", /No customer data yet/);

      let summary = await importFile(driver, "customers", `${ws.dir}/customers.csv`);
      assert.match(summary, /✓ 1,500 customers imported/);
      await click(driver, '[data-testid="import-done"]');
      await waitForMatch(driver, '[data-testid="customer-count"]', /^1,500 customers$/);

      summary = await importFile(driver, "events", `${ws.dir}/events.csv`);
      assert.match(summary, /✓ [\d,]+ events imported/);
      const progress = await driver.executeScript("return window.__progress");
      assert.ok(progress.seen, "the progress bar never showed");
      // The counts behind the wizard are fresh before it is even closed.
      const stored = JSON.parse(cli(ws.db, "data", "summary", "--json"));
      await waitForMatch(
        driver,
        '[data-testid="data-summary"]',
        new RegExp(`${stored.events.rows.toLocaleString("en-US")} events`),
      );
      await click(driver, '[data-testid="import-done"]');

      // A file with errors: nothing imported, the report names row, column and value.
      summary = await importFile(driver, "events", `${FIXTURES}events_bad.csv`);
      assert.match(summary, /Nothing was imported: 3 rows have errors/);
      const report = await textOf(driver, '[data-testid="import-report"]');
      assert.match(report, /row 4timestamp2025-02-30day 30 does not exist in 2025-02/);
      await click(driver, '[data-testid="import-done"]');
      assert.equal(JSON.parse(cli(ws.db, "data", "summary", "--json")).events.rows, stored.events.rows);

      // The table: search narrows it, and a customer opens with its timeline.
      await (await find(driver, '[data-testid="customer-search"]')).sendKeys("C000042");
      await waitForMatch(driver, '[data-testid="customer-count"]', /^1 of 1,500 customers$/);
      await click(driver, '[data-testid="customer-row"]');
      await waitForMatch(driver, '[data-testid="customer-panel"] .panel-kicker', /^C000042$/);
      const events = await driver.executeScript(
        "return document.querySelectorAll('[data-testid=timeline] .timeline-event').length",
      );
      const stored42 = Number(
        execFileSync(
          "sqlite3",
          [ws.db, "SELECT count(*) FROM event e JOIN customer c ON c.key = e.customer WHERE c.id = 'C000042'"],
          { encoding: "utf8" },
        ).trim(),
      );
      assert.ok(stored42 > 0, "the demo customer has events");
      assert.equal(events, Math.min(stored42, 500), "the timeline lists the customer's events");
      assert.ok((await count(driver, '[data-testid="customer-row"]')) === 1);
    } catch (e) {
      await saveFailureScreenshot(driver, "data");
      throw e;
    } finally {
      await driver.quit();
    }
  });
});

// Data in a warehouse, in the real app: a private PostgreSQL cluster holds the customers and
// their events; the Data screen connects it, refreshes the journey from it (its SQL run
// there), and the Funnel view then shows exactly the funnel `milepost funnel --engine
// postgres` prints. With the server gone, a refresh says so plainly and the results of
// the last one stay on screen, with their time.
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { By, Key } from "selenium-webdriver";
import { cli, click, count, find, startApp, tempWorkspace, WAIT_MS, waitForTextWhere } from "./app.mjs";
import { loadDemo, startPostgres } from "./postgres.mjs";

/** Escape until the journey's canvas is on screen (from a view it opened). */
async function backToJourney(driver) {
  for (let i = 0; i < 3 && (await count(driver, '[data-testid="open-funnel"]')) === 0; i++) {
    await driver.actions().sendKeys(Key.ESCAPE).perform();
    await driver.wait(async () => (await count(driver, '[data-testid="open-funnel"]')) > 0, 3000).catch(() => {});
  }
  await find(driver, '[data-testid="open-funnel"]');
}

/** Closes the Warehouse dialog once its work is done (Close is disabled while it runs). */
async function closeDialog(driver) {
  await find(driver, '[data-testid="warehouse-refresh"]');
  await click(driver, '[data-testid="warehouse-close"]');
  await driver.wait(
    async () => (await driver.findElements(By.css('[data-testid="warehouse-dialog"]'))).length === 0,
    WAIT_MS,
    "the Warehouse dialog stayed open",
  );
}

describe("a warehouse as the data source", () => {
  const ws = tempWorkspace();
  const server = startPostgres();
  after(() => {
    server.stop();
    server.remove();
    ws.cleanup();
  });

  it("refreshes the journey from PostgreSQL, shows its funnel, and keeps it when the server is gone", async () => {
    loadDemo(server, cli, ws.db, ws.dir, 300, 5);
    cli(ws.db, "journey", "new", "--template", "billing-saas");
    const remote = ["--engine", "postgres", "--url", server.url, "--events-table", "raw_events", "--column", "events.event=event_name"];
    const expected = JSON.parse(cli(ws.db, "funnel", "1", "--json", ...remote));
    const population = JSON.parse(cli(ws.db, "customers", "1", "--json", ...remote)).length;
    assert.ok(expected.milestones[0].reached > 0);

    const driver = await startApp(ws.db);
    try {
      await click(driver, '[data-testid="open-data"]');
      await click(driver, '[data-testid="open-warehouse"]');
      await find(driver, '[data-testid="warehouse-dialog"]');
      await (await find(driver, '[data-testid="warehouse-url"]')).sendKeys(server.url);
      await (await find(driver, '[data-testid="warehouse-events-table"]')).sendKeys("raw_events");
      await (await find(driver, '[data-testid="warehouse-columns"]')).sendKeys("events.event=event_name");
      await click(driver, '[data-testid="warehouse-connect"]');
      await waitForTextWhere(driver, '[data-testid="warehouse-note"]', (t) => t.includes("holds 300 customers"), "connected");
      await waitForTextWhere(driver, '[data-testid="warehouse-refreshed"]', (t) => t.startsWith("Not refreshed yet"), "no results yet");

      await click(driver, '[data-testid="warehouse-refresh"]');
      const refreshed = await waitForTextWhere(
        driver,
        '[data-testid="warehouse-refreshed"]',
        (t) => t.startsWith("Results of"),
        "the refresh's results",
      );
      assert.ok(refreshed.includes(`${population} customers as of`), refreshed);
      await closeDialog(driver);
      await driver.actions().sendKeys(Key.ESCAPE).perform();

      // The Funnel view: the warehouse's funnel, as the CLI prints it.
      await click(driver, '[data-testid="journey-card"] .journey-open');
      await click(driver, '[data-testid="open-funnel"]');
      await find(driver, '[data-testid="funnel-table"]');
      const reachedInTable = () =>
        driver.executeScript(
          "return [...document.querySelectorAll('[data-testid=funnel-row] td.strong')].map((td) => Number(td.textContent.replace(/,/g, '')))",
        );
      const want = JSON.stringify(expected.milestones.map((m) => m.reached));
      await driver
        .wait(async () => JSON.stringify(await reachedInTable()) === want, WAIT_MS)
        .catch(async () => assert.fail(`the Funnel view shows ${JSON.stringify(await reachedInTable())}, the CLI ${want}`));
      await waitForTextWhere(driver, '[data-testid="funnel-meta"]', (t) => t.includes("from the warehouse, results of"), "the results' time");
      await driver.actions().sendKeys(Key.ESCAPE).perform();
      // The tasks replay each day's health from every event: the view says so.
      await click(driver, '[data-testid="open-tasks"]');
      await waitForTextWhere(driver, '[data-testid="error-banner"]', (t) => t.includes("Tasks need every usage event"), "what the tasks need");
      await backToJourney(driver);

      // The server goes away: a refresh says why, and the last results stay.
      server.stop();
      await click(driver, '[data-testid="open-data"]');
      await click(driver, '[data-testid="open-warehouse-top"]');
      await click(driver, '[data-testid="warehouse-refresh"]');
      const failed = await waitForTextWhere(
        driver,
        '[data-testid="warehouse-failed"]',
        (t) => t.includes("could not connect to PostgreSQL"),
        "the failed refresh",
      );
      assert.ok(failed.includes("stay on screen"), failed);
      const still = await (await find(driver, '[data-testid="warehouse-refreshed"]')).getText();
      assert.ok(still.startsWith("Results of"), still);
      // The canvas and the Funnel view still show them, the Funnel view marked.
      await closeDialog(driver);
      await backToJourney(driver);
      await click(driver, '[data-testid="open-funnel"]');
      await waitForTextWhere(driver, '[data-testid="funnel-meta"]', (t) => t.includes("(the last refresh failed)"), "the failure marked");
      assert.equal(JSON.stringify(await reachedInTable()), want, "the last results stay");
    } finally {
      await driver.quit();
    }
  });
});

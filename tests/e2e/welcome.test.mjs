// The first ten minutes: an empty workspace opens on the welcome screen; the demo
// workspace is one click to a canvas with live counts, hints, and a funnel with numbers.
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { By, cli, click, find, startApp, tempWorkspace, textsWhen, WAIT_MS } from "./app.mjs";

describe("the first start", () => {
  const ws = tempWorkspace();
  after(() => ws.cleanup());

  it("shows the gallery, and the demo workspace opens on live counts and a funnel", async () => {
    const driver = await startApp(ws.db);
    try {
      await find(driver, '[data-testid="welcome"]');
      // The window's storage outlives a run: show the hints as on a first start.
      await driver.executeScript("localStorage.removeItem('milepost.hints.dismissed')");
      // Each built-in journey with a picture of its map.
      const cards = (await driver.findElements(By.css(".welcome-card"))).length;
      assert.equal(cards, 3, "the three built-in journeys");
      await driver.wait(
        async () =>
          (await driver.executeScript(
            "return [...document.querySelectorAll('.welcome-map img')].filter((i) => i.complete && i.naturalWidth > 0).length",
          )) === cards,
        WAIT_MS,
        "the template pictures never showed",
      );
      await click(driver, '[data-testid="open-demo-workspace"]');
      await textsWhen(driver, '[data-testid="stage-name"]', 5);
      await find(driver, '[data-testid="milestone-stats"]');
      await find(driver, '[data-testid="hints"]');
      await click(driver, '[data-testid="open-funnel"]');
      await find(driver, '[data-testid="funnel-table"]');
      const reached = JSON.parse(cli(ws.db, "funnel", "1", "--json")).milestones[0].reached;
      assert.ok(reached > 1000, `the demo reaches its first milestone: ${reached}`);
      const table = await (await find(driver, '[data-testid="funnel-table"]')).getText();
      assert.ok(table.includes(reached.toLocaleString("en-US")) || table.includes(String(reached)), table);
    } finally {
      await driver.quit();
    }
  });
});

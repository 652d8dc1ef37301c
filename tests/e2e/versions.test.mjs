// Named versions in the real app: save one, change the journey, compare (the change is
// listed, with the funnel under both), restore, and undo the restore with Ctrl+Z.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Key } from "selenium-webdriver";
import { By, cli, click, find, startApp, tempWorkspace, WAIT_MS, waitForText, waitForTexts, retype } from "./app.mjs";

const STAGES = ["Onboard", "Adopt", "Retain", "Expand", "Advocate"];

describe("versions of a journey", () => {
  const ws = tempWorkspace();
  let driver;
  before(async () => {
    cli(ws.db, "journey", "new", "--template", "billing-saas");
    cli(ws.db, "demo", "--customers", "300");
    driver = await startApp(ws.db);
    await click(driver, '[data-testid="journey-card"]');
    await waitForTexts(driver, '[data-testid="stage-name"]', STAGES);
  });
  after(async () => {
    await driver?.quit();
    ws.cleanup();
  });

  it("saves a version, compares it with the changed journey, restores it, and undoes the restore", async () => {
    await click(driver, '[data-testid="versions-button"]');
    await retype(await find(driver, '[data-testid="version-text"]'), "Before workshop");
    await click(driver, '[data-testid="version-add"]');
    await waitForTexts(driver, '[data-testid="version"] .version-name', ["Before workshop"]);
    await driver.actions().sendKeys(Key.ESCAPE).perform();
    await driver.wait(
      async () => (await driver.findElements(By.css('[data-testid="versions-dialog"]'))).length === 0,
      WAIT_MS,
    );

    // The workshop adds a stage.
    await click(driver, '[data-testid="add-stage"]');
    await retype(await find(driver, '[data-testid="inspector-name"]'), "Renew");
    await waitForTexts(driver, '[data-testid="stage-name"]', [...STAGES, "Renew"]);
    // Leave the field and the selection: the journey's panel has Versions….
    await driver.actions().sendKeys(Key.ESCAPE).perform();

    await click(driver, '[data-testid="versions-button"]');
    // The saved version, read-only: its map.
    await click(driver, '[data-testid="version-view"]');
    await driver.wait(
      async () =>
        driver.executeScript(
          "const i = document.querySelector('[data-testid=version-map] img'); return !!i && i.complete && i.naturalWidth > 0",
        ),
      WAIT_MS,
      "the version's map never showed",
    );
    await click(driver, '[data-testid="version-compare"]');
    await waitForText(driver, '[data-testid="diff-added"] li', "Stage Renew");
    await find(driver, '[data-testid="versions-funnel"] tbody tr');

    // The comparison on the canvas: the new stage marked as added, the others stepped back.
    await click(driver, '[data-testid="show-changes"]');
    await waitForText(driver, '[data-testid="changes-bar"] strong', "Changes since “Before workshop”");
    await driver.wait(
      async () =>
        driver.executeScript(
          "const added = [...document.querySelectorAll('.react-flow__node.mark-added')].map((n) => n.textContent);" +
            "return added.length === 1 && added[0].includes('Renew') && document.querySelectorAll('.react-flow__node-stage.node-dimmed').length === arguments[0]",
          STAGES.length,
        ),
      WAIT_MS,
      "the added stage was never marked on the canvas",
    );
    // …and brought into view: the stage added at the end of the board is not off-screen.
    await driver.wait(
      async () =>
        driver.executeScript(
          "const p = document.querySelector('.react-flow').getBoundingClientRect();" +
            "const r = document.querySelector('.react-flow__node.mark-added').getBoundingClientRect();" +
            "return r.left >= p.left && r.right <= p.right && r.top >= p.top && r.bottom <= p.bottom;",
        ),
      WAIT_MS,
      "the added stage was never brought into view",
    );
    await click(driver, '[data-testid="changes-bar"] button');
    await driver.wait(
      async () => (await driver.findElements(By.css(".react-flow__node.mark-added"))).length === 0,
      WAIT_MS,
    );

    await click(driver, '[data-testid="versions-button"]');
    await click(driver, '[data-testid="version-compare"]');
    await click(driver, '[data-testid="version-restore"]');
    await waitForText(driver, '[data-testid="notice"]', "Restored “Before workshop”. Ctrl+Z undoes it.");
    await waitForTexts(driver, '[data-testid="stage-name"]', STAGES);

    await driver.actions().keyDown(Key.CONTROL).sendKeys("z").keyUp(Key.CONTROL).perform();
    await waitForTexts(driver, '[data-testid="stage-name"]', [...STAGES, "Renew"]);

    // The journey as it was before the restore was kept as an automatic version.
    const versions = JSON.parse(cli(ws.db, "journey", "versions", "1", "--json"));
    assert.deepEqual(
      versions.map((v) => [v.name, v.automatic]),
      [
        ["Before workshop", false],
        ["Before restoring “Before workshop”", true],
      ],
    );
  });
});

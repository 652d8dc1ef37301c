// Seed 004 in the workshop: the purpose × intent matrix of the real stakeholders, the same
// counts as the CLI, a stakeholder dragged across the threshold (saved, counted at once,
// undone), and the priority ranking following a weight slider.
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { Key, Origin } from "selenium-webdriver";
import { cli, click, find, goHome, saveFailureScreenshot, startApp, tempWorkspace, WAIT_MS } from "./app.mjs";

const CORNERS = ["top_left", "top_right", "bottom_left", "bottom_right"];

/** The counts the view shows, by corner. */
async function shownCounts(driver) {
  return driver.executeScript(
    `const out = {};
     for (const c of arguments[0]) {
       const el = document.querySelector('[data-testid="count-' + c + '"]');
       out[c] = el ? Number(el.textContent.replace(/,/g, '')) : null;
     }
     return out;`,
    CORNERS,
  );
}

/** The CLI's counts for a matrix, by corner. */
function cliCounts(db, matrix) {
  const view = JSON.parse(cli(db, "matrix", "1", matrix.id, "--json"));
  const out = {};
  for (const c of CORNERS) {
    const name = matrix.quadrants.find((q) => q.corner === c)?.name ?? c;
    out[c] = view.counts[name];
  }
  return { out, view };
}

const same = (a, b) => CORNERS.every((c) => a?.[c] === b?.[c]);

async function countsBecome(driver, expected, what) {
  let shown = null;
  await driver
    .wait(async () => {
      shown = await shownCounts(driver);
      return same(shown, expected);
    }, WAIT_MS)
    .catch(() => assert.fail(`${what}: the view shows ${JSON.stringify(shown)}, expected ${JSON.stringify(expected)}`));
}

describe("matrices in the workshop", () => {
  const ws = tempWorkspace();
  after(() => ws.cleanup());

  it("shows the CLI's counts, re-scores a dragged stakeholder, undoes it, and re-ranks on a weight", async () => {
    cli(ws.db, "journey", "new", "--template", "billing-saas");
    cli(ws.db, "demo", "--customers", "300");
    const journey = JSON.parse(cli(ws.db, "journey", "export", "1", "--no-data", "--output", "-"));
    const matrix = journey.matrices.find((m) => m.id === "purpose-intent");
    const { out: expected, view } = cliCounts(ws.db, matrix);
    const driver = await startApp(ws.db);
    try {
      await click(driver, '[data-testid="journey-card"] .journey-open');
      await click(driver, '[data-testid="open-matrices"]');
      await find(driver, '[data-testid="matrix-canvas"]');
      await countsBecome(driver, expected, "on opening");

      // A stakeholder low on both purpose and intent, dragged to (8, 8): a champion now.
      const low = view.points.find((p) => p.quadrant === matrix.quadrants.find((q) => q.corner === "bottom_left").name);
      assert.ok(low, "the demo has a stakeholder in the bottom-left quadrant");
      // Viewport coordinates: the canvas may reach below the window.
      const at = async (script, ...args) => {
        const [x, y] = await driver.executeScript(
          `const r = document.querySelector('[data-testid="matrix-canvas"]').getBoundingClientRect();
           const [x, y] = ${script};
           return [r.left + x, r.top + y];`,
          ...args,
        );
        return { origin: Origin.VIEWPORT, x: Math.round(x), y: Math.round(y) };
      };
      // The points arrive once the counts have: wait until this one is drawn.
      await driver.wait(
        () => driver.executeScript("return window.__milepostMatrix?.locate(arguments[0]) != null", low.id),
        WAIT_MS,
        `stakeholder ${low.id} is never drawn`,
      );
      const from = await at("window.__milepostMatrix.locate(arguments[0])", low.id);
      const to = await at("window.__milepostMatrix.place(8, 8)");
      await driver
        .actions()
        .move(from)
        .press()
        .move({ ...from, x: Math.round((from.x + to.x) / 2), y: Math.round((from.y + to.y) / 2) })
        .move(to)
        .release()
        .perform();
      const moved = { ...expected, bottom_left: expected.bottom_left - 1, top_right: expected.top_right + 1 };
      await countsBecome(driver, moved, "after the drag");
      // Saved: the CLI places the stakeholder in the top-right quadrant too.
      await driver.wait(() => {
        const now = cliCounts(ws.db, matrix).out;
        return same(now, moved);
      }, WAIT_MS, "the CLI never saw the new scores");
      const after = JSON.parse(cli(ws.db, "matrix", "1", "purpose-intent", "--json")).points.find((p) => p.id === low.id);
      assert.deepEqual([after.x, after.y], [8, 8]);

      // Compared with yesterday, the re-scored stakeholder draws a trail from where it was;
      // the CLI places it there as of yesterday too.
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      await driver.executeScript(
        `const el = document.querySelector('[data-testid="matrix-compare"]');
         Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, arguments[0]);
         el.dispatchEvent(new Event('input', { bubbles: true }));`,
        yesterday,
      );
      await driver.wait(
        async () => (await driver.executeScript("return window.__milepostMatrix.trails()")) === 1,
        WAIT_MS,
        "no trail from yesterday's position",
      );
      const then = JSON.parse(
        cli(ws.db, "matrix", "1", "purpose-intent", "--scores-at", yesterday, "--json"),
      ).points.find((p) => p.id === low.id);
      assert.deepEqual([then.x, then.y], [low.x, low.y]);
      await driver.executeScript(
        `const el = document.querySelector('[data-testid="matrix-compare"]');
         Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, '');
         el.dispatchEvent(new Event('input', { bubbles: true }));`,
      );
      await driver.wait(
        async () => (await driver.executeScript("return window.__milepostMatrix.trails()")) === 0,
        WAIT_MS,
        "the trail stayed after the comparison was cleared",
      );

      // Undo puts it back, on screen and in the workspace.
      await driver.actions().keyDown(Key.CONTROL).sendKeys("z").keyUp(Key.CONTROL).perform();
      await countsBecome(driver, expected, "after undo");
      await driver.wait(() => same(cliCounts(ws.db, matrix).out, expected), WAIT_MS, "the undo was not saved");

      // The ranking follows a weight: effort from 0 to 5 reorders the top.
      await click(driver, '[data-testid="matrix-tab-ranking"]');
      await find(driver, '[data-testid="ranking-row"]');
      const firstIds = (weights) =>
        JSON.parse(cli(ws.db, "priority", "1", "--weights", weights, "--top", "10", "--json")).customers.map(
          (c) => c.name ?? c.customer_id,
        );
      const shownTop = () =>
        driver.executeScript(
          "return [...document.querySelectorAll('[data-testid=ranking-row] td:nth-child(2)')].slice(0, 10).map((t) => t.textContent)",
        );
      const base = firstIds("purpose=1,intent=1");
      await driver.wait(async () => JSON.stringify(await shownTop()) === JSON.stringify(base), WAIT_MS, "the ranking differs from the CLI's");
      const slider = await find(driver, '[data-testid="weight-effort"]');
      await slider.click();
      for (let i = 0; i < 12; i++) await slider.sendKeys(Key.ARROW_RIGHT);
      const heavy = firstIds("purpose=1,intent=1,effort=5");
      assert.notDeepEqual(heavy, base, "weighting effort changes the CLI's top ten");
      let top = null;
      await driver
        .wait(async () => {
          top = await shownTop();
          return JSON.stringify(top) === JSON.stringify(heavy);
        }, WAIT_MS)
        .catch(() => assert.fail(`the ranking shows ${top}, the CLI ${heavy}`));
      const note = await find(driver, '[data-testid="sensitivity"]');
      assert.match(await note.getText(), /top 10/);
    } catch (e) {
      await saveFailureScreenshot(driver, "matrices");
      throw e;
    } finally {
      await driver.quit();
    }
  });

  it("edits a matrix on screen: a threshold moves the counts, undo restores it, a lens is deleted and added back", async () => {
    const driver = await startApp(ws.db);
    try {
      await goHome(driver);
      await click(driver, '[data-testid="journey-card"] .journey-open');
      await click(driver, '[data-testid="open-matrices"]');
      const journey = () => JSON.parse(cli(ws.db, "journey", "export", "1", "--no-data", "--output", "-"));
      const matrix = journey().matrices.find((m) => m.id === "purpose-intent");
      const original = cliCounts(ws.db, matrix).out;
      await countsBecome(driver, original, "on opening");

      // "What if only an intent of 7 or more counted as high?"
      await click(driver, '[data-testid="edit-matrix"]');
      const threshold = await find(driver, '[data-testid="matrix-x-threshold"]');
      await threshold.clear();
      await threshold.sendKeys("7");
      await driver.wait(() => journey().matrices[0].x.threshold === 7, WAIT_MS, "the threshold was not saved");
      const stricter = cliCounts(ws.db, journey().matrices[0]).out;
      assert.ok(stricter.top_right < original.top_right, "a higher bar leaves fewer champions");
      await countsBecome(driver, stricter, "after raising the threshold");

      // Undo (the button: the cursor is in a field, where Ctrl+Z edits the text).
      await click(driver, '[data-testid="matrix-undo"]');
      await driver.wait(() => journey().matrices[0].x.threshold === 5, WAIT_MS, "the undo was not saved");
      await countsBecome(driver, original, "after undo");

      // Delete the technology lens and add it back from the built-in ones.
      await click(driver, '[data-testid="matrix-tab-effort-complexity"]');
      await click(driver, '[data-testid="delete-matrix"]');
      await click(driver, ".modal .button-danger");
      await driver.wait(() => !journey().matrices.some((m) => m.id === "effort-complexity"), WAIT_MS, "not deleted");
      const add = await find(driver, '[data-testid="add-matrix"]');
      await add.sendKeys("Technology");
      await driver.wait(() => journey().matrices.some((m) => m.id === "effort-complexity"), WAIT_MS, "not added back");
      await find(driver, '[data-testid="matrix-canvas"]');
    } catch (e) {
      await saveFailureScreenshot(driver, "matrices-edit");
      throw e;
    } finally {
      await driver.quit();
    }
  });
});

// Every screen holds at the sizes it is shown at (run on a 1920×1080 screen: `make test-e2e`
// runs it after the other tests) — a 1024×700 laptop, a 1280×800 projector,
// a 1920×1080 screen: the app walks every view of the 2,000-customer demo at each size and
// fails on any text cut off, outside the window with no way to reach it, on a panel that
// scrolls sideways, or drawn over other text (tests/e2e/layout.mjs says what counts).
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { By, Key } from "selenium-webdriver";
import { cli, click, find, saveFailureScreenshot, startApp, tempWorkspace, retype } from "./app.mjs";
import { layoutProblems } from "./layout.mjs";

const SIZES = [
  [1024, 700],
  [1280, 800],
  [1920, 1080],
];

/** Lets the view settle: two frames after the last layout change. */
async function settle(driver) {
  await driver.executeScript(
    "return new Promise((r) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 350))",
  );
}

describe("every screen at 1024×700, 1280×800 and 1920×1080", () => {
  const ws = tempWorkspace();
  const empty = tempWorkspace();
  const damaged = tempWorkspace();
  let driver;
  const problems = [];
  const check = async (where) => {
    await settle(driver);
    for (const p of await layoutProblems(driver)) problems.push(`${where}: ${p}`);
  };
  const escape = () => driver.actions().sendKeys(Key.ESCAPE).perform();

  before(async () => {
    cli(ws.db, "demo", "--customers", "2000");
    cli(ws.db, "journey", "new", "--template", "billing-saas");
    driver = await startApp(ws.db);
  });
  after(async () => {
    await driver?.quit();
    ws.cleanup();
    empty.cleanup();
    damaged.cleanup();
  });

  for (const [width, height] of SIZES) {
    it(`holds every view at ${width}×${height}`, async () => {
      const size = `${width}×${height}`;
      try {
        await driver.manage().window().setRect({ x: 0, y: 0, width, height });
        await driver.wait(async () => (await driver.executeScript("return window.innerWidth")) === width, 10_000);
        await find(driver, '[data-testid="journey-card"]');
        await check(`${size} home`);

        await click(driver, '[data-testid="journey-card"] .journey-open');
        await find(driver, '[data-testid="milestone-stats"]');
        await find(driver, '[data-testid="metric-live"]');
        await check(`${size} journey`);
        // The agenda with a step: its buttons inside the panel.
        if (width === 1024) {
          await click(driver, '[data-testid="agenda-add"]');
          await retype(await find(driver, '[data-testid="agenda-title"]'), "Milestones");
          await escape();
        }
        await check(`${size} journey with an agenda`);

        await driver.actions().sendKeys(Key.F5).perform();
        await find(driver, '[data-testid="presenter"]');
        await check(`${size} presenter`);
        // The stage in focus fits the screen with its milestones' live counts.
        for (const stage of [0, 1]) {
          await driver.wait(async () => {
            const a = await driver.executeScript("return document.querySelector('.react-flow__viewport').style.transform");
            await settle(driver);
            return a === (await driver.executeScript("return document.querySelector('.react-flow__viewport').style.transform"));
          }, 10_000);
          const out = await driver.executeScript(`
            const pane = document.querySelector(".react-flow").getBoundingClientRect();
            return [...document.querySelectorAll(".react-flow__node-milestone:not(.node-dimmed) [data-testid=milestone-stats]")]
              .filter((e) => { const r = e.getBoundingClientRect(); return r.bottom > pane.bottom + 1 || r.top < pane.top - 1; })
              .map((e) => e.textContent);`);
          for (const t of out) problems.push(`${size} presenter, stage ${stage + 1}: a milestone's count is out of view: ${t}`);
          const shown = await driver.executeScript(
            "return document.querySelectorAll('.react-flow__node-milestone:not(.node-dimmed) [data-testid=milestone-stats]').length",
          );
          assert.ok(shown > 0, "the stage in focus has milestones with counts");
          await driver.actions().sendKeys(Key.ARROW_RIGHT).perform();
        }
        await escape();

        await click(driver, '[data-testid="export-button"]');
        await find(driver, '[data-testid="export-dialog"]');
        await check(`${size} export dialog`);
        await escape();

        await click(driver, '[data-testid="open-funnel"]');
        await find(driver, '[data-testid="funnel-table"]');
        await check(`${size} funnel`);
        await escape();

        await click(driver, '[data-testid="open-tasks"]');
        await find(driver, '[data-testid="task-list"]');
        await check(`${size} tasks`);
        await click(driver, '[data-testid="tab-load"]');
        await find(driver, '[data-testid="capacity"]');
        await check(`${size} tasks load`);
        await escape();

        await click(driver, '[data-testid="open-matrices"]');
        await find(driver, '[data-testid="quadrant-counts"]');
        await check(`${size} matrices`);
        await click(driver, '[data-testid="matrix-tab-ranking"]');
        await find(driver, '[data-testid="ranking"]');
        await check(`${size} ranking`);
        await escape();

        await click(driver, '[data-testid="open-value"]');
        await find(driver, '[data-testid="value-review"] [data-testid="review-metric"]');
        await check(`${size} value`);
        await click(driver, '[data-testid="tab-capabilities"]');
        await find(driver, '[data-testid="capability-cell"]');
        await check(`${size} capability map`);
        await escape();

        await click(driver, '[data-testid="open-data"]');
        await find(driver, '[data-testid="customer-search"]');
        await check(`${size} customer data`);
        await click(driver, '[data-testid="open-warehouse-top"]');
        await find(driver, '[data-testid="warehouse-url"]');
        await check(`${size} warehouse dialog`);
        await escape();
        await driver.wait(
          async () => (await driver.findElements(By.css('[data-testid="warehouse-dialog"]'))).length === 0,
          10_000,
          "the warehouse dialog stayed open",
        );
        await escape();
        await click(driver, '[data-testid="back"]');
        await find(driver, '[data-testid="journey-card"]');

        await click(driver, '[data-testid="open-backups"]');
        await find(driver, '[data-testid="backup-row"]');
        await check(`${size} backups`);
        await escape();
        await click(driver, '[data-testid="open-about"]');
        await find(driver, ".licence-group");
        await check(`${size} about`);
        await escape();
      } catch (e) {
        await saveFailureScreenshot(driver, `layout-${width}`);
        throw e;
      }
    });
  }

  it("holds the first start's welcome at every size", async () => {
    // tauri-driver runs one app at a time.
    await driver?.quit();
    driver = null;
    const first = await startApp(empty.db);
    try {
      for (const [width, height] of SIZES) {
        await first.manage().window().setRect({ x: 0, y: 0, width, height });
        await first.wait(async () => (await first.executeScript("return window.innerWidth")) === width, 10_000);
        await find(first, '[data-testid="welcome"]');
        await settle(first);
        for (const p of await layoutProblems(first)) problems.push(`${width}×${height} welcome: ${p}`);
      }
    } finally {
      await first.quit();
    }
  });

  it("holds a damaged workspace's screen at every size", async () => {
    cli(damaged.db, "journey", "new", "--template", "billing-saas");
    cli(damaged.db, "demo", "--customers", "200");
    cli(damaged.db, "backup", "create");
    const file = readFileSync(damaged.db);
    const page = Math.floor(file.indexOf(Buffer.from("C000150")) / 4096) * 4096;
    assert.ok(page > 0);
    file.fill(0xff, page, page + 12);
    writeFileSync(damaged.db, file);
    const app = await startApp(damaged.db);
    try {
      for (const [width, height] of SIZES) {
        await app.manage().window().setRect({ x: 0, y: 0, width, height });
        await app.wait(async () => (await app.executeScript("return window.innerWidth")) === width, 10_000);
        await find(app, '[data-testid="restore-newest"]');
        await settle(app);
        for (const p of await layoutProblems(app)) problems.push(`${width}×${height} damaged workspace: ${p}`);
      }
    } finally {
      await app.quit();
    }
  });

  it("found nothing cut off, unreachable or overlapping", () => {
    for (const p of problems) console.log(p);
    assert.deepEqual(problems, []);
  });
});

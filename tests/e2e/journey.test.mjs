import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { By, cli, click, count, find, startApp, tempWorkspace, textsWhen, until, WAIT_MS, waitForText, waitForTextWhere, waitForTitle } from "./app.mjs";

const FIXTURES = fileURLToPath(new URL("../fixtures/journeys/", import.meta.url));
const BILLING = "Billing SaaS — post-sales journey";
const BILLING_STAGES = ["Onboard", "Adopt", "Retain", "Expand", "Advocate"];

describe("a journey created from a template", () => {
  const ws = tempWorkspace();
  after(() => ws.cleanup());

  it("shows its stages and milestones on the canvas, and opens on it again after a restart", async () => {
    let driver = await startApp(ws.db);
    try {
      await click(driver, '[data-testid="template-billing-saas"]');
      await waitForTitle(driver, `${BILLING} — Milepost`);
      await waitForText(driver, '[data-testid="journey-title"]', BILLING);
      assert.deepEqual(await textsWhen(driver, '[data-testid="stage-name"]', 5), BILLING_STAGES);
      const milestones = await textsWhen(driver, '[data-testid="milestone-name"]', 7);
      assert.ok(milestones.includes("First billing cycle in production"), milestones.join(", "));
      assert.ok(milestones.includes("AR days reduced to 45 or less"), milestones.join(", "));
      // Edges render once React Flow has measured the cards.
      await find(driver, ".react-flow__edge.edge-supports");
    } finally {
      await driver.quit();
    }

    assert.ok(existsSync(ws.db), "the workspace database file exists");
    const stored = JSON.parse(cli(ws.db, "journey", "list", "--json"));
    assert.deepEqual(
      stored.map((j) => [j.name, j.stages, j.milestones]),
      [[BILLING, 5, 7]],
    );

    // The app reopens the journey that was open when it closed, without a click.
    driver = await startApp(ws.db);
    try {
      await waitForText(driver, '[data-testid="journey-title"]', BILLING);
      assert.deepEqual(await textsWhen(driver, '[data-testid="stage-name"]', 5), BILLING_STAGES);
      assert.equal((await textsWhen(driver, '[data-testid="milestone-card"]', 7)).length, 7);
      await click(driver, '[data-testid="back"]');
      const card = await find(driver, '[data-testid="journey-card"] .journey-name');
      assert.equal(await card.getText(), BILLING);
    } finally {
      await driver.quit();
    }
    // Closed on the home screen, it opens on the home screen.
    driver = await startApp(ws.db);
    try {
      await find(driver, '[data-testid="journey-card"] .journey-name');
      assert.equal(await count(driver, '[data-testid="journey-title"]'), 0);
    } finally {
      await driver.quit();
    }
  });
});

describe("the home screen", () => {
  const ws = tempWorkspace();
  let driver;
  before(async () => {
    cli(ws.db, "journey", "import", join(FIXTURES, "minimal.json"));
    cli(ws.db, "journey", "new", "--template", "dealer-photos");
    driver = await startApp(ws.db);
  });
  after(async () => {
    await driver?.quit();
    ws.cleanup();
  });

  it("lists journeys from the workspace, most recent first", async () => {
    const names = await textsWhen(driver, '[data-testid="journey-card"] .journey-name', 2);
    assert.deepEqual(names, ["Dealer Photos — post-sales journey", "Billing SaaS — minimal"]);
  });

  it("opens an imported journey and renders it; Escape stays, the Journeys button goes back", async () => {
    const cards = await driver.findElements(By.css('[data-testid="journey-card"] .journey-open'));
    await cards[1].click();
    assert.deepEqual(await textsWhen(driver, '[data-testid="stage-name"]', 2), ["Onboard", "Adopt"]);
    await textsWhen(driver, ".criteria li", 2);
    const criteria = await driver.executeScript(
      "return [...document.querySelectorAll('.criteria li')].map((li) => li.title)",
    );
    assert.deepEqual(criteria, ["billing_cycle_completed: count ≥ 1", "ar_days: latest ≤ 45.5 · last 90 d"]);
    // Escape never leaves the journey: a presenter's double tap keeps the board.
    await driver.actions().sendKeys("\uE00C").perform();
    await driver.actions().sendKeys("\uE00C").perform();
    assert.equal((await driver.findElements(By.css('[data-testid="journey-list"]'))).length, 0);
    await find(driver, '[data-testid="journey-title"]');
    await click(driver, '[data-testid="back"]');
    await find(driver, '[data-testid="journey-list"]');
    await waitForTitle(driver, "Milepost");
  });

  it("deletes a journey only after confirmation", async () => {
    const deleteButton = '[aria-label="Delete Billing SaaS — minimal"]';
    await click(driver, deleteButton);
    const dialog = await find(driver, '[role="alertdialog"]');
    assert.match(await dialog.getText(), /Delete “Billing SaaS — minimal”\?/);
    await (await dialog.findElement(By.xpath(".//button[text()='Cancel']"))).click();
    await driver.wait(until.stalenessOf(dialog), WAIT_MS);
    assert.equal((await textsWhen(driver, '[data-testid="journey-card"]', 2)).length, 2);

    await click(driver, deleteButton);
    await click(driver, '[data-testid="confirm-button"]');
    await driver.wait(
      async () => (await count(driver, '[data-testid="journey-card"]')) === 1,
      WAIT_MS,
      "the journey card did not go away",
    );
    const stored = JSON.parse(cli(ws.db, "journey", "list", "--json"));
    assert.deepEqual(stored.map((j) => j.name), ["Dealer Photos — post-sales journey"]);
  });
});

describe("a wide journey", () => {
  const ws = tempWorkspace();
  after(() => ws.cleanup());

  it("opens 8 stages with long names readable from the left; Fit stays readable and says how many more", async () => {
    const long = "and a stage name long enough that it has to wrap onto another line";
    const stages = Array.from({ length: 8 }, (_, i) => ({
      id: `s${i}`,
      name: `Stage ${i + 1} ${i % 2 ? long : ""}`.trim(),
      milestones: [
        {
          id: `m${i}`,
          name: `Milestone ${i + 1} ${long} ${long}`,
          criteria: [{ event: `event_${i}`, aggregate: "count", op: ">=", value: i + 1 }],
        },
      ],
    }));
    const file = join(ws.dir, "wide.json");
    writeFileSync(file, JSON.stringify({ format: "milepost/journey@1", name: "Wide", stages }));
    cli(ws.db, "journey", "import", file);

    const driver = await startApp(ws.db);
    try {
      await (await find(driver, '[data-testid="journey-card"] .journey-open')).click();
      await textsWhen(driver, '[data-testid="stage-name"]', 8);
      const canvas = await find(driver, ".react-flow");
      const box = await canvas.getRect();
      const inside = async () => {
        const rects = await driver.executeScript(
          "return [...document.querySelectorAll('[data-testid=stage-header]')].map((h) => { const r = h.getBoundingClientRect(); return { x: r.left, y: r.top, width: r.width }; })",
        );
        return rects.map((r) => r.x >= box.x - 1 && r.x + r.width <= box.x + box.width + 1 && r.y >= box.y - 1);
      };
      // At a readable size the board starts at the first stage; the rest is a scroll away.
      await driver.wait(async () => (await inside())[0] === true, WAIT_MS, "the first stage is not in view");
      // Zoomed far out, Fit brings the board back to a readable size (card text at least
      // 12 px: 92 %), the first stages whole, and says how many more there are — never
      // the whole board at a size nobody in the room can read.
      for (let i = 0; i < 6; i++) await click(driver, '[aria-label="Zoom out"]');
      await driver.executeScript(
        "[...document.querySelectorAll('[data-testid=canvas-bar] button')].find((b) => b.textContent === 'Fit').click()",
      );
      const note = await waitForTextWhere(driver, '[data-testid="fit-note"]', (t) => /of 8 stages in view/.test(t), "the stages in view");
      const [, shownNow, more] = note.match(/^(\d+) of 8 stages in view — scroll for (\d+) more$/);
      assert.equal(Number(shownNow) + Number(more), 8);
      await driver.wait(
        async () => Number((await driver.executeScript("return document.querySelector('[data-testid=zoom-level]').textContent")).replace("%", "")) >= 92,
        WAIT_MS,
        "Fit zoomed below a readable size",
      );
      await driver.wait(
        async () => (await inside()).filter(Boolean).length === Number(shownNow),
        WAIT_MS,
        "the stages Fit says are in view are not",
      );
    } finally {
      await driver.quit();
    }
  });
});

describe("a workspace from a newer Milepost", () => {
  const ws = tempWorkspace();
  after(() => ws.cleanup());

  it("is refused with a clear message and left untouched", async () => {
    cli(ws.db, "journey", "new", "--template", "billing-saas");
    const sqlite = (sql) => execFileSync("sqlite3", [ws.db, sql], { encoding: "utf8" }).trim();
    // Far beyond any schema this Milepost knows.
    sqlite("PRAGMA user_version = 999");
    assert.equal(sqlite("PRAGMA user_version"), "999");
    const driver = await startApp(ws.db);
    try {
      // The workspace's own screen, not an empty home screen with a banner.
      const screen = await find(driver, '[data-testid="workspace-problem"]');
      assert.equal(await screen.getAttribute("data-code"), "newer_database");
      await waitForTextWhere(
        driver,
        ".workspace-problem-message",
        (t) => /newer version of Milepost/.test(t),
        "the message",
      );
      await waitForText(driver, ".workspace-problem-card h1", "This workspace is from a newer Milepost");
    } finally {
      await driver.quit();
    }
    assert.equal(sqlite("PRAGMA user_version"), "999", "the file was not migrated or changed");
  });
});

// Never lose work, in the real app: a backup made from the Backups dialog (and the About
// dialog beside it); a workspace
// damaged on disk opens on the damaged-workspace screen, which restores its newest backup;
// with no backup, it saves what can still be read and opens that.
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, describe, it } from "node:test";
import { By, cli, click, find, startApp, tempWorkspace, WAIT_MS, waitForText, waitForTextWhere } from "./app.mjs";

const journeyShown = (driver) =>
  waitForTextWhere(driver, '[data-testid="journey-card"]', (t) => t.includes("Billing SaaS"), "the journey");

/** Breaks the b-tree page holding `needle`, as a bad sector would (the app is closed). */
function damagePageHolding(db, needle) {
  const file = readFileSync(db);
  const at = file.indexOf(Buffer.from(needle));
  assert.ok(at > 4096, `${needle} is in the file, past the header page`);
  const page = Math.floor(at / 4096) * 4096;
  file.fill(0xff, page, page + 12);
  writeFileSync(db, file);
}

function customers(db) {
  return JSON.parse(cli(db, "data", "summary", "--json")).customers.rows;
}

describe("backups and a damaged workspace", () => {
  const ws = tempWorkspace();
  after(() => ws.cleanup());

  it("backs up from the dialog, then restores that backup over the damaged workspace", async () => {
    cli(ws.db, "journey", "new", "--template", "billing-saas");
    cli(ws.db, "demo", "--customers", "200");
    let driver = await startApp(ws.db);
    try {
      await click(driver, '[data-testid="open-backups"]');
      await find(driver, '[data-testid="backups-dialog"]');
      const before = (await driver.findElements(By.css('[data-testid="backup-row"]'))).length;
      await driver.findElement(By.xpath("//button[normalize-space()='Back up now']")).click();
      await driver.wait(
        async () => (await driver.findElements(By.css('[data-testid="backup-row"]'))).length === before + 1,
        WAIT_MS,
        "the new backup never appeared in the list",
      );
      await waitForText(driver, '[data-testid="backup-row"] td:nth-child(2)', "made by hand");
      await driver.findElement(By.xpath("//button[normalize-space()='Close']")).click();

      // About Milepost: the version, this workspace, the third-party licences.
      await click(driver, '[data-testid="open-about"]');
      await waitForTextWhere(driver, '[data-testid="about-version"]', (t) => /^Version \d+\.\d+\.\d+ · MIT licence$/.test(t), "the version");
      await waitForText(driver, '[data-testid="about-workspace"]', ws.db);
      const shipped = await waitForTextWhere(
        driver,
        '[data-testid="about-licences"] p',
        (t) => /built on [\d,]+ open-source packages/.test(t),
        "the licences",
      );
      assert.ok(Number(shipped.match(/on ([\d,]+)/)[1].replace(/,/g, "")) > 300, shipped);
      await waitForTextWhere(driver, ".licence-group summary", (t) => t.length > 0, "a licence");
      await driver.findElement(By.xpath("//div[@data-testid='about-dialog']//button[normalize-space()='Close']")).click();
    } finally {
      await driver.quit();
    }

    damagePageHolding(ws.db, "C000150");
    driver = await startApp(ws.db);
    try {
      const screen = await find(driver, '[data-testid="workspace-problem"]');
      assert.equal(await screen.getAttribute("data-code"), "damaged");
      await waitForText(driver, ".workspace-problem-card h1", "This workspace is damaged");
      await waitForText(driver, ".workspace-problem-path", ws.db);
      await click(driver, '[data-testid="restore-newest"]');
      await journeyShown(driver);
    } finally {
      await driver.quit();
    }
    assert.equal(customers(ws.db), 200);
    const list = JSON.parse(cli(ws.db, "backup", "list", "--json"));
    assert.equal(list[0].reason, "damaged", "the damaged file is kept");
  });

  it("with no backup, saves what can still be read and opens it", async () => {
    rmSync(join(dirname(ws.db), "backups"), { recursive: true, force: true });
    damagePageHolding(ws.db, "C000150");
    const driver = await startApp(ws.db);
    try {
      await find(driver, '[data-testid="workspace-problem"]');
      assert.equal((await driver.findElements(By.css('[data-testid="restore-newest"]'))).length, 0);
      await click(driver, '[data-testid="salvage"]');
      await waitForText(driver, '[data-testid="salvage-report"] li', "journey: 1 row");
      await waitForTextWhere(
        driver,
        '[data-testid="salvage-report"]',
        (t) => t.includes("customer: 200 rows"),
        "every customer saved",
      );
      await driver.findElement(By.xpath("//button[normalize-space()='Open the workspace']")).click();
      await journeyShown(driver);
    } finally {
      await driver.quit();
    }
    // The index page was damaged, the table itself was not: every customer is saved.
    assert.equal(customers(ws.db), 200);
  });
});

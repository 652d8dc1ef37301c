// The app killed with SIGKILL right after it showed an edit as saved: every edit it showed
// as saved is in the workspace afterwards, and SQLite's integrity check passes. A few
// trials in make test; MILEPOST_APP_CRASH_TRIALS=10 in make crash-test.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { basename } from "node:path";
import { after, describe, it } from "node:test";
import { Key } from "selenium-webdriver";
import { APP, cli, click, find, retype, startApp, tempWorkspace, waitForText, waitForTexts } from "./app.mjs";

const TRIALS = Number(process.env.MILEPOST_APP_CRASH_TRIALS ?? 3);

describe("the app killed after a save", () => {
  const ws = tempWorkspace();
  after(() => ws.cleanup());

  it(`keeps every edit it showed as saved (${TRIALS} kills)`, async () => {
    cli(ws.db, "journey", "new", "--template", "billing-saas");
    const stages = () => JSON.parse(cli(ws.db, "journey", "export", "1", "-o", "-")).stages.map((s) => s.name);
    const first = stages();
    for (let trial = 1; trial <= TRIALS; trial++) {
      const driver = await startApp(ws.db);
      try {
        // Killed on the journey, the app opens on it again.
        if (trial === 1) await click(driver, '[data-testid="journey-card"] .journey-open');
        await waitForTexts(driver, '[data-testid="stage-name"]', stages());
        await click(driver, '[data-testid="add-stage"]');
        await retype(await find(driver, '[data-testid="inspector-name"]'), `Kill ${trial}`);
        await driver.actions().sendKeys(Key.ESCAPE).perform();
        await waitForText(driver, '[data-testid="save-state"]', "All changes saved");
        // No goodbye: the process is gone at once, as in a power cut of the app alone.
        execFileSync("pkill", ["-KILL", "-x", basename(APP)]);
      } finally {
        await driver.quit().catch(() => {});
      }
      const check = execFileSync("sqlite3", [ws.db, "PRAGMA integrity_check"], { encoding: "utf8" }).trim();
      assert.equal(check, "ok", `trial ${trial}`);
      const now = stages();
      assert.deepEqual(now.slice(0, first.length), first, `trial ${trial}`);
      assert.ok(now.includes(`Kill ${trial}`), `trial ${trial}: the saved stage is there (${now.join(", ")})`);
    }
  });
});

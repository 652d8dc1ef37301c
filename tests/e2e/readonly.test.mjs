// A workspace on a read-only disk (a folder mounted read-only, as a share or a locked USB
// stick is): the app opens it, shows its journeys and data, says once that it can only
// be read, refuses an edit in words, and leaves the file and its folder exactly
// as they were. The folder is bind-mounted read-only, which even root cannot write.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { cli, click, find, saveFailureScreenshot, startApp, tempWorkspace, waitForTextWhere } from "./app.mjs";

const mount = (...args) => execFileSync("mount", args, { stdio: "pipe" });

describe("a workspace that can only be read", () => {
  const ws = tempWorkspace();
  let mounted = false;
  after(() => {
    // Lazily: the app may still be letting go of the file.
    if (mounted) execFileSync("umount", ["--lazy", ws.dir]);
    ws.cleanup();
  });

  it("opens, reads, says it can only be read, and changes nothing", async (t) => {
    cli(ws.db, "journey", "new", "--template", "billing-saas");
    cli(ws.db, "demo", "--customers", "120");
    const before = readFileSync(ws.db);
    const names = readdirSync(ws.dir).sort();
    try {
      mount("--bind", ws.dir, ws.dir);
      mounted = true;
      mount("-o", "remount,bind,ro", ws.dir);
    } catch (e) {
      // Mounting needs root (CI and the machines of make test run as root).
      t.skip(`cannot mount a folder read-only here: ${e.message.split("\n")[0]}`);
      return;
    }
    assert.throws(() => writeFileSync(join(ws.dir, "probe"), "x"), /EROFS/, "the folder is read-only");

    const driver = await startApp(ws.db);
    try {
      await waitForTextWhere(
        driver,
        '[data-testid="read-only-notice"]',
        (t) => t.startsWith("Read only: its folder is read-only for you."),
        "the read-only notice",
      );
      await waitForTextWhere(driver, '[data-testid="journey-card"]', (t) => t.includes("Billing SaaS"), "the journey");
      // Reading works: the customer data, then the journey on its board.
      await click(driver, '[data-testid="journey-card"]');
      await find(driver, ".react-flow");
      await click(driver, '[data-testid="open-data"]');
      await waitForTextWhere(driver, "body", (t) => t.includes("120 customers"), "the customers");
      await saveShot(driver);
      await click(driver, ".topbar button");
      await find(driver, ".react-flow");
      // An edit is refused in words; the board keeps it, marked as not saved.
      await click(driver, '[data-testid="add-stage"]');
      await waitForTextWhere(driver, '[data-testid="error-banner"]', (t) => t.includes("can only be read here"), "the refusal");
      await waitForTextWhere(driver, '[data-testid="save-state"]', (t) => t === "Not saved", "Not saved");
    } catch (e) {
      await saveFailureScreenshot(driver, "readonly");
      throw e;
    } finally {
      await driver.quit();
    }
    assert.deepEqual(readFileSync(ws.db), before, "the workspace is byte for byte as it was");
    assert.deepEqual(readdirSync(ws.dir).sort(), names, "nothing was written beside it");
  });
});

/** A picture for people to look at (tests/e2e/artifacts/, not committed). */
async function saveShot(driver) {
  const shot = await driver.takeScreenshot();
  const dir = new URL("./artifacts/", import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL("readonly.png", dir), Buffer.from(shot, "base64"));
  assert.ok(shot.length > 0);
}

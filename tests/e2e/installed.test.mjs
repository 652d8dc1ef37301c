// The app as the Debian package installs it (run by scripts/package-test.sh, not in the
// ordinary e2e run): its window opens on the home screen, and a journey file given to it —
// what a double-click on a .milepost.json file does — is imported and opened.
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { startApp, tempWorkspace, waitForTextWhere } from "./app.mjs";

describe("the installed app", { skip: !process.env.MILEPOST_INSTALLED && "run by scripts/package-test.sh" }, () => {
  const ws = tempWorkspace();
  after(() => ws.cleanup());

  it("opens on the home screen", async () => {
    const driver = await startApp(ws.db);
    try {
      await waitForTextWhere(driver, "h1", (t) => t === "Milepost", "the home screen");
    } finally {
      await driver.quit();
    }
  });

  it("opens a journey file it is started with", async () => {
    const file = join(ws.dir, "Onboarding.milepost.json");
    copyFileSync(new URL("../fixtures/journeys/minimal.json", import.meta.url), file);
    const driver = await startApp(ws.db, [file]);
    try {
      await waitForTextWhere(driver, '[data-testid="stage-name"]', (t) => t.length > 0, "the journey's stages");
    } finally {
      await driver.quit();
    }
  });
});

// `make screenshot`: pictures of the real app for the README and for looking at.
// Not a test of behaviour; run through the same harness so it sees the real window.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, it } from "node:test";
import { fileURLToPath } from "node:url";
import { cli, find, startApp, tempWorkspace, textsWhen } from "./app.mjs";

const OUT = process.env.SCREENSHOT_DIR ?? fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));
const ws = tempWorkspace();
after(() => ws.cleanup());

async function save(driver, name) {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, name), Buffer.from(await driver.takeScreenshot(), "base64"));
  console.log(`saved ${join(OUT, name)}`);
}

it("takes screenshots of the home screen and a template journey", async () => {
  for (const t of ["inbound-methodology", "dealer-photos", "billing-saas"]) {
    cli(ws.db, "journey", "new", "--template", t);
  }
  const driver = await startApp(ws.db);
  try {
    await textsWhen(driver, '[data-testid="journey-card"]', 3);
    await save(driver, "home.png");
    await (await find(driver, '[data-testid="journey-card"] .journey-open')).click();
    await textsWhen(driver, '[data-testid="stage-name"]', 5);
    await find(driver, ".react-flow__edge.edge-supports");
    // Let the second layout pass (measured heights) and the fit settle: wait until two
    // consecutive frames report the same viewport transform.
    await driver.wait(async () => {
      const a = await driver.executeScript("return document.querySelector('.react-flow__viewport').style.transform");
      await driver.executeScript("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
      const b = await driver.executeScript("return document.querySelector('.react-flow__viewport').style.transform");
      return a === b;
    }, 10000);
    await save(driver, "canvas.png");
  } finally {
    await driver.quit();
  }
});

// The Export dialog in the real app: the PDF playbook, previewed and saved, carries the
// journey's name, the company and the engine's numbers; the journey map saves as a PNG.
// The app runs with --save-to, so saving skips the native dialog a test cannot drive.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { By, cli, click, find, startApp, tempWorkspace, textsWhen, WAIT_MS, waitForText } from "./app.mjs";

const BILLING = "Billing SaaS — post-sales journey";

/** The first file in `dir` ending with `ext`, once one is there. */
async function saved(driver, dir, ext) {
  let file = null;
  await driver.wait(
    () => {
      file = readdirSync(dir).find((f) => f.endsWith(ext)) ?? null;
      return file !== null;
    },
    WAIT_MS,
    `no ${ext} file was saved in ${dir}`,
  );
  return join(dir, file);
}

describe("the Export dialog", () => {
  const ws = tempWorkspace();
  const out = join(ws.dir, "exports");
  let driver;
  before(async () => {
    mkdirSync(out);
    cli(ws.db, "journey", "new", "--template", "billing-saas");
    cli(ws.db, "demo", "--customers", "300");
    driver = await startApp(ws.db, ["--save-to", out]);
    await click(driver, '[data-testid="journey-card"]');
    await textsWhen(driver, '[data-testid="stage-name"]', 5);
    // The live numbers are on the canvas: the workspace's data is loaded.
    await find(driver, '[data-testid="milestone-stats"]');
  });
  after(async () => {
    await driver?.quit();
    ws.cleanup();
  });

  it("previews the playbook and saves a PDF with the journey, the company and the funnel", async () => {
    await click(driver, '[data-testid="export-button"]');
    await find(driver, '[data-testid="export-dialog"]');
    const company = await find(driver, '[data-testid="export-company"]');
    await company.clear();
    await company.sendKeys("Northwind Traders");
    // The preview shows the first pages and counts them.
    await driver.wait(
      async () => /^\d+ pages/.test(await (await find(driver, '[data-testid="export-page-count"]')).getText()),
      WAIT_MS,
      "the preview never showed its page count",
    );
    const pages = await driver.findElements(By.css(".export-pages img"));
    assert.equal(pages.length, 3);
    assert.ok(await (await find(driver, '[data-testid="export-with-data"]')).isSelected());
    await click(driver, '[data-testid="export-save"]');
    const pdf = await saved(driver, out, ".pdf");
    await waitForText(driver, '[data-testid="notice"]', `Exported to ${pdf}`);
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    assert.ok(text.includes(BILLING), "the journey's name is in the PDF");
    assert.ok(text.includes("Northwind Traders"), "the company is on the cover");
    const funnel = JSON.parse(cli(ws.db, "funnel", "1", "--json"));
    assert.ok(text.includes(`${funnel.customers} customers as of`), "the funnel's customers are in the PDF");
    for (const m of funnel.milestones) assert.ok(text.includes(m.name), m.name);
  });

  it("saves the journey map as a PNG for slides", async () => {
    await click(driver, '[data-testid="export-button"]');
    await click(driver, '[data-testid="export-kind-image"]');
    await find(driver, ".export-map img");
    await click(driver, '[data-testid="export-save"]');
    const png = await saved(driver, out, ".png");
    assert.deepEqual([...readFileSync(png).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  });
});

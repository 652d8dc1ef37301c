// The Value view in the real app, over demo data: the portfolio ranks customers by what
// they leave on the table, a customer's value review shows its metrics against its peers,
// the capability map shows every capability — and the numbers are the CLI's.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { Key } from "selenium-webdriver";
import { By, cli, click, find, saveFailureScreenshot, startApp, tempWorkspace, textsWhen, WAIT_MS, waitForText, waitForTextWhere } from "./app.mjs";

describe("the Value view", () => {
  const ws = tempWorkspace();
  const out = join(ws.dir, "exports");
  let driver;
  let report;
  before(async () => {
    cli(ws.db, "journey", "new", "--template", "billing-saas");
    cli(ws.db, "demo", "--customers", "600");
    report = JSON.parse(cli(ws.db, "value", "1", "--json"));
    mkdirSync(out);
    driver = await startApp(ws.db, ["--save-to", out]);
    await click(driver, '[data-testid="journey-card"]');
    await textsWhen(driver, '[data-testid="stage-name"]', 5);
  });
  after(async () => {
    await driver?.quit();
    ws.cleanup();
  });

  it("shows the portfolio and a customer's value review with the CLI's numbers", async () => {
    try {
      await click(driver, '[data-testid="open-value"]');
      // The money is the core's text, in the workspace's currency: the same as the CLI's.
      assert.match(report.leakage_text, /^\$[\d,]+$/);
      await waitForText(driver, '[data-testid="value-total"]', report.leakage_text);
      assert.ok(report.customers.every((c) => c.churned === null), "only active customers");
      const ranked = [...report.customers].sort((a, b) => (b.leakage_money ?? -1) - (a.leakage_money ?? -1));
      const rows = await driver.executeScript(
        "return [...document.querySelectorAll('[data-testid=value-row]')].slice(0, 5).map((r) => r.dataset.customer)",
      );
      assert.deepEqual(rows, ranked.slice(0, 5).map((c) => c.customer_id), "the same customers, most leakage first");

      // The second customer's review: its leakage, its metrics against its peers.
      const second = ranked[1];
      await click(driver, `[data-testid="value-row"][data-customer="${second.customer_id}"] button`);
      await waitForText(driver, '[data-testid="review-leakage"]', `${second.leakage_text} a year`);
      const metrics = await driver.findElements(By.css('[data-testid="review-metric"]'));
      assert.equal(metrics.length, second.metrics.length);
      const compared = second.metrics.filter((m) => m.percentile != null);
      const dots = await driver.executeScript(
        "return [...document.querySelectorAll('[data-testid=value-percentile]')].map((d) => Number(d.dataset.percentile))",
      );
      assert.deepEqual(dots, compared.map((m) => m.percentile), "each compared metric on its percentile strip");
      const text = await (await find(driver, '[data-testid="value-review"]')).getText();
      const ar = second.metrics.find((m) => m.metric === "ar-days");
      if (ar?.peer_group) assert.match(text, new RegExp(`${ar.peer_group.n} customers`));

      // The value review as PDF: the customer, its money and every metric.
      await click(driver, '[data-testid="export-review"]');
      const pdf = await waitForTextWhere(driver, '[data-testid="value-saved"]', (t) => t.endsWith(".pdf"), "a PDF saved");
      assert.ok(pdf.startsWith(out), pdf);
      const printed = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
      assert.ok(printed.includes(second.customer_id), "the customer's id is in the review");
      assert.ok(printed.includes(`${second.leakage_text} a year`), "its money left on the table");
      for (const m of second.metrics) assert.ok(printed.includes(m.name), m.name);

      // By stage: the CLI's slices; a stage's row shows only its customers.
      const stageMoney = await driver.executeScript(
        "return [...document.querySelectorAll('[data-testid=value-by-stage] [data-testid=slice-money]')].map((d) => d.textContent)",
      );
      const stages = report.by_stage.filter((s) => s.customers > 0);
      assert.deepEqual(stageMoney, stages.map((s) => s.leakage_text));
      const busiest = [...stages].sort((a, b) => b.customers - a.customers)[0];
      await click(driver, `[data-testid="value-by-stage"] button[title="Show only ${busiest.name}"]`);
      const count = `${busiest.customers.toLocaleString("en-US")} customers`;
      await waitForTextWhere(driver, '[data-testid="value-filter"]', (t) => t.includes(count), count);
      const stagesShown = await driver.executeScript(
        "return [...new Set([...document.querySelectorAll('[data-testid=value-row] td:nth-child(3)')].map((d) => d.textContent))]",
      );
      assert.deepEqual(stagesShown, [busiest.name]);
      // Sorted by name, A to Z.
      await click(driver, '[data-testid="sort-name"]');
      const names = await driver.executeScript(
        "return [...document.querySelectorAll('[data-testid=value-row] td:first-child')].map((d) => d.textContent)",
      );
      assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base", numeric: true })));

      // The portfolio CSV: a row per customer.
      await click(driver, '[data-testid="export-value-csv"]');
      const csvPath = await waitForTextWhere(driver, '[data-testid="value-saved"]', (t) => t.endsWith(".csv"), "a CSV saved");
      const csv = readFileSync(csvPath, "utf8");
      assert.equal(csv.trim().split("\n").length, report.customers.length + 1);

      // Churned customers only on request: listed after the active, marked, never compared.
      const all = JSON.parse(cli(ws.db, "value", "1", "--json", "--churned"));
      const gone = all.customers.filter((c) => c.churned !== null);
      assert.ok(gone.length > 0 && gone.length === report.churned, "the demo has churned customers");
      await click(driver, '[data-testid="value-by-stage"] button[aria-pressed="true"]');
      await click(driver, '[data-testid="value-churned"]');
      await driver.wait(
        async () => (await driver.findElements(By.css('[data-testid="value-row"][data-churned]'))).length > 0,
        WAIT_MS,
        "the churned customers are listed",
      );
      const listed = await driver.executeScript(
        "return [...document.querySelectorAll('[data-testid=value-row]')].map((r) => r.dataset.churned ?? null)",
      );
      assert.equal(listed.length, Math.min(200, gone.length));
      assert.ok(listed.every((d) => d !== null), "only churned customers, each marked");
      const churnedRow = `[data-testid="value-row"][data-customer="${gone[0].customer_id}"]`;
      await click(driver, `${churnedRow} button`);
      await waitForText(driver, '[data-testid="review-leakage"]', "Churned");
      const churnedReview = await (await find(driver, '[data-testid="value-review"]')).getText();
      assert.match(churnedReview, new RegExp(`Churned\\s*${gone[0].churned}`, "i"));
      assert.ok(!churnedReview.includes("What to unlock next"), "no plays for a customer who left");
      // The total is still the active customers' alone.
      await waitForText(driver, '[data-testid="value-total"]', report.leakage_text);
      await click(driver, '[data-testid="value-churned"]');

      // The capability map: every capability of the journey, in its phase.
      await click(driver, '[data-testid="tab-capabilities"]');
      await find(driver, '[data-testid="capability-map"]');
      const journey = JSON.parse(cli(ws.db, "journey", "export", "1", "-o", "-"));
      const cells = await driver.findElements(By.css('[data-testid="capability-cell"]'));
      assert.equal(cells.length, journey.capabilities.length);
    } catch (e) {
      await saveFailureScreenshot(driver, "value");
      throw e;
    }
  });

  it("edits the value model in the journey panel: peers, k, a phase and a capability", async () => {
    try {
      await driver.actions().sendKeys(Key.ESCAPE).perform();
      await find(driver, '[data-testid="value-panel"]');
      const before = JSON.parse(cli(ws.db, "journey", "export", "1", "-o", "-"));
      // Group by segment alone, in groups of at least 8.
      for (const key of before.peers.keys.slice(1)) {
        await click(driver, `[data-testid="peer-keys"] button[aria-label="Stop grouping by ${key}"]`);
      }
      const k = await find(driver, '[data-testid="peer-k"]');
      await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", k);
      await k.clear();
      await k.sendKeys("8");
      await driver.wait(async () => JSON.parse(cli(ws.db, "journey", "export", "1", "-o", "-")).peers.k === 8, WAIT_MS, "k was never saved as 8");
      // A new phase with one capability.
      await (await find(driver, '[data-testid="phase-add-text"]')).sendKeys("Scale", Key.ENTER);
      const phases = await driver.findElements(By.css('[data-testid="value-phases"] > li'));
      assert.equal(phases.length, before.phases.length + 1);
      await (await find(driver, '[data-testid="capability-add-scale-text"]')).sendKeys("Scheduled exports", Key.ENTER);

      // The Value view computes with the saved model.
      await click(driver, '[data-testid="open-value"]');
      await waitForTextWhere(
        driver,
        '[data-testid="value-meta"]',
        (t) => t.includes("peers by segment, groups of at least 8"),
        "the new peers",
      );
      const after = JSON.parse(cli(ws.db, "journey", "export", "1", "-o", "-"));
      assert.deepEqual(after.peers.keys, [before.peers.keys[0]]);
      assert.equal(after.peers.k, 8);
      const cap = after.capabilities.find((c) => c.name === "Scheduled exports");
      assert.equal(cap.phase, "scale");
      assert.equal(cap.criteria[0].event, "scheduled_exports_enabled");
      const value = JSON.parse(cli(ws.db, "value", "1", "--json"));
      assert.equal(value.k, 8);
      assert.deepEqual(value.keys, [before.peers.keys[0]]);
      await click(driver, '[data-testid="tab-capabilities"]');
      const cells = await driver.findElements(By.css('[data-testid="capability-cell"]'));
      assert.equal(cells.length, after.capabilities.length);
    } catch (e) {
      await saveFailureScreenshot(driver, "value-model");
      throw e;
    }
  });
});

// The workshop moment in the real app: with customer data loaded, milestone cards show
// how many customers reached them, and editing a criterion changes the number as you type.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { By, Key } from "selenium-webdriver";
import { cli, click, find, saveFailureScreenshot, startApp, tempWorkspace, WAIT_MS } from "./app.mjs";

/** The live count on the card of the milestone with this name (null until shown). */
async function reachedOn(driver, name) {
  return driver.executeScript(
    `const card = [...document.querySelectorAll('[data-testid="milestone-card"]')]
       .find((c) => c.querySelector('[data-testid="milestone-name"]').textContent === arguments[0]);
     const n = card && card.querySelector('[data-testid="milestone-reached"]');
     return n ? Number(n.textContent.replace(/,/g, '')) : null;`,
    name,
  );
}

describe("live funnel on the canvas", () => {
  const ws = tempWorkspace();
  after(() => ws.cleanup());

  it("shows each milestone's count and recomputes it while a criterion is edited", async () => {
    cli(ws.db, "journey", "new", "--template", "billing-saas");
    const expected = (funnel) =>
      funnel.milestones.find((m) => m.id === "healthy-usage").reached;
    const driver = await startApp(ws.db);
    try {
      // Demo data, loaded in the app as a newcomer would.
      await click(driver, '[data-testid="open-data"]');
      await click(driver, '[data-testid="load-demo"]');
      await find(driver, '[data-testid="customer-row"]');
      const before = expected(JSON.parse(cli(ws.db, "funnel", "1", "--json")));
      // The customers table shows each customer's health in the journey.
      const states = JSON.parse(cli(ws.db, "customers", "1", "--json"));
      const first = states[0];
      await find(driver, '[data-testid="customer-health"]');
      const dot = await driver.executeScript(
        "return document.querySelector('[data-testid=customer-row] [data-testid=customer-health]').className",
      );
      assert.ok(
        dot.includes(`health-dot-${first.health?.colour ?? "none"}`),
        `${first.id}: the table shows ${dot}, the CLI ${first.health?.colour}`,
      );
      // A customer's panel says where it is in the journey, why its colour, and who its
      // stakeholders are, with their scores.
      await click(driver, '[data-testid="customer-row"]');
      const journeyBox = await find(driver, '[data-testid="customer-journey"]');
      const words = await journeyBox.getText();
      assert.ok(words.includes(first.stage_name ?? "Churned"), `${first.id}: ${words}`);
      for (const reason of first.health?.reasons ?? []) assert.ok(words.includes(reason), `${reason} in ${words}`);
      const people = await find(driver, '[data-testid="stakeholders"]');
      assert.match(await people.getText(), /Purpose\s*\d+/);
      await driver.actions().sendKeys(Key.ESCAPE).perform();
      await driver.actions().sendKeys(Key.ESCAPE).perform();
      await click(driver, '[data-testid="journey-card"] .journey-open');
      const name = "Three billing cycles completed";
      await driver
        .wait(async () => (await reachedOn(driver, name)) === before, WAIT_MS)
        .catch(async () => assert.fail(`the card showed ${await reachedOn(driver, name)}, the CLI ${before}`));

      // "What if healthy usage meant 2 billing cycles, not 3?"
      await driver.executeScript(
        `[...document.querySelectorAll('[data-testid="milestone-card"]')]
           .find((c) => c.querySelector('[data-testid="milestone-name"]').textContent === arguments[0])
           .click();`,
        name,
      );
      const text = await find(driver, '[data-testid="criterion-text"]');
      await text.sendKeys(Key.chord(Key.CONTROL, "a"));
      await text.sendKeys("count(billing_cycle_completed) >= 2");
      let shown = null;
      await driver
        .wait(async () => {
          shown = await reachedOn(driver, name);
          return shown !== null && shown > before;
        }, WAIT_MS)
        .catch(() => assert.fail(`the count stayed at ${shown} (was ${before})`));

      // The saved journey gives the CLI the same number.
      await driver.wait(
        async () => expected(JSON.parse(cli(ws.db, "funnel", "1", "--json"))) === shown,
        WAIT_MS,
        "the CLI funnel of the saved journey differs from the card",
      );

      // The Funnel view shows the same funnel; a segment narrows it.
      await driver.actions().sendKeys(Key.ESCAPE).perform();
      await click(driver, '[data-testid="open-funnel"]');
      await find(driver, '[data-testid="funnel-table"]');
      const all = JSON.parse(cli(ws.db, "funnel", "1", "--json"));
      const reachedInTable = () =>
        driver.executeScript(
          "return [...document.querySelectorAll('[data-testid=funnel-row] td.strong')].map((td) => Number(td.textContent.replace(/,/g, '')))",
        );
      await driver.wait(
        async () => JSON.stringify(await reachedInTable()) === JSON.stringify(all.milestones.map((m) => m.reached)),
        WAIT_MS,
        "the Funnel view's numbers differ from the CLI's",
      );
      // One number, one name: every cell reads as the CLI's table and the PDF print it,
      // under the same column names, with the same rounding.
      const cells = await driver.executeScript(
        "return [...document.querySelectorAll('[data-testid=funnel-row]')].map((r) => Object.fromEntries([...r.querySelectorAll('td[data-column]')].map((td) => [td.dataset.column, td.textContent])))",
      );
      const headers = await driver.executeScript(
        "return [...document.querySelectorAll('[data-testid=funnel-table] thead th')].map((th) => th.textContent)",
      );
      assert.ok(headers.includes("Median days from start") && !headers.includes("Median d"), headers.join(" | "));
      const table = cli(ws.db, "funnel", "1");
      const pdf = join(ws.dir, "numbers.pdf");
      cli(ws.db, "journey", "export", "1", "--format", "pdf", "-o", pdf);
      const printed = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      for (const [i, m] of all.milestones.entries()) {
        for (const [key, text] of Object.entries(cells[i])) assert.equal(text, m.text[key], `${m.name}: ${key}`);
        const row = `${m.text.reached}\\s+${m.text.conversion_from_previous}\\s+${m.text.conversion_from_start}\\s+${m.text.median_days_from_start}`;
        assert.match(table, new RegExp(row.replaceAll(".", "\\.")), `the CLI's row for ${m.name}`);
        assert.match(printed, new RegExp(row.replaceAll(".", "\\.")), `the PDF's row for ${m.name}`);
      }

      await driver.executeScript(
        "const s = document.querySelector('[data-testid=segment]'); s.value = 'SMB'; s.dispatchEvent(new Event('change', { bubbles: true }));",
      );
      const smb = JSON.parse(cli(ws.db, "funnel", "1", "--json", "--segment", "SMB"));
      await driver.wait(
        async () => JSON.stringify(await reachedInTable()) === JSON.stringify(smb.milestones.map((m) => m.reached)),
        WAIT_MS,
        "the SMB funnel differs from the CLI's",
      );

      // The chart draws each milestone as wide as its share of the customers.
      await driver.wait(
        async () => {
          const widths = await driver.executeScript(
            "return [...document.querySelectorAll('[data-testid=funnel-bar] .funnel-bar')].map((b) => b.getBoundingClientRect().width)",
          );
          const full = await driver.executeScript(
            "return document.querySelector('[data-testid=funnel-bar]').getBoundingClientRect().width",
          );
          return smb.milestones.every((m, i) => {
            const share = m.reached / smb.customers;
            return share < 0.01 || Math.abs(widths[i] - share * full) <= 1.5;
          });
        },
        WAIT_MS,
        "the funnel chart's bars are not proportional to the customers reached",
      );
      // The cohort table has every start month the CLI has.
      const cohorts = JSON.parse(cli(ws.db, "cohorts", "1", "--json", "--segment", "SMB"));
      await driver.wait(
        async () => (await driver.findElements(By.css('[data-testid="cohort-table"] tbody tr'))).length === cohorts.length,
        WAIT_MS,
        "the cohort table misses start months",
      );
      // The customers at the bottleneck are listed by name, with the play to run by name.
      const smbStates = JSON.parse(cli(ws.db, "customers", "1", "--json", "--segment", "SMB"));
      const atBottleneck = smbStates.filter((c) => c.furthest === smb.bottleneck && !c.churned);
      const listed = await (await find(driver, '[data-testid="step-customer"]')).getText();
      assert.ok(listed.includes(atBottleneck[0].name), `${atBottleneck[0].name} not in ${listed}`);
      if (atBottleneck[0].health?.action_name) assert.ok(listed.includes(atBottleneck[0].health.action_name), listed);

      // The Tasks view lists what the rules created this week, as the CLI does.
      await driver.actions().sendKeys(Key.ESCAPE).perform();
      await click(driver, '[data-testid="open-tasks"]');
      const tasks = JSON.parse(cli(ws.db, "tasks", "1", "--json"));
      assert.ok(tasks.length > 0, "the demo data gives this week some tasks");
      await driver.wait(
        async () => {
          const meta = await driver.executeScript(
            "return document.querySelector('[data-testid=tasks-meta]')?.textContent ?? ''",
          );
          return meta.startsWith(`${tasks.length.toLocaleString("en-US")} created`);
        },
        WAIT_MS,
        "the Tasks view's count differs from the CLI's",
      );
      await find(driver, '[data-testid="task-row"]');

      // The role filter narrows the header's count too.
      const choose = (testid, value) =>
        driver.executeScript(
          `const s = document.querySelector('[data-testid=${testid}]'); s.value = arguments[0]; s.dispatchEvent(new Event('change', { bubbles: true }));`,
          value,
        );
      const meta = () =>
        driver.executeScript("return document.querySelector('[data-testid=tasks-meta]')?.textContent ?? ''");
      const csm = tasks.filter((t) => t.role === "Customer Success Manager").length;
      await choose("task-role", "Customer Success Manager");
      await driver.wait(
        async () => (await meta()).startsWith(`${csm.toLocaleString("en-US")} of ${tasks.length.toLocaleString("en-US")}`),
        WAIT_MS,
        "the header's count ignores the role filter",
      );
      // Role = All: the dry run charts every role, each against its own capacity (20 by
      // default), and counts the owner-weeks over it as the CLI does.
      await choose("task-role", "");
      await click(driver, '[data-testid="tab-load"]');
      const roles = [...new Set(JSON.parse(cli(ws.db, "tasks", "1", "--dry-run", "--json")).map((w) => w.role))];
      const dry = JSON.parse(
        cli(ws.db, "tasks", "1", "--dry-run", "--json", ...roles.flatMap((r) => ["--capacity", `${r}=20`])),
      );
      const over = dry.filter((w) => w.over).length;
      assert.ok(roles.length > 1, "the demo's rules give work to several roles");
      await driver.wait(
        async () =>
          (await driver.findElements(By.css('[data-testid="load-role"]'))).length === roles.length &&
          (
            await driver.executeScript(
              "return document.querySelector('[data-testid=over-capacity]')?.textContent ?? ''",
            )
          ).startsWith(`${over.toLocaleString("en-US")} owner-week`),
        WAIT_MS,
        "the dry run does not cover every role against its capacity",
      );
    } catch (e) {
      await saveFailureScreenshot(driver, "funnel");
      throw e;
    } finally {
      await driver.quit();
    }
  });
});

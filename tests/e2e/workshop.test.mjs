// The workshop agenda in the real app: a timed step counts down in the editor and in the
// presenter view, extends, pauses and resumes, and the agenda is saved with the journey.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { Key } from "selenium-webdriver";
import { By, cli, click, clickUntil, find, startApp, tempWorkspace, textsWhen, WAIT_MS, waitForTexts, retype } from "./app.mjs";

/** Waits until the countdown reads something `ok` accepts; returns what it read. */
async function timeWhen(driver, ok, what) {
  let last = "";
  await driver.wait(
    async () => {
      last = await driver.executeScript(
        "const e = document.querySelector('[data-testid=timer-time]'); return e ? e.textContent : ''",
      );
      return ok(last);
    },
    WAIT_MS,
    `the timer never showed ${what} (last: ${JSON.stringify(last)})`,
  );
  return last;
}

const seconds = (text) => {
  const [m, s] = text.replace("+", "").split(":").map(Number);
  return m * 60 + s;
};

describe("the workshop agenda", () => {
  const ws = tempWorkspace();
  const out = join(ws.dir, "exports");
  let driver;
  before(async () => {
    mkdirSync(out);
    cli(ws.db, "journey", "new", "--template", "billing-saas");
    driver = await startApp(ws.db, ["--save-to", out]);
    await click(driver, '[data-testid="journey-card"]');
    await textsWhen(driver, '[data-testid="stage-name"]', 5);
  });
  after(async () => {
    await driver?.quit();
    ws.cleanup();
  });

  it("counts a timed step down, extends, pauses and resumes it, and keeps the agenda", async () => {
    await click(driver, '[data-testid="agenda-add"]');
    await retype(await find(driver, '[data-testid="agenda-title"]'), "Milestones");
    await retype(await find(driver, '[data-testid="agenda-minutes"]'), "1");
    await click(driver, '[data-testid="agenda-start"]');
    const first = await timeWhen(driver, (t) => t === "1:00" || t === "0:59", "1:00");
    // It counts down: a later reading is lower.
    await timeWhen(driver, (t) => /^0:\d\d$/.test(t) && seconds(t) < seconds(first), "less time left");
    await click(driver, '[data-testid="timer-extend"]');
    await timeWhen(driver, (t) => seconds(t) > 5 * 60 && seconds(t) <= 6 * 60, "5 more minutes");
    await click(driver, '[data-testid="timer-pause"]');
    await find(driver, '[data-testid="timer-resume"]');
    const paused = await (await find(driver, '[data-testid="timer"]')).getAttribute("class");
    assert.match(paused, /timer-paused/);
    await click(driver, '[data-testid="timer-resume"]');
    await find(driver, '[data-testid="timer-pause"]');

    // The presenter view shows it large.
    await driver.actions().sendKeys(Key.F5).perform();
    await find(driver, '[data-testid="presenter"] .timer-large');
    await driver.actions().sendKeys(Key.ESCAPE).perform();
    await find(driver, '[data-testid="journey-title"]');

    await click(driver, '[data-testid="timer-next"]');
    await driver.wait(async () => (await driver.findElements(By.css('[data-testid="timer"]'))).length === 0, WAIT_MS);

    // Saved with the journey.
    await driver.wait(
      async () => JSON.parse(cli(ws.db, "journey", "export", "1", "-o", "-")).agenda?.[0]?.minutes === 1,
      WAIT_MS,
      "the agenda was never saved",
    );
    const exported = JSON.parse(cli(ws.db, "journey", "export", "1", "-o", "-"));
    assert.deepEqual(
      exported.agenda.map((s) => [s.title, s.minutes]),
      [["Milestones", 1]],
    );
  });

  it("keeps who attended, the decisions and the parking lot, and saves the summary", async () => {
    // Names and decisions are typed and entered.
    for (const name of ["Ana Ruiz", "Bo Chen"]) {
      await (await find(driver, '[data-testid="participant-text"]')).sendKeys(name, Key.ENTER);
    }
    await waitForTexts(driver, '[data-testid="participants"] li', ["Ana Ruiz✕", "Bo Chen✕"]);
    await (await find(driver, '[data-testid="decision-text"]')).sendKeys(
      "Onboarding ends at the first live cycle",
      Key.ENTER,
    );
    await waitForTexts(driver, '[data-testid="decisions"] li', ["Onboarding ends at the first live cycle✕"]);
    // A note, set aside to the parking lot: it leaves the board.
    await click(driver, '[data-testid="add-note"]');
    const text = await find(driver, ".inspector textarea");
    await text.sendKeys("Revisit pricing tiers");
    // Parked, it leaves the board and the selection: the panel shows the parking lot.
    await clickUntil(
      driver,
      '[data-testid="note-park"]',
      async () => (await driver.findElements(By.css('[data-testid="parking-lot"] li'))).length === 1,
      "the note never reached the parking lot",
    ).catch(async (e) => {
      // Say what the journey and the panel held.
      const notes = JSON.parse(cli(ws.db, "journey", "export", "1", "-o", "-")).notes;
      const panel = await driver.executeScript(
        "return [...document.querySelectorAll('.inspector h3, [data-testid=note-park], [data-testid=changed-elsewhere], .save-state, [data-testid=save-state]')].map((e) => e.textContent).join(' | ') + ' | focus: ' + document.activeElement?.outerHTML.slice(0, 120)",
      );
      throw new Error(`${e.message}; saved notes: ${JSON.stringify(notes)}; panel: ${panel}`, { cause: e });
    });
    assert.equal((await driver.findElements(By.css(".react-flow__node-note"))).length, 0);

    await click(driver, '[data-testid="summary-save"]');
    const file = join(out, "billing-saas-post-sales-journey-workshop.md");
    await driver.wait(() => existsSync(file), WAIT_MS, "the summary was never saved");
    const md = readFileSync(file, "utf8");
    assert.match(md, /## Who attended\n\n- Ana Ruiz\n- Bo Chen\n/);
    assert.match(md, /## Decisions\n\n- Onboarding ends at the first live cycle\n/);
    assert.match(md, /## Parking lot\n\n- Revisit pricing tiers\n/);
    assert.equal(cli(ws.db, "journey", "summary", "1"), md, "the CLI prints the same summary");
  });
});

// The workshop agenda in the real app: a timed step counts down in the editor and in the
// presenter view, extends, pauses and resumes, and the agenda is saved with the journey.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Key } from "selenium-webdriver";
import { By, cli, click, find, startApp, tempWorkspace, textsWhen, WAIT_MS } from "./app.mjs";

async function retype(el, text) {
  await el.sendKeys(Key.chord(Key.CONTROL, "a"));
  await el.sendKeys(text);
}

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
  let driver;
  before(async () => {
    cli(ws.db, "journey", "new", "--template", "billing-saas");
    driver = await startApp(ws.db);
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
});

// Drives the real Milepost binary (a real WebKitGTK window under Xvfb, a real SQLite file)
// through tauri-driver, as Tauri documents. scripts/e2e.sh starts Xvfb and tauri-driver.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Builder, By, Key, until } from "selenium-webdriver";

export const APP = process.env.MILEPOST_APP;
export const CLI = process.env.MILEPOST_CLI;
const DRIVER_URL = process.env.TAURI_DRIVER_URL ?? "http://127.0.0.1:4444/";
export const WAIT_MS = 20_000;

if (!APP || !CLI) throw new Error("set MILEPOST_APP and MILEPOST_CLI (scripts/e2e.sh does)");

/** A fresh workspace folder; removed by the returned cleanup. */
export function tempWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), "milepost-e2e-"));
  return { dir, db: join(dir, "workspace.sqlite3"), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs the milepost CLI against a workspace and returns its stdout. */
export function cli(db, ...args) {
  return execFileSync(CLI, ["--db", db, ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
}

/** Starts the app on a workspace database (and any more arguments, e.g. `--save-to DIR`)
 * and returns the WebDriver session. */
export async function startApp(db, args = []) {
  const driver = new Builder()
    .withCapabilities({
      browserName: "wry",
      "tauri:options": { application: APP, args: ["--db", db, ...args] },
    })
    .usingServer(DRIVER_URL)
    .build();
  // A session that never starts must fail the test, not hang the run.
  let timer;
  await Promise.race([
    driver.getSession(),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error("the app did not start within 60 s")), 60_000);
    }),
  ]).finally(() => clearTimeout(timer));
  // A screen, not the empty page shown while the app decides which view to reopen.
  await find(driver, "#root > :not(.screen-loading)", "the UI never rendered");
  return driver;
}

/** Goes back to the home screen: the app reopens the view that was open when it closed,
 * so a test that restarts it on the same workspace may find itself in a journey's view. */
export async function goHome(driver) {
  const home = '[data-testid="journey-card"], [data-testid="welcome"]';
  for (let step = 0; step < 3; step++) {
    await driver.wait(
      async () => (await count(driver, home)) + (await count(driver, '[data-testid="back"]')) > 0,
      WAIT_MS,
      "neither the home screen nor a way back to it",
    );
    if ((await count(driver, home)) > 0) return;
    const back = await driver.findElement(By.css('[data-testid="back"]'));
    await click(driver, '[data-testid="back"]');
    // The view it was on is gone before looking again.
    await driver.wait(until.stalenessOf(back), WAIT_MS, "the Back button did not leave its view");
  }
  await find(driver, home, "the home screen");
}

/** Replaces an input's text (select all, then type). */
export async function retype(el, text) {
  // Two calls: WebKitWebDriver drops text sent in the same call as a chord.
  await el.sendKeys(Key.chord(Key.CONTROL, "a"));
  await el.sendKeys(text);
}

/** The first element matching css, once there is one. A page being replaced (the app
 * opening a file it was started with) can answer a lookup with a stale-element error:
 * that is "not yet", not a failure. */
export async function find(driver, css, what = `nothing matches ${css}`) {
  return driver.wait(
    async () => {
      try {
        return (await driver.findElements(By.css(css)))[0] ?? null;
      } catch {
        return null;
      }
    },
    WAIT_MS,
    what,
  );
}

/** Texts of all elements matching css, once at least `count` of them show text (React Flow
 * keeps nodes hidden until it has measured them, and hidden elements have no text). */
export async function textsWhen(driver, css, count) {
  let texts = [];
  await driver.wait(
    async () => {
      const els = await driver.findElements(By.css(css));
      texts = await Promise.all(els.map((e) => e.getText()));
      return texts.length >= count && texts.every((t) => t.trim() !== "");
    },
    WAIT_MS,
    `fewer than ${count} × ${css}`,
  );
  return texts;
}

/** Where the element is now and 40 ms later, if it moved (a panel that just appeared can
 * still be growing above it); "" when it stayed put. */
const MOVING = `
  const [e, done] = arguments;
  const at = () => JSON.stringify(e.getBoundingClientRect());
  const before = at();
  setTimeout(() => done(at() === before ? "" : before + " → " + at()), 40);`;

/** Clicks the first element matching css once it can be clicked (canvas nodes stay hidden
 * until React Flow has measured them) and is not moving. */
export async function click(driver, css) {
  let lastError = null;
  await driver
    .wait(
      async () => {
        try {
          const el = await driver.findElement(By.css(css));
          const moving = await driver.executeAsyncScript(MOVING, el);
          if (moving) {
            lastError = new Error(`it was moving (${moving})`);
            return false;
          }
          await el.click();
          return true;
        } catch (e) {
          lastError = e;
          return false;
        }
      },
      WAIT_MS,
    )
    .catch((e) => {
      throw new Error(`could not click ${css}: ${lastError?.name} ${lastError?.message}`, { cause: e });
    });
}

/** Clicks css until `done()` holds (for a button whose effect can be seen and which stays
 * until it has one). About one click in a thousand, WebKitWebDriver's click on a button
 * in the side panel reaches nothing (1 run in 40 of the workshop test, right after typing
 * into a text box); clicking the same, still present button again is what a person does.
 * If the button is gone the first click did something: no second one. */
export async function clickUntil(driver, css, done, what) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await click(driver, css);
    const seen = await driver.wait(done, 3000).then(
      () => true,
      () => false,
    );
    if (seen) return;
    if ((await count(driver, css)) === 0) break;
  }
  await driver.wait(done, WAIT_MS, what);
}

/** How many elements match css right now (read in the page, so never stale). */
export async function count(driver, css) {
  return driver.executeScript("return document.querySelectorAll(arguments[0]).length", css);
}

/** Waits until the elements matching css show exactly `expected`, in order. */
export async function waitForTexts(driver, css, expected) {
  let last = [];
  await driver.wait(
    async () => {
      last = await driver.executeScript(
        "return [...document.querySelectorAll(arguments[0])].map((e) => e.textContent)",
        css,
      );
      return JSON.stringify(last) === JSON.stringify(expected);
    },
    WAIT_MS,
    `${css} never showed ${JSON.stringify(expected)} (last: ${JSON.stringify(last)})`,
  ).catch((e) => {
    throw new Error(`${css} never showed ${JSON.stringify(expected)} (last: ${JSON.stringify(last)})`, { cause: e });
  });
}

/** Waits until the element's text passes `test` (a function of the text), and returns it. */
export async function waitForTextWhere(driver, css, test, what) {
  let last = "";
  await driver.wait(
    async () => {
      // textContent, not getText: WebKitWebDriver reports "" for some visible headings.
      last = await driver.executeScript(
        "const e = document.querySelector(arguments[0]); return e ? e.textContent : ''",
        css,
      );
      return test(last);
    },
    WAIT_MS,
    `${css} never showed ${what} (last: ${JSON.stringify(last)})`,
  );
  return last;
}

/** Waits until the element matching css shows exactly `text`. */
export async function waitForText(driver, css, text) {
  await waitForTextWhere(driver, css, (t) => t === text, JSON.stringify(text));
}

export async function waitForTitle(driver, title) {
  await driver.wait(until.titleIs(title), WAIT_MS, `window title never became ${title}`);
}

/** Keeps a picture of the window when a test fails (tests/e2e/artifacts/, not committed). */
export async function saveFailureScreenshot(driver, name) {
  try {
    const dir = new URL("./artifacts/", import.meta.url);
    mkdirSync(dir, { recursive: true });
    const file = new URL(`${name}-failure.png`, dir);
    // WebKitWebDriver can hang taking a screenshot; never let that hide the failure.
    const shot = await Promise.race([
      driver.takeScreenshot(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("screenshot timed out")), 10_000)),
    ]);
    writeFileSync(file, Buffer.from(shot, "base64"));
    console.error(`screenshot of the failure: ${file.pathname}`);
  } catch {
    // The window may already be gone; the assertion error is what matters.
  }
}

export { By, until };

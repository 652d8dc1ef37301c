// Drives the real Milepost binary (a real WebKitGTK window under Xvfb, a real SQLite file)
// through tauri-driver, as Tauri documents. scripts/e2e.sh starts Xvfb and tauri-driver.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Builder, By, until } from "selenium-webdriver";

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
  return execFileSync(CLI, ["--db", db, ...args], { encoding: "utf8" });
}

/** Starts the app on a workspace database and returns the WebDriver session. */
export async function startApp(db) {
  const driver = await new Builder()
    .withCapabilities({
      browserName: "wry",
      "tauri:options": { application: APP, args: ["--db", db] },
    })
    .usingServer(DRIVER_URL)
    .build();
  await driver.wait(until.elementLocated(By.css("#root > *")), WAIT_MS, "the UI never rendered");
  return driver;
}

export async function find(driver, css) {
  return driver.wait(until.elementLocated(By.css(css)), WAIT_MS, `nothing matches ${css}`);
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

/** Waits until the element matching css shows exactly `text`. */
export async function waitForText(driver, css, text) {
  let last = "";
  await driver.wait(
    async () => {
      // textContent, not getText: WebKitWebDriver reports "" for some visible headings.
      last = await driver.executeScript(
        "const e = document.querySelector(arguments[0]); return e ? e.textContent : ''",
        css,
      );
      return last === text;
    },
    WAIT_MS,
    `${css} never showed ${JSON.stringify(text)} (last: ${JSON.stringify(last)})`,
  );
}

export async function waitForTitle(driver, title) {
  await driver.wait(until.titleIs(title), WAIT_MS, `window title never became ${title}`);
}

export { By, until };

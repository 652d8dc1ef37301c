// `make screenshot`: pictures of the real app for the README and for looking at.
// Not a test of behaviour; run through the same harness so it sees the real window.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, it } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { By, Key } from "selenium-webdriver";
import {
  cli,
  click,
  count,
  find,
  startApp,
  tempWorkspace,
  textsWhen,
  WAIT_MS,
  waitForText,
  waitForTextWhere,
} from "./app.mjs";
import { loadDemo, startPostgres } from "./postgres.mjs";

// The window fills the screen the harness started (SCREEN=WIDTHxHEIGHT, 1280x800 by
// default); pictures of a larger screen go into a folder named after it.
const SCREEN = process.env.SCREEN ?? "1280x800";
const [WIDTH, HEIGHT] = SCREEN.split("x").map(Number);
const OUT =
  process.env.SCREENSHOT_DIR ??
  fileURLToPath(new URL(`../../docs/screenshots/${SCREEN === "1280x800" ? "" : `${SCREEN}/`}`, import.meta.url));

async function open(db) {
  const driver = await startApp(db);
  await driver.manage().window().setRect({ x: 0, y: 0, width: WIDTH, height: HEIGHT });
  return driver;
}
const ws = tempWorkspace();
after(() => ws.cleanup());

/** Waits until the viewport stops moving: two frames apart, the same transform (layout
 * passes and animated moves have finished). */
async function settle(driver) {
  await driver.executeScript("return new Promise(r => setTimeout(r, 400))");
  await driver.wait(async () => {
    const a = await driver.executeScript("return document.querySelector('.react-flow__viewport').style.transform");
    await driver.executeScript("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    const b = await driver.executeScript("return document.querySelector('.react-flow__viewport').style.transform");
    return a === b;
  }, 10000);
}

async function save(driver, name) {
  mkdirSync(OUT, { recursive: true });
  // X's own picture of the screen the window fills: WebDriver's stalls on large windows.
  await driver.executeScript("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
  execFileSync("import", ["-window", "root", join(OUT, name)]);
  console.log(`saved ${join(OUT, name)}`);
}

it("takes a screenshot of the first run: an empty workspace welcomes with the demo and a gallery", async () => {
  const first = tempWorkspace();
  const driver = await open(first.db);
  try {
    await driver.executeScript(
      "localStorage.removeItem('milepost.theme'); localStorage.removeItem('milepost.hints.dismissed'); document.documentElement.dataset.theme = 'light'",
    );
    await find(driver, '[data-testid="welcome"]');
    await driver.wait(
      async () =>
        (await driver.executeScript(
          "return [...document.querySelectorAll('.welcome-map img')].filter((i) => i.complete && i.naturalWidth > 0).length",
        )) === 3,
      WAIT_MS,
      "the template pictures never showed",
    );
    await save(driver, "home-first-run.png");
    // The demo workspace, with the first hints.
    await click(driver, '[data-testid="open-demo-workspace"]');
    await find(driver, '[data-testid="milestone-stats"]');
    await find(driver, '[data-testid="hints"]');
    await settle(driver);
    await save(driver, "demo-first-open.png");
    await click(driver, '[data-testid="hints-dismiss"]');
  } finally {
    await driver.quit();
    first.cleanup();
  }
});

it("takes screenshots of the home screen and a template journey", async () => {
  // Demo customers, so milestone cards show their live numbers.
  cli(ws.db, "demo", "--customers", "2000", "--seed", "1");
  for (const t of ["inbound-methodology", "dealer-photos", "billing-saas"]) {
    cli(ws.db, "journey", "new", "--template", t);
  }
  const driver = await open(ws.db);
  try {
    // Pictures in the light theme, whatever an earlier run left behind.
    await driver.executeScript("localStorage.removeItem('milepost.theme'); document.documentElement.dataset.theme = 'light'");
    await textsWhen(driver, '[data-testid="journey-card"]', 3);
    await save(driver, "home.png");
    await (await find(driver, '[data-testid="journey-card"] .journey-open')).click();
    await textsWhen(driver, '[data-testid="stage-name"]', 5);
    await find(driver, ".react-flow__edge.edge-supports");
    await find(driver, '[data-testid="milestone-stats"]');
    await settle(driver);
    await save(driver, "canvas.png");

    // The Export dialog with the playbook's first pages previewed.
    await click(driver, '[data-testid="export-button"]');
    await driver.wait(
      async () => (await driver.findElements(By.css(".export-pages img"))).length === 3,
      WAIT_MS,
      "the export preview never showed",
    );
    await settle(driver);
    await save(driver, "export.png");
    await driver.actions().sendKeys(Key.ESCAPE).perform();

    // A named version, a change, and the comparison with the funnel under both.
    await click(driver, '[data-testid="versions-button"]');
    const versionName = await find(driver, '[data-testid="version-text"]');
    await versionName.sendKeys("Before workshop");
    await click(driver, '[data-testid="version-add"]');
    await find(driver, '[data-testid="version"]');
    await driver.actions().sendKeys(Key.ESCAPE).perform();
    await click(driver, '[data-testid="add-stage"]');
    const stageName = await find(driver, '[data-testid="inspector-name"]');
    await stageName.sendKeys(Key.chord(Key.CONTROL, "a"));
    await stageName.sendKeys("Renew");
    await driver.actions().sendKeys(Key.ESCAPE).perform();
    await click(driver, '[data-testid="versions-button"]');
    await click(driver, '[data-testid="version-compare"]');
    await find(driver, '[data-testid="versions-funnel"] tbody tr');
    await settle(driver);
    await save(driver, "versions-compare.png");
    await click(driver, '[data-testid="show-changes"]');
    await find(driver, ".react-flow__node.mark-added");
    await settle(driver);
    await save(driver, "versions-canvas.png");
    await click(driver, '[data-testid="changes-bar"] button');
    await click(driver, '[data-testid="versions-button"]');
    await click(driver, '[data-testid="version-compare"]');
    await click(driver, '[data-testid="version-restore"]');
    await find(driver, '[data-testid="notice"]');

    // A workshop agenda, its second step running: the countdown shows in the presenter
    // view, large enough to read from the back of the room.
    for (const [title, minutes] of [["Stages", "15"], ["Success milestones", "20"]]) {
      const add = await find(driver, '[data-testid="agenda-add"]');
      await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", add);
      await add.click();
      const titles = await driver.findElements(By.css('[data-testid="agenda-title"]'));
      const mins = await driver.findElements(By.css('[data-testid="agenda-minutes"]'));
      for (const [field, text] of [
        [titles[titles.length - 1], title],
        [mins[mins.length - 1], minutes],
      ]) {
        await field.sendKeys(Key.chord(Key.CONTROL, "a"));
        await field.sendKeys(text);
      }
    }
    const starts = await driver.findElements(By.css('[data-testid="agenda-start"]'));
    await starts[1].click();
    await find(driver, '[data-testid="timer"]');
    await settle(driver);
    await save(driver, "agenda-timer.png");

    // The presenter view on the second stage, then the dark theme.
    await driver.actions().sendKeys(Key.F5).perform();
    await find(driver, '[data-testid="presenter"]');
    await driver.actions().sendKeys(Key.ARROW_RIGHT).perform();
    await waitForText(driver, '[data-testid="presenter-stage"]', "Stage 2 of 5 · Adopt");
    await settle(driver);
    await save(driver, "presenter.png");
    await driver.actions().sendKeys(Key.ESCAPE).perform();
    await find(driver, '[data-testid="journey-title"]');
    await click(driver, '[data-testid="timer-stop"]');
    await click(driver, '[data-testid="theme-toggle"]');
    await settle(driver);
    await save(driver, "canvas-dark.png");
    await click(driver, '[data-testid="theme-toggle"]');
    await click(driver, '[data-testid="open-funnel"]');
    await find(driver, '[data-testid="funnel-table"]');
    await find(driver, '[data-testid="funnel-bar"]');
    await driver.executeScript("return new Promise(r => setTimeout(r, 500))");
    await save(driver, "funnel.png");
    await driver.actions().sendKeys(Key.ESCAPE).perform();
    await click(driver, '[data-testid="open-tasks"]');
    await find(driver, '[data-testid="task-list"]');
    await save(driver, "tasks.png");
    await click(driver, '[data-testid="tab-load"]');
    // Counted in the page: the chart redraws as the replay arrives, so a handle could go stale.
    await driver.wait(async () => (await count(driver, '[data-testid="load-chart"] svg path')) > 0, 20000);
    await driver.executeScript("return new Promise(r => setTimeout(r, 500))");
    await save(driver, "tasks-load.png");
    // Each built-in matrix with the demo's stakeholders, and the ranking table.
    await driver.actions().sendKeys(Key.ESCAPE).perform();
    await click(driver, '[data-testid="open-matrices"]');
    for (const m of ["purpose-intent", "desire-skills", "revenue-modularity", "effort-complexity"]) {
      await click(driver, `[data-testid="matrix-tab-${m}"]`);
      await find(driver, '[data-testid="matrix-canvas"]');
      await driver.wait(
        async () => (await driver.executeScript("return document.querySelector('.matrix-plot')?.getAttribute('aria-busy')")) === "false",
        20000,
      );
      await driver.executeScript("return new Promise(r => setTimeout(r, 300))");
      await save(driver, `matrix-${m}.png`);
    }
    await click(driver, '[data-testid="matrix-tab-ranking"]');
    await find(driver, '[data-testid="ranking-row"]');
    await driver.executeScript("return new Promise(r => setTimeout(r, 500))");
    await save(driver, "ranking.png");
    // Customers rather than stakeholders, in the dark theme a dimmed room may want.
    await click(driver, '[data-testid="matrix-tab-purpose-intent"]');
    await click(driver, '[data-testid="level-customer"]');
    await click(driver, '[data-testid="theme-toggle"]');
    await driver.wait(
      async () => (await driver.executeScript("return document.querySelector('.matrix-plot')?.getAttribute('aria-busy')")) === "false",
      20000,
    );
    await driver.executeScript("return new Promise(r => setTimeout(r, 400))");
    await save(driver, "matrix-customers-dark.png");
    await click(driver, '[data-testid="theme-toggle"]');
  } finally {
    await driver.quit();
  }
});

it("takes screenshots of the customer data screen and the import wizard", async () => {
  const driver = await open(ws.db);
  try {
    await driver.executeScript("localStorage.removeItem('milepost.theme'); document.documentElement.dataset.theme = 'light'");
    await click(driver, '[data-testid="open-data"]');
    await driver.wait(async () => (await count(driver, '[data-testid="customer-row"]')) >= 5, 20000);
    await click(driver, '[data-testid="customer-row"]');
    await find(driver, '[data-testid="timeline"]');
    await find(driver, '[data-testid="customer-journey"]');
    await save(driver, "data.png");
    await click(driver, '[data-testid="open-import"]');
    const fixtures = fileURLToPath(new URL("../fixtures/data/", import.meta.url));
    await (await find(driver, '[data-testid="import-path"]')).sendKeys(`${fixtures}customers_eu.csv`);
    await click(driver, '[data-testid="import-next"]');
    await find(driver, '[data-testid="import-mapping"]');
    await save(driver, "import-mapping.png");
  } finally {
    await driver.quit();
  }
});

it("takes screenshots of a dot-voting tally with room voting open, and of the phone page", async () => {
  const room = tempWorkspace();
  cli(room.db, "journey", "new", "--template", "billing-saas");
  const j = JSON.parse(cli(room.db, "journey", "export", "1", "-o", "-"));
  const people = ["Ana Ruiz", "Bo Chen", "Carla Díaz", "Dev Patel", "Erin Walsh"];
  const colours = ["#4338ca", "#0f766e", "#b45309", "#be123c", "#1f3a5f"];
  const ms = j.stages.flatMap((st) => st.milestones.map((m) => m.id));
  // Who put their dots where: 13 of the 15, so two people still have one to place.
  const dots = [
    [0, ms[1]], [1, ms[1]], [2, ms[1]], [3, ms[1]], [4, ms[1]],
    [0, ms[3]], [1, ms[3]], [3, ms[3]], [4, ms[3]],
    [0, ms[0]], [2, ms[5]], [1, ms[5]], [3, ms[2]],
  ];
  j.workshop = {
    participants: people.map((name, i) => ({ id: `p${i + 1}`, name, color: colours[i] })),
    decisions: [],
    rounds: [
      {
        id: "r1",
        question: "Which milestones matter most?",
        dots: 3,
        votes: dots.map(([p, id]) => ({ participant: `p${p + 1}`, target: { kind: "milestone", id } })),
      },
    ],
  };
  const file = join(room.dir, "voting.json");
  writeFileSync(file, JSON.stringify(j));
  cli(room.db, "journey", "import", file, "--replace", "1");
  const driver = await open(room.db);
  let browser;
  try {
    await driver.executeScript("localStorage.removeItem('milepost.theme'); document.documentElement.dataset.theme = 'light'");
    await click(driver, '[data-testid="journey-card"]');
    await textsWhen(driver, '[data-testid="stage-name"]', 5);
    await click(driver, '[data-testid="room-start"]');
    const url = await (await find(driver, '[data-testid="room-url"]')).getText();
    await click(driver, '[data-testid="highlight-votes"]');
    const tally = await find(driver, '[data-testid="tally"]');
    await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", tally);
    await settle(driver);
    await save(driver, "voting-tally.png");
    if (SCREEN === "1280x800") {
      browser = await chromium.launch({
        executablePath: "/usr/bin/chromium",
        args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
      });
      const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })).newPage();
      await page.goto(url);
      await page.getByRole("button", { name: "Dev Patel" }).click();
      await page.locator("#left").waitFor();
      await page.screenshot({ path: join(OUT, "voting-phone.png") });
      console.log(`saved ${join(OUT, "voting-phone.png")}`);
    }
  } finally {
    await browser?.close();
    await driver.quit();
    room.cleanup();
  }
});

it("takes screenshots of the Value view: the portfolio with a value review, the capability map, the value model", async () => {
  const vws = tempWorkspace();
  cli(vws.db, "journey", "new", "--template", "billing-saas");
  cli(vws.db, "demo", "--customers", "2000", "--seed", "1");
  const driver = await open(vws.db);
  try {
    await driver.executeScript("localStorage.removeItem('milepost.theme'); document.documentElement.dataset.theme = 'light'");
    await click(driver, '[data-testid="journey-card"]');
    await textsWhen(driver, '[data-testid="stage-name"]', 5);
    await click(driver, '[data-testid="open-value"]');
    await find(driver, '[data-testid="value-total"]');
    await textsWhen(driver, '[data-testid="review-metric"]', 3);
    await save(driver, "value-portfolio.png");
    await click(driver, '[data-testid="tab-capabilities"]');
    await textsWhen(driver, '[data-testid="capability-cell"]', 7);
    await save(driver, "value-capabilities.png");
    // The value model in the journey panel.
    await driver.actions().sendKeys(Key.ESCAPE).perform();
    await textsWhen(driver, '[data-testid="stage-name"]', 5);
    await find(driver, '[data-testid="milestone-stats"]');
    await driver.executeScript("document.querySelector('[data-testid=value-panel]').scrollIntoView({ block: 'start' })");
    await save(driver, "value-model.png");
  } finally {
    await driver.quit();
    vws.cleanup();
  }
});

it("takes screenshots of the backups, About, and a damaged workspace", async () => {
  const own = tempWorkspace();
  cli(own.db, "journey", "new", "--template", "billing-saas");
  cli(own.db, "demo", "--customers", "300", "--seed", "2");
  cli(own.db, "backup", "create");
  let driver = await open(own.db);
  try {
    await click(driver, '[data-testid="open-backups"]');
    await find(driver, '[data-testid="backup-row"]');
    await save(driver, "backups.png");
    await driver.actions().sendKeys(Key.ESCAPE).perform();
    await click(driver, '[data-testid="open-about"]');
    await find(driver, ".licence-group");
    await save(driver, "about.png");
  } finally {
    await driver.quit();
  }
  // A bad sector in the customers' index: the workspace opens on its own screen.
  const { readFileSync } = await import("node:fs");
  const file = readFileSync(own.db);
  const page = Math.floor(file.indexOf(Buffer.from("C000150")) / 4096) * 4096;
  file.fill(0xff, page, page + 12);
  writeFileSync(own.db, file);
  driver = await open(own.db);
  try {
    await find(driver, '[data-testid="restore-newest"]');
    await save(driver, "damaged-workspace.png");
  } finally {
    await driver.quit();
    own.cleanup();
  }
});

it("takes a screenshot of the warehouse dialog after a refresh from PostgreSQL", async () => {
  const own = tempWorkspace();
  const server = startPostgres();
  cli(own.db, "journey", "new", "--template", "billing-saas");
  loadDemo(server, cli, own.db, own.dir, 400, 3);
  const driver = await open(own.db);
  try {
    await click(driver, '[data-testid="open-data"]');
    await click(driver, '[data-testid="open-warehouse"]');
    await (await find(driver, '[data-testid="warehouse-url"]')).sendKeys(server.url);
    await (await find(driver, '[data-testid="warehouse-events-table"]')).sendKeys("raw_events");
    await (await find(driver, '[data-testid="warehouse-columns"]')).sendKeys("events.event=event_name");
    await save(driver, "warehouse-connect.png");
    await click(driver, '[data-testid="warehouse-connect"]');
    await waitForTextWhere(driver, '[data-testid="warehouse-note"]', (t) => t.startsWith("Connected"), "connected");
    await click(driver, '[data-testid="warehouse-refresh"]');
    await waitForTextWhere(driver, '[data-testid="warehouse-refreshed"]', (t) => t.startsWith("Results of"), "results");
    await save(driver, "warehouse.png");
  } finally {
    await driver.quit();
    server.stop();
    server.remove();
    own.cleanup();
  }
});

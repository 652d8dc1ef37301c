// `make bench-app`: the release app as a person meets it, in the real WebKitGTK window
// under Xvfb. Prints figures; asserts nothing about speed.
//   launch:  from starting the app to the journey it reopens painted with its live counts,
//            on a workspace of a messy 1M-event export (median of 5 launches)
//   memory:  resident memory of every process of the app after 30 s idle on that journey
//   views:   from the click to the Funnel, Tasks, Matrices (24,000 customers) and Value
//            views drawn with their numbers (median of 3 each)
//   demo:    from the click on the demo workspace to its journey painted with live counts
import { execFileSync, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, it } from "node:test";
import { fileURLToPath } from "node:url";
import { APP, cli, click, find, goHome, startApp, tempWorkspace } from "./app.mjs";

const RUNS = 5;
const IDLE_MS = 30_000;
const SCRIPTS = fileURLToPath(new URL("../../scripts/", import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const workspaces = [];
after(() => {
  for (const w of workspaces) w.cleanup();
});

/** A workspace holding the demo's customers and a messy export of about `events` events. */
function messyWorkspace(customers) {
  const ws = tempWorkspace();
  workspaces.push(ws);
  execFileSync(process.env.MILEPOST_CLI, ["demo", "--customers", String(customers), "--seed", "1", "--out", ws.dir]);
  const events = join(ws.dir, "events.csv");
  const messy = join(ws.dir, "events-messy.csv");
  const mb = Math.round(readFileSync(events).length / 1e6);
  execFileSync("python3", [join(SCRIPTS, "messy_events.py"), events, messy, String(mb), "1"]);
  cli(ws.db, "data", "import", "customers", join(ws.dir, "customers.csv"));
  cli(ws.db, "data", "import", "events", messy);
  cli(ws.db, "data", "import", "stakeholders", join(ws.dir, "stakeholders.csv"));
  cli(ws.db, "journey", "new", "--template", "billing-saas");
  const rows = readFileSync(messy, "utf8").split("\n").length - 2;
  return { ws, rows };
}

/** Starts the app with no driver in between; resolves with the milliseconds from the
 * start to the journey painted with its live counts, and the running app. */
function launch(db) {
  const t0 = Date.now();
  const child = spawn(APP, ["--db", db], {
    env: { ...process.env, MILEPOST_REPORT_PAINT: "1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let said = "";
    const timer = setTimeout(() => reject(new Error(`no journey painted within 60 s: ${said}`)), 60_000);
    child.stderr.on("data", (d) => {
      said += d;
      const m = /painted journey at (\d+)/.exec(said);
      if (m) {
        clearTimeout(timer);
        resolve({ ms: Number(m[1]) - t0, child });
      }
    });
    child.on("exit", (code) => reject(new Error(`the app exited (${code}): ${said}`)));
  });
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.removeAllListeners("exit");
    child.on("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** The process and every process it started (WebKit's web and network processes). */
function processTree(root) {
  const parent = new Map();
  for (const p of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      parent.set(Number(p), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [p, pp] of parent) if (pp === tree[i]) tree.push(p);
  }
  return tree;
}

function memoryOf(pid) {
  const field = (text, name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(text)?.[1] ?? 0) / 1024;
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  let pss = 0;
  try {
    pss = field(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"), "Pss");
  } catch {
    pss = Number.NaN;
  }
  return { name: readFileSync(`/proc/${pid}/comm`, "utf8").trim(), rss: field(status, "VmRSS"), pss };
}

/** Clicks `button` in the page and waits there until something matches `ready` (a CSS
 * selector), two frames later: the view drawn. */
async function timedOpen(driver, button, ready) {
  return driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     const [button, ready] = [arguments[0], arguments[1]];
     const t0 = performance.now();
     document.querySelector(button).click();
     const tick = () => {
       if (document.querySelector(ready)) requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
       else setTimeout(tick, 2);
     };
     tick();`,
    button,
    ready,
  );
}

it("measures the release app", async () => {
  const { ws, rows } = messyWorkspace(2_700);
  const events = JSON.parse(cli(ws.db, "data", "summary", "--json")).events.rows;
  // Open the journey once, as a person would; from then on the app reopens it.
  let driver = await startApp(ws.db);
  try {
    await click(driver, '[data-testid="journey-card"] .journey-open');
    await find(driver, '[data-testid="stage-name"]');
  } finally {
    await driver.quit();
  }
  const launches = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    const { ms, child } = await launch(ws.db);
    launches.push(ms);
    if (i < RUNS - 1) await stop(child);
    else last = child;
  }
  console.log(
    `launch to the reopened journey painted with live counts (${events.toLocaleString("en")} events from a messy export of ${rows.toLocaleString("en")} rows): median ${median(launches)} ms (runs: ${launches.join(", ")} ms)`,
  );
  await new Promise((r) => setTimeout(r, IDLE_MS)); // the idle time is what is measured
  const memory = processTree(last.pid).map(memoryOf);
  await stop(last);
  const total = (k) => memory.reduce((n, m) => n + m[k], 0);
  console.log(
    `memory after ${IDLE_MS / 1000} s idle: ${total("rss").toFixed(0)} MB resident in all (${total("pss").toFixed(0)} MB proportional): ` +
      memory.map((m) => `${m.name} ${m.rss.toFixed(0)} MB`).join(", "),
  );

  // The views, on 24,000 customers (the matrices' size) and their demo events.
  const big = tempWorkspace();
  workspaces.push(big);
  cli(big.db, "journey", "new", "--template", "billing-saas");
  cli(big.db, "demo", "--customers", "24000");
  driver = await startApp(big.db);
  try {
    await goHome(driver);
    await click(driver, '[data-testid="journey-card"] .journey-open');
    await find(driver, '[data-testid="stage-name"]');
    const views = [
      ["Funnel", '[data-testid="open-funnel"]', '[data-testid="funnel-row"]'],
      ["Tasks", '[data-testid="open-tasks"]', '[data-testid="task-row"]'],
      ["Matrices", '[data-testid="open-matrices"]', '.matrix-plot[aria-busy="false"]'],
      ["Value", '[data-testid="open-value"]', '[data-testid="value-row"]'],
    ];
    for (const [name, button, ready] of views) {
      const times = [];
      for (let i = 0; i < 3; i++) {
        await find(driver, button);
        times.push(await timedOpen(driver, button, ready));
        await click(driver, '[data-testid="back"]');
        await find(driver, '[data-testid="stage-name"]');
      }
      console.log(`open ${name} (24,000 customers): median ${median(times).toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(", ")} ms)`);
    }
  } finally {
    await driver.quit();
  }

  // The demo workspace, from an empty one.
  const empty = tempWorkspace();
  workspaces.push(empty);
  driver = await startApp(empty.db);
  try {
    const ms = await timedOpen(
      driver,
      '[data-testid="open-demo-workspace"]',
      '[data-testid="milestone-reached"]',
    );
    console.log(`open the demo workspace (the empty workspace's button to its journey painted with live counts): ${(ms / 1000).toFixed(2)} s`);
  } finally {
    await driver.quit();
  }
});

// Legible in the room: the board a workshop sees on a 1280×800 projector — readable text,
// a whole title, nothing floating over cards, notes landing in free space, a presenter
// view where the stage in focus stands out and nothing is cut or covered — and live
// values on the cards.
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { Key } from "selenium-webdriver";
import { cli, click, count, find, saveFailureScreenshot, startApp, tempWorkspace, WAIT_MS } from "./app.mjs";

/** The rectangle of each element matching css, in the page. */
function rects(driver, css) {
  return driver.executeScript(
    "return [...document.querySelectorAll(arguments[0])].map((e) => { const r = e.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, cls: e.className }; })",
    css,
  );
}

const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe("legible in the room", () => {
  const ws = tempWorkspace();
  after(() => ws.cleanup());

  it("points a first run to the demo, and opens it in one click", async () => {
    const first = tempWorkspace();
    const driver = await startApp(first.db);
    try {
      // Every step it says while it works, as it shows them.
      await driver.executeScript(`
        window.__steps = [];
        new MutationObserver(() => {
          const t = document.querySelector('[data-testid=step-progress-text]')?.textContent;
          if (t && window.__steps.at(-1) !== t) window.__steps.push(t);
        }).observe(document.body, { subtree: true, childList: true, characterData: true });`);
      await click(driver, '[data-testid="open-demo-workspace"]');
      await driver.wait(
        async () => (await count(driver, '[data-testid="milestone-stats"]')) > 0,
        60_000,
        "the demo never opened on a canvas with live counts",
      );
      // While it loads, it says what it is doing: making up the customers, importing each
      // table, opening the journey.
      const steps = await driver.executeScript("return window.__steps");
      for (const step of [
        "Making up 2,000 customers with two years of usage…",
        "Importing 2,000 customers…",
        "Opening the Billing SaaS journey…",
      ])
        assert.ok(steps.includes(step), `never said "${step}": ${steps.join(" | ")}`);
      assert.ok(steps.some((t) => /^Importing [\d,]+ events…$/.test(t)), steps.join(" | "));
      const summary = JSON.parse(cli(first.db, "data", "summary", "--json"));
      assert.equal(summary.customers.rows, 2000);
      const journeys = JSON.parse(cli(first.db, "journey", "list", "--json"));
      assert.deepEqual(journeys.map((j) => j.name), ["Billing SaaS — post-sales journey"]);
    } finally {
      await driver.quit();
      first.cleanup();
    }
  });

  it("opens readable, keeps every control off the cards, and presents one stage at a time", async () => {
    cli(ws.db, "demo", "--customers", "400", "--seed", "3");
    cli(ws.db, "journey", "new", "--template", "billing-saas");
    const driver = await startApp(ws.db);
    try {
      await click(driver, '[data-testid="journey-card"] .journey-open');
      await find(driver, '[data-testid="milestone-stats"]');
      await find(driver, '[data-testid="metric-live"]').catch(() => null);

      // Card text at least 12 px on screen: the smallest card text times the zoom.
      const smallest = await driver.executeScript(
        "return Math.min(...[...document.querySelectorAll('.card-meta, .pill, .criterion-rule')].map((e) => parseFloat(getComputedStyle(e).fontSize)))",
      );
      const zoom = await driver.executeScript(
        "return new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')).transform).a",
      );
      assert.ok(smallest * zoom >= 12, `card text is ${(smallest * zoom).toFixed(1)} px on screen`);
      // The title is whole.
      const cut = await driver.executeScript(
        "const h = document.querySelector('[data-testid=journey-title]'); return h.scrollWidth > h.clientWidth",
      );
      assert.equal(cut, false, "the journey's title is cut");
      // Nothing floats over the board: no map or zoom buttons inside the canvas pane; they
      // sit in the bar under it.
      assert.equal(await count(driver, ".react-flow .react-flow__minimap, .react-flow .react-flow__controls"), 0);
      const [pane] = await rects(driver, ".react-flow");
      const [bar] = await rects(driver, '[data-testid="canvas-bar"]');
      assert.ok(bar.top >= pane.bottom - 0.5, "the canvas bar overlaps the board");
      await click(driver, '[data-testid="toggle-map"]');
      await find(driver, '[data-testid="canvas-bar"] .react-flow__minimap');
      const [withMap] = await rects(driver, '[data-testid="canvas-bar"]');
      const [paneNow] = await rects(driver, ".react-flow");
      assert.ok(withMap.top >= paneNow.bottom - 0.5, "the map overlaps the board");
      await click(driver, '[data-testid="toggle-map"]');

      // Live values: every stage header counts its customers, every metric card measures.
      const states = JSON.parse(cli(ws.db, "customers", "1", "--json")).filter((c) => !c.churned);
      const perStage = await driver.executeScript(
        "return [...document.querySelectorAll('[data-testid=stage-customers]')].map((e) => Number(e.textContent.replace(/[^0-9]/g, '')))",
      );
      const journey = JSON.parse(cli(ws.db, "journey", "export", "1", "-o", "-"));
      assert.deepEqual(
        perStage,
        journey.stages.map((s) => states.filter((c) => c.stage === s.id).length),
      );
      assert.equal(await count(driver, '[data-testid="metric-live"]'), journey.metrics.length);
      // Each metric card says whose numbers it shows — the customers now in its stage, as
      // many as the stage header counts — and never a red "0 % on target" that is true by
      // construction.
      const metricCards = Object.fromEntries(
        await driver.executeScript(
          "return [...document.querySelectorAll('[data-testid=metric-card]')].map((e) => [e.querySelector('.card-title').textContent, e.querySelector('[data-testid=metric-live]')?.innerText ?? ''])",
        ),
      );
      for (const m of journey.metrics) {
        const stage = journey.stages.find((s) => s.id === m.stage);
        const n = states.filter((c) => c.stage === m.stage).length;
        const who = n === 0 ? `No active customer in ${stage.name}` : `Of the ${n.toLocaleString("en-US")} customer${n === 1 ? "" : "s"} in ${stage.name}`;
        const [now, ...rest] = metricCards[m.name].split("\n");
        assert.ok(now.startsWith(who), `card ${m.name}: ${metricCards[m.name]}`);
        // A target share is only ever over the customers past the stage.
        assert.doesNotMatch(now, /on target/, `card ${m.name}`);
        for (const line of rest) if (/on target/.test(line)) assert.match(line, new RegExp(`^Of the [\\d,]+ past ${stage.name}: `));
      }
      // Health dots say what they mean.
      const legend = await (await find(driver, '[data-testid="health-legend"]')).getText();
      assert.match(legend, /Green, on track.*Grey, caution.*Red, warning/s);
      const tip = await driver.executeScript(
        "return document.querySelector('[data-testid=stage-health] .stage-health-band:last-of-type')?.title ?? ''",
      );
      assert.match(tip, /^Red, warning: more than [\d.]+ days in Onboard/);

      // "+ Note" puts the note in free space, clear of every card.
      await click(driver, '[data-testid="add-note"]');
      await find(driver, ".react-flow__node-note");
      await driver.executeScript("return new Promise(r => setTimeout(r, 400))");
      const [note] = await rects(driver, ".react-flow__node-note");
      const cards = await rects(driver, ".react-flow__node-milestone, .react-flow__node-activity, .react-flow__node-metric, .react-flow__node-role, .react-flow__node-stage");
      for (const c of cards) assert.ok(!overlaps(note, c), "the new note covers a card");
      await driver.actions().sendKeys(Key.ESCAPE).perform();

      // One Escape at a time: in the dialog that asks before a stage goes, it cancels the
      // dialog and nothing else — the journey stays open, the stage stays.
      await driver.executeScript("document.querySelectorAll('[data-testid=stage-name]')[4].click()");
      await driver.actions().sendKeys(Key.DELETE).perform();
      await find(driver, '[role="alertdialog"]');
      await driver.actions().sendKeys(Key.ESCAPE).perform();
      await driver.wait(async () => (await count(driver, '[role="alertdialog"]')) === 0, WAIT_MS, "Escape left the dialog open");
      assert.equal(await count(driver, '[data-testid="journey-title"]'), 1, "Escape left the journey too");
      assert.equal(await count(driver, '[data-testid="stage-name"]'), 5);
      await driver.actions().sendKeys(Key.ESCAPE).perform();

      // Presenting: the stage in focus stands out, the others step back, the navigation
      // sits under the board, and lane names are whole or out of view.
      await driver.actions().sendKeys(Key.F5).perform();
      await find(driver, '[data-testid="presenter"]');
      for (const [key, n] of [[null, 1], [Key.ARROW_RIGHT, 2]]) {
        if (key) await driver.actions().sendKeys(key).perform();
        await driver.wait(
          async () =>
            (
              await driver.executeScript(
                "return document.querySelector('[data-testid=presenter-stage]')?.textContent ?? ''",
              )
            ).startsWith(`Stage ${n} of 5`),
          WAIT_MS,
          `the presenter never showed stage ${n}`,
        );
        await driver.executeScript("return new Promise(r => setTimeout(r, 600))");
        const headers = await rects(driver, ".react-flow__node-stage");
        const dimmed = headers.map((h) => h.cls.includes("node-dimmed"));
        assert.deepEqual(
          dimmed.slice(0, 5),
          [0, 1, 2, 3, 4].map((i) => i !== n - 1),
          `stage ${n}: ${JSON.stringify(dimmed)}`,
        );
        const [view] = await rects(driver, ".react-flow");
        const [nav] = await rects(driver, ".presenter-bar");
        assert.ok(nav.top >= view.bottom - 0.5, "the navigation covers the board");
        for (const label of await rects(driver, ".react-flow__node-lane")) {
          const whole = label.left >= view.left - 0.5 && label.right <= view.right + 0.5;
          const away = label.right <= view.left + 0.5 || label.left >= view.right - 0.5;
          assert.ok(whole || away, `a lane name is cut at the edge (${label.left}–${label.right})`);
        }
      }
    } catch (e) {
      await saveFailureScreenshot(driver, "room");
      throw e;
    } finally {
      await driver.quit();
    }
  });
});

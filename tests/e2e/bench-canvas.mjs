// `make bench-canvas`: how the canvas holds up with a big journey (8 stages, ~300 cards)
// in the real WebKitGTK window under Xvfb. Prints figures; asserts nothing about speed.
//   open:  click on the journey → every card rendered and measured (median of 5)
//   drag:  frames per second (requestAnimationFrame) while a card is dragged for ~2 s
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, it } from "node:test";
import { cli, click, find, startApp, tempWorkspace, textsWhen } from "./app.mjs";

const STAGES = 8;
const RUNS = 9; // opens; the first is cold (fonts, JIT), the median is over all
const DRAGS = 3;
const ws = tempWorkspace();
after(() => ws.cleanup());

function bigJourney() {
  const stages = [];
  const activities = [];
  const metrics = [];
  const roles = Array.from({ length: 6 }, (_, r) => ({ id: `role-${r}`, name: `Role ${r + 1}` }));
  for (let s = 0; s < STAGES; s++) {
    const milestones = Array.from({ length: 10 }, (_, m) => ({
      id: `m-${s}-${m}`,
      name: `Milestone ${s + 1}.${m + 1} with a name long enough to wrap`,
      criteria: [{ event: `event_${s}_${m}`, aggregate: "count", op: ">=", value: m + 1, window_days: 30 }],
    }));
    stages.push({ id: `s-${s}`, name: `Stage ${s + 1}`, expected_days: 30, milestones });
    for (let a = 0; a < 22; a++)
      activities.push({
        id: `a-${s}-${a}`,
        name: `Play ${s + 1}.${a + 1}`,
        stage: `s-${s}`,
        role: `role-${a % 6}`,
        milestones: [`m-${s}-${a % 10}`],
        trigger: { kind: "stuck", days: 30 },
        channel: "call",
        effort: "low",
      });
    for (let k = 0; k < 5; k++)
      metrics.push({
        id: `k-${s}-${k}`,
        name: `Metric ${s + 1}.${k + 1}`,
        stage: `s-${s}`,
        event: `event_${s}_${k}`,
        aggregate: "count",
        direction: "higher",
        target: 10,
      });
  }
  return { format: "milepost/journey@1", name: "Benchmark: 8 stages", stages, roles, activities, metrics };
}

it("measures opening a big journey and dragging a card", async () => {
  const journey = bigJourney();
  const file = join(ws.dir, "big.json");
  writeFileSync(file, JSON.stringify(journey));
  cli(ws.db, "journey", "import", file);
  const cards = STAGES * (10 + 22 + 5);
  const driver = await startApp(ws.db);
  try {
    const opens = [];
    for (let i = 0; i < RUNS; i++) {
      await find(driver, '[data-testid="journey-card"] .journey-open');
      const ms = await driver.executeAsyncScript(
        `const done = arguments[arguments.length - 1];
         const want = arguments[0];
         const t0 = performance.now();
         window.__t = [["click", t0]];
         document.querySelector('[data-testid="journey-card"] .journey-open').click();
         const tick = () => {
           const shown = [...document.querySelectorAll(
             '.react-flow__node-milestone, .react-flow__node-activity, .react-flow__node-metric')]
             .filter((n) => n.style.visibility !== 'hidden').length;
           if (shown >= want) requestAnimationFrame(() => done(performance.now() - t0));
           else requestAnimationFrame(tick);
         };
         tick();`,
        cards,
      );
      opens.push(ms);
      console.log(ms.toFixed(0), JSON.stringify(await driver.executeScript("const t0 = window.__t[0][1]; return window.__t.map(([k, t, ...r]) => [k, Math.round(t - t0), ...r.map(Math.round)])")));
      await click(driver, ".topbar .button-quiet");
    }
    await click(driver, '[data-testid="journey-card"] .journey-open');
    await textsWhen(driver, '[data-testid="stage-name"]', STAGES);

    const drags = [];
    for (let d = 0; d < DRAGS; d++) {
      // A scripted drag in the page: one pointer move per animation frame for 2 seconds,
      // dragging a milestone card across columns and back; frame times from rAF.
      const frames = await driver.executeAsyncScript(
        `const done = arguments[arguments.length - 1];
         const node = document.querySelector('.react-flow__node-milestone');
         const box = node.getBoundingClientRect();
         const x0 = box.x + box.width / 2, y0 = box.y + 20;
         const opts = (x, y) => ({ bubbles: true, cancelable: true, clientX: x, clientY: y, button: 0, buttons: 1, view: window });
         node.dispatchEvent(new MouseEvent('mousedown', opts(x0, y0)));
         const frames = [];
         const t0 = performance.now();
         const step = (t) => {
           frames.push(t);
           const k = (t - t0) / 2000;
           const phase = k < 0.5 ? k * 2 : 2 - k * 2;
           const x = x0 + phase * 500, y = y0 + phase * 80;
           if (k < 1) {
             window.dispatchEvent(new MouseEvent('mousemove', opts(x, y)));
             requestAnimationFrame(step);
           } else {
             window.dispatchEvent(new MouseEvent('mouseup', opts(x, y)));
             done(frames);
           }
         };
         requestAnimationFrame(step);`,
      );
      const span = (frames.at(-1) - frames[0]) / 1000;
      const gaps = frames
        .slice(1)
        .map((t, i) => t - frames[i])
        .sort((a, b) => a - b);
      drags.push({ fps: (frames.length - 1) / span, span, p95: gaps[Math.floor(gaps.length * 0.95)] });
    }
    const moved = await driver.executeScript("return document.querySelector('.react-flow__node-milestone').classList.contains('dragging') ? 'still dragging' : 'dropped'");
    const middle = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const median = middle(opens);
    const drag = drags.find((d) => d.fps === middle(drags.map((x) => x.fps)));
    console.log(`canvas benchmark: ${STAGES} stages, ${cards} cards (+ role cards), ${journey.activities.length} plays`);
    console.log(`open journey:  median ${median.toFixed(0)} ms  (cold first ${opens[0].toFixed(0)} ms; runs: ${opens.map((x) => x.toFixed(0)).join(", ")} ms)`);
    console.log(`drag a card:   median ${drag.fps.toFixed(1)} frames/s over ${drag.span.toFixed(2)} s, 95th percentile frame ${drag.p95.toFixed(1)} ms (${moved}; runs: ${drags.map((d) => d.fps.toFixed(1)).join(", ")} frames/s)`);
  } finally {
    await driver.quit();
  }
});

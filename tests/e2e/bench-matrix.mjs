// `make bench-matrix`: the Matrices view with 24,000 customers (about 60,000 stakeholders)
// in the real WebKitGTK window under Xvfb. Prints figures; asserts nothing about speed.
//   open:    the tab clicked → every stakeholder placed and drawn (median of 5)
//   drag:    frames per second while a stakeholder is dragged for ~1 s
//   rescore: an arrow-key nudge (and a dropped drag) → the point and the counts redrawn
import { after, it } from "node:test";
import { cli, click, find, startApp, tempWorkspace } from "./app.mjs";

const CUSTOMERS = 24_000;
const RUNS = 5;
const ws = tempWorkspace();
after(() => ws.cleanup());

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

it("measures the matrix view with 24,000 customers", async () => {
  cli(ws.db, "journey", "new", "--template", "billing-saas");
  cli(ws.db, "demo", "--customers", String(CUSTOMERS));
  const driver = await startApp(ws.db);
  try {
    await click(driver, '[data-testid="journey-card"] .journey-open');
    await click(driver, '[data-testid="open-matrices"]');
    await find(driver, '[data-testid="matrix-canvas"]');
    const opens = [];
    for (let i = 0; i < RUNS; i++) {
      const other = i % 2 === 0 ? "desire-skills" : "purpose-intent";
      opens.push(
        await driver.executeAsyncScript(
          `const done = arguments[arguments.length - 1];
           const t0 = performance.now();
           document.querySelector('[data-testid="matrix-tab-' + arguments[0] + '"]').click();
           // First the view says it is placing, then that it is done.
           let started = false;
           const tick = () => {
             const busy = document.querySelector('.matrix-plot')?.getAttribute('aria-busy');
             if (busy === 'true') started = true;
             if (started && busy === 'false')
               requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
             else setTimeout(tick, 2);
           };
           tick();`,
          other,
        ),
      );
    }
    const points = await driver.executeScript(
      "return document.querySelector('[data-testid=matrix-canvas]').getAttribute('aria-label')",
    );
    // A dragged stakeholder: frames while it moves, then the drop to counts redrawn.
    const drag = await driver.executeAsyncScript(`
      const done = arguments[arguments.length - 1];
      const c = document.querySelector('[data-testid="matrix-canvas"]');
      const r = c.getBoundingClientRect();
      const [x, y] = window.__milepostMatrix.place(3, 3);
      const ev = (type, px, py) => c.dispatchEvent(new PointerEvent(type, {
        bubbles: true, clientX: r.left + px, clientY: r.top + py, pointerId: 1, isPrimary: true, buttons: 1 }));
      ev('pointerdown', x, y);
      const frames = [];
      let k = 0;
      const step = (t) => {
        frames.push(t);
        k += 1;
        ev('pointermove', x + k * 4, y - k * 3);
        if (k < 60) requestAnimationFrame(step);
        else {
          const t0 = performance.now();
          ev('pointerup', x + k * 4, y - k * 3);
          requestAnimationFrame(() => requestAnimationFrame(() => {
            const span = (frames[frames.length - 1] - frames[0]) / 1000;
            done({ fps: (frames.length - 1) / span, drop: performance.now() - t0 });
          }));
        }
      };
      requestAnimationFrame(step);`);
    // Arrow-key nudges of the selected point: key → the frame that shows the point and
    // the counts redrawn (the next animation frame), and to the one after it.
    const nudges = [];
    const frames = [];
    for (let i = 0; i < 7; i++) {
      const [one, two] = await driver.executeAsyncScript(`
          const done = arguments[arguments.length - 1];
          const t0 = performance.now();
          window.dispatchEvent(new KeyboardEvent('keydown', { key: ${i % 2 ? "'ArrowLeft'" : "'ArrowRight'"} }));
          requestAnimationFrame(() => {
            const t1 = performance.now() - t0;
            requestAnimationFrame(() => done([t1, performance.now() - t0]));
          });`);
      nudges.push(one);
      frames.push(two);
    }
    console.log(`matrix view: ${points}, ${CUSTOMERS} customers`);
    console.log(`open a matrix (placed by the core, sent, drawn): median ${median(opens).toFixed(0)} ms (${opens.map((x) => x.toFixed(0)).join(", ")})`);
    console.log(`drag a stakeholder: ${drag.fps.toFixed(0)} frames per second; drop to counts redrawn ${drag.drop.toFixed(1)} ms`);
    console.log(
      `arrow-key re-score to the frame with the point and counts redrawn: median ${median(nudges).toFixed(1)} ms ` +
        `(${nudges.map((x) => x.toFixed(1)).join(", ")}); to the frame after it ${median(frames).toFixed(1)} ms`,
    );
  } finally {
    await driver.quit();
  }
});

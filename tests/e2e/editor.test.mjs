// Building a journey on the canvas, the way a workshop does: from blank, with typing,
// dragging and connecting, undo and redo — and nothing lost when the app is killed.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { after, describe, it } from "node:test";
import { Key } from "selenium-webdriver";
import { By, cli, click, count, find, saveFailureScreenshot, startApp, tempWorkspace, WAIT_MS, waitForText, waitForTexts, retype } from "./app.mjs";

/** Replaces the text of an input the way a person does: select all, type. */
async function value(driver, css) {
  return driver.executeScript("return document.querySelector(arguments[0])?.value ?? null", css);
}

/** Drags from the middle of one element to the middle of another in small steps, as a hand does. */
async function drag(driver, from, to) {
  const a = await from.getRect();
  const b = await to.getRect();
  const start = { x: Math.round(a.x + a.width / 2), y: Math.round(a.y + a.height / 2) };
  const end = { x: Math.round(b.x + b.width / 2), y: Math.round(b.y + b.height / 2) };
  let chain = driver.actions({ async: true }).move({ x: start.x, y: start.y }).press();
  for (let i = 1; i <= 10; i++) {
    chain = chain.move({
      x: Math.round(start.x + ((end.x - start.x) * i) / 10),
      y: Math.round(start.y + ((end.y - start.y) * i) / 10),
      duration: 30,
    });
  }
  await chain.release().perform();
}

async function cardNamed(driver, testId, name) {
  let found = null;
  await driver.wait(
    async () => {
      try {
        for (const card of await driver.findElements(By.css(`[data-testid="${testId}"]`))) {
          if ((await card.getText()).includes(name)) {
            found = card;
            return true;
          }
        }
      } catch {
        // The canvas re-rendered under us; look again.
      }
      return false;
    },
    WAIT_MS,
    `no ${testId} showing ${name}`,
  );
  return found;
}

/** Clicks the canvas background (top-left corner, outside the board): clears the selection. */
async function clickEmptyCanvas(driver) {
  const pane = await (await find(driver, ".react-flow__pane")).getRect();
  await driver
    .actions({ async: true })
    .move({ x: Math.round(pane.x + 8), y: Math.round(pane.y + 8) })
    .click()
    .perform();
}

async function findingRules(driver) {
  return driver.executeScript(
    "return [...document.querySelectorAll('[data-testid=framework-check] [data-rule]')].map(b => b.dataset.rule)",
  );
}

async function waitSaved(driver) {
  await waitForText(driver, '[data-testid="save-state"]', "All changes saved");
}

/** Waits until the board and its cards stop moving (a zoom's animation, cards laid out
 * again): a card that moves under the pointer is missed. */
async function settled(driver) {
  const picture = () =>
    driver.executeScript(
      "return document.querySelector('.react-flow__viewport').style.transform + [...document.querySelectorAll('.react-flow__node')].map((n) => n.style.transform).join()",
    );
  await driver.wait(async () => {
    const before = await picture();
    await driver.executeScript("return new Promise((r) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 50))");
    return before === (await picture());
  }, WAIT_MS, "the board never stopped moving");
}

describe("the journey designer", () => {
  const ws = tempWorkspace();
  after(() => ws.cleanup());

  it("builds a journey from blank, keeps it through undo, redo and a kill -9", async () => {
    let driver = await startApp(ws.db);
    try {
      await click(driver, '[data-testid="new-blank"]');
      await waitForTexts(driver, '[data-testid="stage-name"]', ["Onboard"]);

      // A second stage, named in the inspector.
      await click(driver, '[data-testid="add-stage"]');
      await retype(await find(driver, '[data-testid="inspector-name"]'), "Adopt");
      await waitForTexts(driver, '[data-testid="stage-name"]', ["Onboard", "Adopt"]);

      // A milestone whose criterion is typed in the text form; a typo is caught inline.
      await click(driver, '[data-testid="add-milestones"]');
      await retype(await find(driver, '[data-testid="inspector-name"]'), "First billing cycle");
      await click(driver, '[data-testid="add-criterion"]');
      const criterion = await find(driver, '[data-testid="criterion-text"]');
      await retype(criterion, "count(billing_cycle_completed) => 2");
      const problem = await find(driver, '[data-testid="criterion-error"]');
      assert.match(await problem.getText(), /unknown operator "=>" \(did you mean >=\?\)/);
      await retype(criterion, "count(billing_cycle_completed) >= 2 within 30d");
      await driver.wait(
        async () =>
          (await driver.executeScript(
            "return document.querySelector('[data-testid=milestone-card] .criteria li')?.title",
          )) === "billing_cycle_completed: count ≥ 2 · last 30 d",
        WAIT_MS,
        "the milestone card never showed the typed criterion",
      );

      // A play in the first stage: the framework check questions it.
      await click(driver, '[data-testid="add-playbook"]');
      await retype(await find(driver, '[data-testid="inspector-name"]'), "Kickoff call");
      await driver.actions().sendKeys(Key.ESCAPE).perform();
      await driver.wait(
        async () => (await findingRules(driver)).includes("activity-supports-nothing"),
        WAIT_MS,
        "the framework check did not flag the unsupported play",
      );

      // Drag the play to the Adopt stage.
      const play = await cardNamed(driver, "activity-card", "Kickoff call");
      const adoptAdd = (await driver.findElements(By.css('[data-testid="add-playbook"]')))[1];
      await drag(driver, play, adoptAdd);
      await (await cardNamed(driver, "activity-card", "Kickoff call")).click();
      await driver.wait(
        async () =>
          (await driver.executeScript(
            "const s = document.querySelector('[data-testid=inspector-stage]'); return s && s.selectedOptions[0].textContent",
          )) === "Adopt",
        WAIT_MS,
        "the play did not move to Adopt",
      );

      // A role on the Onboard team, dragged onto the Adopt team (Shift+F shows the whole
      // board — an overview for the person editing — so the Roles lane is in view).
      await driver.actions().keyDown(Key.SHIFT).sendKeys("f").keyUp(Key.SHIFT).perform();
      await driver.wait(
        async () =>
          driver.executeScript(
            "const r = document.querySelector('[data-testid=add-roles]').getBoundingClientRect(); return r.bottom < window.innerHeight;",
          ),
        WAIT_MS,
        "the overview did not bring the Roles lane into view",
      );
      await settled(driver);
      await click(driver, '[data-testid="add-roles"]');
      await retype(await find(driver, '[data-testid="inspector-name"]'), "Support engineer");
      await driver.actions().sendKeys(Key.ESCAPE).perform();
      // Dragged once the rename is saved and the cards are still (as for every drag here).
      await waitSaved(driver);
      await settled(driver);
      const role = await cardNamed(driver, "role-card", "Support engineer");
      const adoptRoles = (await driver.findElements(By.css('[data-testid="add-roles"]')))[1];
      await drag(driver, role, adoptRoles);
      let cards = null;
      await driver
        .wait(async () => {
          cards = await driver.executeScript(
            `return {
               adopt: document.querySelectorAll('.react-flow__node-stage')[1].dataset.id,
               roles: [...document.querySelectorAll('.react-flow__node-role')].map((n) => n.dataset.id),
             };`,
          );
          return cards.roles.join() === `role:new-role@${cards.adopt}`;
        }, WAIT_MS)
        .catch(() => assert.fail(`the role card did not move to the Adopt team: ${JSON.stringify(cards)}`));

      // Connect it to the milestone by dragging from its handle, once the last edit is
      // saved and the cards are still (a save landing mid-drag redraws the cards).
      await waitSaved(driver);
      await settled(driver);
      const handle = await (await cardNamed(driver, "activity-card", "Kickoff call")).findElement(
        By.css(".handle-activity"),
      );
      const target = await (await cardNamed(driver, "milestone-card", "First billing cycle")).findElement(
        By.css(".handle-milestone"),
      );
      await drag(driver, handle, target);
      await find(driver, ".react-flow__edge.edge-supports");
      await clickEmptyCanvas(driver);
      await driver.wait(
        async () => !(await findingRules(driver)).includes("activity-supports-nothing"),
        WAIT_MS,
        "the framework check still flags the connected play",
      );

      // Undo takes the connection away, redo brings it back.
      await click(driver, '[data-testid="undo"]');
      await driver.wait(
        async () => (await count(driver, ".edge-supports")) === 0,
        WAIT_MS,
        "undo did not remove the connection",
      );
      await click(driver, '[data-testid="redo"]');
      await find(driver, ".react-flow__edge.edge-supports");

      await waitSaved(driver);
    } catch (e) {
      await saveFailureScreenshot(driver, "editor");
      throw e;
    } finally {
      // Kill the app the hard way, as a power cut would.
      execFileSync("pkill", ["-9", "-f", ws.db]);
      await driver.quit().catch(() => {});
    }

    assert.equal(execFileSync("sqlite3", [ws.db, "PRAGMA integrity_check"], { encoding: "utf8" }).trim(), "ok");
    const exported = JSON.parse(cli(ws.db, "journey", "export", "New journey", "-o", "-"));
    assert.deepEqual(
      exported.stages.map((s) => s.name),
      ["Onboard", "Adopt"],
    );
    const milestone = exported.stages[0].milestones[0];
    assert.equal(milestone.name, "First billing cycle");
    assert.deepEqual(milestone.criteria, [
      { event: "billing_cycle_completed", aggregate: "count", op: ">=", value: 2, window_days: 30 },
    ]);
    assert.equal(exported.activities.length, 1);
    assert.equal(exported.activities[0].name, "Kickoff call");
    assert.equal(exported.activities[0].stage, exported.stages[1].id);
    assert.deepEqual(exported.activities[0].milestones, [milestone.id]);
    assert.deepEqual(exported.roles, [
      { id: "new-role", name: "Support engineer", stages: [exported.stages[1].id] },
    ]);

    // Killed on the journey, the app opens on it again.
    driver = await startApp(ws.db);
    try {
      await waitForTexts(driver, '[data-testid="stage-name"]', ["Onboard", "Adopt"]);
      await cardNamed(driver, "milestone-card", "First billing cycle");
      await find(driver, ".react-flow__edge.edge-supports");
    } finally {
      await driver.quit();
    }
  });
});

describe("presenting and copying", () => {
  const ws = tempWorkspace();
  after(() => ws.cleanup());

  it("steps through the stages full screen, and pastes a copied card", async () => {
    cli(ws.db, "journey", "new", "--template", "billing-saas");
    const driver = await startApp(ws.db);
    try {
      await click(driver, '[data-testid="journey-card"] .journey-open');
      await waitForTexts(driver, '[data-testid="stage-name"]', ["Onboard", "Adopt", "Retain", "Expand", "Advocate"]);

      await driver.actions().sendKeys(Key.F5).perform();
      await waitForText(driver, '[data-testid="presenter-stage"]', "Stage 1 of 5 · Onboard");
      assert.equal(await count(driver, '[data-testid="inspector"], .topbar'), 0, "editing chrome is hidden");
      await driver.actions().sendKeys(Key.ARROW_RIGHT).perform();
      await driver.actions().sendKeys(Key.ARROW_RIGHT).perform();
      await waitForText(driver, '[data-testid="presenter-stage"]', "Stage 3 of 5 · Retain");
      await driver.actions().sendKeys(Key.ESCAPE).perform();
      await find(driver, '[data-testid="journey-title"]');
      // A presenter who taps Escape again (and again) still has the board in front of the
      // room: Escape never leaves the journey.
      await driver.wait(async () => (await driver.findElements(By.css('[data-testid="presenter"]'))).length === 0, WAIT_MS);
      await driver.actions().sendKeys(Key.ESCAPE).perform();
      await driver.actions().sendKeys(Key.ESCAPE).perform();
      assert.equal(await count(driver, '[data-testid="journey-title"]'), 1, "Escape left the journey");
      assert.equal(await count(driver, '[data-testid="journey-card"]'), 0, "Escape went to the journey list");

      const before = await count(driver, '[data-testid="activity-card"]');
      // The card may sit outside the view the presenter left: selected by a click in the
      // page rather than at a point on the screen.
      await driver.executeScript("arguments[0].click()", await cardNamed(driver, "activity-card", "AR days review"));
      await driver.actions().keyDown(Key.CONTROL).sendKeys("c").keyUp(Key.CONTROL).perform();
      await driver.actions().keyDown(Key.CONTROL).sendKeys("v").keyUp(Key.CONTROL).perform();
      await driver.wait(
        async () => (await count(driver, '[data-testid="activity-card"]')) === before + 1,
        WAIT_MS,
        "the pasted card did not appear",
      );
      await waitSaved(driver);
    } finally {
      await driver.quit();
    }
    const exported = JSON.parse(cli(ws.db, "journey", "export", "Billing SaaS — post-sales journey", "-o", "-"));
    const copies = exported.activities.filter((a) => a.name === "AR days review");
    assert.deepEqual(
      copies.map((a) => [a.id, a.stage, a.milestones]),
      [
        ["ar-review", "retain", ["ar-down"]],
        ["ar-review-2", "retain", ["ar-down"]],
      ],
    );
  });
});

describe("a journey changed elsewhere", () => {
  const ws = tempWorkspace();
  after(() => ws.cleanup());

  it("shows the change made by the command line while it is open", async () => {
    const id = cli(ws.db, "journey", "new", "--template", "dealer-photos").split("\t")[0];
    const driver = await startApp(ws.db);
    try {
      await click(driver, '[data-testid="journey-card"] .journey-open');
      await waitForText(driver, '[data-testid="journey-title"]', "Dealer Photos — post-sales journey");
      cli(ws.db, "journey", "rename", id, "Dealer Photos — renamed in the CLI");
      await waitForText(driver, '[data-testid="journey-title"]', "Dealer Photos — renamed in the CLI");
      await find(driver, '[data-testid="changed-elsewhere"]');
    } finally {
      await driver.quit();
    }
  });
});

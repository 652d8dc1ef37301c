import { describe, expect, it } from "vitest";
import { singleFlight } from "./useSingleFlight";

describe("a button's long work", () => {
  it("ignores a second click while the first still runs, and runs again after", async () => {
    const busy: boolean[] = [];
    const run = singleFlight((b) => busy.push(b));
    let opened = 0;
    let close: () => void = () => {};
    const dialog = () =>
      new Promise<string>((resolve) => {
        opened += 1;
        close = () => resolve("/tmp/playbook.pdf");
      });
    const first = run(dialog);
    const second = run(dialog); // the double-click's second click
    expect(await second).toBeUndefined();
    expect(opened).toBe(1);
    close();
    expect(await first).toBe("/tmp/playbook.pdf");
    expect(busy).toEqual([true, false]);
    const third = run(dialog);
    expect(opened).toBe(2);
    close();
    expect(await third).toBe("/tmp/playbook.pdf");
  });

  it("is free again after the work fails", async () => {
    const run = singleFlight();
    await expect(run(() => Promise.reject(new Error("disk full")))).rejects.toThrow("disk full");
    expect(await run(async () => 7)).toBe(7);
  });
});

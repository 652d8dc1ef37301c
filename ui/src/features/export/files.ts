// Names for exported files, and which stages the canvas shows now.
import { slug } from "../../components/text";

/** A file name stem for a journey: its name, made safe for every file system. */
export function fileStem(journeyName: string): string {
  return slug(journeyName, 80) || "journey";
}

/** The ids of the stages whose column header is at least partly inside the canvas now,
 * left to right: "the current view" for a journey map image. Empty off the canvas. */
export function stagesInView(): string[] {
  const pane = document.querySelector(".react-flow");
  if (!pane) return [];
  const view = pane.getBoundingClientRect();
  return [...document.querySelectorAll<HTMLElement>('.react-flow__node[data-id^="stage:"]')]
    .map((el) => ({
      id: el.dataset.id?.slice("stage:".length) ?? "",
      box: el.getBoundingClientRect(),
    }))
    .filter(({ box }) => box.right > view.left && box.left < view.right && box.width > 0)
    .sort((a, b) => a.box.left - b.box.left)
    .map(({ id }) => id);
}

/** What the Export dialog writes. */
export type ExportKind = "pdf" | "image" | "json" | "csv";

/** "just now", "5 minutes ago", "3 days ago", or the date for anything older than a month. */
export function timeAgo(iso: string, now: Date = new Date()): string {
  const then = new Date(iso);
  const seconds = Math.round((now.getTime() - then.getTime()) / 1000);
  if (Number.isNaN(seconds)) return "";
  if (seconds < 60) return "just now";
  const units: [number, string][] = [
    [60, "minute"],
    [3600, "hour"],
    [86400, "day"],
  ];
  for (let i = units.length - 1; i >= 0; i--) {
    const [size, name] = units[i] as [number, string];
    const n = Math.floor(seconds / size);
    if (n >= 1 && (name !== "day" || n < 31)) return `${n} ${name}${n === 1 ? "" : "s"} ago`;
  }
  return then.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}

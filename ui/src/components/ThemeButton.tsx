import { useTheme } from "./theme";

export function ThemeButton() {
  const [theme, toggle] = useTheme();
  return (
    <button
      type="button"
      className="button button-quiet theme-button"
      onClick={toggle}
      title={theme === "dark" ? "Light theme (T)" : "Dark theme (T)"}
      aria-label={theme === "dark" ? "Switch to the light theme" : "Switch to the dark theme"}
      data-testid="theme-toggle"
    >
      {theme === "dark" ? "☀" : "☾"}
    </button>
  );
}

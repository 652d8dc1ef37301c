// The Export dialog's choices (paper, company, sections, theme, area, format) as core options.
import { useEffect, useState } from "react";
import type { ImageFormat } from "../../bindings/ImageFormat";
import type { MapOptions } from "../../bindings/MapOptions";
import type { Paper } from "../../bindings/Paper";
import type { PlaybookOptions } from "../../bindings/PlaybookOptions";
import type { Sections } from "../../bindings/Sections";
import type { Theme } from "../../bindings/Theme";
import { stagesInView } from "./files";

export const COMPANY_KEY = "milepost.export.company";
export const PAPER_KEY = "milepost.export.paper";

export interface ExportChoices {
  paper: Paper;
  setPaper: (paper: Paper) => void;
  company: string;
  setCompany: (company: string) => void;
  /** Whether the numbers go in (the PDF's, the map's counts, the file's snapshot). */
  withData: boolean;
  setWithData: (withData: boolean) => void;
  sections: Sections;
  setSections: (sections: Sections) => void;
  theme: Theme;
  setTheme: (theme: Theme) => void;
  area: "all" | "view";
  setArea: (area: "all" | "view") => void;
  format: ImageFormat;
  setFormat: (format: ImageFormat) => void;
  /** The stages the canvas showed when the dialog opened. */
  inView: string[];
  pdfOptions: PlaybookOptions;
  mapOptions: MapOptions;
}

/** Paper and company are remembered from the last PDF saved. */
export function useExportOptions(hasData: boolean): ExportChoices {
  const [paper, setPaper] = useState<Paper>(
    () => (localStorage.getItem(PAPER_KEY) as Paper | null) ?? "a4",
  );
  const [company, setCompany] = useState(() => localStorage.getItem(COMPANY_KEY) ?? "");
  const [withData, setWithData] = useState(hasData);
  const [sections, setSections] = useState<Sections>({
    glance: true,
    stages: true,
    roles: true,
    check: true,
    numbers: true,
    workshop: true,
  });
  const [theme, setTheme] = useState<Theme>("light");
  const [area, setArea] = useState<"all" | "view">("all");
  const [format, setFormat] = useState<ImageFormat>("png");
  const [inView] = useState<string[]>(() => stagesInView());
  // The live numbers may arrive after the dialog opened: include them once they do.
  useEffect(() => {
    if (hasData) setWithData(true);
  }, [hasData]);

  const pdfOptions: PlaybookOptions = {
    paper,
    sections,
    company: company.trim() || null,
    as_of: null,
    no_data: !withData,
  };
  const mapOptions: MapOptions = {
    theme,
    stages: area === "view" && inView.length > 0 ? inView : null,
    as_of: null,
    no_data: !withData,
  };
  return {
    paper,
    setPaper,
    company,
    setCompany,
    withData,
    setWithData,
    sections,
    setSections,
    theme,
    setTheme,
    area,
    setArea,
    format,
    setFormat,
    inView,
    pdfOptions,
    mapOptions,
  };
}

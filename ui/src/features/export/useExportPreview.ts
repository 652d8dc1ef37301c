// The preview of the PDF's first pages or of the map image, a moment after the last change.
import { useEffect, useState } from "react";
import type { MapOptions } from "../../bindings/MapOptions";
import type { PlaybookOptions } from "../../bindings/PlaybookOptions";
import type { Preview } from "../../bindings/Preview";
import { type AppError, api, toAppError } from "../../ipc";
import type { ExportKind } from "./files";

export interface ExportPreview {
  preview: Preview | null;
  mapImage: string | null;
  previewing: boolean;
}

export function useExportPreview(
  kind: ExportKind,
  journeyId: number,
  pdfOptions: PlaybookOptions,
  mapOptions: MapOptions,
  onError: (e: AppError) => void,
): ExportPreview {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapImage, setMapImage] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const pdfKey = JSON.stringify(pdfOptions);
  const mapKey = JSON.stringify(mapOptions);

  useEffect(() => {
    if (kind !== "pdf" && kind !== "image") return;
    let current = true;
    setPreviewing(true);
    const timer = setTimeout(() => {
      const work =
        kind === "pdf"
          ? api.playbookPreview(journeyId, JSON.parse(pdfKey)).then((p) => {
              if (current) setPreview(p);
            })
          : api.mapPreview(journeyId, JSON.parse(mapKey)).then((url) => {
              if (current) setMapImage(url);
            });
      work
        .catch((e) => current && onError(toAppError(e)))
        .finally(() => current && setPreviewing(false));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [kind, journeyId, pdfKey, mapKey, onError]);
  return { preview, mapImage, previewing };
}

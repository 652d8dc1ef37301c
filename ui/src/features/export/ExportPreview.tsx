// The Export dialog's preview column: the PDF's first pages with the page count, or the map image.
import type { ExportKind } from "./files";
import type { ExportPreview as Shown } from "./useExportPreview";

export function ExportPreview({ kind, shown }: { kind: ExportKind; shown: Shown }) {
  const { preview, mapImage, previewing } = shown;
  return (
    <div className="export-preview" aria-busy={previewing}>
      {kind === "pdf" && preview && (
        <>
          <div className="export-pages">
            {preview.pages.map((src, i) => (
              <img key={src.slice(-40)} src={src} alt={`Page ${i + 1}`} />
            ))}
          </div>
          <p className="export-note" data-testid="export-page-count">
            {preview.total} pages · first {preview.pages.length} shown
          </p>
        </>
      )}
      {kind === "image" && mapImage && (
        <div className="export-map">
          <img src={mapImage} alt="The journey map" />
        </div>
      )}
      {(kind === "pdf" || kind === "image") && previewing && (
        <p className="export-note">Laying out the preview…</p>
      )}
    </div>
  );
}

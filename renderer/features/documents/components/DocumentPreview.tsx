// The laid-out pages on screen, drawn as SVG from the same boxes the PDF writer draws, in
// the same font: what the customer gets, without a PDF plugin (the CSP allows no frames).
import { useEffect, useState } from 'react';
import type { LaidOutPage } from '../../../../shared/documents/print/layout';
import { loadDocumentFonts } from '../pdf/fonts';

const FAMILY = 'Fairlead Document';
let fontsReady: Promise<void> | null = null;

// From the bytes already in memory (the PDF's own), so the preview needs no network.
const loadPreviewFonts = (): Promise<void> => {
  fontsReady ??= loadDocumentFonts().then(async (fonts) => {
    for (const [bytes, weight] of [
      [fonts.regular, '400'],
      [fonts.bold, '700'],
    ] as const) {
      const face = new FontFace(FAMILY, new Uint8Array(bytes), { weight });
      document.fonts.add(await face.load());
    }
  });
  fontsReady.catch(() => (fontsReady = null));
  return fontsReady;
};

export const DocumentPreview = ({
  pages,
  logo,
  label,
}: {
  pages: readonly LaidOutPage[];
  logo: string | null;
  label: (page: number) => string;
}) => {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void loadPreviewFonts()
      .catch(() => undefined)
      .then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  return (
    <div className="document-preview" data-ready={ready ? 'true' : 'false'}>
      {pages.map((page, i) => (
        <svg
          key={i}
          className="document-page"
          role="img"
          aria-label={label(i + 1)}
          viewBox={`0 0 ${page.width} ${page.height}`}
          fontFamily={`'${FAMILY}', sans-serif`}
        >
          <rect x={0} y={0} width={page.width} height={page.height} fill="#fff" />
          {page.items.map((item, j) => {
            if (item.kind === 'text') {
              return (
                <text
                  key={j}
                  x={item.x}
                  y={item.y}
                  fontSize={item.size}
                  fontWeight={item.bold ? 700 : 400}
                  fill={item.muted ? '#5f6873' : '#1a1f26'}
                  xmlSpace="preserve"
                >
                  {item.text}
                </text>
              );
            }
            if (item.kind === 'rule') {
              return (
                <line
                  key={j}
                  x1={item.x}
                  x2={item.x + item.width}
                  y1={item.y}
                  y2={item.y}
                  stroke="#5f6873"
                  strokeWidth={item.weight}
                />
              );
            }
            if (item.kind === 'band') {
              return (
                <rect
                  key={j}
                  x={item.x}
                  y={item.y}
                  width={item.width}
                  height={item.height}
                  fill="#edf0f4"
                />
              );
            }
            return logo === null ? null : (
              <image
                key={j}
                href={logo}
                x={item.x}
                y={item.y}
                width={item.width}
                height={item.height}
              />
            );
          })}
        </svg>
      ))}
    </div>
  );
};

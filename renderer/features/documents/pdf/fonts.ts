// The document fonts, shipped with the app (Noto Sans from an npm package, bundled by Vite as
// assets of the app itself): read once per window, never from a CDN.
import boldUrl from '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf?url';
import regularUrl from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import type { PdfFonts } from './write-pdf';

export const documentFontUrls = { regular: regularUrl, bold: boldUrl } as const;

const read = async (url: string): Promise<Uint8Array> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`font ${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
};

let loading: Promise<PdfFonts> | null = null;

export const loadDocumentFonts = (): Promise<PdfFonts> => {
  loading ??= Promise.all([read(regularUrl), read(boldUrl)]).then(([regular, bold]) => ({
    regular,
    bold,
  }));
  // A failed read is retried next time rather than cached.
  loading.catch(() => (loading = null));
  return loading;
};

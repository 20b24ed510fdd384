// The browser-safe core of the `qrcode` package. Importing 'qrcode' itself would make the CLI's rollup
// (mainFields: module, main, browser) pull the Node renderer (fs, pngjs) into appBundle.
declare module 'qrcode/lib/core/qrcode' {
  export function create(
    text: string,
    options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H'; version?: number },
  ): { modules: { size: number; get(row: number, col: number): number | boolean } };
}

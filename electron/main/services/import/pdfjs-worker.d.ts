/** The pdf.js worker module, loaded in-thread by pdf.ts (the package ships no types for it). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}

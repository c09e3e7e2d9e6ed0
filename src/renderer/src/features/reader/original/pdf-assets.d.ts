// Vite's `?url` imports (an asset's URL in the build), for the pdf.js worker.
declare module '*?url' {
  const url: string
  export default url
}

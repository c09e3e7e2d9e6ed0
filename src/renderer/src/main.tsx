// Renderer entry: mounts the workbench.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'

const container = document.getElementById('root')
if (container === null) throw new Error('renderer: #root is missing from index.html')
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>
)

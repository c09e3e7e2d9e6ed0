// Renderer entry: mounts the workbench.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import './app/styles.css'

const container = document.getElementById('root')
if (container === null) throw new Error('renderer: #root is missing from index.html')
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>
)

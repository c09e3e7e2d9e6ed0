// The open project's name, a switch to another, and a new empty project.
import { useState } from 'react'
import { useWorkbench } from '../../app/workbench-store'

export function ProjectSwitcher() {
  const project = useWorkbench((state) => state.project)
  // Switching waits for a running import anyway; say so by disabling it.
  const importing = useWorkbench((state) => state.importing !== null)
  const { switchProject, createProject } = useWorkbench.getState()
  const [naming, setNaming] = useState(false)
  const [name, setName] = useState('')
  if (project === null) return null

  if (naming) {
    return (
      <form
        className="project-form"
        onSubmit={(event) => {
          event.preventDefault()
          if (name.trim() === '') return
          void createProject(name.trim()).then(() => {
            setNaming(false)
            setName('')
          })
        }}
      >
        <input autoFocus aria-label="New project name" placeholder="Project name" value={name} onChange={(event) => setName(event.target.value)} />
        <button type="submit" className="button primary" disabled={name.trim() === ''}>
          Create
        </button>
        <button type="button" className="button" onClick={() => setNaming(false)}>
          Cancel
        </button>
      </form>
    )
  }
  return (
    <div className="project-switcher">
      <select aria-label="Project" value={project.current.id} disabled={importing} onChange={(event) => void switchProject(event.target.value)}>
        {project.projects.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.name}
          </option>
        ))}
      </select>
      <button type="button" className="button" disabled={importing} onClick={() => setNaming(true)}>
        New project
      </button>
    </div>
  )
}

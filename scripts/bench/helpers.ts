import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { freePort } from '../../src/host/utilities/freePort'

export type Helper = { baseUrl: string; stop: () => Promise<void> }

const stopChild = async (child: ChildProcess) => {
  if (child.exitCode !== null || child.signalCode !== null) {
    return
  }
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await gone
  clearTimeout(timer)
}

const waitFor = async (url: string, child: ChildProcess, what: string) => {
  const deadline = Date.now() + 20_000
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`${what} exited (${child.exitCode})`)
    }
    const up = await fetch(url).then(
      (response) => response.arrayBuffer().then(() => true),
      () => false,
    )
    if (up) {
      return
    }
    if (Date.now() > deadline) {
      throw new Error(`${what} did not answer within 20 s`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** The bare-node limit in its own process, sending `bodyFile`'s bytes to every request. */
export const startBareNode = async (root: string, bodyFile: string): Promise<Helper> => {
  const port = await freePort()
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'scripts/bench/bareNode.ts'), bodyFile, String(port)],
    { cwd: root, stdio: 'ignore' },
  )
  const baseUrl = `http://127.0.0.1:${port}`
  await waitFor(`${baseUrl}/`, child, 'the bare node server')
  return { baseUrl, stop: () => stopChild(child) }
}

/** Whether Debian's varnishd is installed here. */
export const varnishAvailable = (): boolean =>
  ['/usr/sbin/varnishd', '/usr/bin/varnishd'].some((file) => fs.existsSync(file))

/**
 * varnishd with the repository's VCL (varnish/newsroom.vcl), its backend pointed at the bench
 * server, on a free port; its work folder under `workDir`.
 */
export const startVarnish = async ({
  backendPort,
  port,
  root,
  workDir,
}: {
  backendPort: number
  port: number
  root: string
  workDir: string
}): Promise<Helper> => {
  fs.chmodSync(workDir, 0o755)
  const vcl = fs
    .readFileSync(path.join(root, 'varnish/newsroom.vcl'), 'utf8')
    .replace(/\.port = "\d+";/, `.port = "${backendPort}";`)
  const vclFile = path.join(workDir, 'newsroom.vcl')
  fs.writeFileSync(vclFile, vcl, { mode: 0o644 })
  const args = ['-F', '-a', `127.0.0.1:${port}`, '-f', vclFile, '-n', path.join(workDir, 'varnish')]
  const child = spawn('varnishd', [...args, '-s', 'malloc,256m'], { stdio: 'ignore' })
  const baseUrl = `http://127.0.0.1:${port}`
  await waitFor(`${baseUrl}/healthz`, child, 'varnishd')
  return { baseUrl, stop: () => stopChild(child) }
}

/** A process's resident memory, in bytes (Linux). */
export const residentBytes = (pid: number | undefined): number => {
  if (!pid) {
    return Number.NaN
  }
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = status.match(/^VmRSS:\s+(\d+) kB/m)
  return match ? Number(match[1]) * 1024 : Number.NaN
}

/**
 * CPU seconds a process has used so far (user and system, Linux), from /proc/<pid>/stat; with
 * no pid, this process's own.
 */
export const cpuSeconds = (pid?: number): number => {
  if (pid === undefined) {
    const { system, user } = process.cpuUsage()
    return (system + user) / 1e6
  }
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name, in parentheses, may hold spaces: count fields after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12])
  return ticks / 100
}

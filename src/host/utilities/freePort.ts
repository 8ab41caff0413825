import net from 'node:net'

/** A loopback port nothing listens on right now, for a server a test or benchmark starts. */
export const freePort = (): Promise<number> =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })

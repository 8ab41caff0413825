// The machine's limit for one HTTP answer: a bare node:http server, in its own process, sending
// the bytes of a story page it was handed. Started by the bench; prints its port when listening.
import fs from 'node:fs'
import http from 'node:http'

const [file, port] = process.argv.slice(2)
const body = fs.readFileSync(file)
const headers = {
  'Cache-Control': 'public, max-age=0, s-maxage=60',
  'Content-Length': String(body.length),
  'Content-Type': 'text/html; charset=utf-8',
  ETag: '"bare"',
}

http
  .createServer((_req, res) => {
    res.writeHead(200, headers)
    res.end(body)
  })
  .listen(Number(port), '127.0.0.1', () => process.stdout.write(`listening ${port}\n`))

#!/usr/bin/env node
// Launches an in-memory dynalite server on 127.0.0.1 with an OS-chosen free port.
//
// Usage: node scripts/dynalite-server.js [<install-dir>]
//   <install-dir> is the npm prefix dynalite was installed into
//   (default: <repo>/.tools/dynalite).
//
// Once the server answers a real DynamoDB ListTables request, exactly one line
// "http://127.0.0.1:<port>" is printed to stdout. All diagnostics go to stderr.
//
// Environment (optional, non-negative integers, milliseconds; unset = dynalite default 500):
//   DYNALITE_CREATE_TABLE_MS -> createTableMs
//   DYNALITE_UPDATE_TABLE_MS -> updateTableMs
//   DYNALITE_DELETE_TABLE_MS -> deleteTableMs
'use strict'

const http = require('http')
const path = require('path')

const HOST = '127.0.0.1'
const installDir = path.resolve(process.argv[2] || path.join(__dirname, '..', '.tools', 'dynalite'))

function log (msg) {
  process.stderr.write(`[dynalite-server] ${msg}\n`)
}

function fail (msg, code) {
  log(`ERROR: ${msg}`)
  process.exit(code || 1)
}

let dynalite
try {
  dynalite = require(path.join(installDir, 'node_modules', 'dynalite'))
}
catch (err) {
  fail(`cannot load dynalite from ${installDir}/node_modules: ${err && err.stack || err}`)
}

const options = {}
const envOptions = {
  DYNALITE_CREATE_TABLE_MS: 'createTableMs',
  DYNALITE_UPDATE_TABLE_MS: 'updateTableMs',
  DYNALITE_DELETE_TABLE_MS: 'deleteTableMs',
}
for (const [envName, optName] of Object.entries(envOptions)) {
  const raw = process.env[envName]
  if (raw == null || raw.trim() === '') continue
  if (!/^\d+$/.test(raw.trim())) fail(`${envName} must be a non-negative integer (ms), got '${raw}'`, 2)
  options[optName] = Number(raw.trim())
}

// A request dynalite accepts: it validates the presence (not the correctness) of the
// SigV4 Authorization header parts and requires an X-Amz-Date (or Date) header.
function listTables (port, timeoutMs) {
  return new Promise((resolve, reject) => {
    const body = '{}'
    const req = http.request({
      host: HOST,
      port,
      method: 'POST',
      path: '/',
      headers: {
        'Content-Type': 'application/x-amz-json-1.0',
        'Content-Length': Buffer.byteLength(body),
        'X-Amz-Target': 'DynamoDB_20120810.ListTables',
        'X-Amz-Date': '20240101T000000Z',
        'Authorization': 'AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/dynamodb/aws4_request, ' +
          'SignedHeaders=host;x-amz-date;x-amz-target, Signature=x',
      },
    }, (res) => {
      let data = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => { data += chunk })
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}: ${data}`))
        let parsed
        try { parsed = JSON.parse(data) }
        catch { return reject(new Error(`invalid JSON: ${data}`)) }
        if (!parsed || !Array.isArray(parsed.TableNames)) return reject(new Error(`unexpected body: ${data}`))
        resolve(parsed)
      })
    })
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)))
    req.on('error', reject)
    req.end(body)
  })
}

async function healthCheck (port) {
  const attempts = 20
  let lastErr
  for (let i = 1; i <= attempts; i++) {
    try {
      return await listTables(port, 5000)
    }
    catch (err) {
      lastErr = err
      log(`health check ${i}/${attempts} failed: ${err.message}`)
      await new Promise((r) => setTimeout(r, 250))
    }
  }
  throw lastErr
}

const requestedOptions = { ...options } // dynalite fills in its defaults on the object it is given
const server = dynalite(options)

server.on('error', (err) => fail(`server error: ${err && err.stack || err}`))

server.listen(0, HOST, () => {
  const { port } = server.address()
  const endpoint = `http://${HOST}:${port}`
  healthCheck(port).then(() => {
    const version = (() => {
      try { return require(path.join(installDir, 'node_modules', 'dynalite', 'package.json')).version }
      catch { return '?' }
    })()
    log(`dynalite ${version} (pid ${process.pid}) ready at ${endpoint} options=${JSON.stringify(requestedOptions)}`)
    process.stdout.write(endpoint + '\n')
  }, (err) => fail(`server at ${endpoint} did not answer ListTables: ${err && err.message || err}`))
})

let stopping = false
function shutdown (signal) {
  if (stopping) return
  stopping = true
  log(`received ${signal}, shutting down`)
  // In-memory store: nothing to persist, so don't wait long for graceful close.
  setTimeout(() => process.exit(0), 2000).unref()
  try {
    server.close(() => process.exit(0))
    if (typeof server.closeAllConnections === 'function') server.closeAllConnections()
  }
  catch {
    process.exit(0)
  }
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
process.on('SIGHUP', () => {}) // survive the launching shell going away (belt and braces with nohup)

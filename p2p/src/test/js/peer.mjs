// A js-libp2p peer for smnode's interop tests, on loopback only. Configured by one JSON argument:
//   {"prologue": "<hex genesis id>-<layer>", "topics": ["ax1","tx1"], "strictSign": false, "serve": ["hs/1"]}
// It prints one JSON object per line on stdout (events) and takes one JSON command per line on stdin:
//   {"cmd":"dial","addr":MA} {"cmd":"publish","topic":T,"data":HEX | "size":N} {"cmd":"mesh","topic":T}
//   {"cmd":"request","peer":ID,"protocols":[..],"data":HEX} {"cmd":"peers"} {"cmd":"identify","peer":ID}
// Gossip uses go-spacemesh's settings: StrictNoSign, message id BLAKE3-256(topic || data), D 6/4/8, Dlazy 8,
// gossip factor 0.1, flood publish off, 2 MiB messages.
import './polyfill.mjs'
import { createInterface } from 'node:readline'
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { gossipsub } from '@libp2p/gossipsub'
import { multiaddr } from '@multiformats/multiaddr'
import { blake3 } from '@noble/hashes/blake3.js'

const cfg = JSON.parse(process.argv[2] ?? '{}')
const enc = new TextEncoder()
const hex = (b) => Buffer.from(b).toString('hex')
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n')
const msgId = (topic, data) => {
  const t = enc.encode(topic)
  const all = new Uint8Array(t.length + data.length)
  all.set(t, 0)
  all.set(data, t.length)
  return blake3(all)
}

const node = await createLibp2p({
  addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
  transports: [tcp()],
  connectionEncrypters: [noise({ prologueBytes: enc.encode(cfg.prologue ?? '') })],
  streamMuxers: [yamux()],
  connectionGater: { denyDialMultiaddr: async () => false },
  services: {
    identify: identify(),
    ping: ping(),
    pubsub: gossipsub({
      globalSignaturePolicy: cfg.strictSign ? 'StrictSign' : 'StrictNoSign',
      msgIdFn: (msg) => msgId(msg.topic, msg.data),
      floodPublish: false,
      D: 6, Dlo: 4, Dhi: 8, Dlazy: 8, gossipFactor: 0.1, mcacheLength: 10,
      maxInboundDataLength: 2 << 20,
      allowPublishToZeroTopicPeers: true,
      emitSelf: false
    })
  }
})

const pubsub = node.services.pubsub
pubsub.addEventListener('gossipsub:message', (evt) => {
  const { msg, propagationSource } = evt.detail
  out({ event: 'msg', topic: msg.topic, from: propagationSource.toString(), msg_id: hex(msgId(msg.topic, msg.data)),
    size: msg.data.length, data: msg.data.length <= 4096 ? hex(msg.data) : undefined })
})
node.addEventListener('peer:connect', (evt) => out({ event: 'connect', peer: evt.detail.toString() }))
node.addEventListener('peer:disconnect', (evt) => out({ event: 'disconnect', peer: evt.detail.toString() }))
node.addEventListener('peer:identify', (evt) => out({
  event: 'identify', peer: evt.detail.peerId.toString(), protocols: evt.detail.protocols,
  agent: evt.detail.agentVersion, listen_addrs: evt.detail.listenAddrs.map(a => a.toString())
}))
for (const t of cfg.topics ?? []) pubsub.subscribe(t)

// Spacemesh request/response: uvarint(len) || request -> SCALE Response{data, error}.
const compact = (n) => {
  if (n < 64) return Buffer.from([n << 2])
  if (n < 1 << 14) { const b = Buffer.alloc(2); b.writeUInt16LE((n << 2) | 1); return b }
  if (n < 1 << 30) { const b = Buffer.alloc(4); b.writeUInt32LE(((n << 2) | 2) >>> 0); return b }
  throw new Error('too long')
}
const uvarint = (n) => { const b = []; while (n >= 0x80) { b.push((n & 0x7f) | 0x80); n = Math.floor(n / 128) } b.push(n); return Buffer.from(b) }
const response = (data, error) => Buffer.concat([compact(data.length), data, compact(Buffer.byteLength(error)), Buffer.from(error)])
const readAll = async (stream) => { const parts = []; for await (const c of stream) parts.push(Buffer.from(c.subarray ? c.subarray() : c)); return Buffer.concat(parts) }
const readUvarintFrame = async (stream) => {
  let buf = Buffer.alloc(0)
  for await (const c of stream) {
    buf = Buffer.concat([buf, Buffer.from(c.subarray ? c.subarray() : c)])
    let n = 0; let shift = 0; let i = 0
    for (; i < buf.length; i++) { n += (buf[i] & 0x7f) * 2 ** shift; shift += 7; if ((buf[i] & 0x80) === 0) break }
    if (i < buf.length && buf.length >= i + 1 + n) return buf.subarray(i + 1, i + 1 + n)
  }
  throw new Error('stream ended before the request')
}
const readCompact = (b, at) => {
  const mode = b[at] & 3
  if (mode === 0) return [b[at] >> 2, at + 1]
  if (mode === 1) return [b.readUInt16LE(at) >> 2, at + 2]
  if (mode === 2) return [b.readUInt32LE(at) >>> 2, at + 4]
  throw new Error('big compact')
}
for (const proto of cfg.serve ?? []) {
  await node.handle(proto, async (stream, connection) => {
    const req = await readUvarintFrame(stream)
    out({ event: 'served', protocol: proto, from: connection.remotePeer.toString(), data: hex(req) })
    const text = req.toString()
    stream.send(text === 'fail' ? response(Buffer.alloc(0), 'request failed on purpose') : response(Buffer.concat([Buffer.from('echo:'), req]), ''))
    await stream.close()
  }, { runOnLimitedConnection: false })
}

const connectionTo = (peer) => node.getConnections().find(c => c.remotePeer.toString() === peer)
const commands = {
  async dial (c) {
    const conn = await node.dial(multiaddr(c.addr))
    out({ event: 'dialed', peer: conn.remotePeer.toString() })
  },
  async publish (c) {
    const data = c.data !== undefined ? Buffer.from(c.data, 'hex') : Buffer.alloc(c.size, c.fill ?? 7)
    const r = await pubsub.publish(c.topic, data)
    out({ event: 'published', topic: c.topic, msg_id: hex(msgId(c.topic, data)), recipients: r.recipients.length })
  },
  async mesh (c) {
    out({ event: 'mesh', topic: c.topic, peers: pubsub.getMeshPeers(c.topic).map(String) })
  },
  async peers () {
    out({ event: 'peers', peers: node.getPeers().map(String) })
  },
  async request (c) {
    const conn = connectionTo(c.peer)
    const stream = await conn.newStream(c.protocols)
    const req = Buffer.from(c.data, 'hex')
    stream.send(Buffer.concat([uvarint(req.length), req]))
    const b = await readAll(stream)
    const [dlen, at] = readCompact(b, 0)
    const data = b.subarray(at, at + dlen)
    const [elen, at2] = readCompact(b, at + dlen)
    out({ event: 'response', protocol: stream.protocol, data: hex(data), error: b.subarray(at2, at2 + elen).toString() })
  },
  async identify (c) {
    const p = await node.peerStore.get(connectionTo(c.peer).remotePeer)
    out({ event: 'peerstore', peer: c.peer, protocols: p.protocols })
  }
}

const rl = createInterface({ input: process.stdin })
rl.on('line', (line) => {
  if (!line.trim()) return
  let c
  try { c = JSON.parse(line) } catch (e) { out({ event: 'error', message: 'bad command: ' + line }); return }
  const f = commands[c.cmd]
  if (!f) { out({ event: 'error', cmd: c.cmd, message: 'unknown command' }); return }
  f(c).catch(e => out({ event: 'error', cmd: c.cmd, message: String(e?.message ?? e) }))
})
rl.on('close', async () => { await node.stop(); process.exit(0) })
process.on('unhandledRejection', (e) => out({ event: 'error', message: 'unhandled: ' + String(e?.message ?? e) }))

out({ event: 'ready', peer_id: node.peerId.toString(), addrs: node.getMultiaddrs().map(String) })

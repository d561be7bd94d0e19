// Node 20 lacks Promise.withResolvers, which a transitive dependency of js-libp2p (it-queue) calls; Node >= 22 has it.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers () {
    let resolve
    let reject
    const promise = new Promise((res, rej) => { resolve = res; reject = rej })
    return { promise, resolve, reject }
  }
}

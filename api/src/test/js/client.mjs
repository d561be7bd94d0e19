// Test only: an independent client of the node's API, as smapp runs one: @grpc/grpc-js with @grpc/proto-loader
// over smnode's protos. Usage: node client.mjs PROTO_DIR PUBLIC_PORT PRIVATE_PORT
// Prints one JSON object with what each call answered (or the error it ended with).
import grpc from "@grpc/grpc-js";
import protoLoader from "@grpc/proto-loader";

const [protoDir, publicPort, privatePort] = process.argv.slice(2);
const files = [
  "spacemesh/v1/node.proto", "spacemesh/v1/mesh.proto", "spacemesh/v1/smesher.proto",
  "spacemesh/v2alpha1/network.proto", "spacemesh/v2alpha1/activation.proto", "spacemesh/v2alpha1/layer.proto",
];
const definition = protoLoader.loadSync(files, {
  includeDirs: [protoDir], keepCase: false, longs: String, enums: String, bytes: String, defaults: true,
  oneofs: true,
});
const api = grpc.loadPackageDefinition(definition).spacemesh;

function client(Service, port) {
  return new Service("127.0.0.1:" + port, grpc.credentials.createInsecure());
}

function call(c, method, request) {
  return new Promise((resolve) => {
    c[method](request, (err, response) => resolve(err ? { error: grpc.status[err.code] } : response));
  });
}

function firstOfStream(c, method, request) {
  return new Promise((resolve) => {
    const stream = c[method](request);
    stream.on("data", (d) => { resolve(d); stream.cancel(); });
    stream.on("error", (e) => { if (e.code !== grpc.status.CANCELLED) resolve({ error: grpc.status[e.code] }); });
  });
}

const node = client(api.v1.NodeService, publicPort);
const mesh = client(api.v1.MeshService, publicPort);
const network = client(api.v2alpha1.NetworkService, publicPort);
const activations = client(api.v2alpha1.ActivationService, publicPort);
const layers = client(api.v2alpha1.LayerService, publicPort);
const smesher = client(api.v1.SmesherService, privatePort);

const out = {
  echo: await call(node, "Echo", { msg: { value: "from grpc-js" } }),
  version: await call(node, "Version", {}),
  status: await call(node, "Status", {}),
  statusStream: await firstOfStream(node, "StatusStream", {}),
  genesisId: await call(mesh, "GenesisID", {}),
  currentLayer: await call(mesh, "CurrentLayer", {}),
  networkInfo: await call(network, "Info", {}),
  activations: await call(activations, "List", { limit: 10 }),
  unbounded: await call(activations, "List", { limit: 0 }),
  layers: await call(layers, "List", { limit: 3, sortOrder: "DESC" }),
  coinbase: await call(smesher, "Coinbase", {}),
};
process.stdout.write(JSON.stringify(out) + "\n");
for (const c of [node, mesh, network, activations, layers, smesher]) {
  c.close();
}

declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';
  const nodeEndpoint: (nodeObject: unknown) => Endpoint;
  export default nodeEndpoint;
}

// Worker threads do not inherit the parent's TypeScript loader: load the entry through tsx here.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker-entry.ts', import.meta.url);

// Worker threads do not inherit a loader registered in the main thread: register tsx here, then load
// the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");

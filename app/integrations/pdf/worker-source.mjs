// The worker when the app runs from its sources (npm run dev, the unit tests): tsx compiles
// worker.ts in this thread. The production build bundles worker.ts into build/pdf-worker.mjs.
import { register } from "tsx/esm/api";

register();
const { default: render } = await import("./worker.ts");
export default render;

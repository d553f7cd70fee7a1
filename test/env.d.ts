import type { Env as AppEnv } from "../src/config.ts";

declare global {
  namespace Cloudflare {
    interface Env extends AppEnv {
      TEST_SCHEMA: string;
      API_TOKEN: string;
    }
    interface GlobalProps {
      mainModule: typeof import("../src/index.ts");
    }
  }
}

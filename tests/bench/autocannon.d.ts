/**
 * The slice of autocannon 9's programmatic API the benchmark uses (the package ships no types and
 * @types/autocannon is not installed). Field names follow autocannon's README, "Results".
 */
declare module "autocannon" {
  namespace autocannon {
    interface Request {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
      setupRequest?: (request: Request, context: Record<string, unknown>) => Request | undefined | null | false;
      onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void;
    }

    interface Options extends Request {
      url: string;
      connections?: number;
      /** Seconds. */
      duration?: number;
      /** Seconds to wait for one response. */
      timeout?: number;
      pipelining?: number;
      title?: string;
      requests?: Request[];
      initialContext?: Record<string, unknown>;
      warmup?: { connections?: number; duration?: number };
      expectBody?: string;
      verifyBody?: (body: string) => boolean;
    }

    interface Histogram {
      mean: number;
      average: number;
      stddev: number;
      min: number;
      max: number;
      p50: number;
      p90: number;
      p99: number;
      total?: number;
    }

    interface Result {
      title?: string;
      url: string;
      duration: number;
      /** Connection errors, timeouts included. */
      errors: number;
      timeouts: number;
      mismatches: number;
      non2xx: number;
      "1xx": number;
      "2xx": number;
      "3xx": number;
      "4xx": number;
      "5xx": number;
      statusCodeStats: Record<string, { count: number }>;
      latency: Histogram;
      /** Requests per second sampled once a second; `total` is the number completed. */
      requests: Histogram & { sent: number };
      throughput: Histogram;
    }

    interface Instance extends NodeJS.EventEmitter, PromiseLike<Result> {
      stop(): void;
    }
  }

  function autocannon(options: autocannon.Options): autocannon.Instance;
  export = autocannon;
}

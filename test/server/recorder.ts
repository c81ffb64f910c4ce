/** One request exactly as the server received it, for replay tests to assert on. */
export interface ReceivedRequest {
  at: string;
  /** The origin the request was addressed to (scheme + Host header). */
  origin: string;
  method: string;
  /** Path and query. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const PER_SCENARIO = 50;

/** Keeps the last requests per scenario; shared by both listeners. */
export class Recorder {
  #byScenario = new Map<string, ReceivedRequest[]>();

  add(scenario: string, request: ReceivedRequest): void {
    const list = this.#byScenario.get(scenario) ?? [];
    list.push(request);
    if (list.length > PER_SCENARIO) list.splice(0, list.length - PER_SCENARIO);
    this.#byScenario.set(scenario, list);
  }

  get(scenario: string): ReceivedRequest[] {
    return [...(this.#byScenario.get(scenario) ?? [])];
  }

  scenarios(): string[] {
    return [...this.#byScenario.keys()];
  }

  reset(): void {
    this.#byScenario.clear();
  }
}

/** One agreement SLO as `GET /v1/insights/slos` measures it over its window. */
export interface SloStatusView {
  agreement: string;
  provider: string;
  consumer: string;
  mode: string;
  slo: string;
  objective: number;
  request: string;
  response: string;
  within: string;
  window: string;
  counted: number;
  met: number;
  missed: number;
  pending: number;
  compliance: number | null;
  latency: { medianMs: number | null; p90Ms: number | null; answered: number };
  state: 'met' | 'breached' | 'insufficient-data' | 'no-data';
  tension?: string;
}

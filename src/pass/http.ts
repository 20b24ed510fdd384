/**
 * The only place that touches axios. Every exchange ends as a plain outcome (a response with its raw
 * text, or a transport failure) so the error policy can decide; nothing here throws for HTTP statuses.
 * Uses its own axios instance (no global defaults leak in) and the browser adapter in browser bundles.
 */
import axios from 'axios';

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  /** Exactly the headers to send; Accept is always set explicitly (axios' default is not allowed by §3.1). */
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export type HttpOutcome = { type: 'response'; status: number; contentType: string; text: string } | { type: 'transport'; reason: string };

const instance = axios.create();

export async function sendHttp(request: HttpRequest): Promise<HttpOutcome> {
  try {
    const response = await instance.request<string>({
      method: request.method,
      url: request.url,
      headers: request.headers,
      data: request.body,
      timeout: request.timeoutMs,
      responseType: 'text',
      // Keep the raw text: JSON is parsed (and validated) by us, so a broken body is an error, not a crash.
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      maxRedirects: 0,
    });
    const contentType = String(response.headers['content-type'] ?? '');
    const text = typeof response.data === 'string' ? response.data : '';
    return { type: 'response', status: response.status, contentType, text };
  } catch (error) {
    const reason = axios.isAxiosError(error) ? (error.code ?? error.message) : String(error);
    return { type: 'transport', reason };
  }
}

/** JSON.parse that reports failure instead of throwing; empty bodies are `undefined`. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

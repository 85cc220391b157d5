import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

export interface Double {
  url: string;
  close(): Promise<void>;
}

/** A small real HTTP server on a free local port, for a provider's double. */
export async function listen(handle: (request: IncomingMessage, body: string, response: ServerResponse) => void): Promise<Double> {
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => handle(request, body, response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || !address) throw new Error("double did not listen");
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function reply(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

/**
 * A stand-in for AWS Systems Manager's Parameter Store: an HTTP server that answers the SSM JSON protocol's
 * GetParameters (what Powertools Parameters sends for `getParametersByName` with decryption) from a map the test
 * holds. The real SSM client talks to it through the SDK's own endpoint setting, `AWS_ENDPOINT_URL_SSM`.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SsmStandin {
  endpoint: string;
  /** the parameters as stored: SecureString values by name */
  parameters: Map<string, string>;
  /** every GetParameters request: the names asked for, whether decryption was asked, whether it was signed */
  requests: Array<{ names: string[]; decrypt: boolean; signed: boolean }>;
  stop(): Promise<void>;
}

const body = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

export async function startSsmStandin(): Promise<SsmStandin> {
  const parameters = new Map<string, string>();
  const requests: SsmStandin['requests'] = [];
  const server = createServer((req, res) => {
    void body(req).then((text) => {
      const answer = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(json));
      };
      if (req.headers['x-amz-target'] !== 'AmazonSSM.GetParameters') {
        return answer(400, { __type: 'UnknownOperationException', message: `not in the stand-in: ${String(req.headers['x-amz-target'])}` });
      }
      const { Names = [], WithDecryption = false } = JSON.parse(text) as { Names?: string[]; WithDecryption?: boolean };
      requests.push({ names: Names, decrypt: WithDecryption, signed: /^AWS4-HMAC-SHA256 /.test(req.headers.authorization ?? '') });
      answer(200, {
        Parameters: Names.filter((n) => parameters.has(n)).map((Name) => ({
          Name,
          Type: 'SecureString',
          // a SecureString read without decryption is ciphertext
          Value: WithDecryption ? parameters.get(Name) : Buffer.from(`kms:${Name}`).toString('base64'),
          Version: 1,
          ARN: `arn:aws-cn:ssm:cn-northwest-1:000000000000:parameter${Name}`,
          DataType: 'text',
        })),
        InvalidParameters: Names.filter((n) => !parameters.has(n)),
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    parameters,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

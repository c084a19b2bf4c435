/**
 * Around the API's entry: one log line per request (route pattern, status, latency, correlation and request ids, cold
 * start, the caller's role) and its counts, never the path (it holds ids), a body, a header's value or who the caller is.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { count, countBy, invocation, logger, tracer } from '../telemetry';
import { header } from './request';

/** What the handler learns about a request as it goes, for the log line. */
export interface Seen {
  /** `METHOD /path/{param}`, or `unmatched` */
  route: string;
  /** `anonymous`, `citizen` or the staff role */
  role: string;
}

type Serve = (event: APIGatewayProxyEventV2, seen: Seen) => Promise<APIGatewayProxyStructuredResultV2>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The caller's X-Correlation-Id when it is a UUID (free text could carry a phone number into the log), else API Gateway's request id. */
function correlationOf(event: APIGatewayProxyEventV2): string {
  const given = header(event, 'x-correlation-id');
  return given && UUID.test(given) ? given.toLowerCase() : event.requestContext.requestId;
}

/**
 * Errors by route; the business counts from what a route answered: a 201 on a submit is a petition (a retry with the
 * same key answers 200 and is not counted again), a 201 on POST /bookings a booking, and a 200 on a POST to one
 * petition a step taken (named by the route's last segment).
 */
function countOutcome(route: string, status: number) {
  if (status >= 500) return countBy('Http5xx', 'route', route);
  if (status >= 400) return countBy('Http4xx', 'route', route);
  if (status === 201 && (route === 'POST /petitions' || route === 'POST /staff/petitions')) count('PetitionsSubmitted');
  if (status === 201 && route === 'POST /bookings') count('Bookings');
  const step = /^POST (?:\/staff)?\/petitions\/\{id\}\/([a-z-]+)$/.exec(route)?.[1];
  if (step && status === 200) countBy('StepsTaken', 'step', step);
}

/** `name`: the function's, as its log lines and metrics say it */
export function observed(name: string, serve: Serve) {
  return (event: APIGatewayProxyEventV2, context?: Context): Promise<APIGatewayProxyStructuredResultV2> =>
    invocation(name, context, async () => {
      const started = performance.now();
      const seen: Seen = { route: 'unmatched', role: 'anonymous' };
      const correlationId = correlationOf(event);
      const response = await serve(event, seen);
      tracer.putAnnotation('route', seen.route);
      logger.info('request', {
        route: seen.route,
        status: response.statusCode,
        latency_ms: Math.round(performance.now() - started),
        role: seen.role,
        correlation_id: correlationId,
      });
      countOutcome(seen.route, response.statusCode ?? 200);
      return { ...response, headers: { ...response.headers, 'x-correlation-id': correlationId } };
    });
}

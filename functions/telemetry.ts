/**
 * What an operator of the deployed stack sees: one Powertools logger, metrics (CloudWatch EMF on stdout) and tracer per
 * container, configured by the POWERTOOLS_* variables in serverless.yml (tracing is off in the local stage). Nothing
 * personal goes in: routes are patterns, callers are roles, errors are kinds, and no response is traced.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context } from 'aws-lambda';

export const logger = new Logger();
export const metrics = new Metrics();
export const tracer = new Tracer();

export const count = (name: string, value = 1) => metrics.addMetric(name, MetricUnit.Count, value);

/** One metric emitted at once with its own dimension, so concurrent requests in one process never share one. */
export function countBy(name: string, dimension: string, value: string) {
  const single = metrics.singleMetric();
  single.addDimension(dimension, value);
  single.addMetric(name, MetricUnit.Count, 1);
}

interface SdkClient {
  middlewareStack: {
    add: (
      mw: (next: (args: any) => Promise<any>, context: { commandName?: string }) => (args: any) => Promise<any>,
      opts: { step: 'initialize'; name: string },
    ) => void;
  };
}

const conditionFailed = (err: unknown) =>
  err instanceof Error &&
  (err.name === 'ConditionalCheckFailedException' ||
    (err.name === 'TransactionCanceledException' &&
      ((err as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed')));

/**
 * An AWS SDK client as the Lambda entries use it: traced, and every failed DynamoDB condition counted as
 * ConditionalCheckFailures by operation, whether the use case turns it into a 409 (a lost race, a name taken), a retry,
 * a 429 (a quota reached) or a message parked (UpdateItem: a citizen with no consent left).
 */
export function observeAws<C extends object>(client: C): C {
  (client as unknown as SdkClient).middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (err) {
        if (conditionFailed(err)) countBy('ConditionalCheckFailures', 'operation', context.commandName ?? 'unknown');
        throw err;
      }
    },
    { step: 'initialize', name: 'shaogangConditionFailures' },
  );
  return tracer.captureAWSv3Client(client as C & SdkClient);
}

/**
 * Runs one invocation inside its own trace subsegment, with the Lambda context on every log line (request id, cold
 * start), and publishes what it counted at the end, whatever happened.
 */
export async function invocation<T>(name: string, context: Context | undefined, run: () => Promise<T>): Promise<T> {
  logger.refreshSampleRateCalculation();
  if (context) logger.addContext(context);
  const segment = tracer.isTracingEnabled() ? tracer.getSegment() : undefined;
  const sub = segment?.addNewSubsegment(`## ${name}`);
  if (sub) {
    tracer.setSegment(sub);
    tracer.annotateColdStart();
    tracer.addServiceNameAnnotation();
  }
  try {
    return await run();
  } catch (err) {
    if (err instanceof Error) tracer.addErrorAsMetadata(err);
    throw err;
  } finally {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    sub?.close();
    if (segment) tracer.setSegment(segment);
  }
}

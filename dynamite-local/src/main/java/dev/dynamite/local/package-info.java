/**
 * The embedded DynamoDB-compatible engine: {@link dev.dynamite.local.DynamoDbLocal} runs it in memory, in-process
 * through an AWS SDK {@code SdkHttpClient} and, on demand, over HTTP; {@link dev.dynamite.local.Faults} injects
 * latency, throttling, server errors and partial batch results into its calls.
 *
 * <pre>{@code
 * try (DynamoDbLocal local = DynamoDbLocal.create()) {
 *     DynamoDbClient dynamo = local.client();
 *     local.faults().on("PutItem").throttle().times(2);
 *     ...
 * }
 * }</pre>
 *
 * <p>From the command line, {@code java -jar dynamite-local.jar --port 8000} serves an empty engine on
 * {@code http://127.0.0.1:8000} until stopped; the jar needs nothing else on the class path.
 */
@NullMarked
package dev.dynamite.local;

import org.jspecify.annotations.NullMarked;

package no.samhandling.platform.events;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/**
 * Captures the W3C trace context of the request that raised an event, so that the relay can carry
 * it across Kafka even though it publishes later, on another thread.
 */
final class TraceContext {

    private final Tracer tracer;

    TraceContext(Tracer tracer) {
        this.tracer = tracer;
    }

    String currentTraceparent() {
        if (tracer == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        io.micrometer.tracing.TraceContext context = span.context();
        boolean sampled = Boolean.TRUE.equals(context.sampled());
        return "00-" + padTraceId(context.traceId()) + "-" + context.spanId() + (sampled ? "-01" : "-00");
    }

    private static String padTraceId(String traceId) {
        return traceId.length() == 16 ? "0000000000000000" + traceId : traceId;
    }
}

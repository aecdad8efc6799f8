package no.samhandling.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Loads the published JSON Schemas and validates JSON against them, formats included. */
final class EventSchemas {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static String resource(String type) {
        return "schemas/" + type + ".schema.json";
    }

    static JsonNode tree(String type) {
        try (InputStream in = open(type)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Error> validate(String type, JsonNode json) {
        Schema schema;
        try (InputStream in = open(type)) {
            schema = REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // In draft 2020-12 "format" only annotates unless assertions are switched on.
        return schema.validate(json, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
    }

    private static InputStream open(String type) {
        InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource(type));
        if (in == null) {
            throw new IllegalArgumentException("No schema for event type " + type);
        }
        return in;
    }

    private EventSchemas() {
    }
}

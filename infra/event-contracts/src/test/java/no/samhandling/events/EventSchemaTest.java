package no.samhandling.events;

import static no.samhandling.events.EventSchemas.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The published schemas describe exactly the records: same fields, types, enums and required fields. */
class EventSchemaTest {

    private static final String CODE_PATTERN = "^[A-Z][A-Z0-9_]{0,63}$";

    // The source folders, not target/, so that a file deleted from the sources cannot linger.
    private static final Path SCHEMAS = Path.of("src/main/resources/schemas");
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    static Stream<String> types() {
        return EventCatalogue.all().stream().map(EventDefinition::type);
    }

    static Set<String> catalogueTypes() {
        return types().collect(Collectors.toSet());
    }

    @Test
    void everyCatalogueTypeHasASchemaAndAFixture() {
        assertThat(filesIn(SCHEMAS, ".schema.json")).containsAll(catalogueTypes());
        assertThat(filesIn(FIXTURES, ".json")).containsAll(catalogueTypes());
    }

    @Test
    void everySchemaAndFixtureBelongsToACatalogueType() {
        assertThat(catalogueTypes()).containsAll(filesIn(SCHEMAS, ".schema.json"));
        assertThat(catalogueTypes()).containsAll(filesIn(FIXTURES, ".json"));
    }

    @ParameterizedTest
    @MethodSource("types")
    void schemaIsADraft202012SchemaNamedAfterItsType(String type) {
        JsonNode schema = EventSchemas.tree(type);

        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asString()).endsWith("/" + type + ".schema.json");
        assertThat(schema.path("title").asString()).isEqualTo(type);
        assertThat(schema.path("description").asString()).isNotBlank();
        assertThat(schema.at("/properties/municipality/pattern").asString()).isEqualTo("^[0-9]{4}$");
    }

    @ParameterizedTest
    @MethodSource("types")
    void schemaAcceptsFieldsItDoesNotKnowYet(String type) {
        List<JsonNode> objectSchemas = new ArrayList<>();
        collectObjectSchemas(EventSchemas.tree(type), objectSchemas);

        assertThat(objectSchemas).isNotEmpty()
                .allSatisfy(schema -> assertThat(schema.path("additionalProperties").booleanValue(false)).isTrue());
    }

    @ParameterizedTest
    @MethodSource("types")
    void schemaDescribesEveryRecordComponentAndNothingElse(String type) {
        Class<?> javaType = EventCatalogue.byType(type).orElseThrow().javaType();

        assertDescribes(EventSchemas.tree(type), javaType, type);
    }

    /** The explicit half of the contract: what the schema requires, the record requires too. */
    @ParameterizedTest
    @MethodSource("types")
    void readRejectsTheFixtureWithoutAnyFieldTheSchemaRequires(String type) {
        for (JsonNode required : EventSchemas.tree(type).path("required")) {
            ObjectNode json = fixture(type);
            json.remove(required.asString());

            assertThat(catchThrowable(() -> EventJson.read(type, JSON.writeValueAsBytes(json))))
                    .as("%s without %s", type, required.asString())
                    .isInstanceOf(InvalidEventException.class);
        }
    }

    /**
     * The other half: a field the record cannot do without is one the schema demands, directly or
     * conditionally. Lists are exempt: an absent list reads as empty.
     */
    @ParameterizedTest
    @MethodSource("types")
    void schemaRejectsTheFixtureWithoutAnyFieldTheRecordRequires(String type) {
        for (String field : fixture(type).propertyNames()) {
            ObjectNode json = fixture(type);
            boolean isList = json.get(field).isArray();
            json.remove(field);

            boolean recordRejects = catchThrowable(() -> EventJson.read(type, JSON.writeValueAsBytes(json))) != null;
            boolean schemaRejects = !EventSchemas.validate(type, json).isEmpty();

            if (!isList) {
                assertThat(schemaRejects).as("%s without %s: schema rejects as the record does", type, field).isEqualTo(recordRejects);
            } else if (schemaRejects) {
                assertThat(recordRejects).as("%s without list %s", type, field).isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void schemaAndRecordBothRejectAMalformedEnvelope(String type) {
        assertBothReject(type, "municipality", JSON.getNodeFactory().stringNode("154"));
        assertBothReject(type, "municipality", JSON.getNodeFactory().stringNode("Aukra"));
        assertBothReject(type, "eventId", JSON.getNodeFactory().stringNode("event-1"));
        assertBothReject(type, "occurredAt", JSON.getNodeFactory().stringNode("yesterday"));
        assertBothReject(type, "aggregateId", JSON.getNodeFactory().stringNode("   "));
    }

    /** Codes are where free text, and personal data with it, would slip in; both sides refuse it. */
    @ParameterizedTest
    @MethodSource("types")
    void schemaAndRecordBothRejectFreeTextInACodeField(String type) {
        JsonNode properties = EventSchemas.tree(type).path("properties");
        for (String field : properties.propertyNames()) {
            JsonNode property = properties.get(field);
            if (CODE_PATTERN.equals(property.path("pattern").asString(""))) {
                assertBothReject(type, field, JSON.getNodeFactory().stringNode("Ola has trouble at home"));
            } else if (CODE_PATTERN.equals(property.at("/items/pattern").asString(""))) {
                ArrayNode codes = JSON.createArrayNode().add("Ola has trouble at home");
                assertBothReject(type, field, codes);
            }
        }
    }

    private static void assertBothReject(String type, String field, JsonNode value) {
        ObjectNode json = fixture(type);
        json.set(field, value);

        assertThat(EventSchemas.validate(type, json)).as("schema of %s with %s = %s", type, field, value).isNotEmpty();
        assertThat(catchThrowable(() -> EventJson.read(type, JSON.writeValueAsBytes(json))))
                .as("record of %s with %s = %s", type, field, value)
                .isInstanceOf(InvalidEventException.class);
    }

    private static void assertDescribes(JsonNode schema, Class<?> recordType, String where) {
        assertThat(schema.path("type").asString()).as(where).isEqualTo("object");
        List<String> components = Arrays.stream(recordType.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(schema.path("properties").propertyNames()).as(where).containsExactlyElementsOf(components);
        for (RecordComponent component : recordType.getRecordComponents()) {
            assertDescribes(schema.path("properties").path(component.getName()), component, where + "." + component.getName());
        }
    }

    private static void assertDescribes(JsonNode property, RecordComponent component, String where) {
        Class<?> type = component.getType();
        if (type == String.class) {
            assertThat(property.path("type").asString()).as(where).isEqualTo("string");
        } else if (type == UUID.class) {
            assertStringWithFormat(property, "uuid", where);
        } else if (type == Instant.class) {
            assertStringWithFormat(property, "date-time", where);
        } else if (type == LocalDate.class) {
            assertStringWithFormat(property, "date", where);
        } else if (type == boolean.class || type == Boolean.class) {
            assertThat(property.path("type").asString()).as(where).isEqualTo("boolean");
        } else if (type == int.class) {
            assertThat(property.path("type").asString()).as(where).isEqualTo("integer");
        } else if (type.isEnum()) {
            assertThat(property.path("type").asString()).as(where).isEqualTo("string");
            List<String> constants = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            assertThat(property.path("enum").values()).as(where).extracting(JsonNode::asString).containsExactlyElementsOf(constants);
        } else if (type == List.class) {
            assertThat(property.path("type").asString()).as(where).isEqualTo("array");
            Class<?> element = (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
            if (element.isRecord()) {
                assertDescribes(property.path("items"), element, where + "[]");
            } else {
                assertThat(element).as(where).isEqualTo(String.class);
                assertThat(property.at("/items/type").asString()).as(where).isEqualTo("string");
            }
        } else {
            throw new AssertionError(where + ": no JSON form agreed for " + type);
        }
    }

    private static void assertStringWithFormat(JsonNode property, String format, String where) {
        assertThat(property.path("type").asString()).as(where).isEqualTo("string");
        assertThat(property.path("format").asString()).as(where).isEqualTo(format);
    }

    private static void collectObjectSchemas(JsonNode node, List<JsonNode> found) {
        if (node.isObject() && "object".equals(node.path("type").asString(""))) {
            found.add(node);
        }
        if (node.isContainer()) {
            node.values().forEach(child -> collectObjectSchemas(child, found));
        }
    }

    private static ObjectNode fixture(String type) {
        return (ObjectNode) JSON.readTree(GoldenFixtures.bytes(type));
    }

    private static Set<String> filesIn(Path directory, String suffix) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                    .map(name -> name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name)
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

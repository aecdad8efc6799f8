package no.samhandling.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/** The AsyncAPI document describes the catalogue: every event on its topic, every reference resolvable. */
class AsyncApiDocumentTest {

    // Surefire runs in the module directory, where the document lives next to the pom.
    private static final Path DOCUMENT = Path.of("asyncapi.yaml");

    private static Map<String, Object> asyncApi;

    @BeforeAll
    static void parse() throws IOException {
        try (Reader reader = Files.newBufferedReader(DOCUMENT)) {
            asyncApi = new Yaml().load(reader);
        }
    }

    static Stream<EventDefinition> definitions() {
        return EventCatalogue.all().stream();
    }

    @Test
    void documentIsAsyncApi300() {
        assertThat(asyncApi).containsEntry("asyncapi", "3.0.0").containsEntry("defaultContentType", "application/json");
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void eventIsAMessageOnTheChannelOfItsTopic(EventDefinition definition) {
        Map<String, Object> channel = channelWithAddress(definition.topic()).orElseThrow();
        Map<String, Object> message = resolve(map(channel, "messages").get(definition.type()));

        assertThat(message).containsEntry("name", definition.type());
        assertThat(map(map(message, "payload"), "schema"))
                .containsEntry("$ref", "src/main/resources/schemas/" + definition.type() + ".schema.json");
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void eventCarriesTheCloudEventsHeaders(EventDefinition definition) {
        Map<String, Object> message = resolve(map(map(asyncApi, "components"), "messages").get(definition.type()));
        List<Object> traits = list(message, "traits");

        assertThat(traits).hasSize(1);
        Map<String, Object> headers = map(resolve(traits.getFirst()), "headers");
        assertThat(list(headers, "required")).containsExactly(
                "ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_subject", "ce_municipality", "content-type");
        assertThat(map(resolve(traits.getFirst()), "bindings")).containsKey("kafka");
    }

    @Test
    void everyMessageOnAnEventChannelIsInTheCatalogue() {
        for (String topic : Topics.ALL) {
            Map<String, Object> channel = channelWithAddress(topic).orElseThrow(() -> new AssertionError("no channel for " + topic));
            for (String type : map(channel, "messages").keySet()) {
                assertThat(EventCatalogue.byType(type)).as(type).hasValueSatisfying(d -> assertThat(d.topic()).isEqualTo(topic));
            }
        }
    }

    @Test
    void eachTopicHasASendOperationCoveringAllItsMessages() {
        for (String topic : Topics.ALL) {
            String channelId = channelIdWithAddress(topic).orElseThrow();
            List<Map<String, Object>> sends = map(asyncApi, "operations").values().stream()
                    .map(AsyncApiDocumentTest::asMap)
                    .filter(operation -> "send".equals(operation.get("action")))
                    .filter(operation -> ("#/channels/" + channelId).equals(map(operation, "channel").get("$ref")))
                    .toList();

            assertThat(sends).as(topic).hasSize(1);
            List<String> sent = list(sends.getFirst(), "messages").stream()
                    .map(reference -> (String) asMap(reference).get("$ref"))
                    .toList();
            List<String> expected = EventCatalogue.all().stream()
                    .filter(definition -> definition.topic().equals(topic))
                    .map(definition -> "#/channels/" + channelId + "/messages/" + definition.type())
                    .toList();
            assertThat(sent).as(topic).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(list(sends.getFirst(), "tags")).as(topic).hasSize(1);
            assertThat(asMap(list(sends.getFirst(), "tags").getFirst())).as(topic + " is sent by its owner")
                    .containsEntry("name", Topics.owner(topic));
        }
    }

    @Test
    void everyServerRequiresSaslSoAClientWithoutCredentialsIsRefused() {
        Map<String, Object> servers = map(asyncApi, "servers");

        assertThat(servers).isNotEmpty();
        servers.forEach((name, server) -> {
            assertThat(asMap(server)).as(name).containsEntry("protocol", "kafka");
            List<String> types = securityTypes(asMap(server));
            assertThat(types).as(name).isNotEmpty().allMatch(type -> type.equals("scramSha512") || type.equals("plain"));
            assertThat(types).as(name + ": the services sign in with SCRAM").contains("scramSha512");
        });
    }

    @Test
    void everyWriterSignsInWithScramAsItself() {
        List<Map<String, Object>> sends = operations("send");

        assertThat(sends).isNotEmpty().allSatisfy(operation -> {
            assertThat(securityTypes(operation)).as(operation.get("summary").toString()).containsExactly("scramSha512");
            assertThat(list(operation, "security")).containsExactly(Map.of("$ref", "#/components/securitySchemes/serviceScram"));
        });
    }

    @Test
    void anExternalReaderReadsEveryTopicWithScramOrPlainAndWritesNothing() {
        List<Map<String, Object>> reads = operations("receive").stream()
                .filter(operation -> list(operation, "tags").contains(Map.of("name", "external-reader")))
                .toList();

        assertThat(reads).extracting(operation -> (String) map(operation, "channel").get("$ref"))
                .containsExactlyInAnyOrderElementsOf(Topics.ALL.stream()
                        .map(topic -> "#/channels/" + channelIdWithAddress(topic).orElseThrow()).toList());
        assertThat(reads).allSatisfy(operation -> {
            assertThat(securityTypes(operation)).containsExactlyInAnyOrder("scramSha512", "plain");
            assertThat(list(operation, "security")).doesNotContain(Map.of("$ref", "#/components/securitySchemes/serviceScram"));
        });
        assertThat(operations("send")).noneSatisfy(operation -> assertThat(list(operation, "tags")).contains(Map.of("name", "external-reader")));
    }

    @Test
    void deadLetterChannelFollowsTheNamingOfTopics() {
        Map<String, Object> deadLetters = channelWithAddress(Topics.deadLetterTopic("{topic}", "{consumerGroup}")).orElseThrow();

        assertThat(list(map(map(deadLetters, "parameters"), "topic"), "enum")).containsExactlyElementsOf(Topics.ALL);
        assertThat(map(deadLetters, "parameters")).containsKey("consumerGroup");
    }

    @Test
    void everyReferenceResolves() {
        List<String> references = new ArrayList<>();
        collectReferences(asyncApi, references);

        assertThat(references).hasSizeGreaterThan(EventCatalogue.all().size() * 3);
        for (String reference : references) {
            if (reference.startsWith("#/")) {
                assertThat(pointer(reference)).as(reference).isNotNull();
            } else {
                assertThat(DOCUMENT.toAbsolutePath().getParent().resolve(reference)).as(reference).isRegularFile();
            }
        }
    }

    private static List<Map<String, Object>> operations(String action) {
        return map(asyncApi, "operations").values().stream()
                .map(AsyncApiDocumentTest::asMap)
                .filter(operation -> action.equals(operation.get("action")))
                .toList();
    }

    /** The types of the security schemes an object (server or operation) names, references followed. */
    private static List<String> securityTypes(Map<String, Object> object) {
        return list(object, "security").stream().map(scheme -> (String) resolve(scheme).get("type")).toList();
    }

    private static Optional<Map<String, Object>> channelWithAddress(String address) {
        return channelIdWithAddress(address).map(id -> map(map(asyncApi, "channels"), id));
    }

    private static Optional<String> channelIdWithAddress(String address) {
        return map(asyncApi, "channels").entrySet().stream()
                .filter(entry -> address.equals(asMap(entry.getValue()).get("address")))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** Follows a local reference, or returns the object itself when it is not one. */
    private static Map<String, Object> resolve(Object node) {
        Map<String, Object> object = asMap(node);
        Object reference = object.get("$ref");
        return reference == null ? object : asMap(pointer((String) reference));
    }

    /** A local JSON pointer into the document; null when nothing is there. */
    private static Object pointer(String reference) {
        Object node = asyncApi;
        for (String token : reference.substring(2).split("/")) {
            if (!(node instanceof Map<?, ?> object)) {
                return null;
            }
            node = object.get(token.replace("~1", "/").replace("~0", "~"));
        }
        return node;
    }

    private static void collectReferences(Object node, List<String> references) {
        if (node instanceof Map<?, ?> object) {
            object.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    references.add((String) value);
                } else {
                    collectReferences(value, references);
                }
            });
        } else if (node instanceof List<?> items) {
            items.forEach(item -> collectReferences(item, references));
        }
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return asMap(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (List<Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }
}

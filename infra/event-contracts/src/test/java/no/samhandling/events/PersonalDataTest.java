package no.samhandling.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

/** Events never carry plaintext personal data; a field named like personal data is the first sign of it. */
class PersonalDataTest {

    private static final List<String> PERSONAL = List.of(
            "name", "birth", "nationalid", "fnr", "personnummer", "address", "phone", "email",
            "freetext", "description", "comment");

    static Stream<EventDefinition> definitions() {
        return EventCatalogue.all().stream();
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void noRecordComponentIsNamedLikePersonalData(EventDefinition definition) {
        assertThat(componentNames(definition.javaType())).noneMatch(PersonalDataTest::looksPersonal);
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void noSchemaPropertyIsNamedLikePersonalData(EventDefinition definition) {
        List<String> names = new ArrayList<>();
        collectPropertyNames(EventSchemas.tree(definition.type()), names);

        assertThat(names).isNotEmpty().noneMatch(PersonalDataTest::looksPersonal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "firstName", "lastName", "birthDate", "nationalId", "fnr", "personnummer",
            "address", "homeAddress", "phone", "email", "freeText", "description", "comment", "guardianName"})
    void namesThatLookPersonalAreRecognised(String field) {
        assertThat(looksPersonal(field)).isTrue();
    }

    private static boolean looksPersonal(String field) {
        String lower = field.toLowerCase(Locale.ROOT);
        return PERSONAL.stream().anyMatch(lower::contains);
    }

    /** Component names of the record and of records nested in it, directly or in lists. */
    private static List<String> componentNames(Class<?> recordType) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : recordType.getRecordComponents()) {
            names.add(component.getName());
            nestedRecord(component.getGenericType()).ifPresent(nested -> names.addAll(componentNames(nested)));
        }
        return names;
    }

    private static Optional<Class<?>> nestedRecord(Type type) {
        if (type instanceof Class<?> c && c.isRecord()) {
            return Optional.of(c);
        }
        if (type instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c && c.isRecord()) {
            return Optional.of(c);
        }
        return Optional.empty();
    }

    private static void collectPropertyNames(JsonNode schema, List<String> names) {
        if (schema.isObject()) {
            JsonNode properties = schema.get("properties");
            if (properties != null && properties.isObject()) {
                names.addAll(properties.propertyNames());
            }
        }
        if (schema.isContainer()) {
            schema.values().forEach(child -> collectPropertyNames(child, names));
        }
    }
}

package no.samhandling.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

class EventCatalogueTest {

    static Stream<EventDefinition> definitions() {
        return EventCatalogue.all().stream();
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void typeIsALogicalVersionedName(EventDefinition definition) {
        assertThat(definition.type()).matches("^[a-z]+\\.[a-z-]+\\.v[0-9]+$");
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void typeNeverContainsAJavaClassName(EventDefinition definition) {
        Class<?> javaType = definition.javaType();

        assertThat(definition.type())
                .doesNotContainIgnoringCase(javaType.getSimpleName())
                .doesNotContain(javaType.getPackageName());
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void typeIsPrefixedWithTheAggregateOfItsTopic(EventDefinition definition) {
        String aggregate = definition.topic().substring(0, definition.topic().indexOf('.'));

        assertThat(definition.type()).startsWith(aggregate + ".");
        assertThat(Topics.ALL).contains(definition.topic());
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void eventIsAnImmutableRecordOfItsSubpackage(EventDefinition definition) {
        Class<?> javaType = definition.javaType();
        String aggregate = definition.topic().substring(0, definition.topic().indexOf('.'));

        assertThat(javaType.isRecord()).isTrue();
        assertThat(Modifier.isPublic(javaType.getModifiers())).isTrue();
        assertThat(javaType.getPackageName()).isEqualTo("no.samhandling.events." + aggregate);
        assertThat(javaType.getSimpleName()).doesNotEndWith("Event");
    }

    @Test
    void everyEventRecordIsInTheCatalogue() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(DomainEvent.class));
        Set<String> found = scanner.findCandidateComponents("no.samhandling.events").stream()
                .map(bean -> bean.getBeanClassName())
                .collect(Collectors.toSet());
        Set<String> catalogued = EventCatalogue.all().stream()
                .map(definition -> definition.javaType().getName())
                .collect(Collectors.toSet());

        assertThat(found).isNotEmpty().isEqualTo(catalogued);
    }

    @Test
    void eachTopicCarriesTheEventsOfOneService() {
        assertThat(EventCatalogue.all()).allSatisfy(definition -> assertThat(definition.topic())
                .isEqualTo(definition.javaType().getPackageName().substring("no.samhandling.events.".length()) + ".events"));
        assertThat(EventCatalogue.all().stream().map(EventDefinition::topic).distinct())
                .containsExactlyInAnyOrder(Topics.ARENA_EVENTS, Topics.REFERRAL_EVENTS, Topics.CONSENT_EVENTS, Topics.NOTIFICATION_EVENTS,
                        Topics.LEADERSHIP_EVENTS);
    }
}

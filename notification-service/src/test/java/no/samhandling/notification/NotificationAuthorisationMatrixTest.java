package no.samhandling.notification;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import no.samhandling.events.arena.MemberJoined;
import no.samhandling.events.arena.MemberRole;
import no.samhandling.events.notification.Channel;
import no.samhandling.notification.content.Message;
import no.samhandling.notification.content.TemplateCode;
import no.samhandling.notification.delivery.Intent;
import no.samhandling.notification.delivery.Notifications;
import no.samhandling.notification.recipients.Language;
import no.samhandling.notification.recipients.Recipient;
import no.samhandling.notification.recipients.RecipientKind;
import no.samhandling.platform.access.ArenaRoster;
import no.samhandling.platform.events.CloudEventCodec;
import no.samhandling.platform.security.Role;
import no.samhandling.platform.test.AuthorisationMatrix;
import no.samhandling.platform.test.AuthorisationMatrix.Rule;
import no.samhandling.platform.test.AuthorisationMatrix.Standing;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestProducer;
import no.samhandling.platform.test.TestTokens;

/**
 * Every endpoint of notification-service, called by every role in every standing towards a notice of
 * one arena (its coordinator, a member, a stranger, another municipality), every service scope and no
 * token, held against one table: a coordinator follows the delivery of their own arenas' notices, an
 * administrator the municipality's. An endpoint without a row fails the test.
 *
 * <p>Standings: OWN is the arena's coordinator ({@code kari}), RELATED a member of it ({@code per}, whom
 * the notice is to), UNRELATED a stranger in the municipality, OTHER_MUNICIPALITY kari in Melhus. The
 * notice is recorded and never sent: dispatch waits an hour, and no provider answers.
 */
@ServiceTest
@TestPropertySource(properties = {"samhandling.notification.dispatch.poll-interval=1h", "spring.mail.port=1",
        "samhandling.notification.sms.base-url=http://127.0.0.1:1"})
class NotificationAuthorisationMatrixTest {

    static final String AUKRA = TestTokens.AUKRA;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    ArenaRoster roster;

    @Autowired
    Notifications notifications;

    @Test
    void everyEndpointAnswersEveryCallerAsTheTableSays() {
        String arenaId = UUID.randomUUID().toString();
        try (TestProducer producer = new TestProducer(String.join(",", kafka.getBootstrapServers()))) {
            producer.send(codec.toRecord(new MemberJoined(UUID.randomUUID(), Instant.now(), AUKRA, arenaId, "kari", "SCHOOL",
                    MemberRole.COORDINATOR)));
            producer.send(codec.toRecord(new MemberJoined(UUID.randomUUID(), Instant.now(), AUKRA, arenaId, "per", "PPT", MemberRole.MEMBER)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> roster.roleOf(AUKRA, arenaId, "kari").isPresent()
                && roster.roleOf(AUKRA, arenaId, "per").isPresent());
        UUID sourceEventId = UUID.randomUUID();
        Intent invitation = new Intent(sourceEventId, "arena.meeting-scheduled.v1", AUKRA, arenaId, TemplateCode.MEETING_INVITATION,
                new Recipient("per", RecipientKind.STAFF, "per@aukra.example", null, Set.of(Channel.EMAIL), Language.NB),
                Channel.EMAIL, new Message("Møteinnkalling", "Du er innkalla til møte.", null, null));
        notifications.record(invitation);

        AuthorisationMatrix matrix = AuthorisationMatrix.of(context, port, Arrays.stream(Role.values()).map(Role::name).toList())
                .scopes("contacts", "audit", "metrics").withPlatformEndpoints()
                // A list: a coordinator meets only their own arenas' notices in it, an administrator the municipality's.
                .on("GET /notifications").query("sourceEventId={sourceEventId}").rule(Rule.roles("COORDINATOR", "ADMIN").always())
                .on("GET /notifications/{id}").rule(Rule.roles("COORDINATOR").when(Standing.OWN)
                        .and("ADMIN").when(Standing.OWN, Standing.RELATED, Standing.UNRELATED));

        matrix.verify(new AuthorisationMatrix.World() {
            @Override
            public Map<String, String> prepare(AuthorisationMatrix.Endpoint endpoint) {
                return Map.of("id", invitation.notificationId(), "sourceEventId", sourceEventId.toString());
            }

            @Override
            public String token(AuthorisationMatrix.Caller caller, Map<String, String> prepared) {
                if (!caller.isPerson()) {
                    return AuthorisationMatrix.machineToken(caller);
                }
                String user = switch (caller.standing()) {
                    case OWN, OTHER_MUNICIPALITY -> "kari";
                    case RELATED -> "per";
                    case UNRELATED -> "stranger";
                };
                String municipality = caller.standing() == Standing.OTHER_MUNICIPALITY ? TestTokens.MELHUS : AUKRA;
                return TestTokens.token(user, municipality, caller.role());
            }
        });
    }
}

package no.samhandling.referral.leadership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import no.samhandling.platform.test.HttpApi;
import no.samhandling.platform.test.NationalIdNumbers;
import no.samhandling.platform.test.PageClient;
import no.samhandling.platform.test.PageClient.Page;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestTokens;

/**
 * The leaders' registers of system cases and deviations as pages, through the same application
 * services and role rules as the API: what a leader reads, registers, follows up and closes, what
 * a form refuses (by field, in Norwegian), and what others are refused.
 */
@ServiceTest
class RegisterPagesTest {

    @LocalServerPort
    int port;

    @Test
    void aLeaderRegistersFollowsUpAndClosesASystemCaseInThePages() {
        PageClient leader = pages("LEADER");

        Page registered = leader.postForm("/systemsaker", "category", "CAPACITY", "title", "Ventetid til PPT",
                "description", "Det tek over fire månader før PPT kan starte ei utgreiing.");
        assertThat(registered.status()).isEqualTo(302);
        assertThat(registered.location()).matches("/systemsaker/[^/?]+\\?registrert");
        String path = registered.location().substring(0, registered.location().indexOf('?'));

        Page shown = leader.get(path + "?registrert");
        assertThat(shown.body()).contains("<h1>Ventetid til PPT</h1>", "Kapasitet og ventetid", "Registrert", "Systemsaken er registrert.");
        assertThat(leader.get("/systemsaker").body()).contains("Ventetid til PPT").contains("Kapasitet og ventetid");

        Page followedUp = leader.postForm(path + "/oppfolging", "note", "PPT legg fram ein plan for ventelista i neste møte.");
        assertThat(followedUp.location()).isEqualTo(path + "?fulgtOpp#oppfolging");
        assertThat(leader.get(path).body()).contains("PPT legg fram ein plan for ventelista i neste møte.", "Fulgt opp", "Lukk saken");

        Page closed = leader.postForm(path + "/lukk", "actionCode", "RESOURCES_ALLOCATED", "actionTaken", "Ein ekstra stilling i PPT frå august.");
        assertThat(closed.location()).isEqualTo(path + "?lukket");
        assertThat(leader.inLanguage("nn").get(path).body()).contains("Lukka", "Ressursar eller kapasitet omfordelt",
                "Ein ekstra stilling i PPT frå august.").doesNotContain("<form method=\"post\" action=\"" + path + "/oppfolging\"");
    }

    @Test
    void aFormThatIsWrongIsShownAgainWithWhatToFixByField() {
        PageClient leader = pages("LEADER");
        String path = leader.postForm("/systemsaker", "category", "ROUTINE", "title", "Rutine for overgang",
                "description", "Rutinen for overgang barnehage–skule er ikkje kjend.").location().replaceAll("\\?.*", "");

        Page empty = leader.postForm(path + "/oppfolging", "note", "");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("Noe må rettes før vi kan lagre", "href=\"#note\"", "id=\"note-error\"");

        Page identifying = leader.postForm("/systemsaker", "category", "ROUTINE", "title", "Eit barn",
                "description", "Gjeld " + NationalIdNumbers.regularFor(LocalDate.of(2015, 3, 1), 100));
        assertThat(identifying.status()).isEqualTo(200);
        assertThat(identifying.body()).contains("id=\"description-error\"").contains("fødselsnummer");
    }

    @Test
    void aCoordinatorSeesOnlyTheirOwnCasesAndMayNotFollowUpAndOthersGetTheRefusalPage() {
        String id = HttpApi.at(port).as(TestTokens.forRole("LEADER")).post("/system-cases", """
                {"category": "COOPERATION", "title": "Samarbeid med BUP", "description": "Tilvisingar til BUP blir sende i retur."}""")
                .json().get("id").asString();

        PageClient coordinator = pages("COORDINATOR");
        assertThat(coordinator.get("/systemsaker").body()).doesNotContain("Samarbeid med BUP");
        assertThat(coordinator.get("/systemsaker/" + id).status()).isEqualTo(404);
        assertThat(coordinator.postForm("/systemsaker/" + id + "/oppfolging", "note", "Tek det opp").status()).isEqualTo(403);

        Page guardian = pages("GUARDIAN").get("/systemsaker");
        assertThat(guardian.status()).isEqualTo(403);
        assertThat(guardian.body()).contains("Du har ikke tilgang til denne siden");
        assertThat(PageClient.at(port).as(TestTokens.token("melhus-leader", TestTokens.MELHUS, "LEADER")).get("/systemsaker/" + id).body())
                .contains("Vi finner ikke siden");
    }

    @Test
    void aLeaderFollowsUpRecategorisesAndClosesADeviationReportedByStaff() {
        String reported = HttpApi.at(port).as(TestTokens.forRole("MEMBER")).post("/deviations", """
                {"category": "OTHER", "unitType": "SCHOOL", "whatHappened": "Møtet i lokalt team vart halde utan referat.",
                 "occurredOn": "%s"}""".formatted(LocalDate.now(ZoneId.of("Europe/Oslo")).minusDays(1))).json().get("id").asString();
        PageClient leader = pages("LEADER");
        assertThat(leader.get("/avvik").body()).contains("href=\"/avvik/" + reported + "\"", "Annen rutine for samarbeid ikke fulgt", "Skole");

        assertThat(leader.postForm("/avvik/" + reported + "/kategori", "category", "MEETING_WITHOUT_MINUTES").location())
                .isEqualTo("/avvik/" + reported + "?endret");
        assertThat(leader.postForm("/avvik/" + reported + "/oppfolging", "note", "Teamleiar minna om referatmalen.").status()).isEqualTo(302);
        assertThat(leader.postForm("/avvik/" + reported + "/lukk", "actionCode", "ROUTINE_CLARIFIED", "actionTaken", "Rutinen er gjennomgått.")
                .location()).isEqualTo("/avvik/" + reported + "?lukket");

        assertThat(leader.get("/avvik/" + reported).body()).contains("Møte holdt uten referat", "Teamleiar minna om referatmalen.",
                "Rutinen gjort kjent på nytt", "Lukket");
        assertThat(pages("MEMBER").get("/avvik").status()).isEqualTo(403);
    }

    private PageClient pages(String role) {
        return PageClient.at(port).as(TestTokens.forRole(role));
    }
}

package no.samhandling.reporting.access;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import no.samhandling.platform.security.Role;
import no.samhandling.platform.test.AuthorisationMatrix;
import no.samhandling.platform.test.AuthorisationMatrix.Rule;
import no.samhandling.platform.test.AuthorisationMatrix.Standing;
import no.samhandling.platform.test.ServiceTest;
import no.samhandling.platform.test.TestTokens;

/**
 * reporting-service holds aggregates only, about no case and no child, so no relation opens
 * anything here: leaders read their municipality's figures and reports, an administrator rebuilds,
 * and every other role is refused by the role gate whatever its standing.
 */
@ServiceTest
class ReportingAuthorisationMatrixTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void onlyLeadersReadFiguresAndOnlyAnAdministratorRebuilds() {
        Rule leaders = Rule.roles("LEADER").always();
        AuthorisationMatrix matrix = AuthorisationMatrix.of(context, port, Arrays.stream(Role.values()).map(Role::name).toList())
                .scopes("contacts", "audit", "metrics").withPlatformEndpoints()
                .on("GET /reports/figures").query("year=2026").rule(leaders)
                .on("GET /reports/releases").query("year=2026").rule(leaders)
                .on("GET /reports/releases/{period}").rule(leaders)
                .on("GET /reports/periods/{period}.pdf").rule(leaders)
                .on("GET /reports/periods/{period}.csv").rule(leaders)
                .on("GET /tall/rapporter/{period}.pdf").rule(leaders)
                .on("GET /tall/rapporter/{period}.csv").rule(leaders)
                .on("GET /tall").rule(leaders)
                .on("POST /reports/rebuild").rule(Rule.roles("ADMIN").always())
                .on("GET /reports/rebuild").rule(Rule.roles("ADMIN").always());

        matrix.verify(new AuthorisationMatrix.World() {
            @Override
            public Map<String, String> prepare(AuthorisationMatrix.Endpoint endpoint) {
                // This world publishes no release, so a leader's read of one gets past access control only as a refused period (400).
                return Map.of("period", endpoint.path().startsWith("/reports/releases/") ? "2026-SUMMER" : "2026-HAUST");
            }

            @Override
            public String token(AuthorisationMatrix.Caller caller, Map<String, String> prepared) {
                if (!caller.isPerson()) {
                    return AuthorisationMatrix.machineToken(caller);
                }
                String municipality = caller.standing() == Standing.OTHER_MUNICIPALITY ? TestTokens.MELHUS : TestTokens.AUKRA;
                return TestTokens.token(caller.role().toLowerCase() + "-" + caller.standing().name().toLowerCase(), municipality, caller.role());
            }
        });
    }
}

package no.samhandling.gateway;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import no.samhandling.web.PageController;

/**
 * The gateway's own pages: the start page, which leads each person to the pages of their roles,
 * and the page after signing out.
 */
@PageController
class StartPage {

    /** Where each role starts; the pages are the services' (see the route table). */
    enum Start {
        LEADER("LEADER", "/tall", "start.leader"),
        LEADER_SYSTEM_CASES("LEADER", "/systemsaker", "start.leader.systemCases"),
        LEADER_DEVIATIONS("LEADER", "/avvik", "start.leader.deviations"),
        GUARDIAN("GUARDIAN", "/mitt-barn", "start.guardian"),
        /** The same pages as the guardians', for the youth's own record. */
        YOUTH("YOUTH", "/mitt-barn", "start.youth"),
        REFERRER_INTAKE("REFERRER", "/meld-inn", "start.intake"),
        REFERRER_CASES("REFERRER", "/saker", "start.myCases"),
        COORDINATOR_CASES("COORDINATOR", "/saker", "start.arenaCases"),
        COORDINATOR_MEETINGS("COORDINATOR", "/moter", "start.meetings"),
        COORDINATOR_ARENAS("COORDINATOR", "/arenaer", "start.arenas"),
        COORDINATOR_INTAKE("COORDINATOR", "/meld-inn", "start.intake"),
        MEMBER_MEETINGS("MEMBER", "/moter", "start.meetings"),
        MEMBER_ARENAS("MEMBER", "/arenaer", "start.arenas"),
        MEMBER_CASES("MEMBER", "/saker", "start.arenaCases"),
        PRIVACY_OFFICER("PRIVACY_OFFICER", "/tilgangslogg", "start.privacyOfficer");

        final String role;
        final String path;
        final String text;

        Start(String role, String path, String text) {
            this.role = role;
            this.path = path;
            this.text = text;
        }

        String role() {
            return role;
        }
    }

    record Link(String path, String text) {
    }

    @GetMapping("/")
    String start(@AuthenticationPrincipal OidcUser user, Model model) {
        List<String> roles = user.getClaimAsStringList("roles");
        List<Link> links = new ArrayList<>();
        java.util.Set<String> paths = new java.util.HashSet<>();
        for (Start start : Start.values()) {
            // Someone with two roles is shown each page once, as the first of their roles words it.
            if (roles != null && roles.contains(start.role()) && paths.add(start.path)) {
                links.add(new Link(start.path, start.text));
            }
        }
        model.addAttribute("links", links);
        return "start";
    }

    @GetMapping(SecurityConfiguration.SIGNED_OUT)
    String signedOut() {
        return "signed-out";
    }
}

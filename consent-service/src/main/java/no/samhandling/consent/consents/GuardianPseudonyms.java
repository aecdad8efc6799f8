package no.samhandling.consent.consents;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import no.samhandling.consent.subjects.SubjectFacts;
import no.samhandling.consent.subjects.Subjects;
import no.samhandling.personaldata.PersonalDataCipher;

/**
 * How guardians' login ids leave this service: as pseudonyms under the child's own key, so that consent.events
 * (kept for good) never hold a login id next to the child's id, and once the child is erased and its key destroyed
 * nobody can tell which guardian a pseudonym was. While the child exists, a service that must recognise the
 * guardians (referral-service, for the family's view of the case) asks here which logins are behind them.
 */
@Component
public class GuardianPseudonyms {

    static final String PURPOSE = "guardian-login";

    private final PersonalDataCipher cipher;
    private final Subjects subjects;

    GuardianPseudonyms(PersonalDataCipher cipher, Subjects subjects) {
        this.cipher = cipher;
        this.subjects = subjects;
    }

    /** The pseudonym of the guardian's login for this child, as consent.events carry it. */
    String of(String municipality, String subjectId, String userId) {
        return cipher.pseudonym(municipality, subjectId, PURPOSE, userId);
    }

    /**
     * The logins of the child's guardians with parental responsibility whose pseudonyms are among those asked for;
     * nothing for an unknown or erased child, and nothing for a pseudonym of anyone else.
     */
    public List<String> loginsBehind(String municipality, String subjectId, Set<String> pseudonyms) {
        return subjects.facts(municipality, subjectId).filter(child -> !child.erased()).stream()
                .flatMap(child -> child.guardiansWithParentalResponsibility().stream())
                .map(SubjectFacts.GuardianFacts::userId)
                .filter(userId -> userId != null && cipher.existingPseudonym(subjectId, PURPOSE, userId)
                        .filter(pseudonyms::contains).isPresent())
                .distinct()
                .toList();
    }
}

package no.samhandling.consent.consents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import no.samhandling.events.consent.ConsentGiver;
import no.samhandling.events.consent.ConsentWithdrawer;

/**
 * A consent as the API shows it. {@code active} says whether it covers anything today: in force
 * and inside its period. Evidence references are shown to staff only.
 */
public record ConsentView(
        String id,
        String subjectId,
        String legalArea,
        String status,
        boolean active,
        ScopeView scope,
        LocalDate validFrom,
        LocalDate validTo,
        ConsentGiver givenBy,
        List<DecisionView> decisions,
        AwaitingView awaiting,
        Instant recordedAt,
        String recordedBy,
        Instant grantedAt,
        WithdrawalView withdrawal,
        Instant endedAt,
        List<LimitationView> limitations) {

    public record ScopeView(List<String> arenaIds, List<String> parties, String purposeCode,
            List<String> informationIncluded, List<String> informationExcluded) {

        static ScopeView of(Scope scope) {
            return new ScopeView(scope.arenaIds(), scope.parties(), scope.purposeCode(), scope.informationIncluded(),
                    scope.informationExcluded());
        }
    }

    public record DecisionView(String party, String guardianId, String verdict, String evidenceType, String evidenceReference,
            Instant decidedAt, String recordedBy) {
    }

    public record AwaitingView(boolean youth, List<String> guardianIds, int guardiansNeeded) {
    }

    public record WithdrawalView(ConsentWithdrawer withdrawnBy, String guardianId, String evidenceType, String evidenceReference,
            Instant withdrawnAt, String recordedBy) {
    }

    public record LimitationView(Instant limitedAt, String recordedBy, ScopeView previousScope, LocalDate previousValidTo) {
    }
}

package no.samhandling.consent.consents;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.samhandling.events.consent.ConsentWithdrawer;
import no.samhandling.personaldata.NoIdentifiers;

/** The bodies of the consent endpoints. */
final class ConsentRequests {

    static final String CODE = "[A-Z][A-Z0-9_]{0,63}";

    /** {@code POST /subjects/{id}/consents}: a consent given by some or all of those who must give it. */
    record RecordConsent(
            @NotBlank @Pattern(regexp = CODE) String legalArea,
            @NotNull @Valid DecidedBy decidedBy,
            @NotNull @Valid ScopeRequest scope,
            LocalDate validFrom,
            LocalDate validTo,
            @NotNull @Valid EvidenceRequest evidence) {
    }

    /** {@code POST /subjects/{id}/refusals}: a refusal, kept so that nobody asks as if it never happened. */
    record RecordRefusal(
            @NotBlank @Pattern(regexp = CODE) String legalArea,
            @NotNull @Valid DecidedBy decidedBy,
            @NotNull @Valid ScopeRequest scope,
            @NotNull @Valid EvidenceRequest evidence) {
    }

    /** {@code POST /consents/{id}/approvals} and {@code /refusals}: more answers to a pending consent. */
    record Decide(
            @NotNull @Valid DecidedBy decidedBy,
            @NotNull @Valid EvidenceRequest evidence) {
    }

    /** Which guardians (by id) decided, and whether the youth did. */
    record DecidedBy(
            @Size(max = 6) List<@NotBlank @Size(max = 64) String> guardianIds,
            Boolean youth) {

        DecidedBy {
            guardianIds = guardianIds == null ? List.of() : List.copyOf(guardianIds);
            youth = Boolean.TRUE.equals(youth);
        }
    }

    record ScopeRequest(
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 64) String> arenaIds,
            @Size(max = 30) List<@NotNull @Pattern(regexp = CODE) String> parties,
            @NotBlank @Pattern(regexp = CODE) String purposeCode,
            @Size(max = 50) List<@NotNull @Pattern(regexp = CODE) String> informationIncluded,
            @Size(max = 50) List<@NotNull @Pattern(regexp = CODE) String> informationExcluded) {

        Scope toScope() {
            return new Scope(arenaIds.stream().distinct().toList(), distinct(parties), purposeCode,
                    distinct(informationIncluded), distinct(informationExcluded));
        }

        private static List<String> distinct(List<String> codes) {
            return codes == null ? List.of() : codes.stream().distinct().toList();
        }
    }

    /**
     * The reference is required for a signed form or a digital signature. It is an archive number
     * or a signature id, never a national id number: the reference is shown to staff, and
     * consent-service never hands the number out.
     */
    record EvidenceRequest(
            @NotNull Evidence.Type type,
            @Size(max = 500) @NoIdentifiers String reference) {
    }

    /**
     * {@code POST /consents/{id}/limit}: a narrower scope or an earlier end. Absent fields stay as
     * they are; given ones must lie within what the consent covers now.
     */
    record LimitConsent(
            @Size(min = 1, max = 50) List<@NotBlank @Size(max = 64) String> arenaIds,
            @Size(max = 30) List<@NotNull @Pattern(regexp = CODE) String> parties,
            @Size(max = 50) List<@NotNull @Pattern(regexp = CODE) String> informationIncluded,
            @Size(max = 50) List<@NotNull @Pattern(regexp = CODE) String> informationExcluded,
            LocalDate validTo) {
    }

    /**
     * {@code POST /consents/{id}/withdraw} by staff: a withdrawal a guardian or the youth made to
     * them, for example orally; {@code guardianId} names the guardian when one withdrew.
     */
    record RecordWithdrawal(
            @NotNull ConsentWithdrawer withdrawnBy,
            @Size(max = 64) String guardianId,
            @Valid EvidenceRequest evidence) {
    }

    private ConsentRequests() {
    }
}

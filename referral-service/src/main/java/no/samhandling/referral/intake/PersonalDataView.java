package no.samhandling.referral.intake;

import java.time.LocalDate;
import java.util.List;

/** A named case's personal data, opened for one reader and one purpose; every opening is audited. */
record PersonalDataView(
        String referralId,
        String name,
        LocalDate birthDate,
        String nationalId,
        String description,
        List<SubmitReferral.MeasureTried> measuresTried) {

    @Override
    public String toString() {
        return "PersonalDataView[referralId=" + referralId + "]";
    }
}

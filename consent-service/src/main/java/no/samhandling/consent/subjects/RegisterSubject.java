package no.samhandling.consent.subjects;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /subjects}: the child's name and its birth date and/or national id
 * number, and its guardians. Everything here is stored sealed under the child's own key, except the
 * logins, which are opaque ids.
 *
 * @param youthUserId the child's own login, for the youth's own view once the consent rules let the
 *        youth decide in a legal area
 */
record RegisterSubject(
        @NotBlank @Size(max = 200) String name,
        @Past LocalDate birthDate,
        @Pattern(regexp = "\\d{11}") String nationalId,
        @Size(max = 6) List<@NotNull @Valid NewGuardian> guardians,
        @Size(max = 200) String youthUserId) {

    RegisterSubject {
        guardians = guardians == null ? List.of() : guardians;
    }

    /** The child's own login, linked after registration ({@code PUT /subjects/{id}/youth-login}). */
    record YouthLogin(@NotBlank @Size(max = 200) String userId) {
    }

    /** A guardian; {@code userId} links their login to the guardian view. */
    record NewGuardian(
            @NotBlank @Size(max = 200) String name,
            @Email @Size(max = 254) String email,
            @Pattern(regexp = "\\+?[0-9 ]{8,20}") String phone,
            @NotNull Boolean parentalResponsibility,
            @Size(max = 200) String userId,
            @Pattern(regexp = "nb|nn") String language) {
    }
}

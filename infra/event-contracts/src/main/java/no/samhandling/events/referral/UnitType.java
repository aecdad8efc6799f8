package no.samhandling.events.referral;

import java.util.Arrays;

/**
 * The closed list of kinds of unit a referrer works in, as codes on
 * {@code ReferralSubmitted.referrerUnitType}: the services the cooperation duty of the welfare laws
 * names (the same codes arenas use for their parties). Intake accepts only these, and reports
 * group by them, so that a code can never carry anything else (a name, a class) into a published
 * figure. Events from before the list was enforced may carry other codes; readers treat those as
 * unknown, never as a label.
 */
public enum UnitType {
    /** Barnehage. */
    KINDERGARTEN,
    /** Skole. */
    SCHOOL,
    /** Skolefritidsordning. */
    AFTER_SCHOOL,
    /** Pedagogisk-psykologisk teneste. */
    PPT,
    /** Helsestasjon og skolehelseteneste. */
    HEALTH_STATION,
    /** Legeteneste og fastlege. */
    GP,
    /** Barnevern. */
    CHILD_WELFARE,
    /** NAV. */
    NAV,
    /** Psykisk helse og rus. */
    MENTAL_HEALTH_AND_SUBSTANCE,
    /** Politi, SLT-koordinator. */
    POLICE,
    /** Innvandring og integrering, flyktningteneste. */
    IMMIGRATION_AND_INTEGRATION,
    /** Kultur og fritid. */
    CULTURE_AND_LEISURE,
    /** Oppsøkande teneste, miljøterapeut. */
    OUTREACH,
    /** Heimeteneste og tenester for funksjonshemma. */
    HOME_SERVICES,
    /** Spesialisthelseteneste. */
    SPECIALIST_HEALTH,
    /** Tannhelseteneste. */
    DENTAL_HEALTH,
    /** Another kind of unit. */
    OTHER;

    /** Whether a code on the wire is one of the list. */
    public static boolean isKnown(String code) {
        return code != null && Arrays.stream(values()).anyMatch(type -> type.name().equals(code));
    }
}

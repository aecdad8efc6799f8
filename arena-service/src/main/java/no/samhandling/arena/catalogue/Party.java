package no.samhandling.arena.catalogue;

/**
 * The services that take part in arenas, as the cooperation duty of the 14 welfare laws names
 * them. Arenas list parties by these codes (consent scopes and reports match on them); the plan's
 * own wording is kept beside them as {@code partiesText}.
 */
enum Party {
    /** Barnehage. */
    KINDERGARTEN,
    /** Skole, skoleleiing og lærarar. */
    SCHOOL,
    /** Skolefritidsordning. */
    AFTER_SCHOOL,
    /** Pedagogisk-psykologisk teneste. */
    PPT,
    /** Helsestasjon og skolehelseteneste (helsesjukepleiar). */
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
    /** Kultur og fritid, ungdomsklubb. */
    CULTURE_AND_LEISURE,
    /** Oppsøkande teneste og ungdomslos, miljøterapeut. */
    OUTREACH,
    /** Heimeteneste og tenester for funksjonshemma. */
    HOME_SERVICES,
    /** Spesialisthelseteneste (BUP, habilitering). */
    SPECIALIST_HEALTH,
    /** Tannhelseteneste. */
    DENTAL_HEALTH,
    /** Foreldre og føresette. */
    GUARDIANS,
    /** Any other party, named in partiesText. */
    OTHER
}
